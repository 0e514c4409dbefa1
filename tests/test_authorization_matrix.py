"""Every URL of the application by every kind of visitor, against a table of expected
answers built from the URLconf: a URL missing from the table fails the suite.

The personas are those of conftest.py; what stands behind each URL is tests/world.py.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import StaffClient
from tests.world import build_world, concrete

VISITORS = ["anon", "sam", "ines", "ivan", "olga", "aude", "rick", "ada"]
# Method, then the answer for each visitor in VISITORS' order.
# 302 from anon means "to the sign-in page"; 404 is "not found or not yours".
EXPECTED: dict[str, tuple[str, list[int]]] = {
    "staff:login": ("GET", [200, 302, 302, 302, 302, 302, 302, 302]),
    "staff:logout": ("POST", [302, 302, 302, 302, 302, 302, 302, 302]),
    # Everyone here is enrolled and verified already: enrollment sends them home.
    "staff:enroll": ("GET", [302, 302, 302, 302, 302, 302, 302, 302]),
    "staff:reauth": ("GET", [302, 200, 200, 200, 200, 200, 200, 200]),
    "staff:password_change": ("GET", [302, 200, 200, 200, 200, 200, 200, 200]),
    "staff:inbox": ("GET", [302, 200, 200, 200, 200, 404, 404, 404]),
    "staff:take_report": ("GET", [302, 200, 200, 404, 404, 404, 404, 404]),
    "staff:case": ("GET", [302, 200, 404, 200, 404, 404, 404, 404]),
    "staff:transition": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:assign": ("POST", [302, 302, 403, 403, 403, 404, 404, 404]),
    "staff:reply": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:note": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:interpreter": ("POST", [302, 302, 404, 302, 404, 404, 404, 404]),
    "staff:reveal_contact": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    # An empty form: 400 for whoever may see the case, before anything is withheld.
    "staff:withhold_narrative": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:withhold_message": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:withhold_note": ("POST", [302, 400, 404, 400, 404, 404, 404, 404]),
    "staff:withholdings": ("GET", [302, 200, 404, 404, 404, 404, 404, 404]),
    "staff:staff_keys": ("GET", [302, 200, 404, 404, 404, 404, 404, 404]),
    "staff:restore_access": ("POST", [302, 302, 404, 404, 404, 404, 404, 404]),
    "staff:quarantine": ("GET", [302, 200, 404, 404, 404, 404, 404, 404]),
    "staff:quarantined": ("GET", [302, 200, 404, 404, 404, 404, 404, 404]),
    "staff:quarantine_release": ("POST", [302, 302, 404, 404, 404, 404, 404, 404]),
    "staff:audit": ("GET", [302, 404, 404, 404, 404, 200, 404, 404]),
    "staff:audit_export": ("GET", [302, 404, 404, 404, 404, 200, 404, 404]),
    # No signing key is configured in tests: the auditor is told so (503).
    "staff:audit_checkpoint": ("POST", [302, 404, 404, 404, 404, 503, 404, 404]),
    "staff:desk": ("GET", [302, 200, 404, 404, 404, 200, 200, 404]),
    "staff:desk_log": ("GET", [302, 200, 404, 404, 404, 403, 200, 404]),
    "staff:desk_request": ("GET", [302, 200, 404, 404, 404, 200, 200, 404]),
    "staff:desk_carry_out": ("POST", [302, 302, 404, 404, 404, 403, 302, 404]),
    "staff:desk_escalate": ("POST", [302, 400, 404, 404, 404, 403, 400, 404]),
    "staff:desk_judicial": ("POST", [302, 400, 404, 404, 404, 403, 400, 404]),
    "staff:desk_verify": ("POST", [302, 409, 404, 404, 404, 403, 403, 404]),
    "staff:desk_release": ("POST", [302, 400, 404, 404, 404, 403, 400, 404]),
    "staff:desk_task_done": ("POST", [302, 302, 404, 404, 404, 403, 302, 404]),
    "staff:holds": ("GET", [302, 200, 404, 404, 404, 404, 404, 404]),
    "staff:hold_place": ("POST", [302, 400, 404, 404, 404, 404, 404, 404]),
    "staff:hold_lift": ("POST", [302, 400, 404, 404, 404, 404, 404, 404]),
    "healthz": ("GET", [200] * 8),
    "readyz": ("GET", [200] * 8),
    "public:landing": ("GET", [200] * 8),
    "public:report": ("GET", [200] * 8),
    "public:receipt": ("GET", [302] * 8),
    "public:receipt_card": ("GET", [302] * 8),
    "public:sent": ("GET", [302] * 8),
    "public:follow_up": ("GET", [200] * 8),
    "public:thread": ("GET", [302] * 8),
    "public:thread_sent": ("GET", [302] * 8),
    "public:leave": ("POST", [302] * 8),
    "public:interpreters": ("GET", [200] * 8),
    "transparency:figures": ("GET", [200] * 8),
}


def application_urls() -> dict[str, str]:
    """Every named URL outside the Django admin, as name -> route."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found[name] = prefix + str(pattern.pattern)

    walk(get_resolver().url_patterns, "", "")
    return {name: route for name, route in found.items() if not name.startswith("admin:")}


def test_every_url_is_in_the_table() -> None:
    assert sorted(application_urls()) == sorted(EXPECTED)


@pytest.fixture
def world(staff: dict[str, User], file_report: Any, put_case: Any, settings: Any) -> dict[str, int]:
    return build_world(staff, file_report, put_case, settings)


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer(
    visitor: str, world: dict[str, int], staff: dict[str, User]
) -> None:
    # One world per visitor; each request runs in a savepoint that is rolled back (and
    # the visitor's cookies are put back), so every URL meets the world as it was
    # built, whatever the URL before it changed.
    client = StaffClient()
    if visitor != "anon":
        client.force_login(staff[visitor])
    routes = application_urls()
    wrong = []
    for name in sorted(EXPECTED):
        method, answers = EXPECTED[name]
        path = concrete(routes[name], world)
        signed_in = copy.deepcopy(client.cookies)  # signing out clears them
        with transaction.atomic():
            response = client.post(path, {}) if method == "POST" else client.get(path)
            transaction.set_rollback(True)
        client.cookies = signed_in
        expected = answers[VISITORS.index(visitor)]
        if response.status_code != expected:
            wrong.append(f"{method} {path} ({name}): {response.status_code}, not {expected}")
    assert not wrong, f"as {visitor}:\n" + "\n".join(wrong)
