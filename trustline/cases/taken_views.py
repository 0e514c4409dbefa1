"""Reports taken by phone or at the counter: an intake officer files one for a caller,
through the same firewall and vault as the public form, and reads out or prints the
receipt, which is shown once (in the answer to the form, never stored or shown again).
"""

from __future__ import annotations

import secrets

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from trustline.cases.access import may_take_report
from trustline.cases.forms import TakenReportForm
from trustline.cases.views import case_staff_required
from trustline.intake.language_help import help_line
from trustline.intake.models import AgencyProfile
from trustline.intake.services import report_submit
from trustline.roles import as_staff


@never_cache
@require_http_methods(["GET", "POST"])
@case_staff_required
def take_report(request: HttpRequest) -> HttpResponse:
    if not may_take_report(request.user):
        raise Http404
    if request.method == "GET":
        form = TakenReportForm(initial={"submission": secrets.token_urlsafe(32)})
        return render(request, "cases/take_report.html", {"form": form})
    form = TakenReportForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/take_report.html", {"form": form}, status=400)
    data = form.cleaned_data
    filed = report_submit(
        **form.answers(),
        # A form sent twice (a double click) files one report; without its token, each
        # sending is its own.
        submission=data["submission"] or secrets.token_urlsafe(32),
        language=get_language(),
        taken_by=as_staff(request.user),
        taken=data["taken"],
    )
    context = {
        "filed": filed,
        "interpreter": help_line(AgencyProfile.current(), data["contact_language"]),
    }
    return render(request, "cases/taken_receipt.html", context)
