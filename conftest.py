"""Shared fixtures: the people of DESIGN.md as staff accounts, and a way to file a
report the way the public form does.

Personas and their rights:
- sam: supervisor — sees every report, accepts, assigns.
- ines: intake officer — sees the intake queue (new, in review, not a police matter,
  unassigned), triages, writes to reporters.
- ivan: investigator — sees the cases assigned to him.
- olga: investigator — an officer of another case; sees none of Ivan's.
- aude: auditor — reads the audit trail, opens no report.
- rick: records custodian — outside requests; opens no report.
- ada: administrator (IT) — configuration; opens no report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from trustline.accounts.two_factor import TOTP_NAME, mark_verified
from trustline.cases.models import Note
from trustline.intake import receipts
from trustline.intake.models import Category, Message, Report
from trustline.intake.services import Filed, report_submit
from trustline.intake.visibility import may_see
from trustline.reauth import mark_reauthenticated
from trustline.remembered import forget
from trustline.vault import crypto
from trustline.vault import services as vault
from trustline.vault.keyring import Keyring, keyring_of
from trustline.vault.keyring_session import COOKIE as VAULT_COOKIE
from trustline.vault.keyring_session import SESSION_KEY as VAULT_SESSION_KEY
from trustline.vault.keyring_session import session_entry
from trustline.vault.models import StaffKey

PASSWORD = "correct horse battery staple"
Stored = TypeVar("Stored", Report, Message, Note)
# Every persona's authenticator secret (hex, as django-otp stores it): code_for() and
# the browser tests' sign_in() compute its current codes.
TOTP_KEY = "3132333435363738393031323334353637383930"
PERSONAS = {
    "sam": "supervisor",
    "ines": "intake",
    "ivan": "investigator",
    "olga": "investigator",
    "aude": "auditor",
    "rick": "records",
    "ada": "admin",
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is the production hasher; tests that log in by form need not pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The same for the Argon2id that protects staff private keys (the minimum cost).
    settings.VAULT_KDF_MEMORY_KIB = 32
    settings.VAULT_KDF_ITERATIONS = 1


@pytest.fixture
def recovery_keyring(db: None) -> Keyring:
    """The agency recovery key, as `trustline keys init-recovery` makes it; the test
    keeps its private half (in real life: shares held by command staff)."""
    private, public = crypto.new_key_pair()
    key = StaffKey.objects.create(
        kind=StaffKey.Kind.RECOVERY, public=public, created_at=timezone.now()
    )
    forget()
    return Keyring(key_id=key.pk, private=private)


@pytest.fixture
def unsealed(recovery_keyring: Keyring) -> Callable[[Stored], Stored]:
    """Open a stored report, message or note for a test to read, with the recovery key."""

    def open_stored(stored: Stored) -> Stored:
        report = stored if isinstance(stored, Report) else stored.report
        if not vault.open_with(report, recovery_keyring):
            raise AssertionError(f"the recovery key holds no copy of {report}'s key")
        return stored

    return open_stored


@pytest.fixture
def put_case(unsealed: Callable[[Report], Report]) -> Callable[..., Report]:
    """Set a report's status or assignee directly, then let the vault follow (the
    copies of its key go to whoever may now see it), as the case services do."""

    def put(report: Report, **fields: Any) -> Report:
        Report.objects.filter(pk=report.pk).update(**fields)
        fresh = unsealed(Report.objects.get(pk=report.pk))
        vault.reconcile(fresh, lambda user: may_see(user, fresh))
        return fresh

    return put


@pytest.fixture(autouse=True)
def _line_has_a_recovery_key(request: pytest.FixtureRequest) -> None:
    # A line takes no report before its recovery key exists (NoRecoveryKey).
    names = request.fixturenames
    uses_db = {"db", "transactional_db", "live_server"} & set(names)
    if uses_db or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("recovery_keyring")


class StaffClient(Client):
    """force_login also does what the sign-in form does after the password: mark the
    session as past the second factor, and unlock the officer's keys into it."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        verify_for_client(self, user)
        unlock_for_client(self, user)


def verify_for_client(client: Client, user: User) -> None:
    """As if the staff member had typed a current code just now."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, key=TOTP_KEY)
    session = client.session
    mark_verified(session, device)
    mark_reauthenticated(session)
    session.save()


def unlock_for_client(client: Client, user: User) -> None:
    keyring = keyring_of(user) or vault.unlock(user=user, password=PASSWORD)
    entry, cookie = session_entry(user, keyring)
    session = client.session
    session[VAULT_SESSION_KEY] = entry
    session.save()
    client.cookies[VAULT_COOKIE] = cookie


@pytest.fixture
def client() -> StaffClient:
    return StaffClient()


@pytest.fixture
def admin_client(admin_user: User) -> StaffClient:
    """pytest-django's administrator, signed in as fully as the personas."""
    client = StaffClient()
    client.force_login(admin_user)
    return client


def code_for(key: str = TOTP_KEY, drift: int = 0) -> str:
    """The code an authenticator app with this secret shows now (drift=1: the next one,
    for a second sign-in within the same 30 seconds — a code is accepted only once)."""
    return f"{totp(bytes.fromhex(key), drift=drift):06d}"


@pytest.fixture(autouse=True)
def _language_of_the_settings() -> Iterator[None]:
    # A request for a Spanish page leaves Spanish active in the thread (LocaleMiddleware
    # does not undo it); the next test, or a management command, would speak Spanish.
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Configuration and the empty report form are cached per process; tests start clean.
    cache.clear()
    forget()


@pytest.fixture(autouse=True)
def _static_without_manifest(settings: Any) -> None:
    # Production serves hashed names from `collectstatic`; tests read the source files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def staff(db: None) -> dict[str, User]:
    people = {}
    for name, role in PERSONAS.items():
        user = User.objects.create_user(username=name, password=PASSWORD)
        user.groups.add(Group.objects.get(name=role))
        if role == "admin":
            user.is_staff = user.is_superuser = True
            user.save()
        # Enrolled in two-factor sign-in with a known key, so tests can compute codes.
        TOTPDevice.objects.create(user=user, name=TOTP_NAME, key=TOTP_KEY)
        # Each has signed in once: their key pair exists before any report is filed.
        vault.unlock(user=user, password=PASSWORD)
        people[name] = user
    return people


@pytest.fixture
def file_report(db: None) -> Callable[..., Filed]:
    def _file(**overrides: Any) -> Filed:
        fields: dict[str, Any] = {
            "submission": receipts.new_submission(),
            "category": Category.objects.get(slug="theft"),
            "when": "unsure",
            "occurred_from": None,
            "occurred_to": None,
            "place": "Corner of 5th and Alder",
            "narrative": "My bicycle was taken from the rack outside the library.",
            "role": "victim",
            "language": "en",
            "contact_language": "en",
        }
        fields.update(overrides)
        return report_submit(**fields)

    return _file
