"""No template shows words that skipped translation: every sentence a reader sees (and
every aria-label, title, placeholder and alt text) goes through {% translate %} or
{% blocktranslate %}, or comes from a variable. A hard-coded English word would show
in every language."""

from __future__ import annotations

import re
from pathlib import Path

from django.template.base import Lexer, TokenType

PACKAGE = Path(__file__).resolve().parents[2] / "trustline"
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"')
TAG = re.compile(r"<[^>]*>", re.S)
CODE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
WORD = re.compile(r"[^\W\d_]{2,}")
# Names that are the same in every language.
NAMES = {"NIBRS"}
SKIPPED = {"blocktranslate", "blocktrans", "comment"}
HOLE = "\x00"


def untranslated(template: str) -> list[str]:
    """The pieces of text a reader would see that no translation tag covers."""
    document, inside = [], 0
    for token in Lexer(template).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if name in SKIPPED:
                inside += 1
            elif name.startswith("end") and name[3:] in SKIPPED:
                inside -= 1
        kept = token.token_type == TokenType.TEXT and not inside
        document.append(token.contents if kept else HOLE)
    text = CODE.sub(" ", "".join(document))
    pieces = READ_ATTRIBUTES.findall(text) + TAG.sub("\n", text).split("\n")
    found = []
    for piece in pieces:
        words = set(WORD.findall(piece.replace(HOLE, " "))) - NAMES
        if words:
            found.append(piece.replace(HOLE, "…").strip())
    return found


def test_no_template_shows_a_word_outside_a_translation() -> None:
    found = {
        str(path.relative_to(PACKAGE)): untranslated(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("templates/**/*.html"))
    }
    assert {name: pieces for name, pieces in found.items() if pieces} == {}
    assert len(found) > 40


def test_it_finds_a_hard_coded_word_in_text_and_in_what_a_screen_reader_reads() -> None:
    assert untranslated("<p>{% translate 'Hello' %}</p>") == []
    assert untranslated("<p>{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}</p>") == []
    assert untranslated("<p>{{ report.reference }} · 2026</p>") == []
    assert untranslated("<p>Welcome, {{ name }}</p>") == ["Welcome, …"]
    assert untranslated('<nav aria-label="Main menu"></nav>') == ["Main menu"]
    assert untranslated("<p>{% comment %}a note{% endcomment %}(NIBRS {{ code }})</p>") == []
