"""Score findings against a labelled corpus, by the labelling guide's rules.

A gold span is caught when withheld characters cover at least 80% of its non-space
characters (any category). A finding is a false alarm when it overlaps no gold span.
A report without gold spans is clean when it has no finding at all. Collateral is the
share of withheld non-space characters outside every gold span: crime facts lost with
the status.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

COVER = 0.8
Row = dict[str, Any]
Scanner = Callable[[str, str | None], Iterable[tuple[int, int, str]]]


def load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _caught(text: str, span: Row, withheld: list[bool]) -> bool:
    chars = [i for i in range(span["start"], span["end"]) if not text[i].isspace()]
    return not chars or sum(withheld[i] for i in chars) / len(chars) >= COVER


def tally(
    rows: list[Row], found: dict[str, list[tuple[int, int, str]]]
) -> dict[str, dict[str, int]]:
    """Counts per slice ("all", "lang:xx") from gold rows and findings by row id."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        text, spans = row["text"], row["spans"]
        findings = found.get(row["id"], [])
        withheld = [False] * len(text)
        for start, end, _ in findings:
            for i in range(max(0, start), min(len(text), end)):
                withheld[i] = True
        inside = [False] * len(text)
        for span in spans:
            for i in range(span["start"], span["end"]):
                inside[i] = True
        for key in ("all", "lang:" + row.get("lang", "?")):
            t = counts[key]
            t["reports"] += 1
            for span in spans:
                t["gold"] += 1
                t["caught"] += _caught(text, span, withheld)
            for i, w in enumerate(withheld):
                if w and not text[i].isspace():
                    t["withheld"] += 1
                    t["collateral"] += not inside[i]
            for start, end, _ in findings:
                t["findings"] += 1
                t["false_alarms"] += not any(start < s["end"] and s["start"] < end for s in spans)
            if not spans:
                t["negatives"] += 1
                t["clean"] += not findings
    return {k: dict(v) for k, v in counts.items()}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def summary(t: dict[str, int]) -> dict[str, float]:
    return {
        "reports": t.get("reports", 0),
        "recall": _ratio(t.get("caught", 0), t.get("gold", 0)),
        "precision": _ratio(t.get("findings", 0) - t.get("false_alarms", 0), t.get("findings", 0)),
        "clean_negatives": _ratio(t.get("clean", 0), t.get("negatives", 0)),
        "collateral": _ratio(t.get("collateral", 0), t.get("withheld", 0))
        if t.get("withheld")
        else 0.0,
    }


def score(rows: list[Row], scanner: Scanner) -> dict[str, dict[str, float]]:
    found = {row["id"]: list(scanner(row["text"], row.get("lang"))) for row in rows}
    return {k: summary(v) for k, v in sorted(tally(rows, found).items())}
