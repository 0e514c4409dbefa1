"""Legal holds: parse, call a service, render. Supervisors only; for anyone else the
pages do not exist."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from trustline.cases.access import CaseNotFound
from trustline.retention import selectors, services
from trustline.retention.forms import LiftHoldForm, PlaceHoldForm

View = Callable[..., HttpResponse]


def supervisor_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not services.may_hold(request.user):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except services.HoldNotFound:
            raise Http404 from None

    return wrapper


@require_GET
@supervisor_required
def holds(request: HttpRequest) -> HttpResponse:
    return _render(request)


def _render(
    request: HttpRequest,
    status: int = 200,
    place_form: PlaceHoldForm | None = None,
    lift_form: LiftHoldForm | None = None,
) -> HttpResponse:
    failed = lift_form.prefix if lift_form else None
    active = [
        (hold, lift_form if failed == _prefix(hold.pk) else LiftHoldForm(prefix=_prefix(hold.pk)))
        for hold in selectors.active_holds()
    ]
    context = {
        "active": active,
        "lifted": selectors.lifted_holds(),
        "place_form": place_form or PlaceHoldForm(),
        "lift_form": lift_form,
    }
    return render(request, "retention/holds.html", context, status=status)


def _prefix(hold_id: int) -> str:
    # Each hold's lift form has its own field names, so labels and errors stay apart.
    return f"hold{hold_id}"


@require_POST
@supervisor_required
def hold_place(request: HttpRequest) -> HttpResponse:
    form = PlaceHoldForm(request.POST)
    if not form.is_valid():
        return _render(request, 400, place_form=form)
    try:
        report_id = selectors.report_id_for(request.user, form.cleaned_data["report"])
    except CaseNotFound:
        form.add_error("report", _("No report has that reference or case number."))
        return _render(request, 400, place_form=form)
    services.hold_place(actor=request.user, report_id=report_id, reason=form.cleaned_data["reason"])
    return redirect("staff:holds")


@require_POST
@supervisor_required
def hold_lift(request: HttpRequest, hold_id: int) -> HttpResponse:
    form = LiftHoldForm(request.POST, prefix=_prefix(hold_id))
    if not form.is_valid():
        return _render(request, 400, lift_form=form)
    services.hold_lift(actor=request.user, hold_id=hold_id, reason=form.cleaned_data["reason"])
    return redirect("staff:holds")
