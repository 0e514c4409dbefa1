"""Every lexicon line keeps its promise on its own example.

A term line: in its example, the term's words are withheld. An exception line: its
look-alike is left whole, and its disclosure is still withheld. One test per language
reads all of its lines and names every line that fails (as "lang:line"), so a broken
line is found as quickly as with one test per line, without thousands of tests to run.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustline.firewall import redact, scan, split_placeholders
from trustline.firewall.lexicon import LANGUAGES, LEFT_EDGE, Exception_, Term, load, squeeze

LEXICON = load()


def _where(entry: Term | Exception_) -> str:
    return f"{entry.lang}:{entry.line}"


def term_fails(term: Term) -> str | None:
    if not scan(term.example):
        return f"{_where(term)} nothing withheld in {term.example!r}"
    kept = " ".join(piece for held, piece in split_placeholders(redact(term.example)) if not held)
    if term.key in squeeze(kept):
        return f"{_where(term)} {term.surface!r} still readable in {kept!r}"
    return None


def exception_fails(exception: Exception_) -> str | None:
    kept = scan(exception.look_alike)
    if kept:
        words = [exception.look_alike[f.start : f.end] for f in kept]
        return f"{_where(exception)} look-alike withheld: {words}"
    if not scan(exception.disclosure):
        return f"{_where(exception)} nothing withheld in {exception.disclosure!r}"
    return None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_term_is_withheld_in_its_example(lang: str) -> None:
    terms = [t for t in LEXICON.terms if t.lang == lang]
    assert len(terms) >= 40
    assert [f for f in map(term_fails, terms) if f] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_exception_keeps_its_look_alike_and_not_the_disclosure(lang: str) -> None:
    exceptions = [e for e in LEXICON.exceptions if e.lang == lang]
    assert [f for f in map(exception_fails, exceptions) if f] == []


def test_a_broken_line_is_named() -> None:
    """The checks above can fail: a term whose example says something else, and an
    exception whose look-alike is a disclosure, are both reported by their line."""
    term = next(t for t in LEXICON.terms if t.lang == "en")
    broken_term = replace(term, example="A bicycle was stolen.")
    assert term_fails(broken_term) == f"en:{term.line} nothing withheld in 'A bicycle was stolen.'"
    exception = next(e for e in LEXICON.exceptions if e.lang == "en")
    broken = replace(exception, look_alike="She has no papers.")
    assert (term_fails(term), exception_fails(broken)) == (
        None,
        f"en:{exception.line} look-alike withheld: ['has no papers']",
    )


def test_every_lookbehind_of_an_exception_reads_one_character() -> None:
    """The scanner remembers per window whether an exception covers a term, keyed on
    the window and the one character before it: a wider lookbehind would make that
    memory wrong."""
    for exception in LEXICON.exceptions:
        rest = exception.source.replace(LEFT_EDGE, "")
        assert "(?<" not in rest, _where(exception)
