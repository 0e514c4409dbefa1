"""Every `trustline` subcommand answers in words: help with no setting at all, and any
expected failure (no secret, a wrong argument, a bad file) in plain lines with exit
status 2, never a stack trace. Each runs in a bare environment: no TRUSTLINE_* value,
no DATABASE_URL."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.bare import SECRETS, run_command

OURS = (
    "audit",
    "createstaff",
    "demo",
    "keys",
    "policy",
    "purge",
    "report",
    "resetotp",
    "serve",
    "unlock",
)


def each(*argvs: tuple[str, ...], **env: str) -> list[subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda argv: run_command(*argv, **env), argvs))


def test_the_command_list_needs_no_setting() -> None:
    listed = run_command("help", "--commands")
    assert listed.returncode == 0, listed.stderr
    assert set(OURS) <= set(listed.stdout.split())


def test_every_subcommand_prints_its_help_without_settings() -> None:
    for name, done in zip(OURS, each(*[(name, "--help") for name in OURS]), strict=True):
        assert done.returncode == 0, (name, done.stderr)
        assert f"usage: trustline {name}" in done.stdout, name
        assert "Traceback" not in done.stderr, name


def test_without_its_secrets_every_subcommand_says_so_in_one_line() -> None:
    for name, done in zip(OURS, each(*[(name,) for name in OURS]), strict=True):
        assert done.returncode == 2, (name, done.returncode, done.stderr)
        assert "Traceback" not in done.stderr, name
        if name != "policy":  # needs no secret: it asks for its own arguments
            assert done.stderr.strip().count("\n") == 0, (name, done.stderr)
            assert "TRUSTLINE_SECRET_KEY" in done.stderr, name


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("report", "transparency", "--format", "docx"), "invalid choice: 'docx'"),
        (("nosuchcommand",), "Unknown command"),
        (("policy", "check", "/no/such/policy.toml"), "/no/such/policy.toml"),
        (("audit", "verify"), "run `trustline migrate` first"),
        (("audit", "checkpoint", "--checkpoint", "x"), "unrecognized arguments"),
    ],
)
def test_a_wrong_argument_or_file_is_named_with_status_2(
    argv: tuple[str, ...], says: str, tmp_path: Path
) -> None:
    done = run_command(*argv, TRUSTLINE_VAR_DIR=str(tmp_path), **SECRETS)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert says in done.stderr
    assert "Traceback" not in done.stderr
