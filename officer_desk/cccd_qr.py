"""The QR code on a chip citizen-ID card (CCCD / thẻ căn cước).

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
from officer_desk.rules.dates import BLANK, MALFORMED, parse_compact_date
from officer_desk.rules.personal_id import ID_RE

_OLD_ID_RE = re.compile(r"^(\d{9}|\d{12})?$")


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
    return text.count("|") >= 6 and bool(ID_RE.match(text.split("|", 1)[0].strip()))


def _parse_date(value: str, what: str) -> date:
    status, parsed = parse_compact_date(value)
    if status in (BLANK, MALFORMED):
        raise CccdQrError(_("Mã QR căn cước: {what} phải có dạng ddmmyyyy", what=what))
    if parsed is None:
        raise CccdQrError(_("Mã QR căn cước: {what} không tồn tại", what=what))
    return parsed


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
    if not ID_RE.match(id_number):
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
