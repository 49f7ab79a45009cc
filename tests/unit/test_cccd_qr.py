"""The chip citizen-ID QR parser and the personal-ID checks."""

from __future__ import annotations

from datetime import date

import pytest

from officer_desk.cccd_qr import CccdQrError, looks_like_cccd_qr, parse_cccd_qr
from officer_desk.i18n import set_language
from officer_desk.rules.personal_id import id_number_problems

QR = "025194001234|123456789|Đặng Thị Mai|02031994|Nữ|Phường Vĩnh Yên, Tỉnh Phú Thọ|15082021"


def test_parses_a_card() -> None:
    card = parse_cccd_qr(QR)
    assert card.id_number == "025194001234"
    assert card.old_id_number == "123456789"
    assert card.full_name == "Đặng Thị Mai"
    assert card.date_of_birth == date(1994, 3, 2)
    assert card.gender == "Nữ"
    assert card.issued_on == date(2021, 8, 15)
    assert card.applicant_fields() == {
        "full_name": "Đặng Thị Mai", "date_of_birth": "02/03/1994", "gender": "Nữ", "id_type": "CCCD",
        "id_number": "025194001234", "address": "Phường Vĩnh Yên, Tỉnh Phú Thọ",
    }


def test_extra_fields_and_blank_old_number_and_decomposed_text() -> None:
    decomposed = "001099012345||Nguye\u0302\u0303n Va\u0306n A|01011999|Nam|Hà Nội|01012021|extra|more"
    card = parse_cccd_qr(decomposed + "\r\n")
    assert card.full_name == "Nguyễn Văn A"
    assert card.old_id_number == ""
    assert card.gender == "Nam"


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "12345|1|a|01011999|Nam|x|01012021",  # short ID number
        "001099012345||A|31021999|Nam|x|01012021",  # 31 February
        "001099012345||A|1999|Nam|x|01012021",
        "001099012345||A|01011999|Khác|x|01012021",
        "001099012345||  |01011999|Nam|x|01012021",
    ],
)
def test_rejects_what_is_not_a_card(text: str) -> None:
    with pytest.raises(CccdQrError):
        parse_cccd_qr(text)


def test_error_message_in_english() -> None:
    set_language("en")
    with pytest.raises(CccdQrError, match="7 fields expected"):
        parse_cccd_qr("a|b")


def test_looks_like_qr_while_typing() -> None:
    assert looks_like_cccd_qr(QR)
    assert not looks_like_cccd_qr("025194001234")
    assert not looks_like_cccd_qr("Đặng|Thị|Mai|a|b|c|d")


def test_id_number_problems() -> None:
    assert id_number_problems("025194001234", date(1994, 3, 2), "Nữ") == []
    assert id_number_problems("0251940012") == ["format"]
    assert id_number_problems("02519400123a") == ["format"]
    assert id_number_problems("003194001234") == ["province"]
    assert id_number_problems("025094001234", date(1994, 3, 2), "Nữ") == ["gender"]
    assert id_number_problems("025394001234", date(1994, 3, 2), "Nữ") == ["century"]
    assert id_number_problems("025195001234", date(1994, 3, 2)) == ["birth_year"]
    assert id_number_problems("025 194 001 234", date(1994, 3, 2), "Nữ") == []
