from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TrailFilterForm(forms.Form):
    action = forms.CharField(label=_("Action"), required=False, max_length=64)
    actor = forms.CharField(label=_("Staff member"), required=False, max_length=150)
    report_id = forms.IntegerField(label=_("Report id"), required=False, min_value=1)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
