"""Filling in the public report form the way a browser does: GET it, then POST it
with the one-time token the page carries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.test import Client

from benchmarks.loadlib import RECEIPT, TOKEN

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


def report_form_token(client: Client, lang: str = "en") -> str:
    page = client.get(f"/{lang}/report/").content.decode()
    found = TOKEN.search(page)
    assert found, "the report form carries no submission token"
    return found.group(1)


def post_report(client: Client, data: dict[str, Any], lang: str = "en") -> Response:
    token = report_form_token(client, lang)
    return client.post(f"/{lang}/report/", {**data, "submission": token})


def receipt_on_page(client: Client, lang: str = "en") -> str:
    """The receipt as the reporter reads it on the page after sending."""
    found = RECEIPT.search(client.get(f"/{lang}/report/receipt/").content.decode())
    assert found, "no receipt on the receipt page"
    return found.group(1)
