"""Plans that do not depend on luck (issue 17): a desk filled only by imports finds duplicates through the
duplicate index, with and without planner statistics, and gets statistics without ever running a demo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from officer_desk.cases.findings import duplicates_query
from officer_desk.database import open_database
from officer_desk.demo_data import demo_dossiers
from officer_desk.desk import Desk, open_desk
from officer_desk.models.migrate import alembic_config, upgrade_to_head
from officer_desk.paths import Home
from officer_desk.queue_lookup import lookup_sql

INDEX = "ix_cases_duplicates"


def _write_dossiers(desk: Desk, folder: Path, count: int) -> list[dict[str, Any]]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (dossier, _status) in enumerate(demo_dossiers(desk.catalogue, count, 7, date(2026, 11, 27))):
        dossier["dossier_code"] = f"000.00.01.X99-261127-{index + 1:04d}"
        for item in dossier.get("attachments") or []:
            item["presented_only"] = True  # the papers were shown at the counter: no files to copy
        (folder / f"{index:04d}.json").write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
        written.append(dossier)
    return written


def _plans(connection: sa.Connection, procedure: str, id_number: str, subject: str) -> list[str]:
    """The query plan of both duplicate lookups (the desk's and ``screen FILE``'s read-only one)."""
    orm = duplicates_query(procedure, id_number, subject, "X-1").compile(
        dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    sql, fixed = lookup_sql(by_applicant=bool(id_number))
    parameters = {**fixed, "procedure": procedure, "subject": subject, "exclude": "X-1", "id_number": id_number}
    details = []
    for statement, values in ((f"EXPLAIN QUERY PLAN {orm}", {}), (f"EXPLAIN QUERY PLAN {sql}", parameters)):
        rows = connection.execute(sa.text(statement), values if "id_number" in statement else
                                  {k: v for k, v in values.items() if k != "id_number"}).all()
        details.append(" / ".join(str(row[-1]) for row in rows))
    return details


def _assert_uses_index(desk: Desk, dossiers: list[dict[str, Any]]) -> None:
    with desk.db.engine.connect() as connection:
        stored = connection.execute(sa.text(
            "SELECT procedure_code, applicant_id_number, subject_key FROM cases")).all()
        assert stored
        for procedure, id_number, subject in stored:
            for lookup in (id_number, ""):  # by applicant, and a civil-status event (any applicant)
                for detail in _plans(connection, procedure, lookup, subject):
                    assert f"USING INDEX {INDEX}" in detail and "SCAN cases" not in detail, detail


def test_desk_filled_by_import_finds_duplicates_through_the_index(isolated_home: Home, tmp_path: Path) -> None:
    desk = open_desk(isolated_home)
    try:
        dossiers = _write_dossiers(desk, tmp_path / "in", 40)
        for path in sorted((tmp_path / "in").glob("*.json"))[:20]:
            desk.cases.import_file(path)  # one at a time, as at the counter: no statistics yet
        with desk.db.engine.connect() as connection:
            has_stats = connection.execute(sa.text(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar()
            assert not has_stats or not connection.execute(sa.text(
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'cases'")).scalar()
        _assert_uses_index(desk, dossiers)
        report = desk.cases.import_paths([tmp_path / "in"])  # bulk work refreshes the statistics
        assert len(report.imported) == 20 and not report.failed
        with desk.db.engine.connect() as connection:
            indexes = set(connection.execute(sa.text("SELECT idx FROM sqlite_stat1 WHERE tbl = 'cases'")).scalars())
        assert INDEX in indexes
    finally:
        desk.close()
    desk = open_desk(isolated_home)  # a fresh process plans from the stored statistics
    try:
        _assert_uses_index(desk, dossiers)
    finally:
        desk.close()


def test_closing_the_desk_leaves_statistics_for_what_it_added(isolated_home: Home, tmp_path: Path) -> None:
    desk = open_desk(isolated_home)
    try:
        _write_dossiers(desk, tmp_path / "in", 12)
        for path in sorted((tmp_path / "in").glob("*.json")):
            desk.cases.import_file(path)
    finally:
        desk.close()
    db = open_database(isolated_home)
    try:
        with db.engine.connect() as connection:
            rows = {str(idx): str(stat) for idx, stat in connection.execute(sa.text(
                "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'cases'"))}
    finally:
        db.dispose()
    assert rows[INDEX].split()[0] == "12"


def test_migration_analyses_its_new_index_on_an_analysed_desk(isolated_home: Home, tmp_path: Path) -> None:
    desk = open_desk(isolated_home)
    try:
        _write_dossiers(desk, tmp_path / "in", 12)
        desk.cases.import_paths([tmp_path / "in"])
    finally:
        desk.close()
    db = open_database(isolated_home)
    try:
        # Back to 0011 by the real downgrades (the later revisions run again on the way up), then
        # statistics for every index but the new one.
        command.downgrade(alembic_config(db.engine), "0011_sync_identity")
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
            assert INDEX not in set(connection.execute(sa.text("SELECT idx FROM sqlite_stat1")).scalars())
        upgrade_to_head(db.engine)
        with db.engine.connect() as connection:
            assert INDEX in set(connection.execute(sa.text("SELECT idx FROM sqlite_stat1")).scalars())
    finally:
        db.dispose()


@pytest.mark.parametrize("by_applicant", [True, False])
def test_read_only_lookup_has_no_parameter_or(by_applicant: bool) -> None:
    sql, _fixed = lookup_sql(by_applicant)
    assert "OR applicant_id_number" not in sql and ("applicant_id_number" in sql) == by_applicant
