"""Side effects of a decision become tasks with due dates; notices are written from
a template in the person's language."""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils import translation

from trustline.disclosures.labels import category_label, outcome_label
from trustline.disclosures.models import Decision, OutsideRequest, Task
from trustline.intake.models import AgencyProfile
from trustline.screening.screen import screen

K = Task.Kind

# Side effect -> (task, days to do it). The days are the agency's working practice,
# not law: a state deadline, when one exists, is shorter and belongs in the policy guide.
TASKS: dict[str, tuple[str, int]] = {
    "serve_copy_on_person": (K.NOTICE_PERSON, 1),
    "notify_person": (K.NOTICE_PERSON, 1),
    "notify_attorney": (K.NOTICE_ATTORNEY, 1),
    "legal_hold": (K.LEGAL_HOLD, 1),
    "report_to_state": (K.STATE_REPORT, 30),
    "annual_transfer_report": (K.STATE_REPORT, 30),
    "consent_form": (K.CONSENT_FORM, 1),
}
NOTICES: dict[str, str] = {K.NOTICE_PERSON: "person", K.NOTICE_ATTORNEY: "attorney"}


def tasks_for(
    outside: OutsideRequest, decisions: list[Decision], today: datetime.date
) -> list[Task]:
    """One task per kind for the request, from the first decision that asks for it."""
    tasks: dict[str, Task] = {}
    for decision in decisions:
        for effect in decision.side_effects:
            if effect not in TASKS or TASKS[effect][0] in tasks:
                continue
            kind, days = TASKS[effect]
            tasks[kind] = Task(
                request=outside,
                decision=decision,
                kind=kind,
                side_effect=effect,
                due_date=today + datetime.timedelta(days=days),
                language=outside.person_language,
                notice=notice_text(kind, outside, decisions),
                records=outside.subject_reference if kind == K.LEGAL_HOLD else "",
            )
    return list(tasks.values())


def notice_text(kind: str, outside: OutsideRequest, decisions: list[Decision]) -> str:
    if kind not in NOTICES:
        return ""
    language = outside.person_language if kind == K.NOTICE_PERSON else "en"
    context = {
        "agency": AgencyProfile.current().shown_name(),
        "outside": outside,
        "decisions": decisions,
        "complies": any(d.released for d in decisions),
        "to": NOTICES[kind],
    }
    with translation.override(language):
        # Category and outcome in the person's words, not the policy file's codes.
        context["lines"] = [
            {
                "category": category_label(d.category),
                "outcome": outcome_label(d.outcome),
                "rule_id": d.rule_id,
                "citation": d.citation,
            }
            for d in decisions
        ]
        text = render_to_string("disclosures/notices/notice.txt", context)
    return screen(text.strip(), language)
