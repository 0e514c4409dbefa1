from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustline.disclosures.labels import CATEGORY_LABELS
from trustline.disclosures.models import REQUEST_TYPE_CHOICES, OutsideRequest
from trustline.validation import no_control_characters

R = OutsideRequest
ALL = ("", _("All"))
CATEGORY_CHOICES = list(CATEGORY_LABELS.items())


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[ALL, *R.Status.choices])
    request_type = forms.ChoiceField(
        label=_("Request type"), required=False, choices=[ALL, *REQUEST_TYPE_CHOICES]
    )
    agency_type = forms.ChoiceField(
        label=_("Requesting agency"), required=False, choices=[ALL, *R.AgencyType.choices]
    )


class LogForm(forms.ModelForm):  # type: ignore[type-arg]
    received_at = forms.DateTimeField(
        label=_("Received"),
        help_text=_("Date and time the request reached the agency."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    categories = forms.MultipleChoiceField(
        label=_("Information requested"),
        help_text=_("Tick every category the request asks for; each is decided on its own."),
        choices=CATEGORY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one category of information.")},
    )

    class Meta:
        model = OutsideRequest
        fields = [
            "received_at",
            "agency_name",
            "agency_type",
            "officer",
            "arrival",
            "document_kind",
            "request_type",
            "stated_purpose",
            "enforcement_purpose",
            "categories",
            "subject_reference",
            "person_language",
            "already_public",
            "consent_on_file",
            "listed_conviction",
            "document",
        ]
        labels = {
            "agency_name": _("Requesting agency"),
            "agency_type": _("Kind of agency"),
            "officer": _("Requesting officer"),
            "arrival": _("How it arrived"),
            "document_kind": _("Document"),
            "request_type": _("Request type"),
            "stated_purpose": _("Purpose the requester states"),
            "enforcement_purpose": _("The stated purpose is immigration enforcement"),
            "subject_reference": _("Report reference or case number (if any)"),
            "person_language": _("Language of the person the request is about"),
            "already_public": _("The information asked for is already public"),
            "consent_on_file": _("The person's signed written consent is on file"),
            "listed_conviction": _("The person has a conviction the state law lists"),
            "document": _("The document itself"),
        }
        help_texts = {
            "document_kind": _(
                "A court document counts as judicial only after a supervisor verifies "
                "court, judge, signature date and statute."
            ),
            "enforcement_purpose": _(
                "Includes criminal laws on entry, re-entry, presence and employment."
            ),
            "person_language": _("Notices to the person are written in this language."),
            "document": _("PDF or scan. Not yet encrypted at rest."),
        }
        widgets = {
            "officer": forms.TextInput(),
            "stated_purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("officer", "stated_purpose", "agency_name", "subject_reference"):
            self.fields[name].validators.append(no_control_characters)
        self.fields["agency_name"].error_messages["required"] = _("Name the requesting agency.")

    def clean_received_at(self) -> datetime.datetime:
        value: datetime.datetime = self.cleaned_data["received_at"]
        if value > timezone.now() + datetime.timedelta(minutes=5):
            raise forms.ValidationError(_("The time received cannot be in the future."))
        return value


class JudicialForm(forms.Form):
    court = forms.CharField(label=_("Court"), max_length=200, validators=[no_control_characters])
    judge = forms.CharField(
        label=_("Judge or magistrate"), max_length=200, validators=[no_control_characters]
    )
    signature_date = forms.DateField(
        label=_("Date signed"), widget=forms.DateInput(attrs={"type": "date"})
    )
    statute = forms.CharField(
        label=_("Criminal statute"),
        help_text=_("The criminal law the warrant or order names, e.g. Penal Code 211."),
        max_length=200,
        validators=[no_control_characters],
    )

    def clean_signature_date(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["signature_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date signed cannot be in the future."))
        return value


class EscalateForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this goes to counsel instead"),
        help_text=_("Required. It is recorded as an override and counted in the public figures."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write why you escalate.")},
        validators=[no_control_characters],
    )


class ReleaseForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Categories released"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick what you release.")},
    )
    recipient = forms.CharField(
        label=_("Released to"), max_length=300, validators=[no_control_characters]
    )
    content = forms.CharField(
        label=_("Information released"),
        help_text=_("Only the ticked categories. It passes the firewall before it is stored."),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[no_control_characters],
    )

    def __init__(self, *args: Any, released: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [  # type: ignore[attr-defined]
            (code, CATEGORY_LABELS.get(code, code)) for code in released
        ]
