"""The supervisors' count of withholdings by hand: parse, call, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from trustline.cases.access import may_count_withholdings
from trustline.cases.views import case_staff_required
from trustline.cases.withholding import withholdings_by_month


@require_GET
@case_staff_required
def by_month(request: HttpRequest) -> HttpResponse:
    if not may_count_withholdings(request.user):
        raise Http404
    return render(request, "cases/withholdings.html", {"months": withholdings_by_month()})
