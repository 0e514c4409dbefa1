"""Spam and floods on the report form, held off with no captcha and no address.

A reporter may be frightened, on a phone, with JavaScript off; a captcha would turn
some of them away and most captchas are third-party assets. The line keeps no IP
address (promise 2), so it cannot block one. Instead:

- a honeypot field that people never see and form-filling robots fill in;
- a budget per public session (the signed cookie of trustline/sessions.py);
- a budget for the whole line, counted in the database so that every process
  shares it (a visitor who drops the cookie starts a new session: this catches them);
- an optional proof-of-work stamp that browsers with JavaScript compute while the
  person types (static/trustline/stamp.js); it buys a larger budget. Without
  JavaScript the form still works, on the tighter budget.

Suspected spam is never refused and never dropped: it is filed in quarantine, where a
supervisor can release it (trustline/cases/quarantine.py), and its sender gets a
receipt like anyone else, so a robot learns nothing. Only a line flooded far beyond
normal asks senders without a stamp to try again in a few minutes, keeping what they
typed.
"""

from __future__ import annotations

import enum
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.utils.crypto import salted_hmac

from trustline.intake import minutes
from trustline.intake.models import Report, SubmissionMinute

FILED_KEY = "reports_filed"
SESSION_WINDOW = 60 * 60
CHALLENGE_SALT = "trustline.intake.abuse.challenge"
STAMP_MAX_LENGTH = 20


class Verdict(enum.Enum):
    FILE = "file"
    QUARANTINE = "quarantine"
    BUSY = "busy"


Reason = Report.QuarantineReason


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    reason: str = ""  # a Report.QuarantineReason when the verdict is QUARANTINE


FILE = Judgement(Verdict.FILE)
BUSY = Judgement(Verdict.BUSY)


def judge(session: SessionBase, *, submission: str, honeypot: str, stamp: str) -> Judgement:
    """What to do with one valid report form, and why; counts it in the line's budget."""
    load = count_submission()
    stamped = stamp_is_valid(submission, stamp)
    if load > settings.ABUSE_LINE_BUSY_PER_MINUTE:
        return Judgement(Verdict.QUARANTINE, Reason.FLOOD) if stamped else BUSY
    if honeypot:
        return Judgement(Verdict.QUARANTINE, Reason.HONEYPOT)
    if len(_recent(session)) >= session_budget(stamped):
        return Judgement(Verdict.QUARANTINE, Reason.SESSION)
    if load > settings.ABUSE_LINE_REPORTS_PER_MINUTE and not stamped:
        return Judgement(Verdict.QUARANTINE, Reason.LINE)
    return FILE


# Proof of work ------------------------------------------------------------------


def challenge(submission: str) -> str:
    """The puzzle of one report form, bound to its one-time token: nothing to store,
    and a stamp solved for one form is worth nothing on another."""
    return salted_hmac(CHALLENGE_SALT, submission, algorithm="sha256").hexdigest()[:32]


def stamp_is_valid(submission: str, stamp: str) -> bool:
    """One HMAC and one SHA-256: checking costs the server almost nothing."""
    if not submission or not stamp.isdigit() or len(stamp) > STAMP_MAX_LENGTH:
        return False
    digest = hashlib.sha256(f"{challenge(submission)}:{stamp}".encode()).digest()
    return leading_zero_bits(digest) >= settings.ABUSE_POW_BITS


def leading_zero_bits(digest: bytes) -> int:
    value = int.from_bytes(digest, "big")
    return len(digest) * 8 - value.bit_length()


def solve(submission: str) -> str:
    """The stamp a browser would find (for tests and the load benchmark)."""
    nonce = 0
    while not stamp_is_valid(submission, str(nonce)):
        nonce += 1
    return str(nonce)


# Budget of one session ----------------------------------------------------------


def session_budget(stamped: bool) -> int:
    if stamped:
        return int(settings.ABUSE_SESSION_REPORTS_PER_HOUR)
    return int(settings.ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP)


def _recent(session: SessionBase) -> list[float]:
    now = time.time()
    stamps = session.get(FILED_KEY, [])
    return [t for t in stamps if isinstance(t, float | int) and now - t < SESSION_WINDOW]


def note_filed(session: SessionBase) -> None:
    """Count a report this session filed (in quarantine or not)."""
    session[FILED_KEY] = [*_recent(session), time.time()]


# Budget of the whole line -------------------------------------------------------


def count_submission(now: float | None = None) -> float:
    """Add one form to the line's count; return the reports of the last 60 seconds."""
    return minutes.add_one(SubmissionMinute, "submissions", now)
