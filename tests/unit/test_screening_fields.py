"""Field rules: dates, phones, tax codes, required fields and consents, marriage age, late registration."""

from __future__ import annotations

import pytest

from officer_desk.rules.dates import INVALID, OK, OPEN_ENDED, parse_date
from officer_desk.rules.phone import is_valid_phone
from officer_desk.rules.tax_code import mst_check_digit_ok, tax_code_problem
from tests.helpers.screening import KET_HON, KHAI_SINH, TAM_TRU, build, codes, screen, with_attachments


@pytest.mark.parametrize("value", ["05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026", "1994", "03/1994",
                                   "ngày 05 tháng 3 năm 2026", "2026-03-05", "29/02/2024", "Ngày 05/03/2026",
                                   "05/03/2026 08:30"])
def test_accepted_date_forms(value: str) -> None:
    assert parse_date(value)[0] == OK


@pytest.mark.parametrize("value", ["31/04/2026", "29/02/2025", "00/01/2000", "15/13/2000", "32/01/2020", "abc",
                                   "12/2026/05", "0994"])
def test_impossible_dates(value: str) -> None:
    assert parse_date(value)[0] == INVALID


def test_open_ended_validity_is_not_a_date_error() -> None:
    assert parse_date("Không thời hạn")[0] == OPEN_ENDED


def test_date_invalid_targets_the_field_wherever_it_is() -> None:
    result = screen(build(TAM_TRU, **{"form.thoi_han_tam_tru_den": "31/04/2027"}))
    assert codes(result) == {("DATE_INVALID", "form.thoi_han_tam_tru_den")}
    result = screen(with_attachments(TAM_TRU, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy",
                                               "fields": {"ngay_ky": "29/02/2025"}}, drop=("giay_to_cho_o_hop_phap",)))
    assert codes(result) == {("DATE_INVALID", "giay_to_cho_o_hop_phap")}
    # noi_den is a place, ten a title: never read as dates or names.
    absent = {"procedure_code": "1.003677", "received_at": "10/11/2026 09:00", "channel": "truc_tuyen",
              "applicant": TAM_TRU["applicant"],
              "form": {"noi_cu_tru": "Phú Thọ", "ngay_bat_dau_tam_vang": "12/11/2026",
                       "ngay_ket_thuc_tam_vang": "12/12/2026", "noi_den": "Hà Nội", "ly_do": "Đi làm", "ten": "x"},
              "attachments": [{"doc_type": "de_nghi_tam_vang", "kind": "original"}]}
    assert screen(absent).findings == ()


def test_birth_date_after_receipt_is_impossible() -> None:
    result = screen(build(KHAI_SINH, **{"form.tre.ngay_sinh": "20/11/2026"}))
    assert ("DATE_INVALID", "form.tre.ngay_sinh") in codes(result)


@pytest.mark.parametrize("number", ["0912345678", "091 234 5678", "0912.345.678", "+84912345678", "84912345678",
                                    "0386123456", "0523456789", "0593456789", "0703456789", "0812345678",
                                    "0876543210", "0991234567", "02438253456", "0283 829 1234", "+84 24 3825 3456"])
def test_valid_phones(number: str) -> None:
    assert is_valid_phone(number)


@pytest.mark.parametrize("number", ["01681234567", "01201234567", "0951234567", "0312345678", "091234567",
                                    "09123456789", "0012345678", "abc", "0112345678", "0512345678"])
def test_invalid_phones(number: str) -> None:
    assert not is_valid_phone(number)


def test_phone_invalid_is_a_warning_on_its_field() -> None:
    result = screen(build(TAM_TRU, **{"applicant.phone": "0168 123 4567"}))
    assert codes(result) == {("PHONE_INVALID", "applicant.phone")}
    assert result.findings[0].severity == "warning"


@pytest.mark.parametrize("code", ["0100109106", "0300588569", "0101248141"])
def test_tax_code_check_digit(code: str) -> None:
    assert mst_check_digit_ok(code)
    assert not mst_check_digit_ok(code[:9] + str((int(code[9]) + 1) % 10))


def test_tax_code_forms() -> None:
    assert tax_code_problem("0100109106", 2026) is None
    assert tax_code_problem("0100109106-001", 2026) is None
    assert tax_code_problem("0100109107", 2026) == "checksum"
    assert tax_code_problem("0100109107-001", 2026) == "checksum"
    assert tax_code_problem("025194001234", 2026) is None  # personal ID as tax code
    assert tax_code_problem("003194001234", 2026) is not None
    assert tax_code_problem("01001091", 2026) == "format"
    # r = 0 has no valid check digit: 000000000x
    assert tax_code_problem("0000000000", 2026) == "checksum"


def business(**form: object) -> dict:  # type: ignore[type-arg]
    base = {"procedure_code": "1.001612", "received_at": "10/11/2026 09:00", "channel": "truc_tiep",
            "applicant": TAM_TRU["applicant"],
            "form": {"ten_ho_kinh_doanh": "Hộ kinh doanh Mai Anh", "dia_chi_tru_so": "Việt Trì",
                     "nganh_nghe_kinh_doanh": "Tạp hóa", "von_kinh_doanh": 50000000},
            "attachments": [{"doc_type": "giay_de_nghi_dk_hkd", "kind": "original"}, TAM_TRU["attachments"][2]]}
    base["form"].update(form)
    return base


def test_tax_code_finding() -> None:
    assert screen(business(ma_so_thue="0100109106")).findings == ()
    assert codes(screen(business(ma_so_thue="0100109107"))) == {("TAX_CODE_INVALID", "form.ma_so_thue")}
    assert screen(business(ma_so_thue="025194001234")).findings == ()
    assert codes(screen(business(ma_so_thue="12345"))) == {("TAX_CODE_INVALID", "form.ma_so_thue")}
    assert codes(screen(business(dien_thoai="0168 123 4567"))) == {("PHONE_INVALID", "form.dien_thoai")}


