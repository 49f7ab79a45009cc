"""Issue #11 from the command line: ``screen FILE`` reads the home's queue (read-only) and shows the fee's basis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officer_desk.cli import main

LAW = Path(__file__).resolve().parents[1] / "data" / "screening" / "law" / "cases"


def _write(path: Path, data: dict[str, object]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_screen_finds_a_duplicate_in_the_homes_queue_and_writes_nothing(
    isolated_home, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    case = json.loads((LAW / "dup_birth_father_counter_mother_online.json").read_text(encoding="utf-8"))
    queued = {k: v for k, v in case["queue"][0].items() if k != "status"}
    # Without a database the file is checked on its own, and no database is created.
    new = _write(tmp_path / "new.json", case["dossier"])
    assert main(["screen", str(new), "--json"]) == 0
    alone = json.loads(capsys.readouterr().out)
    assert not [f for f in alone["findings"] if f["code"] == "DUPLICATE_SUBMISSION"]
    assert not isolated_home.database.exists()
    # The mother's online filing is in the queue: the father's file at the counter is the same child.
    assert main(["import", str(_write(tmp_path / "queued.json", queued)), "--json"]) == 0
    capsys.readouterr()
    assert main(["screen", str(new), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    duplicates = [f["target"] for f in payload["findings"] if f["code"] == "DUPLICATE_SUBMISSION"]
    assert duplicates == [f"queue:{queued['dossier_code']}"]
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["dossier_code"] for c in listed["cases"]] == [queued["dossier_code"]]  # screen wrote nothing


def test_screen_json_and_text_show_the_fee_and_how_it_was_computed(
    isolated_home, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    case = json.loads((LAW / "fee_copy_three_copies_two_pages.json").read_text(encoding="utf-8"))
    path = _write(tmp_path / "copy.json", case["dossier"])
    assert main(["screen", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["fee_vnd"] == 12000 and payload["fee_basis"] == "3 bản × 2 trang × 2.000đ"
    assert main(["screen", str(path)]) == 0
    assert "3 bản × 2 trang × 2.000đ" in capsys.readouterr().out
    assert main(["--lang", "en", "screen", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fee_basis"] == "3 copies × 2 pages × 2.000đ"


def test_a_province_confirms_24_11_with_one_config_line(
    isolated_home, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    case = json.loads((LAW / "calendar_due_crosses_pending_24_11.json").read_text(encoding="utf-8"))
    path = _write(tmp_path / "g.json", case["dossier"])
    assert main(["screen", str(path), "--json"]) == 0
    pending = json.loads(capsys.readouterr().out)
    assert pending["due_date"] == "26/11/2026"
    assert [f["target"] for f in pending["findings"] if f["code"] == "CALENDAR_UNCONFIRMED"] == ["due_date"]
    isolated_home.ensure()
    isolated_home.config_file.write_text('calendar_days_off = ["24/11/2026"]\n', encoding="utf-8")
    assert main(["screen", str(path), "--json"]) == 0
    confirmed = json.loads(capsys.readouterr().out)
    assert confirmed["due_date"] == "27/11/2026"
    codes = {f["code"] for f in confirmed["findings"]}
    assert "DEADLINE_ADJUSTED_FOR_HOLIDAY" in codes and "CALENDAR_UNCONFIRMED" not in codes
    isolated_home.config_file.write_text('calendar_days_off = ["31/02/2026"]\n', encoding="utf-8")
    assert main(["screen", str(path), "--json"]) == 2
    assert "dd/mm/yyyy" in json.loads(capsys.readouterr().out)["error"]["message"]
