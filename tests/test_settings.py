"""Settings fail closed: no secret, no start; no DEBUG unless asked for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.views.debug import technical_500_response

from tests.bare import SECRETS, run_command, run_python
from trustline.env import env_bool, env_int, env_secret

PROBE = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def run_settings(**env: str) -> subprocess.CompletedProcess[str]:
    return run_python("-c", PROBE, **env)


def test_it_refuses_to_start_without_a_secret_key() -> None:
    result = run_settings(TRUSTLINE_RECEIPT_PEPPER="p" * 40)
    assert result.returncode != 0
    assert "TRUSTLINE_SECRET_KEY" in result.stderr
    assert "no default secret" in result.stderr


def test_it_refuses_to_start_without_a_receipt_pepper() -> None:
    result = run_settings(TRUSTLINE_SECRET_KEY="k" * 40)
    assert result.returncode != 0
    assert "TRUSTLINE_RECEIPT_PEPPER" in result.stderr


def test_debug_is_off_unless_asked_for() -> None:
    assert run_settings(**SECRETS).stdout.strip() == "False"
    assert run_settings(**SECRETS, TRUSTLINE_DEBUG="1").stdout.strip() == "True"


def test_a_secret_can_come_from_a_file(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    path = os.path.join(str(tmp_path), "secret")
    with open(path, "w", encoding="utf-8") as f:
        f.write("s" * 40 + "\n")
    monkeypatch.delenv("TRUSTLINE_TEST_SECRET", raising=False)
    monkeypatch.setenv("TRUSTLINE_TEST_SECRET_FILE", path)
    assert env_secret("TRUSTLINE_TEST_SECRET") == "s" * 40


def test_a_short_secret_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTLINE_TEST_SECRET", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        env_secret("TRUSTLINE_TEST_SECRET")


@pytest.mark.parametrize("raw", ["maybe", "2"])
def test_a_misspelled_boolean_is_refused(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("TRUSTLINE_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured):
        env_bool("TRUSTLINE_TEST_FLAG")


def test_a_number_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTLINE_TEST_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("TRUSTLINE_TEST_NUMBER", 1)


def test_the_debug_page_masks_the_receipt_pepper_like_the_secret_key() -> None:
    request = RequestFactory().get("/en/report/")
    with override_settings(DEBUG=True):
        try:
            raise RuntimeError("a crash")
        except RuntimeError:
            page = technical_500_response(request, *sys.exc_info()).content.decode()
    assert "RECEIPT_PEPPER" in page  # the setting is listed, its value is not
    assert settings.RECEIPT_PEPPER not in page
    assert settings.SECRET_KEY not in page


def test_a_command_without_its_secret_says_so_in_one_line() -> None:
    result = run_command("check", TRUSTLINE_RECEIPT_PEPPER="p" * 40)
    assert result.returncode != 0
    assert "no default secret" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_that_cannot_be_opened_is_named_without_a_stack_trace(
    tmp_path: object,
) -> None:
    missing = os.path.join(str(tmp_path), "no", "such", "folder")
    result = run_command("migrate", TRUSTLINE_VAR_DIR=missing, **SECRETS)
    assert result.returncode != 0
    assert "the database cannot be opened" in result.stderr
    assert "TRUSTLINE_VAR_DIR" in result.stderr
    assert "Traceback" not in result.stderr


LANGUAGES_PROBE = (
    "import django; django.setup(); from django.conf import settings;"
    " print(settings.LANGUAGE_CODE, [code for code, _ in settings.LANGUAGES])"
)


def test_the_agency_chooses_the_languages_and_their_order() -> None:
    done = run_python("-c", LANGUAGES_PROBE, **SECRETS, TRUSTLINE_LANGUAGES="es, en")
    assert done.stdout.strip() == "es ['es', 'en']"
    default = run_python("-c", LANGUAGES_PROBE, **SECRETS)
    assert default.stdout.strip() == "en ['en', 'es']"


def test_an_unknown_language_is_named_and_the_known_ones_listed() -> None:
    done = run_command("check", **SECRETS, TRUSTLINE_LANGUAGES="en,xx")
    assert done.returncode == 2
    assert "TRUSTLINE_LANGUAGES: unknown xx; use en, es, zh-hans" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_language_offered_without_its_catalog_stops_the_start(tmp_path: object) -> None:
    from trustline.intake.checks import offered_languages_have_catalogs

    with override_settings(LOCALE_PATHS=[str(tmp_path)]):
        errors = offered_languages_have_catalogs()
    assert [(e.id, e.msg.split(" is offered")[0]) for e in errors] == [
        ("trustline.E001", "Español (es)")
    ]
    assert offered_languages_have_catalogs() == []
