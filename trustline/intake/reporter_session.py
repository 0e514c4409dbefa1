"""What the public session remembers: which report it opened with a receipt, and the
freshly drawn receipt until the reporter confirms they wrote it down.

The receipt itself travels only in a signed, HttpOnly cookie on the reporter's
device; the server never stores it, not even in the session table.
"""

from __future__ import annotations

from base64 import urlsafe_b64decode, urlsafe_b64encode
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from trustline.intake import receipts
from trustline.intake.models import Report
from trustline.intake.selectors import report_for_session
from trustline.intake.services import end_reporter_sessions

REPORT_KEY = "report_id"
EPOCH_KEY = "report_epoch"
DATA_KEY = "report_key"
OPEN_FORMS_KEY = "open_forms"
OPEN_FORMS_KEPT = 10
RECEIPT_COOKIE = "tl_receipt"
RECEIPT_SALT = "trustline.intake.receipt"


def open_report(request: HttpRequest, report: Report) -> None:
    """Remember the report, and its data key, opened with the receipt: the session is a
    signed cookie on the reporter's device, so the server keeps neither."""
    # A new session key, so a session fixed before the receipt opens nothing.
    request.session.cycle_key()
    request.session[REPORT_KEY] = report.pk
    request.session[EPOCH_KEY] = report.session_epoch
    data_key = report.vault_key()
    if data_key is not None:
        request.session[DATA_KEY] = urlsafe_b64encode(data_key).decode()


def current_report(request: HttpRequest) -> Report | None:
    kept = request.session.get(DATA_KEY)
    try:
        data_key = urlsafe_b64decode(kept.encode()) if isinstance(kept, str) else None
    except ValueError:
        data_key = None
    return report_for_session(
        request.session.get(REPORT_KEY), data_key, request.session.get(EPOCH_KEY)
    )


def close_report(request: HttpRequest) -> None:
    """Leave: this session and every copy of its cookie stop opening the report."""
    report_id = request.session.get(REPORT_KEY)
    if isinstance(report_id, int):
        end_reporter_sessions(report_id=report_id)
    request.session.flush()


@dataclass(frozen=True)
class FreshReceipt:
    """What the receipt page shows, signed into a cookie: no database read needed."""

    report_id: int
    reference: str
    receipt: str


def hand_over_receipt(response: HttpResponse, report: Report, receipt: str, secure: bool) -> None:
    response.set_signed_cookie(
        RECEIPT_COOKIE,
        f"{report.pk}|{report.reference}|{receipt}",
        salt=RECEIPT_SALT,
        httponly=True,
        secure=secure,
        samesite="Strict",
    )


def fresh_receipt(request: HttpRequest) -> FreshReceipt | None:
    """The receipt just drawn for the report this session opened, if any."""
    value = request.get_signed_cookie(RECEIPT_COOKIE, default=None, salt=RECEIPT_SALT)
    if not isinstance(value, str) or value.count("|") != 2:
        return None
    report_id, reference, receipt = value.split("|")
    if report_id != str(request.session.get(REPORT_KEY)):
        return None
    return FreshReceipt(int(report_id), reference, receipt)


def forget_receipt(response: HttpResponse) -> None:
    response.delete_cookie(RECEIPT_COOKIE, samesite="Strict")


def open_form(request: HttpRequest) -> str:
    """A token for a new report form; the session keeps only its keyed hash."""
    token = receipts.new_submission()
    kept = request.session.get(OPEN_FORMS_KEY, [])[-(OPEN_FORMS_KEPT - 1) :]
    request.session[OPEN_FORMS_KEY] = [*kept, receipts.submission_digest(token)]
    return token


def form_is_open(request: HttpRequest, token: str) -> bool:
    return bool(token) and receipts.submission_digest(token) in request.session.get(
        OPEN_FORMS_KEY, []
    )
