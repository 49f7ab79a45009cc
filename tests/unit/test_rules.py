"""One rule, one place: the shared validators and the places that use them agree."""

from __future__ import annotations

from datetime import date

import pytest

from officer_desk.cases.terms import case_search_terms, search_keys
from officer_desk.i18n import set_language
from officer_desk.rules.dates import BLANK, INVALID, MALFORMED, OK, parse_compact_date
from officer_desk.rules.personal_id import id_number_problems, id_problem_message, personal_id_problem
from officer_desk.rules.phone import is_valid_phone, normalise_phone, phone_digits, phone_problem
from officer_desk.rules.tax_code import tax_code_message, tax_code_problem


@pytest.mark.parametrize("written", ["0084912345678", "+84 (0) 912 345 678", "+84 912 345 678", "84912345678",
                                     "0912.345.678", "(0912) 345-678"])
def test_phone_forms_people_write_are_one_number(written: str) -> None:
    assert normalise_phone(written) == "0912345678"
    assert phone_digits(written) == "0912345678"
    assert is_valid_phone(written)
    assert phone_problem(written) is None


@pytest.mark.parametrize("written", ["0168 123 4567", "091234567", "0012345678", "abc", "+1 555 123 4567"])
def test_a_phone_that_is_not_one_has_the_rules_message(written: str) -> None:
    set_language("vi")
    try:
        assert phone_problem(written) == "Số điện thoại không hợp lệ (di động 10 số hoặc cố định 11 số)"
        set_language("en")
        assert phone_problem(written) == "Not a valid Vietnamese phone number (10-digit mobile or 11-digit landline)"
    finally:
        set_language("vi")


def test_a_phone_is_stored_and_searched_by_the_same_digits() -> None:
    terms = case_search_terms("Nguyễn Văn An", "025194001234", "+84 (0) 912 345 678", "000.00.01.H10-260305-0001")
    assert "0912345678" in terms
    for typed in ("0084912345678", "+84912345678", "0912 345 678"):
        assert "0912345678" in search_keys(typed)


def test_an_id_number_typed_with_spaces_is_still_searched_as_typed() -> None:
    keys = search_keys("001 090 123 456")
    assert "001090123456" in keys  # the stored ID term, even though the phone reading differs
    assert keys.index("001090123456") < keys.index("001 090 123 456")


def test_tax_code_problems_and_messages() -> None:
    assert tax_code_problem("0100109106") is None
    assert tax_code_problem("0100109106001") is None  # 13 digits written without the dash
    assert tax_code_problem(" 0100109106 - 001".replace(" - ", "-")) is None
    assert tax_code_problem("0100109107") == "checksum"
    assert tax_code_problem("123") == "format"
    assert tax_code_problem("025194001234", 2026) is None
    assert tax_code_problem("003194001234", 2026) == "province"
    assert tax_code_problem("025499001234", 2026) == "future"
    set_language("en")
    try:
        assert tax_code_message("checksum") == "The tax code's check digit is wrong"
        assert "10 or 13 digits" in tax_code_message("format")
        assert "personal ID" in tax_code_message("province")
    finally:
        set_language("vi")


def test_personal_id_problems_and_their_messages() -> None:
    assert personal_id_problem("025194001234", 2026) is None
    assert personal_id_problem("0251940012", 2026) == "format"
    assert id_number_problems("025 194 001 234", date(1994, 3, 2), "Nữ") == []
    assert id_number_problems("003094001234", date(1994, 3, 2), "Nữ") == ["province", "gender"]
    assert id_number_problems("025395001234", date(1994, 3, 2)) == ["century", "birth_year"]
    set_language("en")
    try:
        assert id_problem_message("province", "003 194 001 234") == "Unknown province code 003 (the first 3 digits)"
        assert id_problem_message("format", "1") == "An ID number has exactly 12 digits"
    finally:
        set_language("vi")


@pytest.mark.parametrize(("value", "status", "parsed"), [
    ("02031994", OK, date(1994, 3, 2)), ("", BLANK, None), ("2/3/1994", MALFORMED, None),
    ("31021994", INVALID, None),
])
def test_compact_card_dates(value: str, status: str, parsed: date | None) -> None:
    assert parse_compact_date(value) == (status, parsed)
