"""Configuration that every public page reads (agency profile, categories), kept in
the process for a few seconds.

A plain dict, not Django's cache: the values are model instances that the local-memory
cache would pickle and unpickle on every request. Each process re-reads them at most
every CONFIG_CACHE_SECONDS; a save in the admin clears this process's copy at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
CONFIG_CACHE_SECONDS = 30
_kept: dict[str, tuple[float, Any]] = {}


def remembered(key: str, load: Callable[[], T], seconds: float = CONFIG_CACHE_SECONDS) -> T:
    now = time.monotonic()
    hit = _kept.get(key)
    if hit is not None and hit[0] > now:
        value: T = hit[1]
        return value
    value = load()
    _kept[key] = (now + seconds, value)
    return value


def forget(key: str | None = None) -> None:
    if key is None:
        _kept.clear()
    else:
        _kept.pop(key, None)
