"""The attacker's sweep (tests/sweep.py) as one test: every part runs, the table of
probes tried / passed / failed is printed, and a single failure fails the suite.

    make sweep          # the full sweep (TRUSTLINE_SWEEP=full), counts printed
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from tests.contracts.dump import dump, opened_in
from tests.forms import post_report
from tests.sweep import (
    FULL,
    MALFORMED,
    Part,
    post_undone,
    sample,
    shown_as_text,
    table,
    unshown,
)
from tests.test_authorization_matrix import EXPECTED, VISITORS, application_urls
from tests.test_injection import SQL_PAYLOADS, STAFF_FILTERS, WHO_FILTERS, row_counts
from tests.world import DETAINER, build_world, concrete
from trustline.audit.services import verify
from trustline.disclosures.models import OutsideRequest
from trustline.intake.models import Report

# A dump is read from pg_dump's own connection: what the sweep writes is committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

XSS_CORPUS = "tests/payloads/xss.txt"


def visitor_clients(staff: dict[str, User]) -> dict[str, Client]:
    clients: dict[str, Client] = {"anon": Client(raise_request_exception=False)}
    for name in VISITORS[1:]:
        client = StaffClient(raise_request_exception=False)
        client.force_login(staff[name])
        clients[name] = client
    return clients


def xss_payloads() -> list[str]:
    with open(XSS_CORPUS, encoding="utf-8") as lines:
        kept = [line.rstrip("\n") for line in lines if line.strip() and not line.startswith("#")]
    return [line.replace("{N}", str(n)) for n, line in enumerate(kept, 1)]


# Parts --------------------------------------------------------------------------


def sweep_matrix(world: dict[str, int], staff: dict[str, User]) -> Part:
    part = Part("matrix")
    routes = application_urls()
    clients = visitor_clients(staff)
    for name, (method, answers) in sorted(EXPECTED.items()):
        path = concrete(routes[name], world)
        for visitor, expected in zip(VISITORS, answers, strict=True):
            client = clients[visitor]
            if method == "POST":
                # A sign-out ends the session it is sent with: a fresh one each time.
                if name == "staff:logout" and visitor != "anon":
                    client = StaffClient(raise_request_exception=False)
                    client.force_login(staff[visitor])
                answer = post_undone(client, path, data={}).status_code
                other = client.get(path).status_code
            else:
                answer = client.get(path).status_code
                other = post_undone(client, path, data={}).status_code
            part.check(answer == expected, f"{method} {name} as {visitor}: {answer}")
            # The other method tells no more than the right one, and never fails.
            told = other < 500 and (other != 200 or expected == 200)
            part.check(told, f"other method on {name} as {visitor}: {other}")
    return part


def file_with(payload: str, sam: Client) -> tuple[Report, Client]:
    """A reporter files the payload in every field and writes once more; Sam notes,
    answers and refers the report (not a police matter)."""
    reporter = Client(raise_request_exception=False)
    texts = {"place": payload, "narrative": payload, "contact_name": payload}
    data = {"category": "theft", "when": "unsure", "role": "witness", "contact_language": "en"}
    post_report(reporter, {**data, **texts, "contact_safe_times": payload})
    report = Report.objects.order_by("-id").first()
    assert report is not None
    reporter.post("/en/follow-up/case/", {"body": payload})
    case = f"/staff/reports/{report.pk}"
    sam.post(f"{case}/notes/", {"body": payload})
    sam.post(f"{case}/messages/", {"body": payload})
    sam.post(f"{case}/status/", {"to_status": "not_police_matter", "referral": payload})
    return report, reporter


def sweep_xss(staff: dict[str, User]) -> Part:
    part = Part("xss")
    clients = visitor_clients(staff)
    sam, rick, aude = clients["sam"], clients["rick"], clients["aude"]
    for payload in sample(xss_payloads(), 6):
        if not part.time_left():
            break
        report, reporter = file_with(payload, sam)
        where = f"payload {payload[:30]!r}"
        case = sam.get(f"/staff/reports/{report.pk}/").content.decode()
        part.check(shown_as_text(case, payload), f"{where} on the case page")
        thread = reporter.get("/en/follow-up/case/").content.decode()
        part.check(shown_as_text(thread, payload), f"{where} in the reporter's thread")
        for page in (f"/staff/?q={payload}", "/staff/withheld/", "/staff/holds/"):
            part.check(unshown(sam.get(page).content.decode(), payload), f"{where} on {page}")
        fields = {"agency_name": payload, "officer": payload, "stated_purpose": payload}
        rick.post("/staff/desk/new/", {**DETAINER, **fields, "subject_reference": payload[:40]})
        outside = OutsideRequest.objects.order_by("-id").first()
        assert outside is not None
        desk = rick.get(f"/staff/desk/{outside.pk}/").content.decode()
        part.check(shown_as_text(desk, payload), f"{where} on the desk request page")
        part.check(unshown(rick.get("/staff/desk/").content.decode(), payload), f"{where} desk")
        audit = aude.get(f"/staff/audit/?actor={payload}").content.decode()
        part.check(unshown(audit, payload), f"{where} on the audit page")
    return part


def sweep_sql(staff: dict[str, User], world: dict[str, int]) -> Part:
    part = Part("sql")
    clients = visitor_clients(staff)
    rows = row_counts()
    for payload in sample(SQL_PAYLOADS, 6):
        for path, parameters in STAFF_FILTERS.items():
            client = clients[WHO_FILTERS[path]]
            for parameter in parameters:
                code = client.get(path, {parameter: payload}).status_code
                part.check(code < 500, f"{path}?{parameter}= answered {code}")
        ivan_sees = clients["ivan"].get("/staff/", {"q": payload}).content.decode()
        others = Report.objects.exclude(pk=world["report_id"]).values_list("pk", flat=True)
        leaked = [pk for pk in others if f"/staff/reports/{pk}/" in ivan_sees]
        part.check(leaked == [], "an investigator's search showed another officer's case")
        answer = Client(raise_request_exception=False).post("/en/follow-up/", {"receipt": payload})
        part.check(answer.status_code < 500, f"a receipt answered {answer.status_code}")
    part.check(row_counts() == rows, "rows were added or lost")
    try:
        verify()
        part.check(True, "audit chain")
    except Exception as exc:  # any failure of verify is the finding
        part.check(False, f"audit chain: {type(exc).__name__}")
    return part


def sweep_malformed(world: dict[str, int], staff: dict[str, User]) -> Part:
    part = Part("malformed")
    clients = visitor_clients(staff)
    routes = application_urls()
    for name, (_method, answers) in sorted(EXPECTED.items()):
        if not part.time_left():
            break
        # The first visitor the URL serves (not a sign-in redirect, not a 404).
        served = [(v, a) for v, a in zip(VISITORS, answers, strict=True) if a not in (302, 404)]
        visitor, usual = served[0] if served else ("anon", answers[0])
        # A server error is a finding; a refusal the table expects (503: no signing key
        # configured) is not.
        fine = {usual} if usual >= 500 else set()
        path = concrete(routes[name], world)
        huge = concrete(routes[name], dict.fromkeys(world, 10**30))
        for label, body in sample(MALFORMED, 5):
            answer = post_undone(clients[visitor], path, **body()).status_code
            part.check(answer < 500 or answer in fine, f"{label} to {name} as {visitor}: {answer}")
        if huge != path:
            answer = clients[visitor].get(huge).status_code
            part.check(answer < 500, f"an id too large for {name}: {answer}")
    return part


CANARY = "sweepcanary4e1f"
ADDRESS, AGENT = "198.51.100.77", f"Mozilla/5.0 (SweepPhone) {CANARY}-agent"


def sweep_canaries(
    staff: dict[str, User], logged: list[str], unsealed: Callable[[Report], Report]
) -> Part:
    part = Part("canaries")
    reporter = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, raise_request_exception=False)
    narrative = f"{CANARY}-narrative: my neighbour is undocumented and they took my bike."
    data = {"category": "theft", "when": "unsure", "role": "victim", "contact_language": "en"}
    post_report(reporter, {**data, "narrative": narrative, "place": f"{CANARY}-place"})
    report = Report.objects.order_by("-id").first()
    assert report is not None
    reporter.post("/en/follow-up/case/", {"body": f"{CANARY}-reply, I overstayed my visa."})
    sam = StaffClient(raise_request_exception=False)
    sam.force_login(staff["sam"])
    sam.post(f"/staff/reports/{report.pk}/notes/", {"body": f"{CANARY}-note"})
    sam.post(f"/staff/reports/{report.pk}/messages/", {"body": f"{CANARY}-message"})
    dumped = dump()
    for form in (
        CANARY.encode(),
        CANARY.encode().hex().encode(),
        base64.b64encode(CANARY.encode()),
    ):
        part.check(form not in dumped, "a canary in the database dump")
    part.check(ADDRESS.encode() not in dumped, "the client address in the dump")
    part.check(b"SweepPhone" not in dumped, "the user agent in the dump")
    text = "\n".join(logged)
    for planted in (CANARY, ADDRESS, "SweepPhone"):
        part.check(planted not in text, f"{planted!r} in the logs")
    # What someone holding the report's key reads in the dump (the recovery key here).
    opened = "\n".join(opened_in(dumped, unsealed(Report.objects.get(pk=report.pk))))
    part.check(f"{CANARY}-narrative" in opened, "the narrative was stored (the check can fail)")
    for status in ("undocumented", "overstayed"):
        part.check(status not in opened, f"a status phrase ({status}) was stored")
    return part


class Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_the_sweep_finds_nothing(
    staff: dict[str, User],
    file_report: Callable[..., Any],
    put_case: Callable[..., Report],
    settings: Any,
    unsealed: Callable[[Report], Report],
    capsys: pytest.CaptureFixture[str],
) -> None:
    logged = Logged()
    root = logging.getLogger()
    root.addHandler(logged)
    level = root.level
    root.setLevel(logging.DEBUG)
    try:
        world = build_world(staff, file_report, put_case, settings)
        parts = [
            sweep_matrix(world, staff),
            sweep_sql(staff, world),
            sweep_malformed(world, staff),
            sweep_xss(staff),
            sweep_canaries(staff, logged.lines, unsealed),
        ]
    finally:
        root.removeHandler(logged)
        root.setLevel(level)
    with capsys.disabled():
        print("\n" + table(parts))
    failures = [f"{part.name}: {line}" for part in parts for line in part.failures]
    assert failures == []


def test_the_sweep_counts_a_payload_shown_as_markup_as_a_failure() -> None:
    typed = "<b onmouseover=alert(1)>x</b>"
    assert not shown_as_text(f"<p>{typed}</p>", typed)
    assert not unshown(f"<p>{typed}</p>", typed)
    assert shown_as_text("<p>&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;</p>", typed)
    # Shown nowhere is not "shown as text": a page that drops the field fails too.
    assert not shown_as_text("<p></p>", typed)


def test_a_short_sweep_samples_evenly_and_a_full_one_takes_everything() -> None:
    items = list(range(20))
    assert sample(items, 20) == items
    assert sample(items, 5) == (items if FULL else [0, 4, 8, 12, 16])