def test_required_fields_and_consents() -> None:
    result = screen(build(TAM_TRU, **{"form.noi_tam_tru": ""}))
    assert codes(result) == {("REQUIRED_FIELD_MISSING", "form.noi_tam_tru")}
    # The owner's consent: needed unless the applicant owns the accommodation.
    no_consent = build(TAM_TRU, **{"form.y_kien_chu_so_huu": ""})
    assert codes(screen(no_consent)) == {("REQUIRED_FIELD_MISSING", "form.y_kien_chu_so_huu")}
    own = build(no_consent, **{"form.cho_o_thuoc_so_huu_cua_minh": True})
    assert screen(own).findings == ()
    minor = build(TAM_TRU, **{"form.nguoi_chua_thanh_nien": True})
    assert codes(screen(minor)) == {("REQUIRED_FIELD_MISSING", "form.y_kien_cha_me")}
    # Any y_kien_* slot left blank is a missing consent, declared or not.
    extra = build(TAM_TRU, **{"form.y_kien_nguoi_giam_ho": " "})
    assert codes(screen(extra)) == {("REQUIRED_FIELD_MISSING", "form.y_kien_nguoi_giam_ho")}
    nested = build(KHAI_SINH, **{"form.tre.ho_ten": ""})
    assert codes(screen(nested)) == {("REQUIRED_FIELD_MISSING", "form.tre.ho_ten")}
    # A field the declaration leaves out entirely is not stated: no finding (application-format.md).
    left_out = build(KHAI_SINH, **{"form.tre.ho_ten": None})
    assert "form.tre.ho_ten" not in {target for _code, target in codes(screen(left_out))}


def test_marriage_age() -> None:
    young_man = build(KET_HON, **{"applicant.date_of_birth": "11/11/2006", "form.ben_nam.ngay_sinh": "11/11/2006",
                                  "applicant.id_number": "025206004321"})
    young_man["attachments"][1]["fields"].update({"ngay_sinh": "11/11/2006", "so": "025206004321"})
    result = screen(young_man)
    assert ("MARRIAGE_AGE_INELIGIBLE", "applicant.date_of_birth") in codes(result)
    assert all(f.code == "MARRIAGE_AGE_INELIGIBLE" for f in result.findings)
    exactly_20 = build(young_man, **{"received_at": "11/11/2026 09:00"})
    assert exactly_20 and screen(exactly_20).findings == ()
    woman_18 = build(KET_HON, **{"co_applicant.date_of_birth": "10/11/2008", "form.ben_nu.ngay_sinh": "10/11/2008",
                                 "co_applicant.id_number": "025308001234"})
    woman_18["attachments"][2] = {**woman_18["attachments"][2],
                                  "fields": {**woman_18["attachments"][2]["fields"], "ngay_sinh": "10/11/2008",
                                             "so": "025308001234"}}
    assert screen(woman_18).findings == ()
    woman_17 = build(woman_18, **{"received_at": "09/11/2026 09:00"})
    assert {f.code for f in screen(woman_17).findings} == {"MARRIAGE_AGE_INELIGIBLE"}


def test_late_birth_and_death_registration() -> None:
    on_time = build(KHAI_SINH, **{"form.tre.ngay_sinh": "11/09/2026"})  # 60 days before 10/11/2026
    assert screen(on_time).findings == ()
    late = build(KHAI_SINH, **{"form.tre.ngay_sinh": "10/09/2026"})
    result = screen(late)
    assert codes(result) == {("LATE_REGISTRATION", "form.tre.ngay_sinh")}
    assert result.findings[0].severity == "info"
    death = {"procedure_code": "1.000656", "received_at": "20/11/2026 09:00", "channel": "truc_tuyen",
             "applicant": TAM_TRU["applicant"],
             "form": {"nguoi_chet": {"ho_ten": "Đặng Văn Tư", "ngay_chet": "05/11/2026", "noi_cu_tru_cuoi_cung": "x",
                                     "noi_chet": "tại nhà"}},
             "attachments": [{"doc_type": "to_khai_khai_tu", "kind": "original"},
                             {"doc_type": "giay_bao_tu", "kind": "original"}]}
    assert screen(death).findings == ()
    assert codes(screen(build(death, **{"form.nguoi_chet.ngay_chet": "04/11/2026"}))) == {
        ("LATE_REGISTRATION", "form.nguoi_chet.ngay_chet")}


def test_refused_consent_is_no_consent() -> None:
    refused = build(TAM_TRU, **{"form.y_kien_chu_so_huu": "Không đồng ý"})
    result = screen(refused)
    assert codes(result) == {("REQUIRED_FIELD_MISSING", "form.y_kien_chu_so_huu")}
    assert "Không đồng ý" in result.findings[0].evidence


def test_id_numbers_outside_a_person_group() -> None:
    top = build(TAM_TRU, **{"form.so_dinh_danh": "003194001234"})
    assert codes(screen(top)) == {("CCCD_PROVINCE_CODE_UNKNOWN", "form.so_dinh_danh")}
    paper = with_attachments(TAM_TRU, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy",
                                       "fields": {"chu_nha": {"so_dinh_danh": "02508000111", "gioi_tinh": "Nam"}}},
                             drop=("giay_to_cho_o_hop_phap",))
    assert codes(screen(paper)) == {("CCCD_FORMAT_INVALID", "giay_to_cho_o_hop_phap")}
