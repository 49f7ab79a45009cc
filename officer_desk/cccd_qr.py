"""The QR code on a chip citizen-ID card (CCCD / thẻ căn cước), and checks on a personal ID number.

Keyboard-wedge scanners type the QR's text into the focused field::

    số định danh|số CMND cũ|họ tên|ngày sinh ddmmyyyy|giới tính|địa chỉ|ngày cấp ddmmyyyy

Cards issued from 07/2024 may append more fields; they are ignored. Plain Python, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from officer_desk.errors import InputError
from officer_desk.i18n import _

# Province (or country) codes of birth registration: the 63-province list (FACTS.md §4).
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096".split()
)
_ID_RE = re.compile(r"^\d{12}$")
_OLD_ID_RE = re.compile(r"^(\d{9}|\d{12})?$")
_DATE_RE = re.compile(r"^\d{8}$")


class CccdQrError(InputError):
    code = "cccd_qr"


@dataclass(frozen=True)
class CccdCard:
    """What the card's QR says."""

    id_number: str
    old_id_number: str
    full_name: str
    date_of_birth: date
    gender: str  # "Nam" | "Nữ"
    address: str
    issued_on: date | None

    def applicant_fields(self) -> dict[str, str]:
        """The dossier's ``applicant`` values (application format) this card fills."""
        return {
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.strftime("%d/%m/%Y"),
            "gender": self.gender,
            "id_type": "CCCD",
            "id_number": self.id_number,
            "address": self.address,
        }


def looks_like_cccd_qr(text: str) -> bool:
    """Cheap test while the officer (or the scanner) is typing: a 12-digit number and 6 separators."""
    text = text.strip()
    return text.count("|") >= 6 and bool(_ID_RE.match(text.split("|", 1)[0].strip()))


def _parse_date(value: str, what: str) -> date:
    value = value.strip()
    if not _DATE_RE.match(value):
        raise CccdQrError(_("Mã QR căn cước: {what} phải có dạng ddmmyyyy", what=what))
    try:
        return date(int(value[4:8]), int(value[2:4]), int(value[0:2]))
    except ValueError as exc:
        raise CccdQrError(_("Mã QR căn cước: {what} không tồn tại", what=what)) from exc


def _gender(value: str) -> str:
    folded = "".join(
        ch for ch in unicodedata.normalize("NFD", value.strip().casefold()) if not unicodedata.combining(ch)
    )
    if folded in ("nam", "male", "m"):
        return "Nam"
    if folded in ("nu", "nữ", "female", "f"):
        return "Nữ"
    raise CccdQrError(_("Mã QR căn cước: giới tính không hợp lệ"))


def parse_cccd_qr(text: str) -> CccdCard:
    """Parse the card's QR text; CccdQrError (an officer-readable message) when it is not one."""
    fields = [unicodedata.normalize("NFC", part).strip() for part in text.strip().split("|")]
    if len(fields) < 7:
        raise CccdQrError(_("Không phải mã QR của thẻ căn cước (cần 7 trường, có {n})", n=len(fields)))
    id_number, old_id, name, born, gender, address, issued = fields[:7]
    if not _ID_RE.match(id_number):
        raise CccdQrError(_("Mã QR căn cước: số định danh phải có đúng 12 chữ số"))
    if not _OLD_ID_RE.match(old_id):
        raise CccdQrError(_("Mã QR căn cước: số CMND cũ không hợp lệ"))
    if not name:
        raise CccdQrError(_("Mã QR căn cước: thiếu họ tên"))
    return CccdCard(
        id_number=id_number,
        old_id_number=old_id,
        full_name=" ".join(name.split()),
        date_of_birth=_parse_date(born, _("ngày sinh")),
        gender=_gender(gender),
        address=" ".join(address.split()),
        issued_on=_parse_date(issued, _("ngày cấp")) if issued else None,
    )


def id_number_problems(number: str, date_of_birth: date | None = None, gender: str | None = None) -> list[str]:
    """What is wrong with a 12-digit personal ID number, as stable codes (empty: nothing found).

    ``format`` (not 12 digits), ``province`` (unknown birth-registration code), ``gender`` (4th digit
    parity vs the declared sex), ``century`` / ``birth_year`` (4th digit and digits 5-6 vs the birth date).
    """
    value = "".join(number.split())
    if not _ID_RE.match(value):
        return ["format"]
    problems: list[str] = []
    if value[:3] not in PROVINCE_CODES:
        problems.append("province")
    digit = int(value[3])
    if gender in ("Nam", "Nữ") and (digit % 2 == 0) != (gender == "Nam"):
        problems.append("gender")
    if date_of_birth is not None:
        century = 19 + digit // 2
        if date_of_birth.year // 100 != century:
            problems.append("century")
        if int(value[4:6]) != date_of_birth.year % 100:
            problems.append("birth_year")
    return problems
