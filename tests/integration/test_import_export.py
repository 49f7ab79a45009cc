"""Import and export per the CLI contract, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.lifecycle import Action, Status
from officer_desk.paths import Home

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
SAMPLE = DATA / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"


def _copy_sample(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    return folder / SAMPLE.name


def test_import_keeps_code_raw_record_and_attachment(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _copy_sample(tmp_path / "in")
    report = desk.cases.import_paths([path])
    assert report.imported == [CODE] and report.failed == []
    detail = desk.cases.detail(CODE)
    assert detail.row.status == Status.RECEIVED
    assert detail.dossier["portal_reference"].startswith("kept verbatim")
    assert detail.row.due_date is not None and detail.row.due_date.isoformat() == "2026-12-02"
    attachment = next(a for a in detail.attachments if a.file_name)
    assert desk.cases.attachment_bytes(attachment.content_sha256) == (DATA / "hop-dong-thue.pdf").read_bytes()
    assert [e.action for e in detail.events][0] == "received"


def test_reimport_same_file_is_skipped_and_changed_content_conflicts(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _copy_sample(tmp_path / "in")
    assert desk.cases.import_paths([path]).imported == [CODE]
    again = desk.cases.import_paths([path])
    assert again.skipped == [CODE] and again.imported == []
    data = json.loads(path.read_text(encoding="utf-8"))
    data["applicant"]["phone"] = "0987654321"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    conflict = desk.cases.import_paths([path])
    assert conflict.imported == [] and len(conflict.failed) == 1
    assert "Xung đột" in conflict.failed[0]["error"]
    assert desk.cases.detail(CODE).row.applicant_name == "Đặng Thị Mai"


def test_supplement_file_merges_and_restarts_clock(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _copy_sample(tmp_path / "in")
    desk.cases.import_paths([path])
    desk.cases.transition(CODE, Action.REQUEST_SUPPLEMENT, "thiếu giấy tờ")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attachments"].append({"doc_type": "giay_to_quan_he_nhan_than", "kind": "copy"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = desk.cases.import_paths([path])
    assert report.imported == [CODE]
    detail = desk.cases.detail(CODE)
    assert detail.row.status == Status.RECEIVED
    assert "supplement_received" in [e.action for e in detail.events]
    assert len(detail.attachments) == 4


def test_file_without_code_gets_one_and_is_idempotent(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    del data["dossier_code"]
    data["attachments"] = data["attachments"][:1]
    path = tmp_path / "no-code.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = desk.cases.import_paths([path])
    assert len(first.imported) == 1 and first.imported[0].startswith(desk.config.agency_id + "-261127-")
    second = desk.cases.import_paths([path])
    assert second.skipped == first.imported


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "JSON"),
        (b'{"procedure_code": 1004194, "applicant": {}}', "procedure_code"),
        (b'{"procedure_code": "9.999999", "applicant": {"full_name": "A"}}', "9.999999"),
        (b'{"procedure_code": "1.004194", "applicant": {"full_name": "A\\u0000"}}', "NUL"),
        (b'{"procedure_code": "1.004194", "applicant": {"full_name": "A"}, "x": ' + b"[" * 200 + b"]" * 200 + b"}",
         "sâu"),
        (b'[1, 2]', "đối tượng"),
        (b'{"procedure_code": "1.004194", "channel": "fax", "applicant": {"full_name": "A"}}', "fax"),
        (b'{"procedure_code": "1.004194", "applicant": {"full_name": "A"}, "attachments": [{"doc_type": "x",'
         b' "kind": "original", "file": "../../etc/passwd"}]}', "ngoài thư mục"),
        (b'{"procedure_code": "1.004194", "applicant": {"full_name": "A"}, "attachments": [{"doc_type": "x",'
         b' "kind": "original", "quantity": "two"}]}', "quantity"),
        (b"\xff\xfe garbage", "UTF-8"),
    ],
)
def test_malformed_files_fail_clearly_and_leave_nothing(desk, tmp_path: Path, content: bytes,
                                                        expected: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "sub" / "bad.json"
    bad.parent.mkdir()
    bad.write_bytes(content)
    good = _copy_sample(tmp_path / "sub")
    report = desk.cases.import_paths([tmp_path / "sub"])
    assert report.imported == [CODE]  # the good file still lands
    assert len(report.failed) == 1 and report.failed[0]["file"] == str(bad)
    assert expected in report.failed[0]["error"]
    assert desk.cases.count(__import__("officer_desk.cases", fromlist=["QueueFilter"]).QueueFilter()) == 1
    assert good.exists()


def test_oversized_file_names_the_limit(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.json"
    big.write_bytes(b'{"procedure_code": "1.004194", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}')
    report = desk.cases.import_paths([big])
    assert report.failed and "5 MiB" in report.failed[0]["error"]


def test_round_trip_exports_current_values(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _copy_sample(tmp_path / "in")
    desk.cases.import_paths([path])
    out = tmp_path / "out"
    assert desk.cases.export(out) == [CODE]
    exported = json.loads((out / CODE / "application.json").read_text(encoding="utf-8"))
    assert exported == json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert (out / CODE / "hop-dong-thue.pdf").read_bytes() == (DATA / "hop-dong-thue.pdf").read_bytes()

    desk.cases.update_dossier(CODE, {"applicant.phone": "0987 654 321"}, reason="công dân đổi số")
    desk.cases.export(out)
    changed = json.loads((out / CODE / "application.json").read_text(encoding="utf-8"))
    assert changed["applicant"]["phone"] == "0987 654 321"
    assert desk.cases.export(tmp_path / "none", ["returned"]) == []


def test_cli_import_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy_sample(tmp_path / "in")
    (tmp_path / "in" / "broken.json").write_text("{", encoding="utf-8")
    assert main(["import", str(tmp_path / "in"), "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["imported"] == [CODE] and payload["skipped"] == []
    assert payload["failed"][0]["file"].endswith("broken.json")
    (tmp_path / "in" / "broken.json").unlink()
    assert main(["import", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == [CODE]
    assert main(["export", "--out", str(tmp_path / "out"), "--status", "received"]) == 0
    assert (tmp_path / "out" / CODE / "application.json").exists()


def test_personal_data_is_not_readable_at_rest(isolated_home: Home, tmp_path: Path) -> None:
    """Grep the database, its WAL/SHM, attachments and logs for a known ID number and name."""
    path = _copy_sample(tmp_path / "in")
    from officer_desk.desk import open_desk

    desk = open_desk(isolated_home)
    try:
        desk.cases.import_paths([path])
        desk.cases.search("dang thi mai")
        main(["import", str(tmp_path / "missing.json")])  # an error goes to the log
        needles = [b"025194001234", b"0912345678"]
        for form in ("NFC", "NFD"):
            for text in ("Đặng Thị Mai", "ĐẶNG THỊ MAI", "dang thi mai"):
                needles.append(unicodedata.normalize(form, text).encode("utf-8"))
        files = [p for p in isolated_home.root.rglob("*") if p.is_file() and p.name != "db.key"]
        assert any(p.name.endswith("-wal") for p in files) or isolated_home.database.exists()
        for file in files:
            data = file.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} readable in {file.relative_to(isolated_home.root)}"
    finally:
        desk.close()
