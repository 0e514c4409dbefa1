"""Sign-in, enrollment and confirmation forms: a password and a code, on one page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from trustline.accounts.lockout import count_failure
from trustline.accounts.two_factor import CodeRefused, CodeThrottled, is_enrolled, verify_code

CODE_MISSING = _("Enter the 6-digit code from your authenticator app, or a recovery code.")
CODE_REFUSED = _(
    "That code is not right. Enter the code your authenticator app shows now, "
    "or a recovery code you have not used."
)
CODE_THROTTLED = _("Too many wrong codes in a row. Wait a minute, then enter a new code.")


def code_field(help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=_("Code"),
        required=False,
        max_length=32,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


def second_factor(request: HttpRequest | None, user: User, code: str) -> Device:
    """The device that accepts `code`; otherwise a form error, counted as a failed
    sign-in so that guessing codes runs into the same lock-out as guessing passwords."""
    try:
        if not code.strip():
            raise CodeRefused
        return verify_code(user, code)
    except CodeRefused as refused:
        if request is not None:
            count_failure(request, user.get_username())
        if isinstance(refused, CodeThrottled):
            message = CODE_THROTTLED
        else:
            message = CODE_REFUSED if code.strip() else CODE_MISSING
        raise forms.ValidationError({"code": message}) from None


class SignInForm(AuthenticationForm):
    """Username, password and code. A staff member with no authenticator yet signs in
    with the password alone and is taken to enrollment before anything else."""

    code = code_field(
        _(
            "The 6-digit code from your authenticator app, or one of your recovery codes. "
            "Leave it empty only the first time you sign in."
        )
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and is_enrolled(user):
            # django-otp's login signal stores this device in the session.
            user.otp_device = second_factor(  # type: ignore[attr-defined]
                self.request, user, cleaned.get("code", "")
            )
        return cleaned


class EnrollForm(forms.Form):
    code = code_field(_("The 6-digit code your authenticator app shows for this account."))


class ConfirmForm(forms.Form):
    """Password and a current code again, before a sensitive action."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = code_field(_("The 6-digit code from your authenticator app, or a recovery code."))

    def __init__(self, *args: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password is None:
            return cleaned
        # Through authenticate(), so that django-axes counts a wrong password here too.
        checked = authenticate(self.request, username=self.user.get_username(), password=password)
        if checked is None or checked.pk != self.user.pk:
            raise forms.ValidationError({"password": _("That password is not right.")})
        cleaned["device"] = second_factor(self.request, self.user, cleaned.get("code", ""))
        return cleaned
