"""The auditor's read-only view of the trail. There is no view that changes it."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from trustline.audit import checkpoints
from trustline.audit.forms import TrailFilterForm
from trustline.audit.selectors import known_actions, may_read_trail, trail, trail_events
from trustline.audit.services import record
from trustline.reauth import recent_auth_required


def _auditor(request: HttpRequest) -> None:
    if not may_read_trail(request.user):
        raise Http404


def _filters(request: HttpRequest) -> tuple[TrailFilterForm, dict[str, Any]]:
    form = TrailFilterForm(request.GET or None)
    return form, form.cleaned_data if form.is_valid() else {}


@require_GET
@login_required
def trail_view(request: HttpRequest) -> HttpResponse:
    _auditor(request)
    form, filters = _filters(request)
    page = trail(filters, request.GET.get("page"))
    record(action="audit.view", actor=request.user)
    return _render_trail(request, form, page)


def _render_trail(
    request: HttpRequest, form: TrailFilterForm, page: Any, status: int = 200, **extra: Any
) -> HttpResponse:
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "actions": known_actions(),
        "query": params.urlencode(),
        "may_checkpoint": bool(settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE),
        **extra,
    }
    return render(request, "audit/trail.html", context, status=status)


@require_GET
@login_required
@recent_auth_required
def export_trail(request: HttpRequest) -> HttpResponse:
    """The filtered trail as CSV, for the oversight board's own records."""
    _auditor(request)
    _, filters = _filters(request)
    events = list(trail_events(filters))
    record(action="audit.export", actor=request.user, detail={"events": len(events)})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="trustline-audit-trail.csv"'
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(["id", "time", "who", "actor kind", "action", "report", "detail", "hash"])
    for e in events:
        detail = json.dumps(e.detail, ensure_ascii=False, sort_keys=True)
        who = e.actor_name or ""
        writer.writerow(
            [
                e.id,
                e.created_at.isoformat(),
                who,
                e.actor_kind,
                e.action,
                e.report_id or "",
                detail,
                e.hash,
            ]
        )
    return response


@require_POST
@login_required
@recent_auth_required
def download_checkpoint(request: HttpRequest) -> HttpResponse:
    """A signed checkpoint of the chain, for the board to keep outside the system."""
    _auditor(request)
    try:
        signing_key = checkpoints.load_signing_key()
    except checkpoints.SigningKeyMissing:
        form, filters = _filters(request)
        page = trail(filters, None)
        return _render_trail(request, form, page, 503, checkpoint_unavailable=True)
    document = checkpoints.checkpoint_take(signing_key=signing_key, actor=request.user)
    response = HttpResponse(checkpoints.to_json(document), content_type="application/json")
    name = f"trustline-checkpoint-{document['last_event_id']}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
