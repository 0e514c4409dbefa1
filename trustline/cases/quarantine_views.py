"""The quarantine queue's pages (supervisors only): parse, call, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from trustline.cases.access import may_review_quarantine
from trustline.cases.quarantine import quarantine_open, quarantine_page, quarantine_release
from trustline.cases.views import case_staff_required


def _supervisor(request: HttpRequest) -> None:
    if not may_review_quarantine(request.user):
        raise Http404


@require_GET
@case_staff_required
def queue(request: HttpRequest) -> HttpResponse:
    _supervisor(request)
    page = quarantine_page(request.user, request.GET.get("page"))
    return render(request, "cases/quarantine.html", {"page": page, "query": ""})


@require_GET
@case_staff_required
def report(request: HttpRequest, quarantined_id: int) -> HttpResponse:
    _supervisor(request)
    opened = quarantine_open(actor=request.user, report_id=quarantined_id)
    return render(request, "cases/quarantined.html", {"report": opened})


@require_POST
@case_staff_required
def release(request: HttpRequest, quarantined_id: int) -> HttpResponse:
    _supervisor(request)
    released = quarantine_release(actor=request.user, report_id=quarantined_id)
    # Released, it is an ordinary report: its own case page, with the usual workflow.
    return redirect("staff:case", released.pk)
