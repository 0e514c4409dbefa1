"""The vault's cryptography on its own: what opens what, and what does not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustline.vault import crypto

CHEAP = crypto.KdfCost(memory_kib=32, iterations=1)


@given(st.text())
def test_a_sealed_text_opens_with_its_key_and_place(text: str) -> None:
    key = crypto.new_data_key()
    sealed = crypto.seal_text(key, text, "intake.report.narrative|TL-ABC123")
    assert crypto.open_text(key, sealed, "intake.report.narrative|TL-ABC123") == text


def test_the_same_text_seals_differently_each_time() -> None:
    key = crypto.new_data_key()
    assert crypto.seal_text(key, "same", "a") != crypto.seal_text(key, "same", "a")


@pytest.mark.parametrize(
    "elsewhere",
    ["intake.report.place|TL-ABC123", "intake.report.narrative|TL-XYZ789"],
    ids=["another field", "another report"],
)
def test_a_ciphertext_moved_to_another_field_or_report_does_not_open(elsewhere: str) -> None:
    key = crypto.new_data_key()
    sealed = crypto.seal_text(key, "He hit me", "intake.report.narrative|TL-ABC123")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_text(key, sealed, elsewhere)


def test_an_altered_ciphertext_does_not_open() -> None:
    key = crypto.new_data_key()
    sealed = crypto.seal_text(key, "He hit me", "ad")
    flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    with pytest.raises(crypto.CannotOpen):
        crypto.open_text(key, flipped, "ad")


def test_a_ciphertext_cut_out_of_its_base64_does_not_open() -> None:
    key = crypto.new_data_key()
    sealed = crypto.seal_text(key, "He hit me", "ad")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_text(key, sealed[:-1], "ad")  # padding broken
    with pytest.raises(crypto.CannotOpen):
        crypto.open_text(key, "v1:not*base64", "ad")
    private, _ = crypto.new_key_pair()
    secret = crypto.new_data_key()
    kept = crypto.seal_for_session(private, secret, "session|7")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_from_session(kept[:-1], secret, "session|7")


def test_a_wrap_opens_only_with_its_recipients_private_key() -> None:
    data_key = crypto.new_data_key()
    ivan, ivan_public = crypto.new_key_pair()
    olga, _ = crypto.new_key_pair()
    wrapped = crypto.wrap(data_key, ivan_public, "report key|TL-ABC123")
    assert crypto.unwrap(wrapped, ivan, "report key|TL-ABC123") == data_key
    with pytest.raises(crypto.CannotOpen):
        crypto.unwrap(wrapped, olga, "report key|TL-ABC123")
    with pytest.raises(crypto.CannotOpen):
        crypto.unwrap(wrapped, ivan, "report key|TL-XYZ789")


def test_a_private_key_opens_only_with_the_password() -> None:
    private, public = crypto.new_key_pair()
    protected = crypto.protect_private(private, "correct horse", CHEAP, "staff|7")
    opened = crypto.unprotect_private(protected, "correct horse", CHEAP, "staff|7")
    assert crypto.public_bytes(opened) == public
    with pytest.raises(crypto.CannotOpen):
        crypto.unprotect_private(protected, "wrong horse", CHEAP, "staff|7")
    with pytest.raises(crypto.CannotOpen):
        crypto.unprotect_private(protected, "correct horse", CHEAP, "staff|8")


def test_the_reporter_key_needs_both_the_receipt_and_the_pepper() -> None:
    data_key = crypto.new_data_key()
    mine = crypto.receipt_key("12345678901234567890", b"pepper", "TL-ABC123")
    wrapped = crypto.wrap_for_reporter(data_key, mine, "TL-ABC123")
    assert crypto.unwrap_for_reporter(wrapped, mine, "TL-ABC123") == data_key
    for receipt, pepper in [("12345678901234567891", b"pepper"), ("12345678901234567890", b"x")]:
        other = crypto.receipt_key(receipt, pepper, "TL-ABC123")
        with pytest.raises(crypto.CannotOpen):
            crypto.unwrap_for_reporter(wrapped, other, "TL-ABC123")


def test_a_session_copy_needs_the_cookie_secret() -> None:
    private, public = crypto.new_key_pair()
    secret = crypto.new_data_key()
    sealed = crypto.seal_for_session(private, secret, "session|1|2")
    assert crypto.public_bytes(crypto.open_from_session(sealed, secret, "session|1|2")) == public
    with pytest.raises(crypto.CannotOpen):
        crypto.open_from_session(sealed, crypto.new_data_key(), "session|1|2")
