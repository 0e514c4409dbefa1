"""The held-out corpus (tests/heldout.jsonl), scored by the shared score.py, stays above
its floors: a rule change that loses what the engine now finds there fails here.

The corpus was written in our own words before the rules were read (236 reports, half of
them without any disclosure); the engine first scored recall 0.832 and precision 0.974 on
it. The floors sit a little below today's figures (docs/firewall.md, "Held-out corpus").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trustline.firewall import scan

from .test_corpus import SHARED, load_scorer

HELDOUT = Path(__file__).resolve().parent / "heldout.jsonl"
FLOORS = {"recall": 0.97, "precision": 0.97, "clean_negatives": 0.97}
MAX_COLLATERAL = 0.15


@pytest.fixture(scope="module")
def table() -> dict[str, dict[str, Any]]:
    if not (SHARED / "score.py").exists():
        pytest.skip(f"no scorer at {SHARED}")
    scorer = load_scorer()
    gold = scorer.load(str(HELDOUT))
    found = {
        rid: {"findings": [f.__dict__ for f in scan(row["text"], row.get("lang"))]}
        for rid, row in gold.items()
    }
    return {k: scorer.summary(v) for k, v in scorer.score(gold, found).items()}


@pytest.mark.parametrize("slice_", ["all", "lang:en", "lang:es", "lang:mixed"])
def test_the_heldout_corpus_stays_above_its_floors(
    table: dict[str, dict[str, Any]], slice_: str
) -> None:
    figures = table[slice_]
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (slice_, name, figures)
    assert figures["collateral"] <= MAX_COLLATERAL, (slice_, figures)


def test_the_heldout_corpus_is_well_formed() -> None:
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    assert len({row["id"] for row in rows}) == len(rows) >= 200
    for row in rows:
        assert row["lang"] in {"en", "es", "mixed"}
        for span in row["spans"]:
            phrase = row["text"][span["start"] : span["end"]]
            assert phrase and phrase == phrase.strip(), (row["id"], span)
            assert span["label"] in {"STATUS", "DOCUMENT_ID"}
