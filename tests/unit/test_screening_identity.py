"""Identity rules: personal ID structure, provinces, cards (expiry, CMND), form/card consistency."""

from __future__ import annotations

from datetime import date

import pytest

from officer_desk.rules.personal_id import personal_id_problem
from officer_desk.rules.provinces import PROVINCE_CODES, province_of_place
from officer_desk.screening.identity import card_expiry
from tests.helpers.screening import CARD, KET_HON, TAM_TRU, build, codes, only_codes, screen, with_attachments

ONLINE = build(with_attachments(TAM_TRU, drop=("the_can_cuoc",)), channel="truc_tuyen")


def applicant(**changes: object):  # type: ignore[no-untyped-def]
    return screen(build(ONLINE, **{f"applicant.{k}": v for k, v in changes.items()}))


def test_province_table_has_the_63_codes_and_34_provinces() -> None:
    assert len(PROVINCE_CODES) == 63
    assert len({new for _old, new in PROVINCE_CODES.values()}) == 34
    assert PROVINCE_CODES["026"] == ("Vĩnh Phúc", "Phú Thọ")
    assert "003" not in PROVINCE_CODES and "097" not in PROVINCE_CODES


@pytest.mark.parametrize("number", ["02519400123", "0251940012345", "02519400123A"])
def test_id_number_not_12_digits_is_a_format_error(number: str) -> None:
    assert codes(applicant(id_number=number)) == {("CCCD_FORMAT_INVALID", "applicant")}


def test_an_absent_id_number_is_not_a_format_error() -> None:
    # The dossier format leaves the number optional: there is nothing to check, and nothing is reported.
    assert applicant(id_number="").findings == ()


def test_spaces_and_dots_in_an_id_number_are_ignored() -> None:
    assert applicant(id_number="025 194 001 234").findings == ()
    assert applicant(id_number="025.194.001.234").findings == ()


def test_unknown_province_code_is_an_error_and_skips_the_birthplace_comparison() -> None:
    result = applicant(id_number="003194001234")
    assert codes(result) == {("CCCD_PROVINCE_CODE_UNKNOWN", "applicant")}


def test_gender_century_and_birth_year_digits() -> None:
    assert codes(applicant(gender="Nam")) == {("CCCD_GENDER_MISMATCH", "applicant")}
    assert codes(applicant(id_number="025394001234")) == {("CCCD_CENTURY_MISMATCH", "applicant")}
    assert codes(applicant(id_number="025195001234")) == {("CCCD_BIRTHYEAR_MISMATCH", "applicant")}
    # Born in 2003, female: digit 3.
    assert applicant(id_number="025303001234", date_of_birth="01/01/2003").findings == ()
    assert applicant(id_number="025194001234", date_of_birth="1994").findings == ()


def test_birthplace_compared_after_mapping_to_the_post_2025_province() -> None:
    # 026 = Vĩnh Phúc, now Phú Thọ: no mismatch with "Phú Thọ" or "Vĩnh Phúc".
    assert applicant(id_number="026194001234", birth_registration_place="Phú Thọ").findings == ()
    assert applicant(id_number="025194001234", birth_registration_place="tỉnh Vĩnh Phúc").findings == ()
    result = applicant(id_number="001194001234", birth_registration_place="Phú Thọ")
    assert codes(result) == {("CCCD_PROVINCE_BIRTHPLACE_MISMATCH", "applicant")}
    assert result.findings[0].severity == "warning"
    assert applicant(id_number="001194001234", birth_registration_place="").findings == ()
    assert applicant(id_number="001194001234", birth_registration_place="Nước ngoài").findings == ()


def test_place_names_map_to_new_provinces() -> None:
    assert province_of_place("xã Yên Trị, huyện Yên Thủy, tỉnh Hòa Bình") == "Phú Thọ"
    assert province_of_place("TP.HCM") == province_of_place("Bà Rịa – Vũng Tàu") == "TP. Hồ Chí Minh"
    assert province_of_place("Thừa Thiên Huế") == "Huế"
    assert province_of_place("phường Hòa Bình, tỉnh Phú Thọ") == "Phú Thọ"
    assert province_of_place("Hà Nam") == "Ninh Bình" and province_of_place("Hà Nội") == "Hà Nội"
    assert province_of_place("không rõ") is None


