"""Our interpreter in a bare environment: none of this process's TRUSTLINE_* settings
and no DATABASE_URL, only what a test passes, as an operator's shell would be."""

from __future__ import annotations

import os
import subprocess
import sys

SECRETS = {"TRUSTLINE_SECRET_KEY": "k" * 40, "TRUSTLINE_RECEIPT_PEPPER": "p" * 40}


def run_python(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTLINE_")}
    clean.pop("DATABASE_URL", None)
    clean.update(env, DJANGO_SETTINGS_MODULE="trustline.settings")
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *argv], env=clean, capture_output=True, text=True, check=False
    )


def run_command(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The `trustline` command."""
    return run_python("-m", "trustline", *argv, **env)
