"""Typed helpers that read settings from the environment and fail closed.

A secret can come from `NAME` or from a file named by `NAME_FILE` (for Docker and
systemd credentials); there is never a default secret.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choices(name: str, default: str, allowed: dict[str, str]) -> list[tuple[str, str]]:
    """A comma-separated choice among `allowed` (code -> name), in the order given;
    an unknown code stops the start with the list of known ones."""
    codes = env_list(name, default)
    unknown = [code for code in codes if code not in allowed]
    if unknown or not codes:
        known = ", ".join(allowed)
        raise ImproperlyConfigured(f"{name}: unknown {', '.join(unknown) or 'empty'}; use {known}")
    return [(code, allowed[code]) for code in dict.fromkeys(codes)]


def env_secret(name: str, min_length: int = 32) -> str:
    """A required secret from NAME or NAME_FILE; refuses to start without one."""
    value = os.environ.get(name)
    path = os.environ.get(f"{name}_FILE")
    if value is None and path:
        value = Path(path).read_text(encoding="utf-8").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} (or {name}_FILE) must be set: Trustline has no default secret."
        )
    if len(value) < min_length:
        raise ImproperlyConfigured(f"{name} must be at least {min_length} characters long.")
    return value
