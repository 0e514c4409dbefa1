"""What each status means, in plain words for the reporter."""

from __future__ import annotations

from django.utils.translation import gettext as _

from trustline.intake.models import Report


def status_sentence(report: Report, status: str) -> str:
    match status:
        case Report.Status.NEW:
            return _("We received your report. An officer will read it soon.")
        case Report.Status.IN_REVIEW:
            return _("An officer is reading your report.")
        case Report.Status.ACCEPTED:
            return _(
                "Your report is now an official police case. Your case number is %(case)s."
            ) % {"case": report.case_number or "—"}
        case Report.Status.NOT_POLICE_MATTER:
            return _(
                "The police cannot act on this report. The officer's note below says "
                "where you can get help."
            )
        case Report.Status.INVESTIGATING:
            return _("An investigator is working on your case.")
        case Report.Status.CLOSED:
            return _("Your case is closed. Outcome: %(outcome)s") % {
                "outcome": report.get_disposition_display() or "—"
            }
    return ""
