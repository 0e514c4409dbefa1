"""The desk's side of the policy engine: which policy file, and the plain-data
request the engine decides. The engine itself (trustline.policy) knows no Django."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from trustline.disclosures.models import OutsideRequest
from trustline.policy import Decision, Policy, Request, decide_each, load_policy
from trustline.screening.screen import Screened

_cache: dict[tuple[Path, int], Policy] = {}


def current_policy() -> Policy:
    """The agency's policy file, reloaded when it changes; PolicyFileInvalid if broken."""
    path = Path(settings.TRUSTLINE_POLICY_FILE)
    key = (path, path.stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_policy(path)
    return _cache[key]


def decide_request(outside: OutsideRequest, policy: Policy) -> list[Decision]:
    request = Request(
        type=outside.request_type,
        category="",
        document=outside.document_kind,
        verified_judicial=outside.verified_judicial,
        public=outside.already_public,
        consent=outside.consent_on_file,
        listed_conviction=outside.listed_conviction,
        stated_purpose=str(outside.stated_purpose or ""),
        immigration_purpose=outside.enforcement_purpose,
        requester=outside.agency_type,
    )
    return decide_each(request, list(outside.categories), policy)


def policy_text(text: str) -> Screened:
    """Words from the policy file (reasons, citations) or the engine's own notes.

    They come from a file counsel signed off on, never from a person, and they name
    status only to say it is not collected; screening would withhold exactly that
    sentence. Nothing a person typed may pass through here.
    """
    return Screened(text)
