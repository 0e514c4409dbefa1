"""The records desk: parse, call a service, render."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trustline.disclosures import selectors, services
from trustline.disclosures.desk_access import (
    NotAllowed,
    RequestNotFound,
    may_act,
    may_read,
    may_verify,
)
from trustline.disclosures.forms import (
    EscalateForm,
    JudicialForm,
    LogForm,
    QueueFilterForm,
    ReleaseForm,
)
from trustline.disclosures.labels import category_label, outcome_label
from trustline.disclosures.models import OutsideRequest
from trustline.policy import PolicyFileInvalid

View = Callable[..., HttpResponse]


def desk_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_read(request.user):
            raise Http404
        if request.method == "POST" and not may_act(request.user):
            # Auditors read the desk; nothing they post is even parsed.
            return render(request, "disclosures/forbidden.html", status=403)
        try:
            return view(request, *args, **kwargs)
        except RequestNotFound:
            raise Http404 from None
        except NotAllowed:
            return render(request, "disclosures/forbidden.html", status=403)

    return wrapper


@require_GET
@desk_required
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    context = {
        "form": form,
        "page": selectors.queue(request.user, filters, request.GET.get("page")),
        "tasks": selectors.open_tasks(request.user),
        "may_act": may_act(request.user),
    }
    return render(request, "disclosures/queue.html", context)


@require_http_methods(["GET", "POST"])
@desk_required
def log(request: HttpRequest) -> HttpResponse:
    if not may_act(request.user):
        raise NotAllowed("log")
    now = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    form = LogForm(request.POST or None, request.FILES or None, initial={"received_at": now})
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "document"}
        try:
            outside = services.request_log(
                actor=request.user, fields=fields, document=form.cleaned_data.get("document")
            )
        except PolicyFileInvalid:
            form.add_error(None, _("The policy file is invalid; nothing was saved. Tell IT."))
        else:
            return redirect("staff:desk_request", request_id=outside.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "disclosures/log.html", {"form": form}, status=status)


@require_GET
@desk_required
def request_page(request: HttpRequest, request_id: int) -> HttpResponse:
    outside = services.request_open(actor=request.user, request_id=request_id)
    return _render_request(request, outside)


def _render_request(
    request: HttpRequest, outside: OutsideRequest, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    decisions = [
        (d, category_label(d.category), outcome_label(d.outcome))
        for d in selectors.current_decisions(outside)
    ]
    released = selectors.released_categories(outside)
    context = {
        "outside": outside,
        "categories": [category_label(c) for c in outside.categories],
        "decisions": decisions,
        "policy": decisions[0][0] if decisions else None,
        "tasks": outside.tasks.filter(cancelled_at__isnull=True),
        "releases": outside.releases.all(),
        "may_act": may_act(user) and outside.status == OutsideRequest.Status.DECIDED,
        "may_release": may_act(user)
        and bool(released)
        and outside.status == OutsideRequest.Status.CARRIED_OUT,
        "may_verify": may_verify(user)
        and outside.judicial_details_complete
        and not outside.verified_at
        and outside.judicial_entered_by_id != user.pk,
        "may_tasks": may_act(user),
        "escalate_form": forms.get("escalate_form") or EscalateForm(),
        "judicial_form": forms.get("judicial_form") or JudicialForm(),
        "release_form": forms.get("release_form") or ReleaseForm(released=released),
        "error": forms.get("error", ""),
    }
    return render(request, "disclosures/request.html", context, status=status)


def _reload(request: HttpRequest, request_id: int) -> OutsideRequest:
    return services.request_open(actor=request.user, request_id=request_id)


def _wrong_state(request: HttpRequest, request_id: int, error: str) -> HttpResponse:
    return _render_request(request, _reload(request, request_id), 409, error=error)


def _act(request: HttpRequest, request_id: int, action: Callable[[], object]) -> HttpResponse:
    try:
        action()
    except services.WrongState:
        return _wrong_state(
            request, request_id, _("That step is not possible now; nothing was changed.")
        )
    except PolicyFileInvalid:
        return _wrong_state(
            request, request_id, _("The policy file is invalid; nothing was changed. Tell IT.")
        )
    return redirect("staff:desk_request", request_id=request_id)


@require_POST
@desk_required
def carry_out(request: HttpRequest, request_id: int) -> HttpResponse:
    return _act(
        request,
        request_id,
        lambda: services.decision_carry_out(actor=request.user, request_id=request_id),
    )


@require_POST
@desk_required
def escalate(request: HttpRequest, request_id: int) -> HttpResponse:
    form = EscalateForm(request.POST)
    if not form.is_valid():
        return _render_request(request, _reload(request, request_id), 400, escalate_form=form)
    reason = form.cleaned_data["reason"]
    return _act(
        request,
        request_id,
        lambda: services.decision_escalate(
            actor=request.user, request_id=request_id, reason=reason
        ),
    )


@require_POST
@desk_required
def judicial(request: HttpRequest, request_id: int) -> HttpResponse:
    form = JudicialForm(request.POST)
    if not form.is_valid():
        return _render_request(request, _reload(request, request_id), 400, judicial_form=form)
    data = form.cleaned_data
    return _act(
        request,
        request_id,
        lambda: services.judicial_details_enter(actor=request.user, request_id=request_id, **data),
    )


@require_POST
@desk_required
def verify(request: HttpRequest, request_id: int) -> HttpResponse:
    return _act(
        request,
        request_id,
        lambda: services.judicial_verify(actor=request.user, request_id=request_id),
    )


@require_POST
@desk_required
def release(request: HttpRequest, request_id: int) -> HttpResponse:
    outside = _reload(request, request_id)
    form = ReleaseForm(request.POST, released=selectors.released_categories(outside))
    if not form.is_valid():
        return _render_request(request, outside, 400, release_form=form)
    data = form.cleaned_data
    return _act(
        request,
        request_id,
        lambda: services.release_record(actor=request.user, request_id=request_id, **data),
    )


@require_POST
@desk_required
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    try:
        task = services.task_complete(actor=request.user, task_id=task_id)
    except services.WrongState:
        return redirect("staff:desk")
    return redirect("staff:desk_request", request_id=task.request_id)
