"""Receipt guessing is throttled per public session, never globally.

With 66-bit receipts online guessing is hopeless, so the throttle only keeps one
session from hammering the lookup. It stores no address, needs no captcha, and a
session that runs out of attempts blocks nobody else.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

KEY = "receipt_failures"


def _recent(session: SessionBase) -> list[float]:
    window = settings.RECEIPT_THROTTLE_WINDOW
    now = time.time()
    stamps = session.get(KEY, [])
    return [t for t in stamps if isinstance(t, float | int) and now - t < window]


def may_try_receipt(session: SessionBase) -> bool:
    return len(_recent(session)) < settings.RECEIPT_THROTTLE_ATTEMPTS


def note_failed_receipt(session: SessionBase) -> None:
    session[KEY] = [*_recent(session), time.time()]


def wait_minutes(session: SessionBase) -> int:
    stamps = _recent(session)
    if not stamps:
        return 0
    left = settings.RECEIPT_THROTTLE_WINDOW - (time.time() - min(stamps))
    return max(1, int(left // 60) + 1)
