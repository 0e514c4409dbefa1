"""The auditor's read-only view of the trail. There is no view that changes it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from trustline.accounts.roles import AUDITOR, has_role
from trustline.audit.forms import TrailFilterForm
from trustline.audit.selectors import known_actions, trail
from trustline.audit.services import record


@require_GET
@login_required
def trail_view(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, AUDITOR):
        raise Http404
    form = TrailFilterForm(request.GET or None)
    filters: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    page = trail(filters, request.GET.get("page"))
    record(action="audit.view", actor=request.user)
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "page": page, "actions": known_actions(), "query": params.urlencode()}
    return render(request, "audit/trail.html", context)
