"""Turning back a staff session's clocks, instead of waiting."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone


def minutes_ago(client: Client, key: str, minutes: int) -> None:
    """Set the session timestamp `key` (last seen, last confirmed) `minutes` back."""
    session = client.session
    session[key] = int(timezone.now().timestamp()) - minutes * 60
    session.save()
