"""The hash-chained audit log: editing, deleting or reordering a row in the database is detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from officer_desk.audit import audit
from officer_desk.audit_log import AuditLog
from officer_desk.cli import main
from officer_desk.database import open_database
from officer_desk.models.migrate import upgrade_to_head
from officer_desk.paths import Home


def _entries(desk, n: int = 6) -> list[int]:  # type: ignore[no-untyped-def]
    with desk.db.session() as session:
        for i in range(n):
            audit(session, "canbo.test", "case.accepted", "case", f"CODE-{i}", desk=1, step=i,
                  nested={"b": 2, "a": [1, "ă"]})
    with desk.db.engine.connect() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT id FROM audit_entries ORDER BY id")]


def _sql(desk, statement: str, **params: object) -> None:  # type: ignore[no-untyped-def]
    with desk.db.engine.begin() as connection:
        connection.execute(sa.text(statement), params)


def test_an_untouched_chain_is_intact(desk, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from officer_desk import audit_chain

    def no_slow_path(*_args: object) -> None:
        raise AssertionError("entries written by the desk must verify on the fast path")

    ids = _entries(desk)
    monkeypatch.setattr(audit_chain, "_exact_digest", no_slow_path)
    report = AuditLog(desk).verify()
    assert report.intact and report.entries == len(ids) and report.first_broken is None


def test_an_edited_row_is_found(desk) -> None:  # type: ignore[no-untyped-def]
    ids = _entries(desk)
    _sql(desk, "UPDATE audit_entries SET actor = 'someone.else' WHERE id = :id", id=ids[2])
    report = AuditLog(desk).verify()
    assert not report.intact and report.first_broken is not None
    assert report.first_broken.entry_id == ids[2] and "sửa" in report.first_broken.reason


def test_edited_details_are_found(desk) -> None:  # type: ignore[no-untyped-def]
    ids = _entries(desk)
    cast = "CAST(:d AS JSON)" if not desk.db.is_local else ":d"
    _sql(desk, f"UPDATE audit_entries SET details = {cast} WHERE id = :id", d='{"step": 99}', id=ids[3])
    report = AuditLog(desk).verify()
    assert not report.intact and report.first_broken.entry_id == ids[3]


def test_a_database_without_a_chain_head_starts_one(desk) -> None:  # type: ignore[no-untyped-def]
    """An old database never upgraded has no head row: the chain lock (one UPDATE .. RETURNING) finds none and
    starts the head after the newest entry, then chains from there."""
    _sql(desk, "DELETE FROM audit_entries")
    _sql(desk, "DELETE FROM audit_chain_head")
    ids = _entries(desk, 3)
    with desk.db.engine.connect() as connection:
        head = connection.exec_driver_sql("SELECT id, last_id FROM audit_chain_head").all()
    assert [tuple(row) for row in head] == [(1, ids[-1])] and ids == [1, 2, 3]
    report = AuditLog(desk).verify()
    assert report.intact and report.entries == 3


def test_a_deleted_row_is_found(desk) -> None:  # type: ignore[no-untyped-def]
    ids = _entries(desk)
    _sql(desk, "DELETE FROM audit_entries WHERE id = :id", id=ids[1])
    report = AuditLog(desk).verify()
    assert not report.intact and report.first_broken.entry_id == ids[2]


def test_reordered_rows_are_found(desk) -> None:  # type: ignore[no-untyped-def]
    ids = _entries(desk)
    _sql(desk, "UPDATE audit_entries SET id = -1 WHERE id = :a", a=ids[1])
    _sql(desk, "UPDATE audit_entries SET id = :a WHERE id = :b", a=ids[1], b=ids[4])
    _sql(desk, "UPDATE audit_entries SET id = :b WHERE id = -1", b=ids[4])
    report = AuditLog(desk).verify()
    assert not report.intact and report.first_broken.entry_id == ids[1]


def test_deleting_the_newest_rows_is_found_even_with_the_head_rewritten(desk) -> None:  # type: ignore[no-untyped-def]
    ids = _entries(desk)
    _sql(desk, "DELETE FROM audit_entries WHERE id = :id", id=ids[-1])
    assert not AuditLog(desk).verify().intact  # the chain head still names the deleted entry
    # An intruder who also rewrites the head is caught by the seal, signed by the desk's key.
    _entries(desk, 2)
    assert AuditLog(desk).seal_if_due(force=True)
    with desk.db.engine.connect() as connection:
        rows = list(connection.exec_driver_sql("SELECT id, entry_hash FROM audit_entries ORDER BY id"))
    _sql(desk, "DELETE FROM audit_entries WHERE id >= :id", id=rows[-2][0])
    _sql(desk, "UPDATE audit_chain_head SET last_id = :id, entry_hash = :h", id=rows[-3][0], h=rows[-3][1])
    _sql(desk, "DELETE FROM audit_entries WHERE id < 0")
    report = AuditLog(desk).verify()
    assert not report.intact


def test_a_row_added_behind_the_applications_back_is_found(desk) -> None:  # type: ignore[no-untyped-def]
    _entries(desk, 3)
    _sql(desk, "INSERT INTO audit_entries (id, at, actor, desk, action, entity_type, entity_id, details) "
               "VALUES (999, :at, 'x', 0, 'case.refused', 'case', 'C', '{}')", at="2026-12-01 00:00:00.000000")
    report = AuditLog(desk).verify()
    assert not report.intact and report.first_broken.entry_id == 999


def test_a_forged_seal_is_found(desk) -> None:  # type: ignore[no-untyped-def]
    _entries(desk, 3)
    assert AuditLog(desk).seal_if_due(force=True)
    _sql(desk, "UPDATE audit_seals SET desk = 7")
    assert not AuditLog(desk).verify().intact


def test_existing_entries_are_chained_by_the_migration(backend: str | None, isolated_home: Home) -> None:
    db = open_database(isolated_home, backend, upgrade=False)
    try:
        upgrade_to_head(db.engine, "0005")
        with db.engine.begin() as connection:
            for i in range(5):
                connection.execute(sa.text(
                    "INSERT INTO audit_entries (at, actor, desk, action, entity_type, entity_id, details) "
                    "VALUES (:at, 'canbo.cu', 1, 'case.accepted', 'case', :code, :details)"),
                    {"at": f"2026-11-2{i} 08:00:00.000000", "code": f"OLD-{i}",
                     "details": json.dumps({"z": i, "a": "cũ"})})
        upgrade_to_head(db.engine)
        from officer_desk.desk import open_desk

        desk = open_desk(isolated_home, backend)
        try:
            report = AuditLog(desk).verify()
            assert report.intact and report.entries == 5
            _entries(desk, 2)  # new entries continue the migrated chain
            assert AuditLog(desk).verify().entries == 7 and AuditLog(desk).verify().intact
        finally:
            desk.close()
    finally:
        db.dispose()


def test_audit_cli_verify_and_show(desk, capsys: pytest.CaptureFixture[str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.lifecycle import Action

    sample = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
    data = json.loads(sample.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    source = tmp_path / "d.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([source])
    code = data["dossier_code"]
    desk.cases.assign(code)
    desk.cases.transition(code, Action.WITHDRAW, reason="Công dân rút hồ sơ")
    url = [] if desk.db.is_local else ["--database", desk.db.url]
    if url:  # main() exports --database to the environment: undone after the test
        monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", desk.db.url)
    assert main(["audit", "verify", "--json", *url]) == 0
    verified = json.loads(capsys.readouterr().out)
    assert verified["intact"] is True and verified["first_broken"] is None and verified["entries"] >= 3
    assert main([*url, "audit", "show", "--case", code, "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [e["action"] for e in entries][-2:] == ["case.assigned", "case.withdraw"]
    assert set(entries[0]) == {"at", "actor", "action", "details"} and entries[0]["actor"] == "canbo.test"
    assert entries[0]["at"].endswith("+07:00")
    _sql(desk, "UPDATE audit_entries SET action = 'case.accept' WHERE action = 'case.withdraw'")
    assert main(["audit", "verify", "--json", *url]) == 1
    broken = json.loads(capsys.readouterr().out)
    assert broken["intact"] is False and set(broken["first_broken"]) == {"id", "at", "reason"}
    assert main(["audit", "show", "--case", "NO-SUCH-CODE", "--json", *url]) == 1
