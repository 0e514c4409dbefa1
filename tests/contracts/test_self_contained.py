"""The repository stands alone: no tracked file points at a folder beside the checkout
or at one machine's home, work or scratch folders. System paths a deployment uses
(/usr/share/fonts, /opt/trustline, /etc/trustline) are fine."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE = re.compile(r"\.\./shared|(?<![\w.~])/(?:work|home|root|Users|tmp)/[\w.-]")


def tracked() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"],  # noqa: S607 - git from PATH, fixed arguments
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [ROOT / name for name in listed.split("\0") if name]


def test_no_tracked_file_names_a_path_outside_the_repository() -> None:
    found = []
    for path in tracked():
        if not path.is_file() or path == Path(__file__).resolve():
            continue  # this file's own examples are the patterns it looks for
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary: compiled catalogs, images
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_the_check_sees_a_path_beside_the_checkout() -> None:
    assert OUTSIDE.search("see ../shared/DESIGN.md")
    assert OUTSIDE.search("open('/work/main/corpora/x.jsonl')")
    assert not OUTSIDE.search("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    assert not OUTSIDE.search("ExecStart=/opt/trustline/venv/bin/trustline serve")
