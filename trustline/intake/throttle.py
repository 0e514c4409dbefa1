"""Receipt guessing is throttled per public session and for the whole line.

With 66-bit receipts online guessing is hopeless (docs/threat-model.md gives the
arithmetic), so the per-session throttle only keeps one session from hammering the
lookup; it stores no address and needs no captcha. Dropping the cookie starts a new
session, so a line-wide budget of receipts that opened nothing (counted per minute in
the database, minutes.py) caps what any number of sessions can try together. Past it,
every session waits a minute: a flood delays reporters' follow-up by minutes, it never
locks anyone out for long.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

from trustline.intake import minutes
from trustline.intake.models import FailedReceiptMinute

KEY = "receipt_failures"


def _recent(session: SessionBase) -> list[float]:
    window = settings.RECEIPT_THROTTLE_WINDOW
    now = time.time()
    stamps = session.get(KEY, [])
    return [t for t in stamps if isinstance(t, float | int) and now - t < window]


def _line_busy() -> bool:
    failures = minutes.last_60_seconds(FailedReceiptMinute, "failures")
    return failures >= settings.RECEIPT_LINE_FAILURES_PER_MINUTE


def may_try_receipt(session: SessionBase) -> bool:
    return len(_recent(session)) < settings.RECEIPT_THROTTLE_ATTEMPTS and not _line_busy()


def note_failed_receipt(session: SessionBase) -> None:
    session[KEY] = [*_recent(session), time.time()]
    minutes.add_one(FailedReceiptMinute, "failures")


def wait_minutes(session: SessionBase) -> int:
    stamps = _recent(session)
    if len(stamps) < settings.RECEIPT_THROTTLE_ATTEMPTS:
        return 1 if _line_busy() else 0
    left = settings.RECEIPT_THROTTLE_WINDOW - (time.time() - min(stamps))
    return max(1, int(left // 60) + 1)
