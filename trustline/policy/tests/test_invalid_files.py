"""A policy file with a mistake is refused, and each message names the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustline.policy import PolicyFileInvalid, check, load_policy

GOOD_RULE = """
[[rule]]
id = "R1.hold"
types = ["R1"]
categories = "*"
documents = "*"
decision = "decline"
citation = "8 CFR 287.7"
reason = "We do not hold people for immigration authorities."
"""
HEAD = 'name = "test"\neffective = "2026-01-01"\n'


def write(tmp_path: Path, text: str, name: str = "agency.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def second_rule(**changes: str) -> str:
    """A second rule after HEAD + GOOD_RULE: header on line 13, its fields on 14-20 in
    this order, an added field on 21; an empty value drops the field."""
    fields = {
        "id": '"R3.transfer"',
        "types": '["R3"]',
        "categories": '"*"',
        "documents": '"*"',
        "decision": '"decline"',
        "citation": '"agency policy"',
        "reason": '"We hand no one over."',
    }
    fields.update(changes)
    body = "".join(f"{key} = {value}\n" for key, value in fields.items() if value)
    return "\n[[rule]]\n" + body


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (HEAD + GOOD_RULE + "decision = = 3\n", 12, "not valid TOML"),
        (HEAD + GOOD_RULE + second_rule(decision='"maybe"'), 18, "unknown decision 'maybe'"),
        (HEAD + GOOD_RULE + second_rule(citation=""), 13, "missing citation"),
        (HEAD + GOOD_RULE + second_rule(citation='"  "'), 19, "citation must be non-empty"),
        (HEAD + GOOD_RULE + second_rule(reason=""), 13, "missing reason"),
        (HEAD + GOOD_RULE + second_rule(id='"R1.hold"', types='["R3"]'), 13, "duplicate rule id"),
        (HEAD + GOOD_RULE + second_rule(types='["R13"]'), 15, "unknown request type 'R13'"),
        (HEAD + GOOD_RULE + second_rule(categories='["ssn"]'), 16, "unknown category 'ssn'"),
        (HEAD + GOOD_RULE + second_rule(documents='["fax"]'), 17, "unknown document kind 'fax'"),
        (
            HEAD + GOOD_RULE + second_rule(side_effects='["call_ice"]'),
            21,
            "unknown side effect 'call_ice'",
        ),
        (HEAD + GOOD_RULE + second_rule(citaton='"x"'), 21, "unknown field 'citaton'"),
        (HEAD + GOOD_RULE + second_rule(effective='"soon"'), 21, "effective must be a date"),
        (
            HEAD
            + GOOD_RULE
            + second_rule(categories='["immigration_status"]', decision='"release"'),
            18,
            "immigration_status can only be answered 'not_collected'",
        ),
        (
            HEAD + GOOD_RULE + second_rule(types='["R1"]'),
            4,
            "both decide R1/immigration_status/detainer_i247a",
        ),
        ('name = "x"\nextends = "nowhere"\n', 2, "extends 'nowhere': no such policy file"),
        ('name = "x"\nextends = "strict"\nremove = ["R99.none"]\n', 3, "no inherited rule"),
        ('name = "x"\nrulez = []\n', 2, "unknown top-level field 'rulez'"),
        (GOOD_RULE, 2, "missing effective date"),
    ],
)
def test_it_rejects_a_mistake_and_names_its_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    path = write(tmp_path, text)
    errors = check(path)
    assert any(error.line == line and says in error.message for error in errors), errors
    assert all(str(error).startswith(f"{path}:") for error in errors)


def test_load_policy_raises_a_named_exception_listing_every_error(tmp_path: Path) -> None:
    text = HEAD + GOOD_RULE + second_rule(decision='"maybe"', citation="", documents='["fax"]')
    with pytest.raises(PolicyFileInvalid) as raised:
        load_policy(write(tmp_path, text))
    messages = [error.message for error in raised.value.errors]
    assert len(messages) == 3
    assert "unknown decision 'maybe'" in str(raised.value)


def test_bad_toml_names_line_and_column(tmp_path: Path) -> None:
    (error,) = check(write(tmp_path, 'name = "x"\n\n[[rule]\nid = "a"\n'))
    assert error.line == 3
    assert error.message.startswith("not valid TOML, column")


def test_a_file_that_cannot_be_read_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (error,) = check(tmp_path / "missing.toml")
    assert "cannot read" in error.message


def test_an_invalid_base_makes_the_profile_invalid(tmp_path: Path) -> None:
    write(tmp_path, HEAD + GOOD_RULE + second_rule(decision='"maybe"'), name="base.toml")
    errors = check(write(tmp_path, 'name = "x"\nextends = "base"\n'))
    assert "which is invalid" in errors[0].message
    assert any(error.path.endswith("base.toml") and error.line == 18 for error in errors)


def test_a_file_cannot_extend_itself(tmp_path: Path) -> None:
    errors = check(write(tmp_path, 'name = "loop"\nextends = "loop"\n', name="loop.toml"))
    assert "cannot extend itself" in errors[0].message
