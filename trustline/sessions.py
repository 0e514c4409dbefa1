"""Separate sessions for the anonymous side and the staff side.

SecureDrop keeps its source and journalist apps apart; here the two sides share one
process, so the split is a cookie and a store: Django's session cookie `tl_staff`
(path /staff/) with sessions in the database for the console, so they can be ended
on the server; `tl_public` for the reporter pages, a signed cookie that the server
never stores — no table lists who visited the reporting line. A staff session never
rides along on a public page, and a reporter's session can never be promoted to a
staff one.
"""

from __future__ import annotations

from http.cookies import Morsel
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse


def is_staff_path(path: str) -> bool:
    return path.startswith(settings.STAFF_URL_PREFIX)


class SplitSessionMiddleware(SessionMiddleware):
    def __init__(self, get_response: Any) -> None:
        super().__init__(get_response)
        self.PublicStore = import_module(settings.PUBLIC_SESSION_ENGINE).SessionStore

    def process_request(self, request: HttpRequest) -> None:
        name = self.cookie_name(request)
        store = self.SessionStore if is_staff_path(request.path) else self.PublicStore
        request.session = store(request.COOKIES.get(name))

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if is_staff_path(request.path):
            return super().process_response(request, response)
        # Django's middleware knows one cookie name: show it the public cookie under
        # that name, then rename what it set.
        staff = settings.SESSION_COOKIE_NAME
        public = settings.PUBLIC_SESSION_COOKIE_NAME
        original = request.COOKIES
        seen = {k: v for k, v in original.items() if k != staff}
        if public in original:
            seen[staff] = original[public]
        request.COOKIES = seen
        try:
            response = super().process_response(request, response)
        finally:
            request.COOKIES = original
        morsel = response.cookies.pop(staff, None)
        if morsel is not None:
            renamed: Morsel[str] = Morsel()
            renamed.set(public, morsel.value, morsel.coded_value)
            renamed.update(morsel)
            renamed["path"] = "/"
            response.cookies[public] = renamed
        return response

    @staticmethod
    def cookie_name(request: HttpRequest) -> str:
        if is_staff_path(request.path):
            return str(settings.SESSION_COOKIE_NAME)
        return str(settings.PUBLIC_SESSION_COOKIE_NAME)
