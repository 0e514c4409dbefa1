"""How to reach a telephone interpreter, in every language the line serves.

The sentences are data (language_help.toml, for a translator to review); the agency
sets the number and, if its interpreters do not answer at every hour, the hours per
language (AgencyProfile.interpreter_hours). Without a number nothing is shown: a page
must not promise a line that nobody set up.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from trustline.intake.models import AgencyProfile

SENTENCES = Path(__file__).with_name("language_help.toml")
PHONE = "{phone}"
# A report's contact language names Chinese once; the per-language data (these
# sentences, the saved replies) is kept by script.
BY_SCRIPT = {"zh": "zh-hans"}


def by_script(lang: str) -> str:
    """The key a contact language has in the per-language data files."""
    return BY_SCRIPT.get(lang, lang)


@dataclass(frozen=True)
class HelpLine:
    """One language's sentence, split around the number so that the template can keep
    the number left to right inside right-to-left text."""

    lang: str
    dir: str
    name: str
    word: str
    before: str
    phone: str
    after: str
    hours: str

    @property
    def dial(self) -> str:
        """The number as a tel: link wants it: digits and a leading plus."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


@lru_cache(maxsize=1)
def sentences() -> dict[str, dict[str, str]]:
    table = tomllib.loads(SENTENCES.read_text(encoding="utf-8"))
    for lang, entry in table.items():
        if entry.get("line", "").count(PHONE) != 1 or not all(
            entry.get(key) for key in ("name", "word", "all_hours")
        ):
            raise ValueError(f"{SENTENCES.name} [{lang}]: name, word, all_hours, {PHONE} once")
    return table


def _line(lang: str, entry: dict[str, str], phone: str, hours: dict[str, str]) -> HelpLine:
    before, after = entry["line"].split(PHONE)
    shown_hours = hours.get(lang) or hours.get(lang.split("-")[0]) or entry["all_hours"]
    direction = entry.get("dir", "ltr")
    return HelpLine(
        lang, direction, entry["name"], entry["word"], before, phone, after, shown_hours
    )


def help_lines(profile: AgencyProfile) -> list[HelpLine]:
    """Every language's line with the agency's number; empty without a number."""
    phone = profile.interpreter_line()
    if not phone:
        return []
    hours = profile.interpreter_hours if isinstance(profile.interpreter_hours, dict) else {}
    return [_line(lang, entry, phone, hours) for lang, entry in sentences().items()]


def help_line(profile: AgencyProfile, lang: str) -> HelpLine | None:
    """The line in one language (a page's or a contact language), or None without a
    number."""
    key = by_script(lang)
    return next((line for line in help_lines(profile) if line.lang == key), None)


def page_help(profile: AgencyProfile, lang: str) -> dict[str, object] | None:
    """What every public page shows: its own language's line, and the word for an
    interpreter in each of the others (each a link to the page with every line)."""
    lines = help_lines(profile)
    own = next((line for line in lines if line.lang == lang), None)
    if own is None:
        return None
    return {"own": own, "others": [line for line in lines if line.lang != lang]}
