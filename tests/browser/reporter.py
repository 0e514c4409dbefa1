"""The public pages, reached the way a reporter reaches them, in either language.

These steps select fields by name so that they work in every language; the journey
test reads the labels instead, in Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from playwright.sync_api import Page, expect

LANGUAGES = ["en", "es"]
PUBLIC_PAGES = [
    "landing",
    "report_form",
    "report_form_with_errors",
    "receipt",
    "receipt_card",
    "sent",
    "follow_up",
    "follow_up_with_error",
    "thread",
    "not_found",
    "interpreters",
]
NARRATIVE = (
    "Me robaron la bicicleta frente a la biblioteca. No llamé antes porque no tengo papeles."
)


def spanish(english: str) -> str:
    """What the Spanish catalogue says for `english`; fails while it says nothing."""
    with translation.override("es"):
        words = translation.gettext(english)
    assert words != english, (
        f"No Spanish translation for {english!r}: add it to "
        "trustline/locale/es/LC_MESSAGES/django.po and run `make messages`."
    )
    return words


@dataclass(frozen=True)
class Receipt:
    reference: str
    secret: str


@dataclass
class Reporter:
    """A reporter at a browser page, using the pages in one language."""

    page: Page
    lang: str
    # Files a report that an officer has accepted and answered; returns its receipt.
    answered_report: Callable[[str], str]

    def go(self, path: str, status: int = 200) -> None:
        response = self.page.goto(f"/{self.lang}{path}")
        assert response is not None, path
        assert response.status == status, f"{path} answered {response.status}"

    def submit(self) -> None:
        self.page.locator("main form button[type=submit]").first.click()

    def landing(self) -> None:
        self.go("/")

    def report_form(self) -> None:
        self.go("/report/")

    def report_form_with_errors(self) -> None:
        self.go("/report/")
        self.submit()
        expect(self.page.locator(".error-summary")).to_be_visible()

    def receipt(self, narrative: str = NARRATIVE) -> Receipt:
        self.go("/report/")
        form = self.page.locator("main form")
        form.locator("input[name=category][value=theft]").check()
        form.locator("input[name=when][value=unsure]").check()
        form.locator("textarea[name=narrative]").fill(narrative)
        form.locator("input[name=role][value=witness]").check()
        self.submit()
        expect(self.page).to_have_url(re.compile(r"/report/receipt/$"))
        return Receipt(
            reference=self.page.locator(".reference").inner_text().strip(),
            secret=self.page.locator("#receipt").inner_text().strip(),
        )

    def receipt_card(self) -> None:
        self.receipt()
        self.go("/report/receipt/card/")

    def sent(self) -> None:
        self.receipt()
        self.page.locator("input[name=written_down]").check()
        self.submit()
        expect(self.page).to_have_url(re.compile(r"/report/sent/$"))

    def follow_up(self) -> None:
        self.go("/follow-up/")

    def follow_up_with_error(self) -> None:
        self.go("/follow-up/")
        self.page.locator("input[name=receipt]").fill("0000-0000-0000-0000-0000")
        self.submit()
        expect(self.page.locator(".error-summary")).to_be_visible()

    def thread(self) -> None:
        secret = self.answered_report(self.lang)
        self.go("/follow-up/")
        self.page.locator("input[name=receipt]").fill(secret)
        self.submit()
        expect(self.page).to_have_url(re.compile(r"/follow-up/case/$"))

    def not_found(self) -> None:
        self.go("/no-such-page/", status=404)

    def interpreters(self) -> None:
        self.go("/interpreters/")

    def visit(self, name: str) -> None:
        assert name in PUBLIC_PAGES, name
        getattr(self, name)()
