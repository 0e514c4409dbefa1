"""Named errors of a policy file, each pointing at a line a custodian can open."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PolicyError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class PolicyFileInvalid(Exception):
    """A policy file that must not be used; `errors` lists every problem found."""

    def __init__(self, errors: list[PolicyError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))
