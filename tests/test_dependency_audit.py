"""`scripts/audit_dependencies.py` (run by `make security`): findings fail the build;
only a vulnerability feed that cannot be reached skips pip-audit, and says so.

The outputs below have the shape pip-audit 2.x prints with `--format json`."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit_dependencies.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up by name while the script loads.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def report(*dependencies: dict[str, Any]) -> str:
    ours = {"name": "trustline", "skip_reason": "distribution marked as editable"}
    return json.dumps({"dependencies": [*dependencies, ours], "fixes": []})


DJANGO_OK = {"name": "django", "version": "5.2.19", "vulns": []}
OLD_DJANGO = {
    "name": "django",
    "version": "5.2.1",
    "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.2"], "aliases": []}],
}
NOT_FOUND = {
    "name": "asgiref",
    "skip_reason": "Dependency not found on PyPI and could not be audited: asgiref (3.13.0)",
}
NO_DNS = (
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.osv.dev', port=443): "
    "Max retries exceeded with url: /v1/query (Caused by NameResolutionError(...))\n"
)


def test_a_known_vulnerability_fails_the_build(script: ModuleType) -> None:
    outcome = script.classify("pypi", 1, report(OLD_DJANGO, NOT_FOUND), "")
    assert outcome.kind == "vulnerable"
    assert "django 5.2.1: PYSEC-2025-1 (fixed in 5.2.2)" in outcome.message
    status, message = script.decide([outcome])
    assert status == 1 and "PYSEC-2025-1" in message


def test_a_clean_environment_passes_and_names_what_was_not_audited(script: ModuleType) -> None:
    outcome = script.classify("pypi", 0, report(DJANGO_OK, NOT_FOUND), "")
    assert outcome.kind == "clean"
    assert "1 packages audited" in outcome.message
    assert "asgiref (3.13.0)" in outcome.message
    assert "trustline" not in outcome.message


def test_a_feed_that_knows_none_of_our_packages_counts_as_unreachable(
    script: ModuleType,
) -> None:
    outcome = script.classify("pypi", 0, report(NOT_FOUND), "")
    assert outcome.kind == "unreachable"


def test_a_feed_whose_name_does_not_resolve_is_unreachable(script: ModuleType) -> None:
    outcome = script.classify("osv", 1, "", "Traceback ...\n" + NO_DNS)
    assert outcome.kind == "unreachable"
    assert "Max retries exceeded" in outcome.message


def test_any_other_failure_fails_the_build(script: ModuleType) -> None:
    outcome = script.classify("pypi", 1, "", "pip_audit._service.interface.ServiceError: bad\n")
    status, message = script.decide([outcome])
    assert outcome.kind == "error" and status == 1
    assert "ServiceError" in message


def test_it_skips_only_when_every_feed_is_unreachable_and_says_why(script: ModuleType) -> None:
    pypi = script.classify("pypi", 0, report(NOT_FOUND), "")
    osv = script.classify("osv", 1, "", NO_DNS)
    status, message = script.decide([pypi, osv])
    assert status == 0
    assert message.startswith("pip-audit SKIPPED: no vulnerability service could be reached")
    assert "pypi answered 'not found'" in message and "osv:" in message


def test_a_second_feed_that_answers_decides(script: ModuleType) -> None:
    pypi = script.classify("pypi", 1, "", NO_DNS)
    osv = script.classify("osv", 1, report(OLD_DJANGO), "")
    assert script.decide([pypi, osv])[0] == 1
