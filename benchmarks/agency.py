"""What the agency's people do outside the web pages before and after a benchmark:
the administrator creates the staff who receive every new report, each with an
authenticator whose secret the benchmark knows; a commander later opens the stored
reports with the recovery shares.

The staff set is the one that decides the cost of a submission: every new report's
data key is wrapped to each live key of the intake officers and supervisors, plus
the recovery key. A small agency's line: 3 intake officers and 2 supervisors.

Run inside the server's environment (DATABASE_URL and the secrets):

    python -m benchmarks.agency staff TOTP_KEY_HEX     # password on standard input
    python -m benchmarks.agency markers                # recovery shares on standard input
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

STAFF = {
    "sam": "supervisor",
    "sara": "supervisor",
    "ines": "intake",
    "ike": "intake",
    "isla": "intake",
}
PASSWORD = "load test passphrase 2026"  # noqa: S105 - throwaway accounts of a fresh database
# Every new report is wrapped to these keys: the staff set above and the recovery key.
WRAPS_PER_REPORT = len(STAFF) + 1


def code_now(key_hex: str) -> str:
    """The code an authenticator app with this secret shows now."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(key_hex)):06d}"


def create_staff(totp_key: str, password: str = PASSWORD) -> None:
    """Through the same service as `trustline createstaff` (which makes each key
    pair); then each enrolls an authenticator, here one with a known secret."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from trustline.accounts.services import staff_create
    from trustline.accounts.two_factor import TOTP_NAME

    for username, role in STAFF.items():
        user = staff_create(username=username, password=password, roles=[role])
        TOTPDevice.objects.create(user=user, name=TOTP_NAME, key=totp_key, confirmed=True)


def opened_narratives(shares: Iterable[str]) -> Iterable[str]:
    """Every stored narrative, opened with the agency recovery key."""
    from trustline.intake.models import Report
    from trustline.vault import services as vault
    from trustline.vault.recovery import open_recovery

    keyring = open_recovery(list(shares))
    for report in Report.objects.order_by("pk").iterator(chunk_size=500):
        if not vault.open_with(report, keyring):
            raise RuntimeError(f"{report.reference}: no copy for the recovery key")
        yield str(report.narrative)


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustline.settings")
    import django

    django.setup()
    lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if argv[:1] == ["staff"]:
        create_staff(argv[1], lines[0] if lines else PASSWORD)
    elif argv[:1] == ["markers"]:
        for narrative in opened_narratives(lines):
            print(narrative.split(":", 1)[0].removeprefix("Report "))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
