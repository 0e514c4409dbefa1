"""Promise 7 on a 360 x 740 phone with JavaScript off: the public pages are styled,
nothing scrolls sideways, and every request a page makes goes to the site itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Response
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import PHONE, NewContext
from tests.browser.reporter import LANGUAGES, PUBLIC_PAGES, Reporter

PHONE_PAGES = ["landing", "report_form", "receipt", "thread", "interpreters"]
STYLESHEET = "/static/trustline/site.css"
# The navy of the site header in site.css: if it shows, the stylesheet applied.
HEADER_NAVY = "rgb(11, 37, 69)"

HEADER_BACKGROUND = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
PAGE_WIDTH = "document.scrollingElement.scrollWidth"
# What sticks out past the right edge, to say why a page scrolls sideways.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .slice(0, 8)
    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}` +
              `${e.className ? '.' + String(e.className).split(' ').join('.') : ''}` +
              ` (right edge ${Math.round(e.getBoundingClientRect().right)}px)`)"""


@pytest.fixture
def phone(new_context: NewContext) -> BrowserContext:
    return new_context(phone=True)


@pytest.mark.browser
def test_the_stylesheet_is_served_by_the_site_and_applies(phone: BrowserContext) -> None:
    page = phone.new_page()
    with page.expect_response(f"**{STYLESHEET}") as stylesheet:
        page.goto("/es/")
    response = stylesheet.value
    assert response.status == 200, f"{response.url} answered {response.status}"
    assert response.headers["content-type"].startswith("text/css")
    assert page.evaluate(HEADER_BACKGROUND) == HEADER_NAVY


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PHONE_PAGES)
def test_the_page_fits_a_360_px_phone_without_sideways_scrolling(
    name: str, lang: str, phone: BrowserContext, answered_report: Callable[[str], str]
) -> None:
    page = phone.new_page()
    Reporter(page, lang, answered_report).visit(name)
    assert page.evaluate(HEADER_BACKGROUND) == HEADER_NAVY, "the stylesheet did not apply"

    width = page.evaluate(PAGE_WIDTH)
    assert width <= PHONE["width"], (
        f"{page.url} is {width}px wide on a {PHONE['width']}px screen; sticking out: "
        f"{page.evaluate(OVERFLOWING)}"
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_public_page_loads_anything_from_another_site(
    lang: str,
    phone: BrowserContext,
    answered_report: Callable[[str], str],
    live_server: LiveServer,
) -> None:
    requested: list[str] = []
    broken: list[str] = []

    def note_broken(response: Response) -> None:
        # Error pages are documents with an error status; their assets must still load.
        # 304 is a load too: the browser revalidated its copy (a recently changed file).
        loaded = response.ok or response.status == 304
        if response.request.resource_type != "document" and not loaded:
            broken.append(f"{response.url} answered {response.status}")

    phone.on("request", lambda request: requested.append(request.url))
    phone.on("requestfailed", lambda request: broken.append(f"{request.url}: {request.failure}"))
    phone.on("response", note_broken)

    reporter = Reporter(phone.new_page(), lang, answered_report)
    for name in PUBLIC_PAGES:
        reporter.visit(name)

    site = urlsplit(live_server.url)
    foreign = sorted({url for url in requested if urlsplit(url)[:2] != (site.scheme, site.netloc)})
    assert not foreign, f"requests to other sites: {foreign}"
    assert any(urlsplit(url).path == STYLESHEET for url in requested)
    assert not broken, f"assets that did not load: {broken}"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/ar/", "/ar/report/", "/ar/interpreters/"])
def test_a_right_to_left_page_mirrors_and_fits_a_360_px_phone(
    path: str, phone: BrowserContext, settings: Any
) -> None:
    settings.LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
    page = phone.new_page()
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    width = page.evaluate(PAGE_WIDTH)
    assert width <= PHONE["width"], f"{path}: {width}px wide; {page.evaluate(OVERFLOWING)}"
    # Mirrored: the site's name starts at the right edge of the header.
    brand = page.locator(".brand").bounding_box()
    assert brand is not None and brand["x"] + brand["width"] > PHONE["width"] / 2
