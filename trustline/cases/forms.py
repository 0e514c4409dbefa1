from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from trustline.intake.forms import ReportForm
from trustline.intake.models import Category, Report
from trustline.roles import CASE_ROLES
from trustline.validation import no_control_characters

# How a report taken by staff came in (kept in its audit event).
TAKEN = [("phone", _("By phone")), ("counter", _("At the counter"))]


class InboxFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Reference or case number"),
        required=False,
        max_length=60,
        validators=[no_control_characters],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Report.Status.choices]
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=Category.objects.all(),
        empty_label=_("All"),
        to_field_name="slug",
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All")), *settings.LANGUAGES]
    )
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    interpreter = forms.BooleanField(label=_("Needs an interpreter"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            ("", _("Anyone")),
            ("none", _("Nobody")),
            *((str(u.pk), u.get_username()) for u in case_staff()),
        ]


def case_staff() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, groups__name__in=CASE_ROLES)
        .distinct()
        .order_by("username")
    )


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=Report.Status.choices, widget=forms.HiddenInput)
    referral = forms.CharField(
        label=_("Where the reporter can get help (shown to the reporter)"),
        required=False,
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    disposition = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", "—"), *Report.Disposition.choices]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        target = data.get("to_status")
        if target == Report.Status.NOT_POLICE_MATTER and not data.get("referral", "").strip():
            self.add_error("referral", _("Tell the reporter where they can get help."))
        if target == Report.Status.CLOSED and not data.get("disposition"):
            self.add_error("disposition", _("Choose the outcome."))
        return data


class AssignForm(forms.Form):
    assignee: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_staff()  # type: ignore[attr-defined]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the reporter"),
        max_length=settings.MESSAGE_MAX_LENGTH,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the message first.")},
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never shown to the reporter)"),
        max_length=settings.MESSAGE_MAX_LENGTH,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the note first.")},
    )


class RevealContactForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to contact the reporter?"),
        help_text=_("For example: to arrange an interview. The oversight board reads this."),
        min_length=10,
        max_length=300,
        validators=[no_control_characters],
        error_messages={
            "required": _("Give the reason you need the contact details."),
            "min_length": _("Say a little more about why (at least 10 characters)."),
        },
    )


class WithholdForm(forms.Form):
    """One per text on the case page, told apart by its prefix (withhold_prefix)."""

    words = forms.CharField(
        label=_("Words to withhold"),
        help_text=_(
            "Type or paste them exactly as they appear in this text. Every place they "
            "appear in it is withheld; to withhold only one, include the words around it. "
            "This cannot be undone: the old wording is destroyed, not hidden."
        ),
        max_length=settings.NARRATIVE_MAX_LENGTH,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Type or paste the words to withhold first.")},
    )

    def not_found(self) -> None:
        self.add_error(
            "words",
            _(
                "These words are not in this text (or are withheld already). Copy them "
                "exactly as they appear on the page."
            ),
        )


def withhold_prefix(text: str, item_id: int | None = None) -> str:
    """`narrative`, `message-12`, `note-3`: the form's field names and ids on the page."""
    return text if item_id is None else f"{text}-{item_id}"


class TakenReportForm(ReportForm):
    """The public report form, as an intake officer fills it in for someone who calls
    or walks in: the same questions, asked aloud, and how the report came in. No
    honeypot and no proof of work: the officer is signed in."""

    taken = forms.ChoiceField(
        label=_("How did the report come in?"),
        choices=TAKEN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the report came in.")},
    )
    field_order = ["taken"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"], self.fields["stamp"]
        self.fields["contact_language"].label = _("Which language does the caller speak?")
        self.fields["interpreter"].label = _("The caller would like an interpreter")
