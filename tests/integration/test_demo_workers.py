"""The demo loader's worker processes (issue 17): a seed gives the same desk whether the rows are built in
the loading process or by spawned workers, and a chunk generated on its own is the same as generated in
sequence (what lets workers build chunks apart)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from officer_desk.demo import enable_demo_mode, generate_cases
from officer_desk.demo_data import DEMO_CHUNK, demo_dossiers
from officer_desk.desk import open_desk
from officer_desk.models import Case
from officer_desk.models.bulk import dialect_named, prepare_rows
from officer_desk.paths import Home
from tests.helpers.desks import CancelAfterFirstBatch

# Stamps of when the rows were written (not what the seed decides), left out of the comparison.
WHEN = {"created_at", "updated_at", "screened_at", "event_key"}
TABLES = ("cases", "case_search_terms", "case_events", "attachments", "dossier_sequences")


def _contents(desk: Any) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with desk.db.engine.connect() as connection:
        for table in TABLES:
            columns = [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")]
            kept = ", ".join(name for name in columns if name not in WHEN)
            order = "id" if "id" in columns else ", ".join(columns)
            rows = connection.exec_driver_sql(f"SELECT {kept} FROM {table} ORDER BY {order}")
            out[table] = [tuple(row) for row in rows]
    return out


def test_worker_processes_build_the_same_desk_as_the_loading_process(tmp_path: Path) -> None:
    count = DEMO_CHUNK * 2 + 137  # three chunks, the last one partial
    contents = []
    for workers in (0, 2):
        desk = open_desk(Home(tmp_path / f"workers-{workers}"))
        try:
            enable_demo_mode(desk)
            assert generate_cases(desk, count, seed=41, workers=workers) == count
            contents.append(_contents(desk))
        finally:
            desk.close()
    built_here, built_by_workers = contents
    assert len(built_here["cases"]) == count and len(built_here["case_search_terms"]) > count
    assert len({row[1] for row in built_here["cases"]}) == count  # every dossier code once
    for table in TABLES:
        assert built_here[table] == built_by_workers[table], table


def test_a_chunk_generated_alone_is_the_chunk_generated_in_sequence(desk: Any) -> None:
    today = date(2026, 11, 27)
    whole = list(demo_dossiers(desk.catalogue, DEMO_CHUNK + 300, 5, today, 365))
    alone = list(demo_dossiers(desk.catalogue, DEMO_CHUNK + 300, 5, today, 365, start=DEMO_CHUNK))
    assert alone == whole[DEMO_CHUNK:]
    again = list(demo_dossiers(desk.catalogue, DEMO_CHUNK + 300, 5, today, 365))
    assert again == whole
    other_seed = list(demo_dossiers(desk.catalogue, DEMO_CHUNK + 300, 6, today, 365))
    assert other_seed != whole


def test_rows_prepared_without_an_engine_match_the_engines_binding(desk: Any) -> None:
    """Workers prepare rows with a dialect built by name; the values must be what the engine's own
    dialect would send (dates and times as stored, JSON as serialised)."""
    from datetime import UTC, datetime

    row = {"dossier_code": "X-1", "procedure_code": "1.0", "channel": "truc_tiep", "status": "received",
           "received_at": datetime(2026, 11, 3, 2, 5, tzinfo=UTC), "due_date": date(2026, 11, 10),
           "applicant_name": "Nguyễn Văn An", "raw_json": "{}", "dossier_json": "{}", "is_demo": True,
           "created_at": datetime(2026, 11, 3, 2, 6, 7, 123456, tzinfo=UTC)}
    dialect = desk.db.engine.dialect
    by_name = prepare_rows(Case, [row], dialect_named(f"{dialect.name}+{dialect.driver}"))
    by_engine = prepare_rows(Case, [row], dialect)
    assert by_name.columns == by_engine.columns
    # columns filled by a callable default (now, a fresh key) differ from call to call
    varying = {column.name for column in Case.__table__.columns
               if column.default is not None and getattr(column.default, "is_callable", False)}
    kept = [index for index, name in enumerate(by_name.columns) if name not in varying]
    assert "received_at" in [by_name.columns[index] for index in kept]
    assert [[values[i] for i in kept] for values in by_name.values] == \
        [[values[i] for i in kept] for values in by_engine.values]


def test_a_second_demo_run_continues_the_numbering(desk: Any) -> None:
    """Codes are never reused: a second load numbers on from the stored counters, which end at the highest
    number given per agency and day."""
    enable_demo_mode(desk)
    generate_cases(desk, 300, seed=3)
    generate_cases(desk, 200, seed=3)  # the same seed again: same agencies and days, new numbers
    with desk.db.engine.connect() as connection:
        codes = [row[0] for row in connection.exec_driver_sql("SELECT dossier_code FROM cases")]
        counters = {(agency, day): value for agency, day, value in connection.exec_driver_sql(
            "SELECT agency_id, day, value FROM dossier_sequences")}
    assert len(codes) == len(set(codes)) == 500
    highest: dict[tuple[str, str], int] = {}
    for code in codes:
        agency, day, number = code.rsplit("-", 2)
        highest[(agency, day)] = max(highest.get((agency, day), 0), int(number))
    assert counters == highest


def test_a_load_cut_off_mid_way_can_be_run_again(desk: Any, monkeypatch: Any) -> None:
    """A load killed between batches keeps whole batches with their numbering counters, so running the
    demo again numbers on instead of colliding with the codes it already stored."""
    import officer_desk.demo as demo

    enable_demo_mode(desk)
    monkeypatch.setattr(demo, "BATCH", 50)
    write = demo._write_batch
    calls = []

    def cut_off(*args: Any) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as if the process were killed while writing its third batch
        return write(*args)

    monkeypatch.setattr(demo, "_write_batch", cut_off)
    try:
        generate_cases(desk, 400, seed=9)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(demo, "_write_batch", write)
    with desk.db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 100  # two whole batches
    assert generate_cases(desk, 400, seed=9) == 400
    with desk.db.engine.connect() as connection:
        codes = [row[0] for row in connection.exec_driver_sql("SELECT dossier_code FROM cases")]
    assert len(codes) == len(set(codes)) == 500


def test_a_cancel_stops_the_workers_and_keeps_whole_batches(tmp_path: Path, monkeypatch: Any) -> None:
    import officer_desk.demo as demo

    monkeypatch.setattr(demo, "BATCH", 500)
    desk = open_desk(Home(tmp_path / "cancelled"))
    try:
        enable_demo_mode(desk)
        created = generate_cases(desk, DEMO_CHUNK * 3, seed=2, progress=CancelAfterFirstBatch(), workers=2)
        assert created == 500
        with desk.db.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 500
    finally:
        desk.close()