def test_personal_id_without_context() -> None:
    assert personal_id_problem("025194001234", 2026) is None
    assert personal_id_problem("003194001234", 2026) == "province"
    assert personal_id_problem("025499001234", 2026) == "future"
    assert personal_id_problem("02519400123", 2026) == "format"


def test_cmnd_is_no_longer_a_valid_identity_document() -> None:
    assert codes(applicant(id_type="CMND", id_number="131234567")) == {("ID_DOCUMENT_INVALID", "applicant")}
    before = build(ONLINE, received_at="30/12/2024 09:00", **{"applicant.id_type": "CMND",
                                                               "applicant.id_number": "131234567"})
    assert only_codes(screen(before)) == {"DEADLINE_ADJUSTED_FOR_HOLIDAY"}  # 01/01/2025 in the period
    cmnd_card = {"doc_type": "cmnd", "kind": "original", "presented_only": True,
                 "fields": {"so": "131234567", "ho_ten": "ĐẶNG THỊ MAI"}}
    only_cmnd = with_attachments(TAM_TRU, cmnd_card, drop=("the_can_cuoc",))
    assert ("ID_DOCUMENT_INVALID", "applicant") in codes(screen(only_cmnd))
    # An old CMND kept as a supporting paper beside a valid card is fine.
    assert screen(with_attachments(TAM_TRU, cmnd_card)).findings == ()


def test_card_expired_at_receipt() -> None:
    expired = with_attachments(TAM_TRU, {**CARD, "fields": {**CARD["fields"], "co_gia_tri_den": "01/11/2026"}},
                               drop=("the_can_cuoc",))
    result = screen(expired)
    assert codes(result) == {("ID_DOCUMENT_EXPIRED", "applicant")}
    unlimited = with_attachments(TAM_TRU, {**CARD, "fields": {**CARD["fields"], "co_gia_tri_den": "Không thời hạn"}},
                                 drop=("the_can_cuoc",))
    assert screen(unlimited).findings == ()
    assert codes(applicant(id_valid_until="01/01/2026")) == {("ID_DOCUMENT_EXPIRED", "applicant")}


def test_card_validity_follows_the_renewal_ages() -> None:
    born = date(1990, 5, 1)
    assert card_expiry(born, date(2010, 6, 1)) == date(2015, 5, 1)  # issued at 20: renew at 25
    assert card_expiry(born, date(2013, 6, 1)) == date(2030, 5, 1)  # within 2 years of 25: lasts to 40
    assert card_expiry(born, date(2016, 1, 1)) == date(2030, 5, 1)
    assert card_expiry(born, date(2048, 6, 1)) is None  # within 2 years of 60: no expiry
    assert card_expiry(born, date(2051, 1, 1)) is None
    assert card_expiry(date(2015, 1, 1), date(2025, 1, 1)) == date(2029, 1, 1)  # issued at 10: renew at 14
    no_date = {**CARD, "fields": {k: v for k, v in CARD["fields"].items() if k != "co_gia_tri_den"}}
    issued_at_21 = with_attachments(TAM_TRU, {**no_date, "fields": {**no_date["fields"], "ngay_cap": "10/04/2015"}},
                                    drop=("the_can_cuoc",))
    assert codes(screen(issued_at_21)) == {("ID_DOCUMENT_EXPIRED", "applicant")}  # renewal due 02/03/2019
    issued_at_23 = with_attachments(TAM_TRU, {**no_date, "fields": {**no_date["fields"], "ngay_cap": "10/04/2017"}},
                                    drop=("the_can_cuoc",))
    assert screen(issued_at_23).findings == ()  # within 2 years of 25: valid until 40


def card_named(name: str, **fields: str):  # type: ignore[no-untyped-def]
    return screen(with_attachments(TAM_TRU, {**CARD, "fields": {**CARD["fields"], "ho_chu_dem_ten": name, **fields}},
                                   drop=("the_can_cuoc",)))


