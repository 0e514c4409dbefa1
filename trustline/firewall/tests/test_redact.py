"""Redaction, placeholders, language, and text that tries to break the scanner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustline.firewall import (
    PLACEHOLDERS,
    Finding,
    detect_language,
    placeholder_language,
    redact,
    scan,
    split_placeholders,
)

STATUS_BITS = [
    "undocumented", "no tengo papeles", "green card", "A-123-456-789", "EAC2190012345",
    "se le venció la visa", "ICE", "Visa card", "senior citizen", "is a U.S. citizen", " ",
    "\n", "é", "[withheld: immigration status]", "[retenido: estatus migratorio]",
    "[removed: immigration status]", "[borrado: situación migratoria]", "[已删除：移民身份]",
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
        rebuilt.append(PLACEHOLDERS[(f.category, placeholder_language(text, "en", f.start))])
        last = f.end
    rebuilt.append(text[last:])
    assert redacted == "".join(rebuilt)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([None, "en", "es", "mixed"]))
def test_redacting_twice_is_redacting_once(text: str, lang: str | None) -> None:
    once = redact(text, lang)
    assert redact(once, lang) == once


@pytest.mark.parametrize(
    ("text", "lang", "placeholder_lang", "category"),
    [
        ("I have no papers.", "en", "en", "STATUS"),
        ("Yo no tengo papeles.", "es", "es", "STATUS"),
        ("Mi número A es A123456789.", "es", "es", "DOCUMENT_ID"),
        ("My card is EAC2190012345.", None, "en", "DOCUMENT_ID"),
        ("Mi hermano es indocumentado y vio el robo.", None, "es", "STATUS"),
        ("Meu irmão está sem documentos e viu o assalto na rua.", None, "pt", "STATUS"),
        ("Mon frère est sans papiers et il a tout vu hier soir.", None, "fr", "STATUS"),
        ("Frè m nan pa gen papye epi li te wè tout bagay yè swa.", None, "ht", "STATUS"),
        ("我哥哥没有身份，他看到了抢劫。", None, "zh", "STATUS"),
    ],
)
def test_it_replaces_withheld_spans_with_a_placeholder_in_the_sentences_language(
    text: str, lang: str | None, placeholder_lang: str, category: str
) -> None:
    assert PLACEHOLDERS[(category, placeholder_lang)] in redact(text, lang)


def test_each_sentence_gets_its_own_languages_placeholder() -> None:
    text = (
        "My neighbour saw the robbery but he is undocumented. "
        "Mi tía no tiene papeles y tiene miedo."
    )
    redacted = redact(text)
    assert PLACEHOLDERS[("STATUS", "en")] in redacted
    assert PLACEHOLDERS[("STATUS", "es")] in redacted


def test_no_placeholder_uses_a_word_that_also_means_detained() -> None:
    for placeholder in PLACEHOLDERS.values():
        for word in ("retenid", "retenu", "retid", "detenid", "détenu", "withheld"):
            assert word not in placeholder.lower(), placeholder


def test_the_scanner_never_flags_its_own_placeholders() -> None:
    for placeholder in PLACEHOLDERS.values():
        assert scan(f"She said {placeholder} and left.") == []


def test_split_placeholders_marks_the_withheld_parts() -> None:
    stored = redact("He has a green card and saw the robbery.", "en")
    assert split_placeholders(stored) == [
        (False, "He "),
        (True, PLACEHOLDERS[("STATUS", "en")]),
        (False, " and saw the robbery."),
    ]
    assert split_placeholders("") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The man took my wallet and ran toward the park.", "en"),
        ("El hombre me quitó la cartera y corrió hacia el parque.", "es"),
        ("O homem roubou minha carteira e correu para o parque.", "pt"),
        ("L'homme a volé mon portefeuille et a couru vers le parc.", "fr"),
        ("Nonm nan vòlè bous mwen epi li kouri ale nan pak la.", "ht"),
        ("Kinuha ng lalaki ang pitaka ko at tumakbo siya papunta sa parke.", "tl"),
        ("Người đàn ông lấy ví của tôi và chạy về phía công viên.", "vi"),
        ("那个男人抢了我的钱包，然后跑向公园。", "zh"),
        ("그 남자가 내 지갑을 빼앗고 공원 쪽으로 달아났어요.", "ko"),
        ("أخذ الرجل محفظتي وركض نحو الحديقة.", "ar"),
        ("Мужчина выхватил мой кошелёк и побежал к парку.", "ru"),
        ("", "en"),
    ],
)
def test_it_tells_the_lines_eleven_languages_apart(text: str, lang: str) -> None:
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
    assert {text[f.start : f.end] for f in found} == {"has no papers", "A123456789"}


def test_a_finding_is_a_frozen_value() -> None:
    finding = Finding(1, 2, "STATUS")
    with pytest.raises(AttributeError):
        finding.start = 3  # type: ignore[misc]


def test_a_repeated_neighbourhood_is_judged_like_the_first() -> None:
    """The exception memory: a look-alike and a disclosure repeated many times, each
    still judged on its own words."""
    look_alike, disclosure = "We had ice cream on Main St. ", "She has no papers. "
    text = (look_alike * 3 + disclosure) * 50
    found = scan(text)
    assert {text[f.start : f.end] for f in found} == {"has no papers"}
    assert len(found) == 50
