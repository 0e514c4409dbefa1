"""Command-line filter: JSON Lines in, findings (or redacted text) out.

    python -m trustline.firewall [--redact] < reports.jsonl > findings.jsonl

Each input line is {"id": ..., "text": ..., "lang": optional}. Each output line is
{"id": ..., "findings": [{"start", "end", "category"}]} or, with --redact,
{"id": ..., "text": <redacted>}. A malformed line is reported on stderr by its line
number only (never its content) and the exit status is 1; other lines go on.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from . import redact, scan


class MalformedLine(ValueError):
    """An input line that is not a JSON object with a string "text"."""


def _parse(line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLine(f"not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise MalformedLine("not a JSON object")
    if not isinstance(row.get("text"), str):
        raise MalformedLine('no string "text"')
    lang = row.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise MalformedLine('"lang" is not a string')
    return row


def _answer(row: dict[str, Any], redacting: bool) -> dict[str, Any]:
    text: str = row["text"]
    lang: str | None = row.get("lang")
    if redacting:
        return {"id": row.get("id"), "text": redact(text, lang)}
    findings = [{"start": f.start, "end": f.end, "category": f.category} for f in scan(text, lang)]
    return {"id": row.get("id"), "findings": findings}


def run(stdin: TextIO, stdout: TextIO, stderr: TextIO, redacting: bool) -> int:
    failed = False
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            row = _parse(line)
        except MalformedLine as exc:
            failed = True
            print(f"line {number}: malformed input: {exc}", file=stderr)
            continue
        # ASCII escapes keep the output valid UTF-8 even for lone surrogates.
        stdout.write(json.dumps(_answer(row, redacting)) + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trustline.firewall", description=__doc__)
    parser.add_argument("--redact", action="store_true", help="write redacted text, not findings")
    args = parser.parse_args(argv)
    # Invalid UTF-8 in the input becomes lone surrogates rather than a crash mid-stream.
    fileno = sys.stdin.fileno()
    with open(fileno, encoding="utf-8", errors="surrogateescape", closefd=False) as stdin:
        return run(stdin, sys.stdout, sys.stderr, args.redact)


if __name__ == "__main__":
    sys.exit(main())
