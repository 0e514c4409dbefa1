"""Who can open a report: the copies of its key follow who may see it, a forgotten
password loses nothing, and the recovery key and rotation keep every report readable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import PASSWORD
from trustline.accounts import staff_keys
from trustline.audit.services import verify
from trustline.cases.services import case_assign, case_transition
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.intake.visibility import visible_reports
from trustline.vault import recovery
from trustline.vault import services as vault
from trustline.vault.keyring import Keyring
from trustline.vault.models import KeyWrap, StaffKey

pytestmark = pytest.mark.django_db


def holders(report: Report) -> set[str]:
    wraps = KeyWrap.objects.filter(report=report).select_related("key__user")
    return {w.key.user.username if w.key.user else "recovery" for w in wraps}


def can_open(user: User, report_id: int) -> bool:
    report = Report.objects.get(pk=report_id)
    return vault.open_for(report, user) and bool(report.narrative)


def test_a_new_report_is_wrapped_to_intake_supervisors_and_recovery(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    assert holders(report) == {"recovery", "sam", "ines"}


def test_assignment_gives_the_investigator_a_copy_and_transfer_takes_it_back(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    sam, ivan, olga = staff["sam"], staff["ivan"], staff["olga"]
    report_id = file_report().report.pk
    case_transition(actor=sam, report_id=report_id, to_status=Report.Status.ACCEPTED)
    case_assign(actor=sam, report_id=report_id, assignee=ivan)
    report = Report.objects.get(pk=report_id)
    # Accepted and assigned: out of the intake queue, so intake's copy goes too.
    assert holders(report) == {"recovery", "sam", "ivan"}
    assert can_open(ivan, report_id) and not can_open(olga, report_id)
    case_assign(actor=sam, report_id=report_id, assignee=olga)
    assert holders(report) == {"recovery", "sam", "olga"}
    assert can_open(olga, report_id) and not can_open(ivan, report_id)


def test_after_a_password_reset_a_supervisor_restores_access(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    sam, ines = staff["sam"], staff["ines"]
    report = file_report(narrative="The neighbour's dog bit my son.").report
    ines.set_password("a brand new password")
    ines.save()
    # She signs in with the new password: her old key cannot be opened, a new one is made.
    vault.unlock(user=ines, password="a brand new password")
    assert not can_open(ines, report.pk)
    officer = Client()
    officer.force_login(ines)  # the fixture's client unlocks with PASSWORD: use the form
    assert StaffKey.objects.filter(user=ines, state="active").count() == 1
    client.force_login(sam)
    page = client.get("/staff/keys/").content.decode()
    assert "ines" in page
    response = client.post(f"/staff/keys/{ines.pk}/restore/")
    assert response.status_code == 302
    assert can_open(ines, report.pk)
    assert "Access restored to 1 report." in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("value", ["x", "-1", "1e3", "", "%00"])
def test_an_edited_restore_count_in_the_address_shows_the_page_without_a_notice(
    client: Client, staff: dict[str, User], value: str
) -> None:
    client.force_login(staff["sam"])
    response = client.get("/staff/keys/", {"restored": value})
    assert response.status_code == 200
    assert "Access restored" not in response.content.decode()


def test_only_supervisors_restore_access(client: Client, staff: dict[str, User]) -> None:
    client.force_login(staff["ines"])
    assert client.get("/staff/keys/").status_code == 404
    assert client.post(f"/staff/keys/{staff['ivan'].pk}/restore/").status_code == 404


def test_a_locked_report_says_so_instead_of_failing(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    KeyWrap.objects.filter(report=report, key__user=staff["ines"]).delete()
    client.force_login(staff["ines"])
    response = client.get(f"/staff/reports/{report.pk}/")
    assert response.status_code == 403
    assert "ask a supervisor to restore your access" in response.content.decode().lower()
    assert "bicycle" not in response.content.decode()


def shares_file(tmp_path: Path, words: list[str]) -> str:
    path = tmp_path / "shares.txt"
    path.write_text("\n".join(words))
    return str(path)


@pytest.fixture
def shares(recovery_keyring: Keyring) -> list[str]:
    # Replace the fixture's recovery key with one made the way operators make it.
    StaffKey.objects.filter(pk=recovery_keyring.key_id).update(state="retired")
    vault._changed()
    return recovery.init_recovery(threshold=2, count=3).words


def test_init_recovery_prints_shares_once_and_refuses_a_second_key(
    staff: dict[str, User], capsys: pytest.CaptureFixture[str]
) -> None:
    StaffKey.objects.filter(kind="recovery").update(state="retired")
    call_command("keys", "init-recovery", "--threshold", "2", "--shares", "3")
    out = capsys.readouterr().out
    assert out.count("share ") == 3
    with pytest.raises(CommandError, match="a recovery key exists"):
        call_command("keys", "init-recovery")


def test_two_of_three_shares_restore_an_officer_one_does_not(
    tmp_path: Path,
    staff: dict[str, User],
    shares: list[str],
    file_report: Callable[..., Filed],
) -> None:
    ivan = staff["ivan"]
    report_id = file_report().report.pk
    case_transition(actor=staff["sam"], report_id=report_id, to_status=Report.Status.ACCEPTED)
    case_assign(actor=staff["sam"], report_id=report_id, assignee=ivan)
    ivan.set_password("new")
    ivan.save()
    vault.unlock(user=ivan, password="new")
    assert not can_open(ivan, report_id)
    with pytest.raises(CommandError):
        call_command("keys", "restore", "ivan", "--shares-file", shares_file(tmp_path, shares[:1]))
    call_command("keys", "restore", "ivan", "--shares-file", shares_file(tmp_path, shares[1:]))
    assert can_open(ivan, report_id)


def test_rotating_a_staff_key_keeps_every_report_readable(
    tmp_path: Path, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    sam = staff["sam"]
    ids = [file_report().report.pk for _ in range(3)]
    old = StaffKey.objects.get(user=sam, state="active")
    password = tmp_path / "pw"
    password.write_text(PASSWORD)
    call_command("keys", "rotate", "--user", "sam", "--password-file", str(password))
    new = StaffKey.objects.get(user=sam, state="active")
    assert new.pk != old.pk
    assert not KeyWrap.objects.filter(key=old).exists()
    vault.unlock(user=sam, password=PASSWORD)
    assert all(can_open(sam, pk) for pk in ids)


def test_an_interrupted_rotation_resumes(
    staff: dict[str, User], file_report: Callable[..., Filed], monkeypatch: pytest.MonkeyPatch
) -> None:
    sam = staff["sam"]
    ids = [file_report().report.pk for _ in range(5)]
    monkeypatch.setattr(recovery, "BATCH", 2)
    calls = {"n": 0}
    real = vault._rewrap_missing

    def crash_after_first_batch(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(recovery, "_rewrap_missing", crash_after_first_batch)
    with pytest.raises(KeyboardInterrupt):
        recovery.rotate_staff_key(user=sam, password=PASSWORD)
    # Interrupted: the old key still opens everything, the new one is pending.
    assert StaffKey.objects.filter(user=sam, state="pending").count() == 1
    vault.unlock(user=sam, password=PASSWORD)
    assert all(can_open(sam, pk) for pk in ids)
    monkeypatch.setattr(recovery, "_rewrap_missing", real)
    recovery.rotate_staff_key(user=sam, password=PASSWORD)
    vault.unlock(user=sam, password=PASSWORD)
    assert StaffKey.objects.get(user=sam, state="active").wraps.count() == 5
    assert all(can_open(sam, pk) for pk in ids)


def test_rotating_the_recovery_key_retires_the_old_shares(
    tmp_path: Path,
    staff: dict[str, User],
    shares: list[str],
    file_report: Callable[..., Filed],
    capsys: pytest.CaptureFixture[str],
) -> None:
    file_report()
    call_command("keys", "rotate", "--recovery", "--shares-file", shares_file(tmp_path, shares))
    out = capsys.readouterr().out
    new_shares = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("share ")]
    assert len(new_shares) == 3
    with pytest.raises(recovery.RecoveryError):
        recovery.open_recovery(shares[:2])
    keyring = recovery.open_recovery(new_shares[:2])
    report = Report.objects.get()
    assert vault.open_with(report, keyring)
    assert "bicycle" in report.narrative


def test_revoking_someone_who_left_removes_every_copy(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    call_command("keys", "revoke", "ines")
    assert holders(report) == {"recovery", "sam"}
    assert verify().count > 0


def test_the_line_is_not_ready_until_its_recovery_key_exists(
    client: Client, recovery_keyring: Keyring
) -> None:
    assert client.get("/readyz").status_code == 200
    StaffKey.objects.filter(kind="recovery").update(state="retired")
    vault._changed()
    assert client.get("/readyz").status_code == 503


def test_a_report_is_refused_rather_than_filed_without_a_recovery_key(
    file_report: Callable[..., Filed],
) -> None:
    StaffKey.objects.filter(kind="recovery").update(state="retired")
    vault._changed()
    with pytest.raises(vault.NoRecoveryKey):
        file_report()
    assert not Report.objects.exists()


def test_a_restore_is_done_in_parts_and_the_page_says_what_is_left(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    ines = staff["ines"]
    for _ in range(3):
        file_report()
    ines.set_password("a brand new password")
    ines.save()
    vault.unlock(user=ines, password="a brand new password")
    assert (
        vault.restore_access(actor=staff["sam"], user=ines, reports=visible_reports(ines), limit=2)
        == 2
    )
    row = next(h for h in staff_keys.holders() if h.user == ines)
    assert row.missing == 1
    assert (
        vault.restore_access(actor=staff["sam"], user=ines, reports=visible_reports(ines), limit=2)
        == 1
    )


def test_keeping_copies_in_line_costs_the_same_queries_however_many_staff(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    sam = staff["sam"]

    def queries_for_one_assignment() -> int:
        report_id = file_report().report.pk
        with CaptureQueriesContext(connection) as seen:
            case_assign(actor=sam, report_id=report_id, assignee=staff["ivan"])
        return len(seen.captured_queries)

    queries_for_one_assignment()  # warm: the first report of a test reads more
    before = queries_for_one_assignment()
    for n in range(5):
        newcomer = User.objects.create_user(username=f"intake{n}", password=PASSWORD)
        newcomer.groups.add(Group.objects.get(name="intake"))
        vault.unlock(user=newcomer, password=PASSWORD)
    assert queries_for_one_assignment() == before
