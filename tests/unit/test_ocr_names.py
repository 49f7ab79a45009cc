"""Tone marks on names put right from the name lexicon (ocr/names.py): the engine's usual slips on bold
upper-case card names, and what must never change (a name as read that is a name, a rare name)."""

from __future__ import annotations

import pytest

from officer_desk.ocr.model import Word
from officer_desk.ocr.names import correct_name, lexicon, mark_distance
from officer_desk.ocr.values import CORRECTED_NAME_FACTOR, name_value


@pytest.mark.parametrize(("read", "meant"), [
    ("VÕ NGỌC HĂNG", "VÕ NGỌC HẰNG"),  # breve read, grave lost
    ("DƯƠNG THỊ HÃNG", "DƯƠNG THỊ HẰNG"),  # tilde for breve + grave
    ("LÝ ĐỨC QUẦN", "LÝ ĐỨC QUÂN"),  # a grave that is not there
    ("NGUYÊN ĐỨC AN", "NGUYỄN ĐỨC AN"),  # a family name: Nguyên is a given name, never a family name
    ("DỖ NGỌC LAN", "ĐỖ NGỌC LAN"),  # the stroke of Đ lost
    ("BÙI ĐỨC THĂNG", "BÙI ĐỨC THẮNG"),
    ("PHẠAM XUÂN NAM", "PHẠM XUÂN NAM"),  # the dot below read as a second A
])
def test_one_wrong_mark_is_put_right(read: str, meant: str) -> None:
    assert correct_name(read) == meant


@pytest.mark.parametrize("name", [
    "TRỊNH MAI DŨNG",  # Dũng and Dung are both names: the read one stays
    "NGUYỄN VĂN HOÀ", "NGUYỄN VĂN HÒA",  # both tone placements are right
    "Đặng Thị Mai",
    "KPĂ H'LIN",  # not Kinh names, letters match nothing: never forced into a common name
    "NGUYÊN",  # one word: as a family name the lexicon has only Nguyễn...
])
def test_names_that_are_names_stay(name: str) -> None:
    expected = "NGUYỄN" if name == "NGUYÊN" else name
    assert correct_name(name) == expected


def test_mark_distance_counts_marks_and_the_stroke_of_d() -> None:
    assert mark_distance("HĂNG", "Hằng") == 1
    assert mark_distance("QUẦN", "Quân") == 1
    assert mark_distance("QUẦN", "Quan") == 2
    assert mark_distance("DO", "Đỗ") == 3
    assert mark_distance("HOÀ", "Hòa") == 0


def test_the_lexicon_is_read_in_order_of_frequency() -> None:
    table = lexicon()
    assert table["family"]["nguyen"] == ["Nguyễn"]
    assert table["given"]["hang"][0] == "Hằng"
    assert "Nguyên" in table["given"]["nguyen"]


def test_a_corrected_name_is_less_certain() -> None:
    words = tuple(Word(text, 0.95, (10 * i, 0, 9, 9)) for i, text in enumerate(("LÝ", "ĐỨC", "QUẦN")))
    found = name_value(words, upper=True)
    assert found is not None and found.value == "LÝ ĐỨC QUÂN"
    assert found.confidence == pytest.approx(0.95 * CORRECTED_NAME_FACTOR)
    kept = name_value(tuple(Word(t, 0.95, (0, 0, 9, 9)) for t in ("LÝ", "ĐỨC", "QUÂN")), upper=True)
    assert kept is not None and kept.confidence == pytest.approx(0.95)
