"""Encrypted backup and restore: a round trip into an empty home, and refused archives leave it empty."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from officer_desk.accounts.roles import Role
from officer_desk.audit_log import AuditLog
from officer_desk.cli import main
from officer_desk.models import Attachment, AuditEntry, Case, Officer, OfficerCertificate, SignedDocument
from officer_desk.paths import Home
from tests.helpers.office import SAMPLE, Office, import_clean_case

TABLES = (Case, Attachment, AuditEntry, Officer, OfficerCertificate, SignedDocument)


def _snapshot(home: Home) -> dict[str, object]:
    """Every row of the tables that matter, every attachment's bytes, the home's files."""
    from officer_desk.accounts.roles import Actor, ActorKind
    from officer_desk.desk import open_desk

    desk = open_desk(home, account=Actor("admin", "Quản Trị Viên", Role.ADMINISTRATOR, ActorKind.ACCOUNT))
    try:
        tables: dict[str, list[dict[str, object]]] = {}
        blobs: dict[str, bytes] = {}
        with desk.db.session() as session:
            for model in TABLES:
                table = model.__table__
                rows = session.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings().all()
                tables[table.name] = [dict(row) for row in rows]
            for (digest,) in session.execute(sa.select(Attachment.content_sha256).where(
                    Attachment.content_sha256.is_not(None))):
                blobs[digest] = desk.cases.attachments.get(session, digest)
            for (digest,) in session.execute(sa.select(SignedDocument.content_sha256)):
                blobs[digest] = desk.cases.attachments.get(session, digest)
        files = {p.relative_to(home.root).as_posix(): p.read_bytes()
                 for folder in (home.keystore, home.trust) for p in sorted(folder.rglob("*")) if p.is_file()}
        files["config.toml"] = home.config_file.read_bytes()
        return {"tables": tables, "blobs": blobs, "files": files, "audit": AuditLog(desk).verify().to_json()}
    finally:
        desk.close()


@pytest.fixture
def backed_up(office: Office, capsys: pytest.CaptureFixture[str],
              monkeypatch: pytest.MonkeyPatch) -> tuple[Office, Path, Path, dict[str, object]]:
    monkeypatch.setattr("officer_desk.backup.CHUNK", 16 * 1024)  # many chunks even for a small desk
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))  # with its attached PDF
    data["dossier_code"] = data["dossier_code"][:-4] + "0042"
    source = SAMPLE.parent / "tam-tru-dang-thi-mai.json"
    copy = office.folder / "with-file.json"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (office.folder / "hop-dong-thue.pdf").write_bytes((source.parent / "hop-dong-thue.pdf").read_bytes())
    assert main(["import", str(copy), *office.as_officer()]) == 0
    code = import_clean_case(office)
    assert main(["receipt", code, "--out", str(office.folder / "r.pdf"), "--pin-file", str(office.pin),
                 *office.as_officer()]) == 0
    key = office.folder / "db.key.copy"
    assert main(["key", "export", "--out", str(key), *office.as_admin()]) == 0
    archive = office.folder / "desk.odbk"
    assert main(["backup", "--out", str(archive), "--json", *office.as_admin()]) == 0
    capsys.readouterr()
    before = _snapshot(office.home)
    assert before["tables"]["attachments"] and before["tables"]["signed_documents"]  # type: ignore[index]
    return office, archive, key, before


def _target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, key: Path) -> Home:
    root = tmp_path / name
    monkeypatch.setenv("OFFICER_DESK_HOME", str(root))
    monkeypatch.setenv("OFFICER_DESK_DB_KEY_FILE", str(key))
    return Home(root)


def _empty(home: Home) -> bool:
    return not (home.database.exists() or home.config_file.exists() or home.keystore.exists())


def test_round_trip_restores_every_case_attachment_and_audit_entry(
        backed_up: tuple[Office, Path, Path, dict[str, object]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    office, archive, key, before = backed_up
    home = _target(tmp_path, monkeypatch, "restored", key)
    (home.root / "logs").mkdir(parents=True)  # logs/ is allowed in an "empty" home
    assert main(["restore", str(archive), "--json"]) == 0, capsys.readouterr()
    summary = json.loads(capsys.readouterr().out)
    assert summary["cases"] == 2 and summary["audit_entries"] > 0
    after = _snapshot(home)
    assert after["audit"] == before["audit"] and before["audit"]["intact"] is True  # type: ignore[index]
    assert after["tables"] == before["tables"]
    assert after["blobs"] == before["blobs"]
    assert after["files"] == before["files"]
    # The restored desk works: the officer signs in and lists the queue.
    monkeypatch.delenv("OFFICER_DESK_DB_KEY_FILE")
    assert main(["list", "--json", *office.as_officer()]) == 0
    assert len(json.loads(capsys.readouterr().out)["cases"]) == 2


@pytest.mark.parametrize("damage", ["truncated", "altered", "cut_at_chunk"])
def test_a_damaged_archive_is_refused_and_the_home_stays_empty(
        backed_up: tuple[Office, Path, Path, dict[str, object]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    _office, archive, key, _before = backed_up
    data = bytearray(archive.read_bytes())
    if damage == "truncated":
        data = data[: len(data) - 100]
    elif damage == "altered":
        data[len(data) // 2] ^= 0x01
    else:  # every chunk after the first removed: only the last-chunk flag shows it
        import struct

        offset = 8 + 1 + 16 + 8 + 4
        first = struct.unpack(">I", bytes(data[offset:offset + 4]))[0]
        data = data[: offset + 4 + first]
    damaged = tmp_path / "damaged.odbk"
    damaged.write_bytes(bytes(data))
    home = _target(tmp_path, monkeypatch, "target", key)
    assert main(["restore", str(damaged), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "backup"
    assert _empty(home)
    assert not any(p.name.startswith(".restore-") for p in home.root.parent.iterdir())


def test_restore_needs_the_key_and_an_empty_home(
        backed_up: tuple[Office, Path, Path, dict[str, object]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    office, archive, _key, _before = backed_up
    other_key = tmp_path / "other.key"
    other_key.write_text("11" * 32 + "\n")
    home = _target(tmp_path, monkeypatch, "wrong-key", other_key)
    assert main(["restore", str(archive), "--json"]) == 1
    assert "khóa" in json.loads(capsys.readouterr().out)["error"]["message"]
    assert _empty(home)
    monkeypatch.setenv("OFFICER_DESK_HOME", str(office.home.root))  # the original, set-up home
    assert main(["restore", str(archive), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "already_set_up"


def test_round_trip_on_postgresql(pg_url: str, pg_server: object, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A center's desk on PostgreSQL: attachments live in the database; restore into another empty one."""
    import uuid

    from officer_desk.demo import enable_demo_mode
    from officer_desk.desk import open_desk
    from officer_desk.receipts.service import issue_receipt

    monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", pg_url)
    source_home = Home(tmp_path / "center")
    monkeypatch.setenv("OFFICER_DESK_HOME", str(source_home.root))
    desk = open_desk(source_home, pg_url)
    try:
        enable_demo_mode(desk)
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        copy = tmp_path / "d.json"
        copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (tmp_path / "hop-dong-thue.pdf").write_bytes((SAMPLE.parent / "hop-dong-thue.pdf").read_bytes())
        desk.cases.import_paths([copy])
        code = data["dossier_code"]
        with desk.db.session() as session:
            case_id = session.execute(sa.select(Case.id).where(Case.dossier_code == code)).scalar_one()
            desk.cases.record_findings(session, case_id, [], "test")
        issue_receipt(desk, code, tmp_path / "r.pdf")
        with desk.db.session() as session:
            before = {m.__table__.name: [dict(r) for r in session.execute(sa.select(m.__table__).order_by(
                *m.__table__.primary_key.columns)).mappings()] for m in (Case, Attachment, AuditEntry)}
    finally:
        desk.close()
    key = tmp_path / "key"
    assert main(["key", "export", "--out", str(key)]) == 0
    archive = tmp_path / "center.odbk"
    assert main(["backup", "--out", str(archive)]) == 0

    admin_url = pg_server if isinstance(pg_server, str) else pg_server.admin_url  # type: ignore[attr-defined]
    name = "od_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    target_url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        target = Home(tmp_path / "restored")
        monkeypatch.setenv("OFFICER_DESK_HOME", str(target.root))
        monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", target_url)
        monkeypatch.setenv("OFFICER_DESK_DB_KEY_FILE", str(key))
        capsys.readouterr()
        assert main(["restore", str(archive), "--json"]) == 0, capsys.readouterr()
        restored = open_desk(target, target_url)
        try:
            with restored.db.session() as session:
                after = {m.__table__.name: [dict(r) for r in session.execute(sa.select(m.__table__).order_by(
                    *m.__table__.primary_key.columns)).mappings()] for m in (Case, Attachment, AuditEntry)}
                digest = session.execute(sa.select(Attachment.content_sha256).where(
                    Attachment.content_sha256.is_not(None))).scalars().first()
                assert digest and restored.cases.attachments.get(session, digest)
            assert AuditLog(restored).verify().intact
            plain = [a for a in data["attachments"] if "file" not in a]  # ids continue after the restored rows
            restored.cases.intake(data | {"dossier_code": data["dossier_code"][:-4] + "0099", "attachments": plain})
        finally:
            restored.close()
        # audit rows written by the restore's own bookkeeping are not part of the comparison
        assert after["cases"] == before["cases"] and after["attachments"] == before["attachments"]
        assert after["audit_entries"][: len(before["audit_entries"])] == before["audit_entries"]
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()
