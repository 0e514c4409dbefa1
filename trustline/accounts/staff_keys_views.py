"""Supervisors restore colleagues' access to the reports they may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User as StaffUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from trustline.accounts.staff_keys import holders
from trustline.intake.visibility import visible_reports
from trustline.roles import CASE_ROLES, SUPERVISOR, Actor, as_staff, has_role
from trustline.vault import services
from trustline.vault.keyring import keyring_of


def may_restore_access(user: Actor) -> bool:
    return has_role(user, SUPERVISOR)


def _supervisor(request: HttpRequest) -> None:
    if not may_restore_access(request.user):
        raise Http404


def _count(value: str | None) -> int | None:
    """The count the restore redirect carries; anything else in the address is ignored."""
    return int(value) if value is not None and value.isdigit() else None


@require_GET
@login_required
def staff_keys(request: HttpRequest) -> HttpResponse:
    _supervisor(request)
    context = {
        "holders": holders(),
        "unlocked": keyring_of(request.user) is not None,
        "restored": _count(request.GET.get("restored")),
    }
    return render(request, "accounts/staff_keys.html", context)


@require_POST
@login_required
def restore(request: HttpRequest, user_id: int) -> HttpResponse:
    _supervisor(request)
    colleague = get_object_or_404(
        StaffUser.objects.filter(is_active=True, groups__name__in=CASE_ROLES).distinct(),
        pk=user_id,
    )
    restored = services.restore_access(
        actor=as_staff(request.user), user=colleague, reports=visible_reports(colleague)
    )
    return redirect(f"{reverse('staff:staff_keys')}?restored={restored}")
