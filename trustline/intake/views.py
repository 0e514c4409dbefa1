"""Public pages: parse, call a service, render. No account, no JavaScript needed."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from trustline.intake import abuse, throttle
from trustline.intake.forms import ConfirmReceiptForm, ReceiptForm, ReplyForm, ReportForm
from trustline.intake.language_help import help_line, help_lines
from trustline.intake.models import AgencyProfile
from trustline.intake.reporter_session import (
    close_report,
    current_report,
    forget_receipt,
    form_is_open,
    fresh_receipt,
    hand_over_receipt,
    open_form,
    open_report,
)
from trustline.intake.selectors import ReceiptNotFound, report_for_receipt, thread_of
from trustline.intake.services import message_from_reporter, report_submit

EMPTY_FORM_CACHE_SECONDS = 60
BUSY_RETRY_AFTER_SECONDS = 180


def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/landing.html")


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        # Built only when the cached empty form has expired.
        submission = open_form(request)
        context = {
            "form": SimpleLazyObject(ReportForm),
            "bound": False,
            "fields_cache_seconds": EMPTY_FORM_CACHE_SECONDS,
            **stamp_context(submission),
        }
        return render(request, "intake/report_form.html", context)
    if "switch" in request.POST:
        return _in_another_language(request)
    form = ReportForm(request.POST)
    if form.is_valid() and not form_is_open(request, form.cleaned_data["submission"]):
        # The session ended (or the page came from elsewhere): keep the answers,
        # hand out a fresh token, and ask once more.
        again = request.POST.copy()
        again["submission"] = open_form(request)
        form = ReportForm(again)
        form.is_valid()
        form.add_error(None, _("This form had expired. Check your answers and send it again."))
    if form.is_valid():
        data = form.cleaned_data
        judgement = abuse.judge(
            request.session,
            submission=data["submission"],
            honeypot=data["website"],
            stamp=data["stamp"],
        )
        if judgement.verdict is abuse.Verdict.BUSY:
            return line_busy(request, form)
        filed = report_submit(
            **form.answers(),
            submission=data["submission"],
            language=get_language(),
            quarantine_reason=judgement.reason,
        )
        abuse.note_filed(request.session)
        open_report(request, filed.report)
        response = redirect("public:receipt")
        hand_over_receipt(
            response,
            filed.report,
            filed.receipt,
            secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
        )
        return response
    context = {
        "form": form,
        "bound": True,
        "fields_cache_seconds": 0,
        **stamp_context(form["submission"].value()),
    }
    return render(request, "intake/report_form.html", context)


def _in_another_language(request: HttpRequest) -> HttpResponse:
    """The half-filled form, posted to the same page in another language: shown again
    there with every answer kept and nothing checked or sent yet (works without
    JavaScript: the language buttons are the form's own submit buttons)."""
    token = request.POST.get("submission", "")
    if not form_is_open(request, token):
        token = open_form(request)
    kept: dict[str, object] = {
        name: request.POST.get(name) for name in ReportForm.base_fields if name in request.POST
    }
    kept["interpreter"] = "interpreter" in request.POST
    context = {
        "form": ReportForm(initial={**kept, "submission": token}),
        # True keeps this rendering out of the empty form's cached fragment.
        "bound": True,
        "fields_cache_seconds": 0,
        **stamp_context(token),
    }
    return render(request, "intake/report_form.html", context)


def stamp_context(submission: str) -> dict[str, object]:
    """The form's one-time token and the proof-of-work puzzle bound to it."""
    return {
        "submission": submission,
        "challenge": abuse.challenge(submission),
        "pow_bits": settings.ABUSE_POW_BITS,
    }


def line_busy(request: HttpRequest, form: ReportForm) -> HttpResponse:
    """The line is flooded: nothing is filed, the form comes back as typed."""
    context = {
        "form": form,
        "bound": True,
        "busy": True,
        "fields_cache_seconds": 0,
        **stamp_context(form.cleaned_data["submission"]),
    }
    response = render(request, "intake/report_form.html", context, status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest) -> HttpResponse:
    fresh = fresh_receipt(request)
    if fresh is None:
        return redirect("public:thread" if current_report(request) else "public:follow_up")
    form = ConfirmReceiptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response = redirect("public:sent")
        forget_receipt(response)
        return response
    return render(request, "intake/receipt.html", {"fresh": fresh, "form": form})


@never_cache
def receipt_card(request: HttpRequest) -> HttpResponse:
    fresh = fresh_receipt(request)
    if fresh is None:
        return redirect("public:follow_up")
    interpreter = help_line(AgencyProfile.current(), get_language())
    return render(request, "intake/receipt_card.html", {"fresh": fresh, "interpreter": interpreter})


def interpreters(request: HttpRequest) -> HttpResponse:
    """Every language's line on one page: the words on every page link here."""
    lines = help_lines(AgencyProfile.current())
    if not lines:
        raise Http404
    return render(request, "intake/interpreters.html", {"lines": lines})


@never_cache
def sent(request: HttpRequest) -> HttpResponse:
    report = current_report(request)
    if report is None:
        return redirect("public:follow_up")
    return render(request, "intake/sent.html", {"report": report})


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not throttle.may_try_receipt(request.session):
            minutes = throttle.wait_minutes(request.session)
            context = {"form": ReceiptForm(), "wait_minutes": minutes}
            return render(request, "intake/follow_up.html", context, status=429)
        if form.is_valid():
            try:
                report = report_for_receipt(form.cleaned_data["receipt"])
            except ReceiptNotFound:
                throttle.note_failed_receipt(request.session)
                form.add_error(
                    "receipt",
                    _(
                        "We could not find a report with this receipt. "
                        "Check the digits and try again."
                    ),
                )
            else:
                open_report(request, report)
                return redirect("public:thread")
    return render(request, "intake/follow_up.html", {"form": form})


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def thread(request: HttpRequest) -> HttpResponse:
    report = current_report(request)
    if report is None:
        return redirect("public:follow_up")
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        message_from_reporter(report=report, body=form.cleaned_data["body"])
        return redirect("public:thread_sent")
    context = {
        "report": report,
        "thread": thread_of(report),
        "form": form,
        "just_sent": request.resolver_match is not None
        and request.resolver_match.url_name == "thread_sent",
    }
    return render(request, "intake/thread.html", context)


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    close_report(request)
    response = redirect("public:landing")
    forget_receipt(response)
    return response
