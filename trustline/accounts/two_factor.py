"""The second factor: a TOTP authenticator app, and one-time recovery codes.

A code of six digits is checked against the staff member's authenticator; anything
else is taken as a recovery code. Only the device the code is meant for is asked,
so a mistyped recovery code never throttles the authenticator, and the reverse.
Each device slows down after a wrong code (django-otp's throttling); the account as
a whole is locked after repeated failures by django-axes (lockout.py).
"""

from __future__ import annotations

import re
from base64 import b32encode
from typing import Any

import segno
from django.contrib.auth.models import User
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from trustline.roles import Actor

RECOVERY_CODES = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"
TOTP_SHAPE = re.compile(r"\d{6}")


class CodeRefused(Exception):
    """The code matches none of the staff member's devices."""


class CodeThrottled(CodeRefused):
    """Too many wrong codes in a row: the device waits before checking another."""


def is_verified(user: Actor) -> bool:
    """Whether this request's staff member passed the second factor (OTPMiddleware)."""
    return getattr(user, "otp_device", None) is not None


def is_enrolled(user: User) -> bool:
    enrolled: bool = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return enrolled


def normalized(code: str) -> str:
    # People copy codes with spaces ("123 456") or in capitals from a printout.
    return re.sub(r"[\s-]", "", code).lower()


def verify_code(user: User, code: str) -> Device:
    """The device that accepts `code` for `user`, or CodeRefused."""
    token = normalized(code)
    model: Any = TOTPDevice if TOTP_SHAPE.fullmatch(token) else StaticDevice
    with transaction.atomic():
        # Locked, so that two requests cannot both spend one code.
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            raise CodeRefused
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            raise CodeThrottled
        accepted = device.verify_token(token)
    # Raised outside the transaction: the device's count of wrong codes must stay.
    if not accepted:
        raise CodeRefused
    return device


def second_factor_name(device: Device) -> str:
    return "recovery code" if isinstance(device, StaticDevice) else "authenticator"


def mark_verified(session: Any, device: Device) -> None:
    """Record in the staff session that its user passed the second factor."""
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The enrollment QR code as inline SVG markup: no script, no image request."""
    qr = segno.make(device.config_url, error="m")
    svg: str = qr.svg_inline(scale=4, border=2, dark="#0b0c0c", light="#ffffff", title=title)
    return svg


def base32_key(device: TOTPDevice) -> str:
    """The secret as people type it into an authenticator app, in groups of four."""
    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
