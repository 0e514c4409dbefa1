"""The public figures page: counts only, no JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from trustline.transparency.figures import figures_for
from trustline.transparency.presentation import context_for

FIRST_YEAR = 2020


@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, FIRST_YEAR), this_year)
    context = {**context_for(figures_for(year)), "years": range(this_year, FIRST_YEAR - 1, -1)}
    return render(request, "transparency/figures.html", context)
