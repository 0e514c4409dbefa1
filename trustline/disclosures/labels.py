"""Plain words for the engine's codes, for forms and pages."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CATEGORY_LABELS: dict[str, Promise] = {
    "immigration_status": _("Immigration or citizenship status"),
    "address": _("Address"),
    "contact": _("Contact details"),
    "date_of_birth": _("Date of birth"),
    "photo": _("Photo"),
    "vehicle": _("Vehicle"),
    "custody_status": _("Custody status"),
    "release_date": _("Release date"),
    "court_dates": _("Court dates"),
    "probation": _("Probation check-ins"),
    "criminal_history": _("Criminal history"),
    "interview_access": _("Interview or access to a person in custody"),
    "hold": _("Hold past release"),
    "transfer": _("Transfer to immigration custody"),
    "notification": _("Notification"),
    "operational_help": _("Operational help"),
    "database_access": _("Database or bulk access"),
    "records": _("Records"),
}

OUTCOME_LABELS: dict[str, Promise] = {
    "decline": _("decline"),
    "release": _("release"),
    "route_to_counsel": _("route to counsel"),
    "not_collected": _("not collected"),
}


def category_label(code: str) -> str:
    return str(CATEGORY_LABELS.get(code, code))


def outcome_label(code: str) -> str:
    return str(OUTCOME_LABELS.get(code, code))
