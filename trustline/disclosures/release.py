"""The text of a release package: only released categories, the custodian's words
through the firewall again, and the fixed answer about status."""

from __future__ import annotations

from trustline.disclosures.models import Decision, OutsideRequest
from trustline.screening.screen import Screened, screen

# The one answer about status, whatever was asked (DOMAIN.md, R6a). It is the system's
# own sentence, so it is added after screening: the firewall would withhold it.
NOT_COLLECTED = "Immigration or citizenship status: not collected. This agency does not collect it."


def build_package(outside: OutsideRequest, decisions: list[Decision], content: str) -> Screened:
    body = screen(content)
    header = [f"Outside request {outside.pk} from {outside.agency_name}"]
    header += [f"Released: {d.category} under rule {d.rule_id} ({d.citation})" for d in decisions]
    # The header is built from codes and the policy file; only `content` is a person's text.
    text = "\n".join([*(screen(line) for line in header), "", body, "", NOT_COLLECTED])
    return Screened(text, body.withheld)
