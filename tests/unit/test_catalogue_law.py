"""Issue #11 in the catalogue: effective-dated versions, fee schedules, choice labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from officer_desk.catalogue import check_directory, load_catalogue, parse_procedure_file
from officer_desk.catalogue.fees import quote
from officer_desk.dossier import parse

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "procedures"
BASE = (SHIPPED / "1.003677.yaml").read_text(encoding="utf-8")


def _versioned(tmp_path: Path, versions: str) -> Path:
    path = tmp_path / "1.003677.yaml"
    path.write_text(BASE + "versions:\n" + versions, encoding="utf-8")
    return path


def test_a_dossier_is_judged_by_the_version_in_force_on_its_receipt_date(tmp_path: Path) -> None:
    path = _versioned(tmp_path, "- valid_to: 2026-06-30\n- valid_from: 2026-07-01\n  processing_days: 2\n")
    assert check_directory(path) == []
    procedure = parse_procedure_file(path)
    assert procedure.processing_days == 2 and len(procedure.versions) == 2
    assert procedure.version_on(date(2026, 6, 30)).processing_days == 1
    assert procedure.version_on(date(2026, 7, 1)).processing_days == 2


def test_catalogue_check_refuses_overlapping_and_gapped_versions(tmp_path: Path) -> None:
    lines = BASE.count("\n") + 1
    overlap = _versioned(tmp_path, "- valid_to: 2026-07-01\n- valid_from: 2026-07-01\n")
    [problem] = check_directory(overlap)
    assert (problem.line, problem.key) == (lines + 2, "versions[1].valid_from")
    assert str(problem).startswith(f"{overlap}:{lines + 2}: versions[1].valid_from: ")
    gap = _versioned(tmp_path, "- valid_to: 2026-06-29\n- valid_from: 2026-07-01\n")
    [problem] = check_directory(gap)
    assert problem.key == "versions[1].valid_from" and "2026-06-30" in problem.message
    open_middle = _versioned(tmp_path, "- {}\n- valid_from: 2026-07-01\n")
    assert [p.key for p in check_directory(open_middle)] == ["versions[0].valid_to"]
    bad_value = _versioned(tmp_path, "- valid_to: 2026-06-30\n- valid_from: 2026-07-01\n  processing_days: -1\n")
    assert [p.key for p in check_directory(bad_value)] == ["versions[1].processing_days"]


def _copy_request(pages: object, copies: object) -> dict[str, object]:
    return {"procedure_code": "2.000815", "received_at": "10/11/2026 09:00", "channel": "truc_tiep",
            "applicant": {"full_name": "Lê Thị Hồng", "id_type": "CCCD", "id_number": "025196000001"},
            "form": {}, "attachments": [{"doc_type": "ban_chinh", "kind": "original", "presented_only": True},
                                        {"doc_type": "ban_sao_can_chung_thuc", "kind": "copy",
                                         "fields": {"so_trang": pages, "so_ban": copies}}]}


def test_per_page_fee_with_a_cap_per_copy() -> None:
    procedure = load_catalogue().get("2.000815")
    day = date(2026, 11, 10)

    def fee(pages: object, copies: object) -> tuple[int | None, str]:
        result = quote(procedure, parse(_copy_request(pages, copies)), "truc_tiep", None, day)
        return result.amount, result.basis_vi

    assert fee(2, 3) == (12000, "3 bản × 2 trang × 2.000đ")
    assert fee(5, 1) == (7000, "1 bản × (2 trang × 2.000đ + 3 trang × 1.000đ)")
    assert fee(250, 1)[0] == 200000 and "tối đa" in fee(250, 1)[1]
    assert fee("3", "2")[0] == 10000  # typed as text
    assert fee(0, None)[0] == 2000 and fee("ba", -1)[0] == 2000  # unreadable = absent = 1


def test_late_and_province_set_fees() -> None:
    catalogue = load_catalogue()
    birth = catalogue.get("1.001193")
    dossier = parse({"procedure_code": "1.001193", "channel": "truc_tiep", "applicant": {"full_name": "A"},
                     "form": {}, "attachments": []})
    assert quote(birth, dossier, "truc_tiep").amount == 0
    late = quote(birth, dossier, "truc_tiep", None, late=True)
    assert late.amount is None and "chưa cấu hình" in late.basis_vi
    assert quote(birth, dossier, "truc_tiep", {"1.001193/late": 8000}, late=True).amount == 8000
    correction = catalogue.get("1.004859")
    assert quote(correction, dossier, "truc_tuyen").amount is None
    assert quote(correction, dossier, "truc_tuyen", {"1.004859": 5000}).amount == 5000


def test_choice_labels_fold_to_values() -> None:
    field = load_catalogue().get("1.001776").declaration_field("doi_tuong")
    assert field is not None
    assert field.choice_for("Người khuyết tật") == "nguoi_khuyet_tat"
    assert field.choice_for("NGUOI KHUYET TAT") == "nguoi_khuyet_tat"
    assert field.choice_for("nguoi_cao_tuoi") == "nguoi_cao_tuoi"
    assert field.choice_for("Người cao tuổi từ đủ 80 tuổi không có lương hưu") == "nguoi_cao_tuoi"
    assert field.choice_for("diện hộ nghèo khác") is None


def test_intake_counts_travel_in_the_attachment_fields() -> None:
    from officer_desk.catalogue.fees import carry_counts

    catalogue = load_catalogue()
    attachments: list[dict[str, object]] = [{"doc_type": "ban_chinh", "kind": "original"},
                                            {"doc_type": "ban_sao_can_chung_thuc", "kind": "copy", "quantity": 3}]
    carry_counts(catalogue.get("2.000815"), {"so_trang": 2, "so_ban_sao": 3}, attachments)
    assert attachments[1]["fields"] == {"so_trang": 2, "so_ban": 3} and "fields" not in attachments[0]
    dossier = parse({"procedure_code": "2.000815", "channel": "truc_tiep", "applicant": {"full_name": "A"},
                     "form": {}, "attachments": attachments})
    assert quote(catalogue.get("2.000815"), dossier, "truc_tiep").amount == 12000
    untouched: list[dict[str, object]] = [{"doc_type": "to_khai_khai_sinh", "kind": "original"}]
    carry_counts(catalogue.get("1.001193"), {"so_ban_sao": 2}, untouched)
    assert "fields" not in untouched[0]


def test_reregistration_is_judged_by_the_version_in_force_on_the_receipt_date() -> None:
    """NĐ 18/2026/NĐ-CP: an official's agency confirmation is not filed when the data is in the databases."""
    from officer_desk.screening.engine import screen_dossier
    from officer_desk.workdays import default_calendar

    def dossier(received: str) -> dict[str, object]:
        return {"procedure_code": "1.004884", "received_at": received, "channel": "truc_tuyen",
                "dossier_code": "X-1", "applicant": {"full_name": "Lương Văn Quý", "id_type": "CCCD",
                                                     "id_number": "025060123456"},
                "form": {"nguoi_duoc_khai_sinh": {"ho_ten": "Lương Văn Quý", "ngay_sinh": "09/09/1960",
                                                  "gioi_tinh": "Nam", "noi_sinh": "xã Yên Trị"},
                         "noi_da_dang_ky_khai_sinh": "UBND xã Yên Trị", "la_can_bo_cong_chuc": True,
                         "thong_tin_co_trong_csdl": True},
                "attachments": [{"doc_type": "to_khai_dk_lai_khai_sinh", "kind": "original"},
                                {"doc_type": "ban_sao_giay_khai_sinh_cu", "kind": "certified_copy"}]}

    catalogue, calendar = load_catalogue(), default_calendar()

    def missing(received: str) -> set[str]:
        result = screen_dossier(parse(dossier(received)), catalogue, calendar)
        return {f.target for f in result.findings if f.code == "MISSING_REQUIRED_DOC"}

    assert missing("12/01/2026 09:00") == {"van_ban_xac_nhan_co_quan"}
    assert missing("14/01/2026 09:00") == set()
    assert catalogue.get("1.004884").code_confidence == "low"  # secondary sources: the window says so
