"""Properties that hold for every request hypothesis can make up."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from trustline.policy import Request, decide
from trustline.policy.vocabulary import CATEGORIES, DOCUMENTS, REQUEST_TYPES, REQUESTER_AGENCIES

from .support import PROFILES, profile

KNOWN_TYPES = st.sampled_from(tuple(REQUEST_TYPES))
KNOWN_CATEGORIES = st.sampled_from(CATEGORIES)
KNOWN_DOCUMENTS = st.sampled_from(DOCUMENTS)
ANY_TYPE = st.one_of(KNOWN_TYPES, st.text(max_size=6))


def requests(
    types: st.SearchStrategy[str] = KNOWN_TYPES,
    categories: st.SearchStrategy[str] = KNOWN_CATEGORIES,
    documents: st.SearchStrategy[str] = KNOWN_DOCUMENTS,
) -> st.SearchStrategy[Request]:
    """Requests with every fact free, so no combination of facts is left untried."""
    return st.builds(
        Request,
        type=types,
        category=categories,
        document=documents,
        verified_judicial=st.booleans(),
        public=st.booleans(),
        consent=st.booleans(),
        listed_conviction=st.booleans(),
        stated_purpose=st.sampled_from(["", "homicide investigation", "removal"]),
        immigration_purpose=st.booleans(),
        requester=st.sampled_from(("", *REQUESTER_AGENCIES)),
    )


@given(
    name=st.sampled_from(PROFILES),
    request=requests(types=ANY_TYPE, documents=st.one_of(st.sampled_from(DOCUMENTS), st.text())),
)
def test_no_policy_path_ever_releases_immigration_status(name: str, request: Request) -> None:
    asked = replace(request, category="immigration_status")
    decision = decide(asked, profile(name))
    assert decision.outcome == "not_collected"
    assert not decision.released


@given(
    request=requests(
        categories=st.sampled_from(["address", "release_date", "custody_status"]),
        documents=st.sampled_from(["detainer_i247a", "admin_warrant_i200", "admin_warrant_i205"]),
    )
)
def test_strict_never_releases_whereabouts_on_a_detainer_or_administrative_warrant(
    request: Request,
) -> None:
    assert decide(request, profile("strict")).outcome != "release"


@given(request=requests(documents=st.just("admin_subpoena")))
def test_strict_never_releases_anything_on_an_administrative_subpoena(request: Request) -> None:
    assert decide(request, profile("strict")).outcome != "release"


@given(
    name=st.sampled_from(PROFILES),
    request=requests(types=st.text().filter(lambda text: text not in REQUEST_TYPES)),
)
def test_an_unknown_request_type_is_declined(name: str, request: Request) -> None:
    decision = decide(request, profile(name))
    if request.category == "immigration_status":
        assert decision.outcome == "not_collected"
    else:
        assert (decision.outcome, decision.rule_id) == ("decline", "not-covered")


@given(name=st.sampled_from(PROFILES), request=requests(types=ANY_TYPE))
def test_every_decision_names_its_rule_citation_and_reason(name: str, request: Request) -> None:
    decision = decide(request, profile(name))
    assert decision.outcome in ("decline", "release", "route_to_counsel", "not_collected")
    assert decision.rule_id and decision.citation and decision.reason
    assert decision.policy_version == profile(name).version


@given(
    name=st.sampled_from(PROFILES),
    request=requests(
        documents=st.sampled_from(["judicial_warrant", "court_order", "judicial_subpoena"])
    ),
)
def test_an_unverified_judicial_document_opens_no_more_than_no_document(
    name: str, request: Request
) -> None:
    unverified = replace(request, verified_judicial=False)
    without = replace(unverified, document="none")
    assert decide(unverified, profile(name)).outcome == decide(without, profile(name)).outcome
