"""Tax codes (mã số thuế): 10 digits with a mod-11 check digit, 13 digits (10 + branch), or a personal ID.

Since 07/2025 an individual's tax code is their 12-digit personal ID number.
"""

from __future__ import annotations

import re

from officer_desk.i18n import _
from officer_desk.rules.personal_id import personal_id_problem

MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_MST10_RE = re.compile(r"^\d{10}$")
_MST13_RE = re.compile(r"^(\d{10})-?(\d{3})$")
_MST12_RE = re.compile(r"^\d{12}$")
CHECKSUM, FORMAT = "checksum", "format"


def mst_check_digit_ok(code10: str) -> bool:
    """Mod-11 check of a 10-digit tax code: r = sum(d1..d9 x weights) mod 11, d10 = 10 - r, r = 0 invalid."""
    remainder = sum(int(d) * w for d, w in zip(code10[:9], MST_WEIGHTS, strict=True)) % 11
    return remainder != 0 and int(code10[9]) == 10 - remainder


def tax_code_problem(value: str, receipt_year: int | None = None) -> str | None:
    """Why a tax code is invalid: ``checksum``, ``format`` or a personal-ID problem code; None when valid."""
    code = re.sub(r"\s", "", value)
    if _MST10_RE.match(code):
        return None if mst_check_digit_ok(code) else CHECKSUM
    if match := _MST13_RE.match(code):
        return None if mst_check_digit_ok(match.group(1)) else CHECKSUM
    if _MST12_RE.match(code):
        return personal_id_problem(code, receipt_year)
    return FORMAT


def tax_code_message(problem: str) -> str:
    """A problem of :func:`tax_code_problem` in words (current language), for the officer at the form."""
    if problem == CHECKSUM:
        return _("Chữ số kiểm tra của mã số thuế không đúng")
    if problem == FORMAT:
        return _("Mã số thuế gồm 10 số, 13 số (10 số - 3 số) hoặc là số định danh cá nhân 12 số")
    return _("Mã số thuế 12 số không đúng cấu trúc số định danh cá nhân")
