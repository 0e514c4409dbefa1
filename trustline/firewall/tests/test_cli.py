"""`python -m trustline.firewall`: JSON Lines in, one line out per report, in order."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

from trustline.firewall import PLACEHOLDERS
from trustline.firewall.__main__ import run


def filter_lines(
    lines: list[str], redacting: bool = False
) -> tuple[int, list[dict[str, Any]], str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(io.StringIO("\n".join(lines) + "\n"), stdout, stderr, redacting)
    return status, [json.loads(line) for line in stdout.getvalue().splitlines()], stderr.getvalue()


def test_it_writes_findings_per_line_in_order() -> None:
    status, out, err = filter_lines(
        [
            json.dumps({"id": "a", "text": "She has a green card."}),
            json.dumps({"id": "b", "text": "Nothing here.", "lang": "en"}),
        ]
    )
    assert status == 0 and err == ""
    assert out == [
        {"id": "a", "findings": [{"start": 4, "end": 20, "category": "STATUS"}]},
        {"id": "b", "findings": []},
    ]


def test_it_redacts_with_the_flag() -> None:
    status, out, _ = filter_lines(
        [json.dumps({"id": 7, "text": "Me robaron el carro. No tengo papeles.", "lang": "es"})],
        redacting=True,
    )
    assert status == 0
    assert out == [
        {"id": 7, "text": "Me robaron el carro. " + PLACEHOLDERS[("STATUS", "es")] + "."}
    ]


def test_a_malformed_line_is_named_on_stderr_and_the_rest_still_processed() -> None:
    secret = "she is undocumented"
    status, out, err = filter_lines(
        [
            json.dumps({"id": 1, "text": "ok"}),
            '{"id": 2, "text": "' + secret,
            json.dumps({"id": 3, "text": 5}),
            "[1, 2]",
            json.dumps({"id": 5, "text": "he has no papers"}),
        ]
    )
    assert status == 1
    assert [row["id"] for row in out] == [1, 5]
    assert "line 2" in err and "line 3" in err and "line 4" in err
    assert secret not in err  # the error names the line, never its content


def test_the_module_runs_as_a_command() -> None:
    lines = json.dumps({"id": "x", "text": "My A-number is A123456789"}) + "\n{bad\n"
    done = subprocess.run(
        [sys.executable, "-m", "trustline.firewall"],
        input=lines.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout.decode().splitlines()[0]) == {
        "id": "x",
        "findings": [{"start": 15, "end": 25, "category": "DOCUMENT_ID"}],
    }
    assert b"line 2" in done.stderr


def test_invalid_utf8_does_not_stop_the_stream() -> None:
    lines = b'{"id": 1, "text": "caf\xe9 undocumented"}\n{"id": 2, "text": "fine"}\n'
    done = subprocess.run(
        [sys.executable, "-m", "trustline.firewall"], input=lines, capture_output=True, check=False
    )
    assert done.returncode == 0
    assert [json.loads(x)["id"] for x in done.stdout.decode().splitlines()] == [1, 2]
