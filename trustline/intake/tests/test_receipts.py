from __future__ import annotations

import math
import re
from typing import Any

import pytest

from trustline.intake import receipts


def test_a_receipt_is_five_groups_of_four_digits() -> None:
    assert re.fullmatch(r"\d{4}(-\d{4}){4}", receipts.receipt_for(receipts.new_submission()))


def test_a_receipt_carries_at_least_64_bits() -> None:
    assert math.log2(10**receipts.DIGITS) >= 64


def test_receipts_do_not_repeat() -> None:
    drawn = {receipts.receipt_for(receipts.new_submission()) for _ in range(2000)}
    assert len(drawn) == 2000


def test_the_same_form_always_yields_the_same_receipt() -> None:
    token = receipts.new_submission()
    assert receipts.receipt_for(token) == receipts.receipt_for(token)


def test_a_receipt_depends_on_the_secret_key(settings: Any) -> None:
    token = receipts.new_submission()
    first = receipts.receipt_for(token)
    settings.SECRET_KEY = "another secret key that is long enough for the test"
    assert receipts.receipt_for(token) != first


def test_the_receipt_digits_are_spread_evenly() -> None:
    # 20,000 receipts: every digit position should see each digit about 2,000 times.
    drawn = [receipts.receipt_for(receipts.new_submission()).replace("-", "") for _ in range(20000)]
    for position in range(receipts.DIGITS):
        counts = [sum(1 for r in drawn if r[position] == d) for d in "0123456789"]
        assert min(counts) > 1750 and max(counts) < 2250


@pytest.mark.parametrize(
    "typed",
    [
        "1234-5678-9012-3456-7890",
        "1234 5678 9012 3456 7890",
        " 12345678901234567890 ",
        "1234.5678.9012.3456.7890",
        "-".join(
            "".join(chr(0x0660 + int(d)) for d in g)
            for g in ("1234", "5678", "9012", "3456", "7890")
        ),  # Arabic-Indic
        "".join(chr(0xFF10 + int(d)) for d in "12345678901234567890"),  # full-width
    ],
)
def test_it_reads_a_receipt_however_it_was_written_down(typed: str) -> None:
    assert receipts.normalize(typed) == "12345678901234567890"


@pytest.mark.parametrize(
    "typed", ["", "1234", "1234-5678-9012-3456-789", "1234-5678-abcd-3456-7890"]
)
def test_it_refuses_something_that_cannot_be_a_receipt(typed: str) -> None:
    with pytest.raises(receipts.ReceiptMalformed):
        receipts.normalize(typed)


def test_the_stored_digest_depends_on_the_pepper(settings: Any) -> None:
    receipt = receipts.receipt_for(receipts.new_submission())
    first = receipts.digest(receipt)
    settings.RECEIPT_PEPPER = "another pepper that is long enough to be used here"
    assert receipts.digest(receipt) != first
    assert receipt.replace("-", "") not in first


def test_references_avoid_letters_that_are_misread_on_the_phone() -> None:
    for _ in range(200):
        reference = receipts.new_reference()
        assert re.fullmatch(r"TL-[0-9A-HJKMNP-TV-Z]{6}", reference)
