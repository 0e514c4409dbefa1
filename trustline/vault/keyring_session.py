"""Keeping an officer's unlocked private key between requests.

At sign-in the key is opened with the password, then sealed with a fresh random
secret: the sealed copy goes into the staff session (in the database), the secret
into a cookie only the officer's browser holds. Any app process can open it for the
officer's requests; neither the session store nor the cookie alone opens it, and
signing out (or the session expiring) leaves nothing that does.
"""

from __future__ import annotations

import secrets
from base64 import urlsafe_b64decode, urlsafe_b64encode
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import User as StaffUser
from django.http import HttpRequest, HttpResponse

from trustline.sessions import is_staff_path
from trustline.vault import crypto, services
from trustline.vault.keyring import Keyring, hold

COOKIE = "tl_keys"
SESSION_KEY = "vault"
PENDING_ATTR = "_vault_cookie"


def _ad(user_id: int, key_id: int) -> str:
    return f"session key|{user_id}|{key_id}"


def unlock_at_sign_in(request: HttpRequest, user: StaffUser, password: str) -> Keyring:
    """Open the officer's key with the password just checked, and keep it for the session."""
    keyring = services.unlock(user=user, password=password)
    keep_for_session(request, user, keyring)
    return keyring


def keep_for_session(request: HttpRequest, user: StaffUser, keyring: Keyring) -> None:
    entry, cookie = session_entry(user, keyring)
    request.session[SESSION_KEY] = entry
    setattr(request, PENDING_ATTR, cookie)
    hold(user, keyring)


def session_entry(user: StaffUser, keyring: Keyring) -> tuple[dict[str, object], str]:
    """What the session keeps (the sealed key) and what the cookie carries (the secret)."""
    secret = secrets.token_bytes(crypto.KEY_BYTES)
    entry: dict[str, object] = {
        "key": keyring.key_id,
        "sealed": crypto.seal_for_session(keyring.private, secret, _ad(user.pk, keyring.key_id)),
    }
    return entry, urlsafe_b64encode(secret).decode()


def _from_session(request: HttpRequest, user: StaffUser) -> Keyring | None:
    kept = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(COOKIE, "")
    if not isinstance(kept, dict) or not cookie:
        return None
    try:
        secret = urlsafe_b64decode(cookie.encode())
        private = crypto.open_from_session(kept["sealed"], secret, _ad(user.pk, kept["key"]))
    except (crypto.CannotOpen, KeyError, TypeError, ValueError):
        return None
    return Keyring(key_id=int(kept["key"]), private=private)


class KeyringMiddleware:
    """Puts the signed-in officer's keyring on request.user for the staff pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_staff_path(request.path):
            return self.get_response(request)
        user = request.user
        if isinstance(user, StaffUser) and user.is_authenticated:
            hold(user, _from_session(request, user))
        response = self.get_response(request)
        pending = getattr(request, PENDING_ATTR, None)
        if pending:
            response.set_cookie(
                COOKIE,
                pending,
                path=settings.STAFF_URL_PREFIX,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Strict",
            )
        elif COOKIE in request.COOKIES and SESSION_KEY not in request.session:
            response.delete_cookie(COOKIE, path=settings.STAFF_URL_PREFIX, samesite="Strict")
        return response
