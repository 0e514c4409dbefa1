"""The closed vocabularies of a policy file: request types, categories, documents,
decisions and side effects.

A word outside these sets is a validation error in a policy file and "not covered"
in a request, so a typo can never widen what the desk releases.
"""

from __future__ import annotations

# R12 (U/T visa certification) is deliberately absent: it is a separate, confidential
# workflow that the records desk never sees, so the engine treats it as not covered.
REQUEST_TYPES: dict[str, str] = {
    "R1": "hold / detainer",
    "R2": "release-date notification",
    "R3": "transfer to immigration custody",
    "R4": "administrative warrant / civil database hit",
    "R5": "interview / access to a person in custody",
    "R6": "information about a person",
    "R7": "administrative subpoena",
    "R8": "judicial criminal warrant / court order / judicial subpoena",
    "R9": "operational help for immigration enforcement",
    "R10": "database or bulk access",
    "R11": "request from a non-immigration federal agency",
}

IMMIGRATION_STATUS = "immigration_status"

CATEGORIES: tuple[str, ...] = (
    IMMIGRATION_STATUS,
    "address",
    "contact",
    "date_of_birth",
    "photo",
    "vehicle",
    "custody_status",
    "release_date",
    "court_dates",
    "probation",
    "criminal_history",
    "interview_access",
    "hold",
    "transfer",
    "notification",
    "operational_help",
    "database_access",
    "records",
)

JUDICIAL_DOCUMENTS: tuple[str, ...] = ("judicial_warrant", "court_order", "judicial_subpoena")
IMMIGRATION_DOCUMENTS: tuple[str, ...] = (
    "detainer_i247a",
    "admin_warrant_i200",
    "admin_warrant_i205",
    "admin_subpoena",
)
# A request that arrives with no legal document at all, by letter/form, phone or e-mail.
NO_DOCUMENT: tuple[str, ...] = ("none", "phone_call", "email")
DOCUMENTS: tuple[str, ...] = IMMIGRATION_DOCUMENTS + JUDICIAL_DOCUMENTS + NO_DOCUMENT

REQUESTER_AGENCIES: tuple[str, ...] = ("immigration_federal", "other_federal", "state", "local")

# Outcomes: what the desk actually does once the facts are applied.
DECLINE = "decline"
RELEASE = "release"
ROUTE_TO_COUNSEL = "route_to_counsel"
NOT_COLLECTED = "not_collected"
OUTCOMES: tuple[str, ...] = (DECLINE, RELEASE, ROUTE_TO_COUNSEL, NOT_COLLECTED)

# Conditional decisions: release only when the named fact holds, otherwise decline.
CONDITIONAL_DECISIONS: tuple[str, ...] = (
    "release_if_public",
    "release_if_judicial_warrant",
    "release_if_court_order",
    "release_if_consent",
    "release_if_listed_conviction",
)
DECISIONS: tuple[str, ...] = (*OUTCOMES, *CONDITIONAL_DECISIONS)

# Which verified documents satisfy a judicial condition. A judicial subpoena is signed by
# a judge, so it counts as a court order; a judicial warrant counts only as itself.
SATISFYING_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "release_if_judicial_warrant": ("judicial_warrant",),
    "release_if_court_order": ("court_order", "judicial_subpoena"),
}

SIDE_EFFECTS: dict[str, str] = {
    "log_only": "record the request and the decision; nothing else",
    "log_purpose": "record the requester's stated purpose",
    "log_verification": "record how the document was verified (civil or criminal)",
    "serve_copy_on_person": "give the person a copy of the request and say whether we comply",
    "notify_person": "give the person the same written notice we give the requester",
    "notify_attorney": "give the person's attorney (or designee) the same written notice",
    "consent_form": "use and keep the signed written consent form",
    "legal_hold": "place a legal hold on the records named",
    "report_to_state": "include the request in the report to the state",
    "annual_transfer_report": "count the transfer in the annual transfer report",
    "separate_queue": "handle in the judicial-process queue, not the immigration-request queue",
    "audit_query": "audit every external query",
}
