from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from trustline.intake.forms import text_field

REASON_MAX_LENGTH = 1000
REASON_BOX = forms.Textarea(attrs={"rows": 3})


class PlaceHoldForm(forms.Form):
    report = text_field(_("Reference or case number"), 60, required=True)
    reason = text_field(
        _("Reason for the hold"),
        REASON_MAX_LENGTH,
        required=True,
        widget=REASON_BOX,
        help_text=_(
            "The legal matter that needs the report kept: a subpoena, a court order, "
            "litigation, counsel's instruction. Do not repeat what the report says."
        ),
    )


class LiftHoldForm(forms.Form):
    reason = text_field(
        _("Why the hold is lifted"), REASON_MAX_LENGTH, required=True, widget=REASON_BOX
    )
