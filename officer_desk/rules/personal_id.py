"""The 12-digit personal ID number (số định danh cá nhân, on the CCCD / thẻ căn cước).

Luật Căn cước 2023 Art. 12: ``PPP G YY RRRRRR`` = province code of birth registration, gender+century
digit (even = male; 0/1 1900s, 2/3 2000s, 4/5 2100s...), last two digits of the birth year, six random
digits (shared/domain/FACTS.md §4).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from officer_desk.i18n import _
from officer_desk.rules.provinces import PROVINCE_CODES

ID_RE = re.compile(r"^\d{12}$")
_ID_SEPARATORS = re.compile(r"[\s.\-]")
# Problem codes, in the order a reader checks them.
FORMAT, PROVINCE, FUTURE = "format", "province", "future"
GENDER, CENTURY, BIRTH_YEAR = "gender", "century", "birth_year"


def clean_id(value: Any) -> str:
    """The number without the spaces, dots and dashes people type in it."""
    return _ID_SEPARATORS.sub("", str(value or "")).strip()


def century_of_digit(digit: int) -> int:
    """The birth century (1900, 2000...) that the gender digit stands for."""
    return 1900 + (digit // 2) * 100


def personal_id_problem(number: str, receipt_year: int | None = None) -> str | None:
    """Why a 12-digit number cannot be a personal ID on its own (no declared data needed); None if it can.

    ``format``, ``province`` (unknown birth-registration code), ``future`` (birth year after ``receipt_year``).
    """
    if not ID_RE.match(number):
        return FORMAT
    if number[:3] not in PROVINCE_CODES:
        return PROVINCE
    if receipt_year is not None:
        year = century_of_digit(int(number[3])) + int(number[4:6])
        if year > receipt_year:
            return FUTURE
    return None


def id_number_problems(number: str, date_of_birth: date | None = None, gender: str | None = None) -> list[str]:
    """What is wrong with a personal ID number (spaces allowed), as codes; empty when nothing was found.

    Besides :func:`personal_id_problem`'s ``format`` and ``province``: ``gender`` (4th digit parity vs
    the declared sex), ``century`` / ``birth_year`` (4th digit and digits 5-6 vs the birth date).
    """
    value = "".join(number.split())
    if not ID_RE.match(value):
        return [FORMAT]
    problems: list[str] = []
    if personal_id_problem(value) == PROVINCE:
        problems.append(PROVINCE)
    digit = int(value[3])
    if gender in ("Nam", "Nữ") and (digit % 2 == 0) != (gender == "Nam"):
        problems.append(GENDER)
    if date_of_birth is not None:
        if date_of_birth.year // 100 * 100 != century_of_digit(digit):
            problems.append(CENTURY)
        if int(value[4:6]) != date_of_birth.year % 100:
            problems.append(BIRTH_YEAR)
    return problems


def id_problem_message(problem: str, number: str) -> str:
    """One problem code of this module in words (current language), for the officer at the form."""
    value = "".join(number.split())
    messages = {
        FORMAT: _("Số định danh cá nhân gồm đúng 12 chữ số"),
        PROVINCE: _("Mã tỉnh {code} (3 chữ số đầu) không có trong danh sách", code=value[:3]),
        FUTURE: _("Năm sinh theo số định danh muộn hơn năm nay"),
        GENDER: _("Chữ số thứ 4 không khớp với giới tính"),
        CENTURY: _("Chữ số thứ 4 không khớp với thế kỷ của năm sinh"),
        BIRTH_YEAR: _("Chữ số thứ 5–6 phải là hai số cuối của năm sinh"),
    }
    return messages[problem]
