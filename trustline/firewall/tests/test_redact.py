"""Redaction, placeholders, language, and text that tries to break the scanner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustline.firewall import (
    PLACEHOLDERS,
    Finding,
    detect_language,
    redact,
    scan,
    split_placeholders,
)

STATUS_BITS = [
    "undocumented", "no tengo papeles", "green card", "A-123-456-789", "EAC2190012345",
    "se le venció la visa", "ICE", "Visa card", "senior citizen", "is a U.S. citizen", " ",
    "\n", "é", "[withheld: immigration status]", "[retenido: estatus migratorio]",
]  # fmt: skip
# Arbitrary text, including lone surrogates, NULs, RTL, CJK and emoji, mixed with
# words the rules care about so that findings actually happen.
texts = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(STATUS_BITS)), max_size=12).map(
    " ".join
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_are_always_inside_the_text(text: str) -> None:
    for f in scan(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.category in ("STATUS", "DOCUMENT_ID")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_redaction_changes_nothing_outside_its_findings(text: str) -> None:
    findings = scan(text)
    redacted = redact(text, "en", findings)
    rebuilt, last = [], 0
    for f in findings:
        rebuilt.append(text[last : f.start])
        rebuilt.append(PLACEHOLDERS[(f.category, "en")])
        last = f.end
    rebuilt.append(text[last:])
    assert redacted == "".join(rebuilt)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([None, "en", "es", "mixed"]))
def test_redacting_twice_is_redacting_once(text: str, lang: str | None) -> None:
    once = redact(text, lang)
    assert redact(once, lang) == once


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("I have no papers.", "en", "I [withheld: immigration status]."),
        ("Yo no tengo papeles.", "es", "Yo [retenido: estatus migratorio]."),
        (
            "Mi número A es A123456789.",
            "es",
            "Mi número A es [retenido: número de documento migratorio].",
        ),
        ("My card is EAC2190012345.", None, "My card is [withheld: immigration document number]."),
        ("Mi hermano es indocumentado y vio el robo.", None,
         "Mi hermano es [retenido: estatus migratorio] y vio el robo."),
    ],
)  # fmt: skip
def test_it_replaces_withheld_spans_with_a_placeholder_in_the_texts_language(
    text: str, lang: str | None, expected: str
) -> None:
    assert redact(text, lang) == expected


def test_mixed_text_gets_english_placeholders() -> None:
    text = "my brother no tiene papeles and he saw everything pero tiene miedo"
    assert detect_language(text) == "mixed"
    assert "[withheld: immigration status]" in redact(text)


def test_the_scanner_never_flags_its_own_placeholders() -> None:
    for placeholder in PLACEHOLDERS.values():
        assert scan(f"She said {placeholder} and left.") == []


def test_split_placeholders_marks_the_withheld_parts() -> None:
    stored = redact("He has a green card and saw the robbery.", "en")
    assert split_placeholders(stored) == [
        (False, "He "),
        (True, "[withheld: immigration status]"),
        (False, " and saw the robbery."),
    ]
    assert split_placeholders("") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The man took my wallet and ran toward the park.", "en"),
        ("El hombre me quitó la cartera y corrió hacia el parque.", "es"),
        ("The man took my cartera y corrió hacia el park, then he came back.", "mixed"),
        ("", "en"),
    ],
)
def test_it_tells_english_from_spanish_and_from_a_mix(text: str, lang: str) -> None:
    assert detect_language(text) == lang


BAD_INPUT = [
    "",
    "\x00" * 50,
    "undocumented\x00A123456789\x00",
    "\ud800 lone surrogate \udfff undocumented",
    "هو غير موثق undocumented مرحبا",
    "他没有身份 undocumented 证件 EAC2190012345",
    "😀😀 she has no papers 🙏🏽",
    "\u202eundocumented\u202c",
    "İstanbul İİİ undocumented",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_valid_offsets_and_no_crash(text: str) -> None:
    for f in scan(text):
        assert 0 <= f.start < f.end <= len(text)
    assert redact(redact(text)) == redact(text)


def test_a_megabyte_of_text_is_scanned_with_valid_offsets() -> None:
    chunk = "The suspect fled in a green Civic. My neighbor has no papers. A123456789. "
    text = chunk * (1_000_000 // len(chunk))
    found = scan(text)
    assert len(found) == 2 * (len(text) // len(chunk))
    assert all(text[f.start : f.end] in ("has no papers", "A123456789") for f in found)


def test_a_finding_is_a_frozen_value() -> None:
    finding = Finding(1, 2, "STATUS")
    with pytest.raises(AttributeError):
        finding.start = 3  # type: ignore[misc]
