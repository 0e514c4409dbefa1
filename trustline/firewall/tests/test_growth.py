"""A withheld span takes the words its disclosure is said with, and no more.

A reader (and the scorer) counts a disclosure as withheld only when most of its phrase
is: "ordered [the deportation] of his mother" still tells who was ordered out.
"""

from __future__ import annotations

from trustline.firewall import scan


def withheld(text: str) -> list[str]:
    return [text[f.start : f.end] for f in scan(text)]


def test_the_governing_verb_and_its_object_go_with_a_deportation() -> None:
    text = "Last week the court ordered the deportation of his mother."
    assert withheld(text) == ["ordered the deportation of his mother"]


def test_an_auxiliary_chain_goes_with_a_status_event() -> None:
    assert withheld("He will likely be deported this summer.") == ["will likely be deported"]


def test_growth_stops_at_the_end_of_a_clause() -> None:
    # "here" and "in" are lead words; a sentence end and a comma keep them out.
    assert withheld("We have lived here. Undocumented, we never called.") == ["Undocumented"]
    assert withheld("They sleep in, undocumented and afraid.") == ["undocumented"]


def test_a_korean_particle_is_withheld_with_the_word_it_ends() -> None:
    text = "제 남편은 영주권이 없어요. 지갑을 도둑맞았어요."
    spans = withheld(text)
    assert any(span.startswith("영주권이") for span in spans)
    assert all("지갑" not in span for span in spans)


def test_an_arabic_clitic_is_withheld_with_the_word_it_joins() -> None:
    text = "سرقوا سيارتي. تم تعليق ترحيله الشهر الماضي."
    spans = withheld(text)
    assert any("ترحيله" in span for span in spans)
    assert all("سيارتي" not in span for span in spans)


def test_chinese_verbs_of_getting_and_being_go_with_the_status() -> None:
    text = "我的钱包被偷了。我丈夫已经是美国公民，我还没申请到绿卡。"
    spans = withheld(text)
    assert "已经是美国公民" in spans
    assert any(span.endswith("申请到绿卡") for span in spans)
    assert all("钱包" not in span for span in spans)
