"""Why the line sends `Referrer-Policy: same-origin` and not `no-referrer`
(docs/decisions/0001-referrer-policy-same-origin.md), pinned in a real Chromium.

Under no-referrer a browser posts a form with `Origin: null` (Fetch standard,
"append a request Origin header"), and Django's CSRF check refuses that origin: no
report could be sent. Under same-origin the form posts its real origin, and no page
address ever goes to another site, which is what no-referrer was wanted for.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Request, Route

from tests.browser.conftest import NewContext

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAME_ORIGIN_META = '<meta name="referrer" content="same-origin">'


def as_no_referrer(route: Route) -> None:
    """Serve the page as if the line sent no-referrer (header and meta element)."""
    if route.request.method != "GET":
        route.continue_()
        return
    response = route.fetch()
    body = response.text()
    assert SAME_ORIGIN_META in body
    body = body.replace(SAME_ORIGIN_META, '<meta name="referrer" content="no-referrer">')
    headers = {**response.headers, "referrer-policy": "no-referrer"}
    route.fulfill(response=response, body=body, headers=headers)


def post_the_follow_up_form(new_context: NewContext, *, no_referrer: bool) -> dict[str, Any]:
    page = new_context().new_page()
    if no_referrer:
        page.route("**/en/follow-up/", as_no_referrer)
    posted: list[Request] = []
    page.on("request", lambda r: posted.append(r) if r.method == "POST" else None)
    page.goto("/en/follow-up/")
    page.get_by_label("Your receipt").fill("0000-0000-0000-0000-0000")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Open my report").click()
    response = navigation.value
    assert response is not None and posted
    return {
        "status": response.status,
        "origin": posted[0].header_value("origin"),
        "fetch_site": posted[0].header_value("sec-fetch-site"),
        "referer": posted[0].header_value("referer"),
    }


def test_under_no_referrer_chromium_posts_a_null_origin_and_the_form_is_refused(
    new_context: NewContext,
) -> None:
    sent = post_the_follow_up_form(new_context, no_referrer=True)
    assert sent["origin"] == "null"
    assert sent["referer"] is None
    assert sent["status"] == 403


def test_under_same_origin_the_form_posts_its_real_origin_and_is_accepted(
    new_context: NewContext, live_server: Any
) -> None:
    sent = post_the_follow_up_form(new_context, no_referrer=False)
    assert sent["origin"] == live_server.url
    assert sent["fetch_site"] == "same-origin"
    assert sent["status"] == 200  # the form answers: no report has this receipt
