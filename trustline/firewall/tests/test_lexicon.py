"""Every lexicon line keeps its promise on its own example.

A term line: in its example, the term's words are withheld. An exception line: its
look-alike is left whole, and its disclosure is still withheld.
"""

from __future__ import annotations

import pytest

from trustline.firewall import redact, scan, split_placeholders
from trustline.firewall.lexicon import LANGUAGES, Exception_, Term, load, squeeze

LEXICON = load()


def _id(entry: Term | Exception_) -> str:
    return f"{entry.lang}:{entry.line}"


@pytest.mark.parametrize("term", LEXICON.terms, ids=_id)
def test_a_term_is_withheld_in_its_example(term: Term) -> None:
    assert scan(term.example), f"nothing withheld in {term.example!r}"
    kept = " ".join(piece for held, piece in split_placeholders(redact(term.example)) if not held)
    assert term.key not in squeeze(kept), f"{term.surface!r} still readable in {kept!r}"


@pytest.mark.parametrize("exception", LEXICON.exceptions, ids=_id)
def test_an_exception_keeps_its_look_alike_and_not_the_disclosure(exception: Exception_) -> None:
    kept = scan(exception.look_alike)
    assert kept == [], [exception.look_alike[f.start : f.end] for f in kept]
    assert scan(exception.disclosure), f"nothing withheld in {exception.disclosure!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_a_lexicon(lang: str) -> None:
    assert sum(t.lang == lang for t in LEXICON.terms) >= 40
