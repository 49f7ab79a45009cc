"""Text rules: legacy TCVN3/VNI detection and conversion, look-alikes, name comparison."""

from __future__ import annotations

import unicodedata

import pytest

from officer_desk.screening.legacy import detect_legacy, is_valid_vietnamese, is_vietnamese_syllable
from officer_desk.screening.names import clean_text, compare_names
from tests.helpers.screening import CARD, KHAI_SINH, TAM_TRU, build, codes, screen, with_attachments


@pytest.mark.parametrize(("legacy", "unicode", "encoding"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "TCVN3"),
    ("NguyÔn V¨n An", "Nguyễn Văn An", "TCVN3"),
    ("§Æng ThÞ Mai", "Đặng Thị Mai", "TCVN3"),
    ("Ph¹m Minh TuÊn", "Phạm Minh Tuấn", "TCVN3"),
    ("HOµNG V¡N TH¸I", "HOÀNG VĂN THÁI", "TCVN3"),
    ("Tr\u00adêng", "Trường", "TCVN3"),
    ("Nguyeãn Thò Thu Haø", "Nguyễn Thị Thu Hà", "VNI"),
    ("chaøo", "chào", "VNI"),
    ("Traàn Vaên Baûo", "Trần Văn Bảo", "VNI"),
    ("NGUYEÃN VAÊN AN", "NGUYỄN VĂN AN", "VNI"),
    ("Ngöôøi", "Người", "VNI"),
])
def test_legacy_text_is_detected_and_converted(legacy: str, unicode: str, encoding: str) -> None:
    assert detect_legacy(legacy) == (encoding, unicode)


@pytest.mark.parametrize("text", ["NGÔ", "Ngô Bảo Châu", "bé", "Lê Thị Bé", "Nguyễn Văn An", "ĐẶNG THỊ MAI", "Thò",
                                  "Phường Vĩnh Yên", "José", "Đắk Lắk", "Hotel ABC", "Bà Rịa – Vũng Tàu", "HỒ",
                                  "khuya", "Quỳnh", "giường", "ngoằn ngoèo", "thuở", "CÔNG", "Ô Môn",
                                  unicodedata.normalize("NFD", "Nguyễn Thị Hường")])
def test_valid_unicode_is_never_legacy(text: str) -> None:
    assert detect_legacy(unicodedata.normalize("NFC", text)) is None
    assert clean_text(text).legacy is None


@pytest.mark.parametrize(("word", "valid"), [("nghiêng", True), ("quốc", True), ("gì", True), ("xoong", True),
                                             ("kéo", True), ("céng", False), ("ghà", False), ("tèt", False),
                                             ("hoµ", False), ("nguyôn", False), ("ké", True), ("ca", True)])
def test_syllable_rules(word: str, valid: bool) -> None:
    assert is_vietnamese_syllable(word) is valid


def test_mixed_text_with_foreign_ascii_words_is_valid() -> None:
    assert is_valid_vietnamese("Công ty TNHH ABC Việt Nam, số 12")


def test_legacy_name_matches_the_card_after_conversion() -> None:
    data = build(TAM_TRU, **{"applicant.full_name": "§Æng ThÞ Mai"})
    result = screen(data)
    assert codes(result) == {("LEGACY_ENCODING_DETECTED", "applicant.full_name")}
    assert "Đặng Thị Mai" in result.findings[0].evidence


def test_legacy_text_in_a_document_targets_the_document() -> None:
    data = with_attachments(TAM_TRU, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy",
                                      "fields": {"ben_cho_thue": "NguyÔn V¨n An"}}, drop=("giay_to_cho_o_hop_phap",))
    assert codes(screen(data)) == {("LEGACY_ENCODING_DETECTED", "giay_to_cho_o_hop_phap")}


def test_unicode_names_with_o_circumflex_or_e_acute_are_not_legacy() -> None:
    data = build(TAM_TRU, **{"applicant.full_name": "Ngô Thị Bé", "applicant.address": "Ô Môn, Cần Thơ"})
    card = {**CARD, "fields": {**CARD["fields"], "ho_chu_dem_ten": "NGÔ THỊ BÉ"}}
    assert screen(with_attachments(data, card, drop=("the_can_cuoc",))).findings == ()


def test_compare_names() -> None:
    assert compare_names("Nguyễn Thị Thuỷ", "NGUYỄN THỊ THỦY").same
    assert compare_names("\u00d0ỗ Văn Hùng", "ĐỖ VĂN HÙNG").same
    tuan = compare_names("Lê Anh Tuấn", "Lê Anh Tuân")
    assert not tuan.same and tuan.only_marks
    assert compare_names("Lý Thị Kỳ", "Lí Thị Kì").only_marks
    other = compare_names("Lê Anh Tuấn", "Lê Tuấn")
    assert not other.same and not other.only_marks


def test_cyrillic_look_alike_inside_a_latin_name() -> None:
    info = clean_text("Nguy\u0435n Van An")  # Cyrillic e
    assert info.clean == "Nguyen Van An" and info.confusables == ("\u0435",)
    assert clean_text("Иван").confusables == ()


def test_names_read_from_other_documents() -> None:
    # ho_ten_me names its person: compared with form.me.ho_ten.
    paper = {"doc_type": "giay_chung_sinh", "kind": "original", "fields": {"ho_ten_me": "Đặng Thị Lan"}}
    result = screen(with_attachments(KHAI_SINH, paper, drop=("giay_chung_sinh",)))
    assert codes(result) == {("NAME_MISMATCH", "form.me.ho_ten")}
    # A bare ho_ten could be anyone: only a near-identical spelling is reported (as a warning).
    anyone = {"doc_type": "giay_chung_sinh", "kind": "original", "fields": {"ho_ten": "Phạm Văn Đức"}}
    assert screen(with_attachments(KHAI_SINH, anyone, drop=("giay_chung_sinh",))).findings == ()
    near = {"doc_type": "giay_chung_sinh", "kind": "original", "fields": {"ho_ten": "Nguyễn Minh Khói"}}
    result = screen(with_attachments(KHAI_SINH, near, drop=("giay_chung_sinh",)))
    assert codes(result) == {("NAME_MISMATCH", "form.tre.ho_ten")}
    assert result.findings[0].severity == "warning"
