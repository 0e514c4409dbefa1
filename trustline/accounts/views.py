"""Staff sign-in, authenticator enrollment and the confirmation asked before a
sensitive action. The rules that every other staff page follows (two-factor first,
idle sessions end) are in middleware.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import logout as end_session
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from trustline.accounts import services
from trustline.accounts.forms import ConfirmForm, EnrollForm, SignInForm
from trustline.accounts.lockout import is_locked_out
from trustline.accounts.middleware import SIGNED_OUT_IDLE
from trustline.accounts.two_factor import CodeRefused, base32_key, is_verified, qr_svg
from trustline.reauth import mark_reauthenticated, safe_next
from trustline.roles import as_staff, home_for
from trustline.vault.keyring_session import keep_for_session, unlock_at_sign_in
from trustline.vault.services import change_password


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return home_for(self.request.user)

    def get_success_url(self) -> str:
        if not is_verified(self.request.user):
            return reverse("staff:enroll")
        return super().get_success_url()

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if is_verified(self.request.user):
            # Password and code were typed just now: that counts as a confirmation.
            mark_reauthenticated(self.request.session)
        # The password opens the officer's private key for this session (vault).
        unlock_at_sign_in(self.request, as_staff(self.request.user), form.cleaned_data["password"])
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["signed_out_idle"] = self.request.session.pop(SIGNED_OUT_IDLE, False)
        context["idle_minutes"] = settings.TRUSTLINE_STAFF_IDLE_MINUTES
        return context


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()


@never_cache
@login_required
def enroll(request: HttpRequest) -> HttpResponse:
    """First sign-in: set up an authenticator app, then see the recovery codes once."""
    user = as_staff(request.user)
    if is_verified(user):
        return redirect(home_for(user))
    form = EnrollForm(request.POST or None)
    if form.is_valid():
        try:
            done = services.otp_enrollment_confirm(user=user, code=form.cleaned_data["code"])
        except CodeRefused:
            form.add_error("code", _("That code is not right. Enter the code your app shows now."))
        else:
            return enrolled(request, done)
    device = services.otp_enrollment_begin(user=user)
    context = {
        "form": form,
        "key": base32_key(device),
        "qr": qr_svg(device, _("QR code for your authenticator app")),
    }
    return render(request, "accounts/enroll.html", context)


def enrolled(request: HttpRequest, done: services.Enrollment) -> HttpResponse:
    # The session is now a verified one, under a new key.
    request.session.cycle_key()
    otp_login(request, done.device)
    mark_reauthenticated(request.session)
    context = {"codes": done.recovery_codes, "next_url": home_for(request.user)}
    return render(request, "accounts/recovery_codes.html", context)


@never_cache
@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """Password and a current code again; then back to where the staff member was."""
    user = as_staff(request.user)
    back_to = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = ConfirmForm(request.POST or None, request=request, user=user)
    if request.method == "POST" and form.is_valid():
        mark_reauthenticated(request.session)
        # The password is at hand again: reopen the officer's keys, in case this
        # session lost them (a cleared cookie, a password changed elsewhere).
        unlock_at_sign_in(request, user, form.cleaned_data["password"])
        return redirect(back_to or home_for(user))
    if is_locked_out(request):
        # Too many failures while confirming: the session goes too.
        end_session(request)
    return render(request, "accounts/confirm.html", {"form": form, "next": back_to or ""})


@never_cache
@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """A staff member changes their own password; their key follows it."""
    user = as_staff(request.user)
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        keyring = change_password(
            user=user,
            old_password=form.cleaned_data["old_password"],
            new_password=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(request, user)
        keep_for_session(request, user, keyring)
        return render(request, "accounts/password.html", {"done": True})
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password.html", {"form": form}, status=status)
