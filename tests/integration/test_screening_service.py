"""Screening in the desk: on import, duplicates against the queue, re-screening, supplement list, report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from officer_desk import dossier as dossier_format
from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.paths import Home
from officer_desk.screening.duplicates import subject_key
from officer_desk.screening.result import ENGINE_VERSION
from officer_desk.screening.service import rescreen, screen_case, supplement_items

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
SAMPLE = json.loads((DATA / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))
for _item in SAMPLE["attachments"]:
    _item.pop("file", None)


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def variant(code: str, id_number: str | None = None, **changes: Any) -> dict[str, Any]:
    """The sample under another code (and, given ``id_number``, another applicant: not a duplicate)."""
    data = json.loads(json.dumps(SAMPLE))
    data["dossier_code"] = code
    if id_number is not None:
        data["applicant"]["id_number"] = id_number
        for attachment in data["attachments"]:
            if attachment["doc_type"] == "the_can_cuoc":
                attachment["fields"]["so"] = id_number
    for key, value in changes.items():
        data[key] = value
    return data


def open_codes(desk: Any, code: str) -> set[tuple[str, str]]:
    return {(f.code, f.target) for f in desk.cases.detail(code).findings if f.decision == "open"}


def test_import_screens_and_stores_the_engine_version(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flawed = variant("000.00.01.X99-261127-0100", "025194009999")
    flawed["attachments"] = [a for a in flawed["attachments"] if a["doc_type"] != "to_khai_ct01"]
    flawed["applicant"] = {**flawed["applicant"], "phone": "0168 123 4567"}
    desk.cases.import_paths([write(tmp_path, "a.json", SAMPLE), write(tmp_path, "b.json", flawed)])
    clean = desk.cases.detail(SAMPLE["dossier_code"])
    assert clean.findings == () and clean.row.worst_severity is None
    detail = desk.cases.detail("000.00.01.X99-261127-0100")
    assert {(f.code, f.target) for f in detail.findings} == {
        ("MISSING_REQUIRED_DOC", "to_khai_ct01"), ("PHONE_INVALID", "applicant.phone")}
    assert detail.row.worst_severity == "error" and detail.row.open_finding_count == 2
    missing = next(f for f in detail.findings if f.code == "MISSING_REQUIRED_DOC")
    assert missing.message_vi.startswith("Thiếu") and missing.message_en.startswith("Missing")
    with desk.db.session() as session:
        from sqlalchemy import select

        from officer_desk.models import Case, Finding

        case = session.execute(select(Case).where(Case.dossier_code == detail.row.dossier_code)).scalar_one()
        assert case.screening_engine_version == ENGINE_VERSION and case.screened_at is not None
        versions = set(session.execute(select(Finding.engine_version)).scalars())
        assert versions == {ENGINE_VERSION}
    items = supplement_items(detail.findings, desk.catalogue.find("1.004194"))
    assert items == [("Tờ khai thay đổi thông tin cư trú (CT01), có ý kiến của chủ hộ/chủ sở hữu chỗ ở",
                      missing.message_vi)]


def test_subject_key_is_the_child_for_a_birth_and_the_applicant_otherwise(desk) -> None:  # type: ignore[no-untyped-def]
    data = {"procedure_code": "1.001193", "applicant": SAMPLE["applicant"],
            "form": {"tre": {"ho_ten": "Nguyễn Minh Khôi", "ngay_sinh": "01/11/2026", "so_dinh_danh": "0251 2600"}}}
    parsed = dossier_format.parse(data)
    procedure = desk.catalogue.find("1.001193")
    # A birth is one event whoever files: keyed by the child (name folded, date of birth) and the mother.
    assert subject_key(procedure, parsed) == "ev|birth|nguyen minh khoi/01/11/2026|"
    assert subject_key(desk.catalogue.find("1.004194"), parsed) == ""


def test_the_same_child_filed_by_another_parent_is_a_duplicate(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json as json_

    case = json_.loads((Path(__file__).resolve().parents[1] / "data" / "screening" / "law" / "cases" /
                        "dup_birth_father_counter_mother_online.json").read_text(encoding="utf-8"))
    queued = {k: v for k, v in case["queue"][0].items() if k != "status"}
    desk.cases.import_paths([write(tmp_path, "mother.json", queued)])
    desk.cases.import_paths([write(tmp_path, "father.json", case["dossier"])])
    assert open_codes(desk, case["dossier"]["dossier_code"]) == {
        ("DUPLICATE_SUBMISSION", f"queue:{queued['dossier_code']}")}
    desk.cases.transition(queued["dossier_code"], Action.WITHDRAW, "nộp trùng")
    assert rescreen(desk, ["received"]) == 1
    assert open_codes(desk, case["dossier"]["dossier_code"]) == set()


def test_duplicate_in_the_open_queue_until_the_first_is_withdrawn(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = "000.00.01.X99-261127-0001", "000.00.01.X99-261127-0002"
    desk.cases.import_paths([write(tmp_path, "1.json", variant(first, channel="truc_tuyen"))])
    assert open_codes(desk, first) == set()
    desk.cases.import_paths([write(tmp_path, "2.json", variant(second))])
    assert open_codes(desk, second) == {("DUPLICATE_SUBMISSION", f"queue:{first}")}
    # Screening the first now sees the second; a case is never its own duplicate.
    assert {(f["code"], f["target"]) for f in screen_case(desk, first)} == {
        ("DUPLICATE_SUBMISSION", f"queue:{second}")}
    desk.cases.transition(first, Action.WITHDRAW, "nộp trùng")
    assert rescreen(desk, ["received"]) == 1
    assert open_codes(desk, second) == set()


def test_rescreen_after_a_catalogue_change(isolated_home: Home, tmp_path: Path) -> None:
    desk = open_desk(isolated_home)
    try:
        desk.cases.import_paths([write(tmp_path, "a.json", SAMPLE)])
        assert open_codes(desk, SAMPLE["dossier_code"]) == set()
    finally:
        desk.close()
    # The province now asks for two copies of the proof of accommodation.
    source = (Path(__file__).resolve().parents[2] / "resources" / "procedures" / "1.004194.yaml").read_text("utf-8")
    local = source.replace("  kind: copy\n  required: false\n  quantity: 1\n  condition_vi: Không cần nếu",
                           "  kind: copy\n  required: false\n  quantity: 2\n  condition_vi: Không cần nếu")
    assert local != source
    isolated_home.procedures.mkdir(parents=True, exist_ok=True)
    (isolated_home.procedures / "1.004194.yaml").write_text(local, encoding="utf-8")
    assert main(["rescreen", "--json"]) == 0
    desk = open_desk(isolated_home)
    try:
        assert open_codes(desk, SAMPLE["dossier_code"]) == {("DOC_QUANTITY_INSUFFICIENT", "giay_to_cho_o_hop_phap")}
    finally:
        desk.close()


def test_dismissed_hint_is_kept_and_reported(isolated_home: Home, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    flawed = variant("000.00.01.X99-261127-0200", "025194009999")
    flawed["applicant"] = {**flawed["applicant"], "phone": "12345"}
    desk = open_desk(isolated_home)
    try:
        desk.cases.import_paths([write(tmp_path, "a.json", flawed), write(tmp_path, "b.json", SAMPLE)])
        finding = desk.cases.detail(flawed["dossier_code"]).findings[0]
        desk.cases.decide_finding(finding.id, "dismissed", "số máy bàn nội bộ")
        assert rescreen(desk) == 2
        findings = desk.cases.detail(flawed["dossier_code"]).findings
        assert [(f.code, f.decision) for f in findings] == [("PHONE_INVALID", "dismissed")]
        assert supplement_items(findings) == []
    finally:
        desk.close()
    assert main(["screening", "report", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["screened_cases"] == 2
    assert payload["codes"] == [{"code": "PHONE_INVALID", "fired": 1, "dismissed": 1, "accepted": 0,
                                 "dismissal_rate": 1.0}]


def test_screen_command_never_writes_the_database(isolated_home: Home, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.json", variant("X-1", attachments=[]))
    assert main(["screen", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload) == ["dossier_code", "procedure_code", "due_date", "fee_vnd", "fee_basis", "findings"]
    assert {f["code"] for f in payload["findings"]} == {"MISSING_REQUIRED_DOC"}
    assert not isolated_home.database.exists()
    assert main(["--lang", "en", "screen", str(path), "--json"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert english["findings"][0]["message"].startswith("Missing dossier component")
    shutil.copy(path, tmp_path / "copy.json")
    unknown = write(tmp_path, "u.json", {**variant("X-2"), "procedure_code": "9.999999"})
    assert main(["screen", str(unknown), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "unknown_procedure"
    assert main(["screen", str(tmp_path / "missing.json"), "--json"]) == 2
    assert "error" in json.loads(capsys.readouterr().out)


def test_ask_command(isolated_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "dang ky tam tru mat bao lau", "--json", "--top", "2"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["question"] == "dang ky tam tru mat bao lau"
    first = payload["answers"][0]
    assert first["procedure_code"] == "1.004194" and first["fee_vnd"] == 15000 and len(payload["answers"]) == 2
    assert set(first) == {"procedure_code", "name", "score", "documents", "processing_time", "fee_vnd", "passage"}
    assert main(["ask", "qwerty zxcv", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answers"] == []


def test_stored_hints_keep_both_languages(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = "000.00.01.X99-261127-0009"
    data = variant(code)
    data["applicant"] = {**data["applicant"], "phone": "0168 123 4567"}  # an old 11-digit mobile number
    desk.cases.import_paths([write(tmp_path, "phone.json", data)])
    hint = next(f for f in desk.cases.detail(code).findings if f.code == "PHONE_INVALID")
    vi, en = hint.texts("vi"), hint.texts("en")
    assert all(vi) and all(en)
    assert vi != en and en[1] and en[2]  # message, evidence and suggestion translated
