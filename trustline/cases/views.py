"""Staff console: parse, call a service, render."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from trustline.audit.services import record
from trustline.cases import selectors, services
from trustline.cases.access import (
    CaseNotFound,
    NotAllowed,
    may_assign,
    may_reveal_contact,
    may_withhold,
    may_write,
    next_statuses,
)
from trustline.cases.forms import (
    AssignForm,
    InboxFilterForm,
    MessageForm,
    NoteForm,
    RevealContactForm,
    TransitionForm,
    WithholdForm,
    withhold_prefix,
)
from trustline.cases.models import SavedReply
from trustline.cases.search import is_status_query
from trustline.cases.withholding import Text, WordsNotFound, text_withhold
from trustline.intake.models import Report
from trustline.reauth import recent_auth_required
from trustline.roles import CASE_ROLES, has_role
from trustline.vault.fields import VaultLocked

View = Callable[..., HttpResponse]


def case_staff_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_role(request.user, *CASE_ROLES):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except CaseNotFound:
            raise Http404 from None
        except VaultLocked:
            return render(request, "cases/locked.html", {"report": None}, status=403)

    return wrapper


@require_GET
@case_staff_required
def inbox(request: HttpRequest) -> HttpResponse:
    form = InboxFilterForm(request.GET or None)
    filters: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    refused = False
    if filters.get("q") and is_status_query(filters["q"]):
        # The query itself may carry status words: record that it was refused, not what it said.
        record(action="search.refused", actor=request.user, detail={"field": "q"})
        filters = {**filters, "q": ""}
        refused = True
    counts = selectors.status_counts(request.user)
    page = selectors.inbox(request.user, filters, request.GET.get("page"), counts=counts)
    context = {
        "form": form,
        "page": page,
        "counts": [(s, Report.Status(s).label, n) for s, n in counts.items()],
        "needing_an_interpreter": selectors.needing_an_interpreter(request.user),
        "refused": refused,
        "query": _query_without_page(request),
    }
    return render(request, "cases/inbox.html", context)


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
@never_cache  # the officer's browser keeps no copy of words that may later be withheld
@case_staff_required
def case_page(request: HttpRequest, report_id: int) -> HttpResponse:
    report = services.case_open(actor=request.user, report_id=report_id)
    return _render_case(request, report, **_saved_reply(request, report))


def _saved_reply(request: HttpRequest, report: Report) -> dict[str, Any]:
    """`?reply=<slug>`: the message box filled with that saved reply, in the reporter's
    language if the agency translated it (the officer reads it before sending)."""
    chosen = SavedReply.objects.filter(slug=request.GET.get("reply", "")).first()
    if chosen is None:
        return {}
    text, translated = chosen.text_in(report.contact_language)
    return {"message_form": MessageForm(initial={"body": text}), "reply_in_english": not translated}


@require_POST
@case_staff_required
@recent_auth_required
def reveal_contact(request: HttpRequest, report_id: int) -> HttpResponse:
    form = RevealContactForm(request.POST)
    if not form.is_valid():
        return _render_case(request, _reload(request, report_id), 400, reveal_form=form)
    try:
        report = services.contact_reveal(
            actor=request.user, report_id=report_id, reason=form.cleaned_data["reason"]
        )
    except NotAllowed:
        return _forbidden(request, report_id)
    return _render_case(request, report, contact_revealed=True)


def _render_case(
    request: HttpRequest,
    report: Report,
    status: int = 200,
    *,
    contact_revealed: bool = False,
    **forms: Any,
) -> HttpResponse:
    user = request.user
    if report.vault_key() is None:
        # The officer may see the report but holds no copy of its key (a new key
        # after a forgotten password): a supervisor or the recovery key restores it.
        return render(request, "cases/locked.html", {"report": report}, status=403)
    context = {
        "contact_revealed": contact_revealed,
        "may_reveal_contact": may_reveal_contact(user, report),
        "reveal_form": forms.get("reveal_form") or RevealContactForm(),
        "report": report,
        **_with_withhold_forms(report, forms.get("withhold_form")),
        "next_statuses": [(s, Report.Status(s).label) for s in next_statuses(user, report)],
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "may_assign": may_assign(user),
        "assign_form": AssignForm(initial={"assignee": report.assignee_id}),
        "may_write": may_write(user, report),
        "message_form": forms.get("message_form") or MessageForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "saved_replies": SavedReply.objects.all(),
        "reply_in_english": forms.get("reply_in_english", False),
        "category_label": report.category.label("en"),
        "may_withhold": may_withhold(user, report),
    }
    return render(request, "cases/case.html", context, status=status)


def _with_withhold_forms(report: Report, bound: WithholdForm | None) -> dict[str, Any]:
    """The narrative, the thread and the notes, each text with its own withholding
    form (the one just posted, with its errors, where it belongs)."""

    def form_for(text: Text, item_id: int | None = None) -> WithholdForm:
        prefix = withhold_prefix(text, item_id)
        return (
            bound if bound is not None and bound.prefix == prefix else WithholdForm(prefix=prefix)
        )

    thread = [
        (entry, form_for(Text.MESSAGE, entry.pk) if entry.pk and entry.body else None)
        for entry in selectors.thread_for_staff(report)
    ]
    notes = [(note, form_for(Text.NOTE, note.pk)) for note in report.notes.select_related("author")]
    return {
        "thread": thread,
        "notes": notes,
        "narrative_withhold": form_for(Text.NARRATIVE),
        "withhold_form": bound,
    }


def _reload(request: HttpRequest, report_id: int) -> Report:
    return services.case_open(actor=request.user, report_id=report_id)


@require_POST
@case_staff_required
def transition(request: HttpRequest, report_id: int) -> HttpResponse:
    form = TransitionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.case_transition(
                actor=request.user,
                report_id=report_id,
                to_status=data["to_status"],
                referral=data["referral"],
                disposition=data["disposition"],
            )
        except NotAllowed:
            return _forbidden(request, report_id)
        return redirect("staff:case", report_id=report_id)
    return _render_case(request, _reload(request, report_id), 400, transition_form=form)


@require_POST
@case_staff_required
def assign(request: HttpRequest, report_id: int) -> HttpResponse:
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _render_case(request, _reload(request, report_id), 400)
    try:
        services.case_assign(
            actor=request.user, report_id=report_id, assignee=form.cleaned_data["assignee"]
        )
    except NotAllowed:
        return _forbidden(request, report_id)
    return redirect("staff:case", report_id=report_id)


@require_POST
@case_staff_required
def interpreter(request: HttpRequest, report_id: int) -> HttpResponse:
    needed = request.POST.get("needed") == "yes"
    try:
        services.interpreter_flag(actor=request.user, report_id=report_id, needed=needed)
    except NotAllowed:
        return _forbidden(request, report_id)
    return redirect("staff:case", report_id=report_id)


def _write_text(
    request: HttpRequest,
    report_id: int,
    form: MessageForm | NoteForm,
    form_key: str,
    service: Callable[..., object],
) -> HttpResponse:
    """Messages and notes: one text box, one service, the same answers."""
    if not form.is_valid():
        bound: dict[str, Any] = {form_key: form}
        return _render_case(request, _reload(request, report_id), 400, **bound)
    try:
        service(actor=request.user, report_id=report_id, body=form.cleaned_data["body"])
    except NotAllowed:
        return _forbidden(request, report_id)
    return redirect("staff:case", report_id=report_id)


@require_POST
@case_staff_required
def reply(request: HttpRequest, report_id: int) -> HttpResponse:
    form = MessageForm(request.POST)
    return _write_text(request, report_id, form, "message_form", services.message_to_reporter)


@require_POST
@case_staff_required
def add_note(request: HttpRequest, report_id: int) -> HttpResponse:
    form = NoteForm(request.POST)
    return _write_text(request, report_id, form, "note_form", services.note_add)


@require_POST
@case_staff_required
def withhold_narrative(request: HttpRequest, report_id: int) -> HttpResponse:
    return _withhold(request, report_id, Text.NARRATIVE)


@require_POST
@case_staff_required
def withhold_message(request: HttpRequest, report_id: int, message_id: int) -> HttpResponse:
    return _withhold(request, report_id, Text.MESSAGE, message_id)


@require_POST
@case_staff_required
def withhold_note(request: HttpRequest, report_id: int, note_id: int) -> HttpResponse:
    return _withhold(request, report_id, Text.NOTE, note_id)


def _withhold(
    request: HttpRequest, report_id: int, text: Text, item_id: int | None = None
) -> HttpResponse:
    """The narrative, a message, a note: one form, one service, the same answers."""
    form = WithholdForm(request.POST, prefix=withhold_prefix(text, item_id))
    if form.is_valid():
        try:
            text_withhold(
                actor=request.user,
                report_id=report_id,
                text=text,
                words=form.cleaned_data["words"],
                item_id=item_id,
            )
        except NotAllowed:
            return _forbidden(request, report_id)
        except WordsNotFound:
            form.not_found()  # shown with what they typed, nothing saved
        else:
            return redirect(reverse("staff:case", args=[report_id]) + f"#{form.prefix}")
    return _render_case(request, _reload(request, report_id), 400, withhold_form=form)


def _forbidden(request: HttpRequest, report_id: int) -> HttpResponse:
    return render(request, "cases/forbidden.html", {"report_id": report_id}, status=403)
