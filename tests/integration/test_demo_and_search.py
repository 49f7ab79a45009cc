"""Demo mode, synthetic data and diacritics-insensitive search on both back-ends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.cases import QueueFilter
from officer_desk.cli import main
from officer_desk.demo import DemoRefused, generate_cases, run_demo
from officer_desk.lifecycle import Status
from officer_desk.models import Case
from officer_desk.screening.result import ENGINE_VERSION

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"


def test_demo_data_is_searchable_without_diacritics(desk) -> None:  # type: ignore[no-untyped-def]
    assert generate_cases(desk, 400, seed=7) == 400
    rows = desk.cases.search("dang", limit=20)
    assert rows and all(r.applicant_name.startswith("Đặng") or " Đặng" in r.applicant_name or
                        "đặng" in r.applicant_name.lower() for r in rows)
    one = rows[0]
    assert desk.cases.search(one.dossier_code)[0].dossier_code == one.dossier_code
    by_id = desk.cases.search(desk.cases.detail(one.id).dossier["applicant"]["id_number"][:9])
    assert one.id in {r.id for r in by_id}
    counts = desk.cases.status_counts()
    assert sum(counts[s.value] for s in Status) == 400
    page = desk.cases.list_ids(QueueFilter(statuses=(Status.RECEIVED,), sort="due_date", descending=False), 0, 50)
    rows = desk.cases.rows(page)
    assert all(r.status == Status.RECEIVED for r in rows)
    dues = [r.due_date for r in rows]
    assert dues == sorted(dues)
    filtered = desk.cases.count(QueueFilter(text="dang"))
    assert filtered >= len(desk.cases.search("dang", limit=1))


def test_search_as_you_type_applies_the_queue_filter_and_order_in_sql(desk) -> None:  # type: ignore[no-untyped-def]
    assert generate_cases(desk, 300, seed=11) == 300
    everything = desk.cases.search("nguyen", limit=200)
    assert len({r.status for r in everything}) > 1, "the seed should give several statuses"
    status = everything[0].status
    flt = QueueFilter(text="nguyen", statuses=(status,), sort="due_date", descending=True)
    ids, truncated = desk.cases.search_queue(flt, 200)
    rows = desk.cases.rows(ids)
    assert not truncated
    assert {r.id for r in rows} == {r.id for r in everything if r.status == status}
    dues = [(r.due_date, r.id) for r in rows if r.due_date is not None]
    assert dues == sorted(dues, reverse=True)
    # The same filter without text gives the same cases among the hits (one filter implementation).
    page = set(desk.cases.list_ids(QueueFilter(statuses=(status,)), 0, 1000))
    assert set(ids) <= page


def test_search_finds_d_stroke_names_from_plain_d(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = tmp_path / "mai.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    for query in ("dang", "Dang Thi", "ĐẶNG THỊ MAI", "thi mai", "0912 345 678", "+84912345678", "025194",
                  "261127-0007"):
        assert [r.dossier_code for r in desk.cases.search(query)] == [data["dossier_code"]], query
    assert desk.cases.search("dung") == []


def test_demo_refuses_a_database_with_real_cases(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = tmp_path / "real.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    with pytest.raises(DemoRefused):
        run_demo(desk, 5, 1)


def test_demo_command_creates_demo_material(isolated_home, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--cases", "30", "--seed", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["cases"] == 30
    assert (isolated_home.demo / "demo-root.pem").exists()
    assert (isolated_home.demo / "desk.p12").exists()
    assert (isolated_home.demo / "desk.pin").read_text(encoding="utf-8").strip()
    # A second run adds cases with new codes, never reusing one.
    assert main(["demo", "--cases", "30", "--seed", "3"]) == 0
    assert main(["list", "--limit", "100", "--json"]) == 0
    cases = json.loads(capsys.readouterr().out.splitlines()[-1])["cases"]
    assert len({c["dossier_code"] for c in cases}) == 60


def test_intake_at_the_counter_creates_and_screens_a_case(desk) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    del data["dossier_code"]
    code = desk.cases.intake(data, {"hop-dong-thue.pdf": b"%PDF-1.4 scan"})
    detail = desk.cases.detail(code)
    assert detail.row.status == Status.RECEIVED
    scan = next(a for a in detail.attachments if a.file_name == "hop-dong-thue.pdf")
    assert desk.cases.attachment_bytes(scan.content_sha256) == b"%PDF-1.4 scan"
    # Screened in the same transaction: the engine's run is recorded on the case, and the row's summary
    # agrees with the findings stored.
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        assert case.screened_at is not None and case.screening_engine_version == ENGINE_VERSION
    assert (detail.row.worst_severity is None) == (not detail.findings)
    assert detail.row.open_finding_count == len(detail.findings)
    with pytest.raises(Exception, match="hop-dong"):
        desk.cases.intake(data, {})


def test_code_prefix_typed_with_dots_is_found(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = tmp_path / "mai.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    assert [r.dossier_code for r in desk.cases.search("000.00.01")] == [data["dossier_code"]]
    assert [r.dossier_code for r in desk.cases.search("0912.345.678")] == [data["dossier_code"]]
