"""Where no Chromium can start, the browser tests skip and say why; in CI they fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_BROWSER_TEST = (
    "tests/browser/test_referrer_policy.py::"
    "test_under_same_origin_the_form_posts_its_real_origin_and_is_accepted"
)


def browser_test(**env: str) -> subprocess.CompletedProcess[str]:
    """One browser test in a fresh pytest, told Chromium lives where nothing does."""
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "TRUSTLINE_REQUIRE_BROWSER")}
    clean.pop("DATABASE_URL", None)  # the embedded database: this test is about the browser
    clean.update(env, TRUSTLINE_CHROMIUM=str(ROOT / "var" / "no-chromium-here"))
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", ONE_BROWSER_TEST],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_without_chromium_a_developer_sees_the_browser_tests_skipped_and_why() -> None:
    result = browser_test()
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1 skipped" in result.stdout
    assert "Chromium did not start" in result.stdout
    assert "make install-browser" in result.stdout


def test_in_ci_a_missing_chromium_fails_the_browser_tests() -> None:
    result = browser_test(TRUSTLINE_REQUIRE_BROWSER="1")
    assert result.returncode == 1, result.stdout[-2000:]
    assert "Chromium did not start" in result.stdout
