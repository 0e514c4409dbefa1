"""Property: whatever sequence of assignments, transfers, closures, password resets,
restores, rotations and departures (revoked keys) happens, no report is ever
unreadable: the recovery key opens every one, and everyone who may see a report (and
has not just lost their password or left) opens it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD
from trustline.cases.services import NotAllowed, case_assign, case_transition
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.intake.visibility import may_see, visible_reports
from trustline.remembered import forget
from trustline.vault import recovery
from trustline.vault import services as vault
from trustline.vault.fields import VaultLocked
from trustline.vault.keyring import Keyring

pytestmark = pytest.mark.django_db

CASE_STAFF = ["sam", "ines", "ivan", "olga"]
person = st.sampled_from(CASE_STAFF)
report_index = st.integers(min_value=0, max_value=1)
operation = st.one_of(
    st.tuples(st.just("assign"), report_index, st.sampled_from(["ivan", "olga", None])),
    st.tuples(st.just("accept"), report_index, st.none()),
    st.tuples(st.just("close"), report_index, st.none()),
    st.tuples(st.just("forget password"), st.none(), person),
    st.tuples(st.just("supervisor restores"), st.none(), person),
    st.tuples(st.just("recovery restores"), st.none(), person),
    st.tuples(st.just("rotate"), st.none(), person),
    st.tuples(st.just("leaves"), st.none(), st.sampled_from(["ines", "ivan", "olga"])),
)


class World:
    def __init__(self, recovery_keyring: Keyring) -> None:
        self.people = {name: User.objects.get(username=name) for name in CASE_STAFF}
        self.passwords = dict.fromkeys(CASE_STAFF, PASSWORD)
        self.recovery = recovery_keyring
        self.lost: set[str] = set()  # reset, not yet restored
        self.gone: set[str] = set()  # left: account closed, keys revoked
        for name in CASE_STAFF:
            self.sign_in(name)

    def sign_in(self, name: str) -> None:
        vault.unlock(user=self.people[name], password=self.passwords[name])

    def apply(self, op: str, report: Report | None, who: str | None) -> None:
        sam = self.people["sam"]
        try:
            with transaction.atomic():
                self._apply(op, sam, report, who)
        except (NotAllowed, VaultLocked):
            pass  # refused, and nothing changed

    def _apply(self, op: str, sam: User, report: Report | None, who: str | None) -> None:
        if op == "assign" and report is not None:
            case_assign(actor=sam, report_id=report.pk, assignee=self.people[who] if who else None)
        elif op == "accept" and report is not None:
            case_transition(actor=sam, report_id=report.pk, to_status=Report.Status.ACCEPTED)
        elif op == "close" and report is not None:
            case_transition(
                actor=sam, report_id=report.pk, to_status=Report.Status.CLOSED, disposition="arrest"
            )
        elif op == "forget password" and who and who not in self.gone:
            self.passwords[who] = f"new password {len(self.lost)} {who}"
            self.people[who].set_password(self.passwords[who])
            self.people[who].save()
            self.sign_in(who)
            self.lost.add(who)
        elif op == "supervisor restores" and who and "sam" not in self.lost | self.gone:
            user = self.people[who]
            vault.restore_access(actor=sam, user=user, reports=visible_reports(user))
            self.lost.discard(who)
        elif op == "recovery restores" and who and who not in self.gone:
            key = vault.active_key(self.people[who])
            assert key is not None
            vault._rewrap_missing(Report.objects.all(), self.recovery, key)
            self.lost.discard(who)
        elif op == "leaves" and who and who not in self.gone:
            user = self.people[who]
            user.is_active = False
            user.save(update_fields=["is_active"])
            recovery.revoke_staff(user=user)
            self.gone.add(who)
        elif op == "rotate" and who and who not in self.lost | self.gone:
            recovery.rotate_staff_key(user=self.people[who], password=self.passwords[who])
            self.sign_in(who)

    def check(self, report_ids: list[int]) -> None:
        for report_id in report_ids:
            report = Report.objects.select_related("assignee").get(pk=report_id)
            assert vault.open_with(report, self.recovery) and report.narrative
            for name, user in self.people.items():
                if name in self.lost or name in self.gone or not may_see(user, report):
                    continue
                fresh = Report.objects.get(pk=report_id)
                assert vault.open_for(fresh, user), f"{name} cannot open {fresh} ({fresh.status})"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(operation, max_size=10))
def test_no_report_is_ever_unreadable(
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    recovery_keyring: Keyring,
    operations: list[tuple[str, int | None, str | None]],
) -> None:
    savepoint = transaction.savepoint()
    try:
        forget()
        world = World(recovery_keyring)
        reports = [file_report().report for _ in range(2)]
        ids = [r.pk for r in reports]
        world.check(ids)
        for op, index, who in operations:
            world.apply(op, reports[index] if index is not None else None, who)
            world.check(ids)
    finally:
        transaction.savepoint_rollback(savepoint)
