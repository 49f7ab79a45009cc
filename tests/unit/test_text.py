from __future__ import annotations

import unicodedata

import pytest

from officer_desk.text import fold, has_confusables, nfc, normalise_name, search_terms_for_name


def test_fold_maps_d_stroke_and_strips_marks() -> None:
    assert fold("Đặng Thị Mai") == "dang thi mai"
    assert fold("ĐỖ VĂN HÙNG") == "do van hung"


def test_fold_handles_nfd_input() -> None:
    assert fold(unicodedata.normalize("NFD", "Nguyễn Thị Hường")) == "nguyen thi huong"


def test_eth_lookalike_is_normalised_to_d_stroke() -> None:
    assert nfc("\u00d0\u1eb7ng") == "\u0110\u1eb7ng"
    assert has_confusables("\u00d0\u1eb7ng")
    assert not has_confusables("Đặng")


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Uỷ", "Ủy"), ("Thuý", "Thúy")],
)
def test_tone_placement_variants_compare_equal(old: str, new: str) -> None:
    assert normalise_name(old) == normalise_name(new)


@pytest.mark.parametrize(("a", "b"), [("Tuấn", "Tuân"), ("Nam", "Năm"), ("Hương", "Hường"), ("Hải", "Hai")])
def test_different_names_stay_different(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)
    assert fold(a) == fold(b)


def test_name_search_terms_are_word_suffixes() -> None:
    assert search_terms_for_name("Đặng Thị Mai") == ["dang thi mai", "thi mai", "mai"]