def test_name_on_the_card_is_compared_after_normalisation() -> None:
    assert card_named("Đặng Thị Mai").findings == ()
    assert card_named("đặng  thị   mai").findings == ()
    result = card_named("ĐẶNG THỊ MAI LAN")
    assert codes(result) == {("NAME_MISMATCH", "applicant.full_name")}
    assert result.findings[0].severity == "error"
    result = card_named("ĐẶNG THỊ MÃI")
    assert codes(result) == {("NAME_MISMATCH", "applicant.full_name")}
    assert result.findings[0].severity == "warning"


def test_tone_placement_eth_and_i_y_variants() -> None:
    declared = build(TAM_TRU, **{"applicant.full_name": "Lê Thị Hoà"})
    card = {**CARD, "fields": {**CARD["fields"], "ho_chu_dem_ten": "LÊ THỊ HÒA", "so": "025194001234"}}
    assert screen(with_attachments(declared, card, drop=("the_can_cuoc",))).findings == ()
    eth = build(TAM_TRU, **{"applicant.full_name": "\u00d0ặng Thị Mai"})
    result = screen(eth)
    assert codes(result) == {("CONFUSABLE_CHARACTER", "applicant.full_name")}
    assert result.findings[0].severity == "info"
    my = build(TAM_TRU, **{"applicant.full_name": "Đặng Thị Mỹ"})
    mi = {**CARD, "fields": {**CARD["fields"], "ho_chu_dem_ten": "ĐẶNG THỊ MĨ"}}
    result = screen(with_attachments(my, mi, drop=("the_can_cuoc",)))
    assert codes(result) == {("NAME_MISMATCH", "applicant.full_name")}
    assert result.findings[0].severity == "warning"


def test_date_of_birth_on_the_card_must_match_the_declaration() -> None:
    result = card_named("ĐẶNG THỊ MAI", ngay_sinh="03/02/1994")
    assert codes(result) == {("DATE_INVALID", "applicant.date_of_birth")}


def test_card_number_checked_like_the_declared_number_and_compared_with_it() -> None:
    result = card_named("ĐẶNG THỊ MAI", so="025194001235")
    assert codes(result) == {("ID_NUMBER_MISMATCH", "applicant")}
    result = screen(with_attachments(build(TAM_TRU, **{"applicant.id_number": ""}),
                                     {**CARD, "fields": {**CARD["fields"], "so": "025094001234"}},
                                     drop=("the_can_cuoc",)))
    assert codes(result) == {("CCCD_GENDER_MISMATCH", "applicant")}


def test_both_spouses_cards_are_matched_by_number() -> None:
    assert screen(KET_HON).findings == ()
    swapped = build(KET_HON, **{"co_applicant.gender": "Nam"})
    assert codes(screen(swapped)) == {("CCCD_GENDER_MISMATCH", "co_applicant")}


def test_form_people_id_numbers_are_checked_with_their_own_data() -> None:
    form = build(ONLINE, **{"form.chu_ho": {"ho_ten": "Nguyễn Văn Nam", "so_dinh_danh": "025080001111",
                                            "gioi_tinh": "Nữ"}})
    assert codes(screen(form)) == {("CCCD_GENDER_MISMATCH", "form.chu_ho.so_dinh_danh")}


def test_a_form_person_with_the_applicants_number_is_the_applicant() -> None:
    mother = build(ONLINE, **{"form.me": {"ho_ten": "Đặng Thị Mai", "so_dinh_danh": "025194001234",
                                          "ngay_sinh": "02/03/1994"}})
    assert screen(mother).findings == ()
    other_name = build(mother, **{"form.me.ho_ten": "Đặng Thị Lan"})
    assert codes(screen(other_name)) == {("NAME_MISMATCH", "form.me.ho_ten")}
    wrong_year = build(mother, **{"applicant.id_number": "025195001234", "form.me.so_dinh_danh": "025195001234"})
    assert codes(screen(wrong_year)) == {("CCCD_BIRTHYEAR_MISMATCH", "applicant")}
