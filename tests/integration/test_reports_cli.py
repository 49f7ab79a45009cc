"""``report`` and ``register`` from the command line: formats, files, errors (local encrypted SQLite)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.paths import Home
from officer_desk.reports import build_report
from officer_desk.reports.export import report_table
from tests.helpers.office import Office
from tests.helpers.reports import NOW, PERIOD, load_dataset
from tests.helpers.signing import PIN, TestPki

ARGS = ["--from", "24/04/2026", "--to", "30/04/2026"]


@pytest.fixture
def home_with_data(isolated_home: Home) -> Home:
    desk = open_desk(isolated_home)
    try:
        load_dataset(desk)
    finally:
        desk.close()
    return isolated_home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_the_contract_keys(home_with_data: Home, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "report", *ARGS, "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("from", "to", "received", "by_channel", "online_rate", "results", "processing_days",
                "supplement_rate", "refusal_rate", "rows"):
        assert key in data
    assert set(data["by_channel"]) == {"truc_tiep", "truc_tuyen", "buu_chinh"}
    assert set(data["results"]) == {"early", "on_time", "late"}
    assert set(data["processing_days"]) == {"median", "p90"}
    assert data["received"] == 7 and data["results"] == {"early": 1, "on_time": 2, "late": 1}
    assert all({"key", "received", "online_rate", "on_time", "late"} <= set(row) for row in data["rows"])
    code, out, _err = run(capsys, "report", *ARGS, "--format", "json", "--by", "channel")
    assert code == 0 and {r["key"] for r in json.loads(out)["rows"]} == {"truc_tiep", "truc_tuyen", "buu_chinh"}


def test_table_is_vietnamese(home_with_data: Home, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "report", *ARGS)
    assert code == 0
    assert "Hồ sơ tiếp nhận: 7" in out and "tỷ lệ trực tuyến 57,1 %" in out
    assert "Tổng cộng" in out and "Đăng ký tạm trú" in out


@pytest.mark.parametrize("argv", [
    ["report", "--to", "30/04/2026"],
    ["report", "--from", "24/04/2026"],
    ["report", "--from", "31/04/2026", "--to", "01/05/2026"],
    ["report", "--from", "30/04/2026", "--to", "24/04/2026"],
    ["report", "--from", "hôm qua", "--to", "24/04/2026"],
    ["report", *ARGS, "--format", "xlsx"],
    ["register", "--from", "30/04/2026", "--to", "24/04/2026", "--out", "x.pdf"],
])
def test_bad_periods_are_usage_errors(home_with_data: Home, capsys: pytest.CaptureFixture[str],
                                      argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv, "--json")
    assert code == 2
    assert "error" in json.loads(out) and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_empty_period_is_zeros_exit_0(home_with_data: Home, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "report", "--from", "01/01/2025", "--to", "31/01/2025", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["received"] == 0 and data["rows"] == [] and data["online_rate"] == 0


def test_xlsx_equals_the_table(home_with_data: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "bao-cao.xlsx"
    code, _out, _err = run(capsys, "report", *ARGS, "--format", "xlsx", "--out", str(target))
    assert code == 0
    desk = open_desk(home_with_data)
    try:
        table = report_table(build_report(desk, PERIOD, now=NOW))
    finally:
        desk.close()
    workbook = load_workbook(target)
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == [c.header for c in table.columns]
    assert values[0][:3] == ["Thủ tục", "Hồ sơ tiếp nhận", "Trực tuyến"]
    assert [tuple(row) for row in values[1:]] == [tuple(row) for row in table.rows]
    assert isinstance(sheet["B2"].value, int) and sheet["D2"].number_format == "0.0%"
    assert [ws.title for ws in workbook.worksheets] == ["Báo cáo", "Gợi ý sàng lọc", "Hồ sơ tồn", "Văn bản"]


def test_csv_has_a_bom_and_the_table(home_with_data: Home, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.csv"
    code, _out, _err = run(capsys, "report", *ARGS, "--format", "csv", "--by", "channel", "--out", str(target))
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Kênh nộp" and rows[-1][:2] == ["Tổng cộng", "7"]
    assert {r[0]: r[1] for r in rows[1:-1]} == {"Trực tuyến": "4", "Trực tiếp": "2", "Bưu chính": "1"}


def test_register_book_xlsx_and_signed_pdf(home_with_data: Home, capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path, pki: TestPki) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "so.xlsx"
    code, out, _err = run(capsys, "register", *ARGS, "--out", str(book), "--json")
    assert code == 0 and json.loads(out)["rows"] == 7
    sheet = load_workbook(book).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Mã hồ sơ", "Tên thủ tục hành chính")
    assert [r[0] for r in rows[1:]] == [1, 2, 3, 4, 5, 6, 7]
    assert rows[1][1] == "000.00.01.X99-2604B-0001"  # oldest first: B at 00:05 on 24/04
    # The PDF is signed with the desk signer, as receipts are: without a certificate, a clear error, no file.
    code, _out, err = run(capsys, "register", *ARGS, "--out", str(tmp_path / "so.pdf"))
    assert code == 2 and "chứng thư" in err  # no certificate to sign with
    assert not (tmp_path / "so.pdf").exists()
    # Demo mode off: the office's own certificate (a private CA made by the fixture, trusted first).
    pin = tmp_path / "pin.txt"
    pin.write_text(PIN + "\n", encoding="utf-8")
    assert main(["trust", "add", str(pki.root_pem)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "register", *ARGS, "--out", str(tmp_path / "so.pdf"), "--keystore",
                         str(pki.good.p12), "--pin-file", str(pin), "--json")
    payload: dict[str, Any] = json.loads(out)
    assert code == 0, err
    assert payload["signed"] and payload["signer"] and payload["format"] == "pdf"
    code, out, _err = run(capsys, "verify", str(tmp_path / "so.pdf"), "--json")
    assert code == 0 and json.loads(out)["verdict"] == "valid"


def test_register_book_on_a_set_up_office_is_signed_by_the_acting_account(
        office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Demo mode off, no --keystore: the book is signed with the signing account's own certificate."""
    out = tmp_path / "so-office.pdf"
    code, _out, _err = run(capsys, "register", *ARGS, "--out", str(out), *office.as_officer())
    assert code == 1  # a plain officer may not print the book (supervisors and administrators may)
    assert not out.exists()
    code, text, err = run(capsys, "register", *ARGS, "--out", str(out), "--pin-file", str(office.pin), "--json",
                          *office.as_admin())
    assert code == 0, err
    assert json.loads(text)["signer"] == "Nguyễn Văn Thử"  # the administrator's own certificate (pki.good)
    code, text, _err = run(capsys, "verify", str(out), "--json", "--trust", str(office.pki.root_pem))
    report = json.loads(text)
    assert code == 0 and report["signatures"][0]["signer"] == "Nguyễn Văn Thử"
