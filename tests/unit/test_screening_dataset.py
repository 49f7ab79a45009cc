"""Checks on the screening evaluation set itself (tests/data/screening), not on the engine.

The set is written from the regulations (FACTS.md, application-format.md, procedures.json) before the rules; these
tests keep it well-formed and keep its coverage promises: every finding code has at least two positive cases and one
near-miss, and at least eight fully clean dossiers exist.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from officer_desk.dossier import base_procedure_code, parse

DATA = Path(__file__).resolve().parents[1] / "data" / "screening"
CASES_DIR = DATA / "cases"

FINDING_CODES = frozenset({
    "MISSING_REQUIRED_DOC", "DOC_QUANTITY_INSUFFICIENT", "REQUIRED_FIELD_MISSING", "DOC_EXPIRED",
    "COPY_NOT_CERTIFIED", "ID_DOCUMENT_EXPIRED", "ID_DOCUMENT_INVALID", "CCCD_FORMAT_INVALID",
    "CCCD_PROVINCE_CODE_UNKNOWN", "CCCD_PROVINCE_BIRTHPLACE_MISMATCH", "CCCD_GENDER_MISMATCH",
    "CCCD_CENTURY_MISMATCH", "CCCD_BIRTHYEAR_MISMATCH", "PHONE_INVALID", "NAME_MISMATCH", "DATE_INVALID",
    "TAX_CODE_INVALID", "DUPLICATE_SUBMISSION", "MARRIAGE_AGE_INELIGIBLE", "LATE_REGISTRATION",
    "DEADLINE_ADJUSTED_FOR_HOLIDAY", "LEGACY_ENCODING_DETECTED", "CONFUSABLE_CHARACTER",
})

# Document ids per procedure, from /work/shared/domain/procedures.json (kept here so the test does not depend on a
# file outside the repository). Identity documents are valid attachments everywhere.
PROCEDURE_DOCS: dict[str, tuple[str, ...]] = {
    "1.001193": ("to_khai_khai_sinh", "giay_chung_sinh", "giay_to_tuy_than", "giay_chung_nhan_ket_hon_cha_me",
                 "van_ban_uy_quyen"),
    "1.000656": ("to_khai_khai_tu", "giay_bao_tu", "giay_to_tuy_than", "van_ban_uy_quyen"),
    "1.000894": ("to_khai_ket_hon", "giay_xac_nhan_tthn", "giay_to_tuy_than", "trich_luc_ly_hon"),
    "1.004873": ("to_khai_xntthn", "giay_to_tuy_than", "trich_luc_ly_hon", "giay_xntthn_cu", "van_ban_uy_quyen"),
    "1.004884": ("to_khai_dk_lai_khai_sinh", "ban_sao_giay_khai_sinh_cu", "van_ban_cam_doan", "giay_to_tuy_than",
                 "van_ban_uy_quyen"),
    "1.004859": ("to_khai_cai_chinh", "giay_to_can_cu", "giay_to_tuy_than", "van_ban_uy_quyen"),
    "2.000635": ("to_khai_trich_luc", "giay_to_tuy_than", "van_ban_uy_quyen"),
    "1.001022": ("to_khai_nhan_cmc", "chung_cu_quan_he", "giay_to_tuy_than", "van_ban_uy_quyen"),
    "1.004837": ("to_khai_giam_ho", "van_ban_cu_giam_ho", "giay_to_tuy_than"),
    "2.000815": ("ban_chinh", "ban_sao_can_chung_thuc"),
    "2.000884": ("giay_to_tuy_than", "van_ban_can_chung_thuc_chu_ky"),
    "2.001035": ("du_thao_hop_dong", "ban_sao_giay_to_tuy_than_cac_ben", "ban_sao_gcn"),
    "1.004222": ("to_khai_ct01", "giay_to_cho_o_hop_phap", "giay_to_quan_he_nhan_than", "giay_to_tuy_than"),
    "1.004194": ("to_khai_ct01", "giay_to_cho_o_hop_phap", "giay_to_tuy_than"),
    "1.002755": ("to_khai_ct01", "giay_to_tuy_than"),
    "1.010038": ("to_khai_ct01", "giay_to_tuy_than"),
    "1.003677": ("de_nghi_tam_vang", "giay_to_tuy_than"),
    "1.001612": ("giay_de_nghi_dk_hkd", "bien_ban_hop_ho_gia_dinh", "uy_quyen_chu_ho", "giay_to_tuy_than"),
    "1.013225": ("don_de_nghi_gpxd", "giay_to_qsdd", "ban_ve_thiet_ke", "cam_ket_an_toan_lien_ke"),
    "1.013978": ("don_dang_ky_dat_dai", "giay_to_ve_qsdd", "chung_tu_nghia_vu_tai_chinh"),
    "1.013831": ("don_dang_ky_bien_dong", "hop_dong_cong_chung", "gcn_da_cap"),
    "1.001776": ("to_khai_tro_cap", "giay_xac_nhan_khuyet_tat", "giay_khai_sinh_tre"),
    "1.001699": ("don_de_nghi_xdkt", "giay_to_y_te", "giay_xac_nhan_kt_cu"),
    "1.001731": ("to_khai_mai_tang", "trich_luc_khai_tu"),
    "2.000488": ("to_khai_lltp", "ban_chup_giay_to_tuy_than", "van_ban_uy_quyen_lltp"),
}
IDENTITY_DOCS = ("the_can_cuoc", "cmnd", "ho_chieu")
QUEUE_STATUSES = frozenset({"received", "accepted", "in_processing", "awaiting_signature", "result_ready", "returned",
                            "supplement_requested", "refused", "withdrawn"})
CASE_KEYS = frozenset({"description", "dossier", "queue", "expected", "expected_absent", "expected_due_date",
                       "expected_fee_vnd"})
RECEIVED_AT_RE = re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")
PERSON_TARGET_RE = re.compile(r"^(applicant|co_applicant)(\.[a-z_]+)?$")
FORM_TARGET_RE = re.compile(r"^form\.[a-z0-9_]+(\.[a-z0-9_]+)*$")


def _load_cases() -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted(CASES_DIR.glob("*.json")):
        cases[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return cases


CASES = _load_cases()


def _valid_target(target: str, procedure: str, queue_codes: set[str]) -> bool:
    if target == "due_date" or PERSON_TARGET_RE.match(target) or FORM_TARGET_RE.match(target):
        return True
    if target.startswith("queue:"):
        return target.removeprefix("queue:") in queue_codes
    return target in PROCEDURE_DOCS[procedure] or target in IDENTITY_DOCS


def test_data_set_is_present() -> None:
    assert (DATA / "README.md").is_file()
    assert len(CASES) >= 100


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_is_well_formed(name: str) -> None:
    case = CASES[name]
    assert re.fullmatch(r"[a-z0-9_]+", name), "case file names are lowercase snake_case"
    assert set(case) <= CASE_KEYS, f"unknown keys: {set(case) - CASE_KEYS}"
    assert isinstance(case["description"], str) and len(case["description"]) > 40

    raw = case["dossier"]
    dossier = parse(raw)
    assert dossier.dossier_code, "every dossier carries a dossier_code (duplicate checks need it)"
    assert isinstance(raw.get("received_at"), str) and RECEIVED_AT_RE.match(raw["received_at"]), (
        "received_at must be dd/mm/yyyy HH:MM so that expectations never depend on the clock"
    )
    procedure = dossier.base_procedure_code
    assert procedure in PROCEDURE_DOCS, f"unknown procedure {procedure}"
    for attachment in dossier.attachments:
        assert attachment.doc_type in PROCEDURE_DOCS[procedure] or attachment.doc_type in IDENTITY_DOCS, (
            f"{attachment.doc_type} is not a component of {procedure}"
        )

    queue_codes: set[str] = set()
    for item in case.get("queue", []):
        queued = parse(item)
        assert queued.dossier_code, "queued dossiers need a dossier_code"
        assert item.get("status") in QUEUE_STATUSES
        assert base_procedure_code(queued.procedure_code) in PROCEDURE_DOCS
        queue_codes.add(queued.dossier_code)

    pairs: list[tuple[str, str]] = []
    for entry in case["expected"]:
        assert set(entry) <= {"code", "target", "target_optional"}
        assert entry["code"] in FINDING_CODES, entry
        assert isinstance(entry["target"], str) and entry["target"], entry
        assert isinstance(entry.get("target_optional", False), bool)
        assert _valid_target(entry["target"], procedure, queue_codes), entry
        pairs.append((entry["code"], entry["target"]))
    assert len(pairs) == len(set(pairs)), "one finding per (code, target)"

    for entry in case.get("expected_absent", []):
        assert set(entry) <= {"code", "target"}
        assert entry["code"] in FINDING_CODES, entry
        for code, target in pairs:
            clash = code == entry["code"] and ("target" not in entry or entry["target"] == target)
            assert not clash, f"{entry} contradicts an expected finding"

    if "expected_due_date" in case:
        datetime.strptime(case["expected_due_date"], "%d/%m/%Y")
    if "expected_fee_vnd" in case:
        fee = case["expected_fee_vnd"]
        assert fee is None or (isinstance(fee, int) and not isinstance(fee, bool) and fee >= 0)


def test_every_code_has_two_positives_and_a_near_miss() -> None:
    positives: Counter[str] = Counter()
    near_misses: Counter[str] = Counter()
    for case in CASES.values():
        for code in {entry["code"] for entry in case["expected"]}:
            positives[code] += 1
        for code in {entry["code"] for entry in case.get("expected_absent", [])}:
            near_misses[code] += 1
    for code in sorted(FINDING_CODES):
        assert positives[code] >= 2, f"{code}: {positives[code]} positive case(s)"
        assert near_misses[code] >= 1, f"{code}: no near-miss case"


def test_enough_clean_dossiers_across_procedures() -> None:
    clean = [case for case in CASES.values() if not case["expected"]]
    procedures = {base_procedure_code(case["dossier"]["procedure_code"]) for case in clean}
    assert len(clean) >= 8
    assert len(procedures) >= 8


def test_readme_lists_every_case_and_code() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in CASES:
        assert name in readme, f"{name} missing from README coverage table"
    for code in FINDING_CODES:
        assert f"`{code}`" in readme, f"{code} missing from README"
