"""Public forms. Nothing here asks for status, nationality, birthplace, SSN or ID
numbers; fields posted with such names are simply not read."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from trustline.intake.models import CONTACT_LANGUAGES, Category, Report
from trustline.intake.selectors import active_categories
from trustline.validation import no_control_characters

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PHONE = re.compile(r"^\+?[0-9 ()\-.]{7,25}$")


def text_field(
    label: StrOrPromise, max_length: int, required: bool = False, **kw: Any
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[no_control_characters],
        **kw,
    )


class ReportForm(forms.Form):
    # One-time token of this form (see receipts.receipt_for); checked by the view.
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # The honeypot: hidden from people (CSS, aria-hidden, out of the tab order), filled
    # by robots that fill every field. Filled, the report goes to quarantine (abuse.py).
    website = forms.CharField(required=False, strip=False)
    # The proof-of-work stamp that static/trustline/stamp.js writes here, if it runs.
    stamp = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    category = forms.ChoiceField(
        label=_("What happened?"),
        help_text=_("Choose the closest one. You can explain the rest below."),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened.")},
    )
    when = forms.ChoiceField(
        label=_("When did it happen?"),
        choices=Report.When.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say when it happened, or choose “I am not sure”.")},
    )
    date_from = forms.DateField(
        label=_("Date"),
        help_text=_("For a time range, the first day. For example 2026-03-27."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-27.")},
    )
    time_from = forms.TimeField(
        label=_("Time (if you know it)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": _("Enter a time like 14:30.")},
    )
    date_to = forms.DateField(
        label=_("Last day (only for a time range)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-27.")},
    )
    place = text_field(
        _("Where did it happen?"),
        500,
        help_text=_("An address, a street corner, a business name or a description of the place."),
    )
    narrative = text_field(
        _("What happened? Tell us in your own words."),
        settings.NARRATIVE_MAX_LENGTH,
        required=True,
        help_text=format_lazy(
            _(
                "Who did what, what they looked like, vehicles, what was taken or damaged. "
                "Up to {limit} characters."
            ),
            limit=settings.NARRATIVE_MAX_LENGTH,
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Tell us what happened.")},
    )
    role = forms.ChoiceField(
        label=_("How do you know about it?"),
        choices=Report.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you know about it.")},
    )
    contact_name = text_field(_("Name (optional)"), 200)
    contact_phone = text_field(
        _("Phone number (optional)"),
        40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com.")},
    )
    contact_safe_times = text_field(
        _("When is it safe to contact you? (optional)"),
        500,
        help_text=_("For example: weekdays after 6 pm."),
    )
    contact_leave_message = forms.ChoiceField(
        label=_("Is it safe to leave you a message?"),
        choices=Report.LeaveMessage.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    contact_language = forms.ChoiceField(
        label=_("Which language should we use with you?"), choices=CONTACT_LANGUAGES
    )
    interpreter = forms.BooleanField(label=_("I would like an interpreter"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = get_language() or settings.LANGUAGE_CODE
        self.categories = {c.slug: c for c in active_categories()}
        groups: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        for category in self.categories.values():
            _label, choices = groups.setdefault(
                category.group.slug, (category.group.label(lang), [])
            )
            choices.append((category.slug, category.label(lang)))
        self.fields["category"].choices = list(groups.values())  # type: ignore[attr-defined]
        self.fields["contact_language"].initial = lang

    def clean_category(self) -> Category:
        return self.categories[self.cleaned_data["category"]]

    def clean_contact_phone(self) -> str:
        phone: str = self.cleaned_data["contact_phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number using digits, spaces and + ( ) - only.")
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        when = data.get("when")
        start, end = data.get("date_from"), data.get("date_to")
        today = timezone.localdate()
        if (
            when in (Report.When.AT, Report.When.BETWEEN)
            and start is None
            and "date_from" not in self.errors
        ):
            self.add_error("date_from", _("Enter the date, or choose “I am not sure”."))
        if when == Report.When.BETWEEN and end is None and "date_to" not in self.errors:
            self.add_error("date_to", _("Enter the last day of the time range."))
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day is not None and day > today:
                self.add_error(name, _("The date cannot be in the future."))
        if when == Report.When.BETWEEN and start and end and end < start:
            self.add_error("date_to", _("The last day must be after the first day."))
        return data

    def occurred(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        data = self.cleaned_data
        if data["when"] == Report.When.UNSURE or data.get("date_from") is None:
            return None, None
        start = aware(data["date_from"], data.get("time_from") or dt.time(0, 0))
        if data["when"] == Report.When.AT:
            return start, None
        return start, aware(data["date_to"], dt.time(23, 59))

    def answers(self) -> dict[str, Any]:
        """The answers as intake.services.report_submit takes them."""
        data = self.cleaned_data
        occurred_from, occurred_to = self.occurred()
        asked = ["category", "when", "place", "narrative", "role", "contact_language"]
        contact = ["name", "phone", "email", "safe_times", "leave_message"]
        return {
            **{name: data[name] for name in asked},
            **{f"contact_{name}": data[f"contact_{name}"] for name in contact},
            "interpreter": data["interpreter"],
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
        }


def aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt"),
        help_text=_("The 20 digits you were given, for example 1234-5678-9012-3456-7890."),
        max_length=80,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": _("Enter your receipt.")},
    )


class ReplyForm(forms.Form):
    body = text_field(
        _("Your message"),
        settings.MESSAGE_MAX_LENGTH,
        required=True,
        help_text=_("Answer the officer or add something you remember."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your message before sending it.")},
    )


class ConfirmReceiptForm(forms.Form):
    written_down = forms.BooleanField(
        label=_("I have written down or printed my receipt"),
        error_messages={"required": _("Please write down your receipt first, then tick the box.")},
    )
