#!/usr/bin/env python3
"""pip-audit over requirements.lock (the pinned, hashed packages), for `make audit` and CI.

Known vulnerabilities fail the build. pip-audit is skipped only when no vulnerability
service can be reached (PyPI's JSON API, then OSV), and then this says so and why:
a network that blocks the feeds must not look like a clean bill of health, and must
not hide a finding either. Anything else that goes wrong fails, too.

Our own package is not in the lock: it is the code under review, not a dependency.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

SERVICES = ("pypi", "osv")
OURS = "trustline"
LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"

# What requests and pip-audit print when a feed cannot be reached at all.
UNREACHABLE = re.compile(
    r"Could not connect to|is not redirecting properly|network may be blocking"
    r"|NameResolutionError|Failed to resolve|Temporary failure in name resolution"
    r"|Max retries exceeded|Connection refused|timed out|5\d\d Server Error"
)

Kind = Literal["clean", "vulnerable", "unreachable", "error"]


@dataclass(frozen=True)
class Outcome:
    kind: Kind
    message: str


def classify(service: str, returncode: int, stdout: str, stderr: str) -> Outcome:
    """Read one pip-audit run (JSON format) into what the build should do."""
    report = _json(stdout)
    if report is None:
        return _failure(service, returncode, stderr)
    dependencies: list[dict[str, Any]] = report.get("dependencies", [])
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    if vulnerable:
        findings = "\n".join(_finding(dep) for dep in vulnerable)
        return Outcome("vulnerable", f"pip-audit ({service}): known vulnerabilities\n{findings}")
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    unaudited = [dep for dep in dependencies if "skip_reason" in dep and dep["name"] != OURS]
    if not audited and unaudited:
        # A feed that knows none of our packages is not the vulnerability feed.
        return Outcome(
            "unreachable",
            f"{service} answered 'not found' for all {len(unaudited)} packages: "
            "this network reaches a package index, not the vulnerability feed",
        )
    if returncode != 0:
        return _failure(service, returncode, stderr)
    message = f"pip-audit ({service}): {len(audited)} packages audited, no known vulnerabilities"
    if unaudited:
        message += "\nnot audited: " + "; ".join(dep["skip_reason"] for dep in unaudited)
    return Outcome("clean", message)


def _json(stdout: str) -> dict[str, Any] | None:
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        return None
    return report if isinstance(report, dict) else None


def _failure(service: str, returncode: int, stderr: str) -> Outcome:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else f"exit status {returncode}"
    if UNREACHABLE.search(stderr):
        return Outcome("unreachable", f"{service}: {last}")
    return Outcome("error", f"pip-audit ({service}) failed: {last}")


def _finding(dep: dict[str, Any]) -> str:
    ids = ", ".join(
        f"{vuln['id']} (fixed in {', '.join(vuln.get('fix_versions', [])) or 'no release yet'})"
        for vuln in dep["vulns"]
    )
    return f"  {dep['name']} {dep.get('version', '')}: {ids}"


def audit(service: str) -> Outcome:
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        # The lock, as pinned and hashed: nothing is installed to audit it.
        "--requirement",
        str(LOCK),
        "--require-hashes",
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--vulnerability-service",
        service,
    ]
    # A fixed command: our interpreter running pip-audit, no outside input.
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    return classify(service, done.returncode, done.stdout, done.stderr)


def decide(outcomes: list[Outcome]) -> tuple[int, str]:
    """The first feed that answered decides; skipped only if none answered."""
    for outcome in outcomes:
        if outcome.kind != "unreachable":
            return (0 if outcome.kind == "clean" else 1), outcome.message
    reasons = "; ".join(outcome.message for outcome in outcomes)
    return 0, f"pip-audit SKIPPED: no vulnerability service could be reached ({reasons})"


def main() -> int:
    outcomes: list[Outcome] = []
    for service in SERVICES:
        outcomes.append(audit(service))
        if outcomes[-1].kind != "unreachable":
            break
    status, message = decide(outcomes)
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
