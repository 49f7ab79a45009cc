"""The identity, sync and bundle commands as the contract writes them (JSON keys, exit codes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from officer_desk.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_identity_sync_and_bundle_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "tam-tru-dang-thi-mai.json", folder / "d.json")
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    homes = {name: tmp_path / name for name in ("commune", "center")}
    identities = {}
    for name, root in homes.items():
        monkeypatch.setenv("OFFICER_DESK_HOME", str(root))
        assert main(["import", str(folder)]) == 0 if name == "commune" else True
        code, data = _run(capsys, "identity", "export", "--out", str(tmp_path / f"{name}.json"), "--json")
        assert code == 0 and set(data) >= {"desk_id", "agency_code", "desk_number", "signing_key", "encryption_key"}
        identities[name] = data
    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["center"]))
    assert _run(capsys, "identity", "trust", str(tmp_path / "commune.json"), "--json")[0] == 0
    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["commune"]))
    assert _run(capsys, "identity", "trust", str(tmp_path / "center.json"), "--json")[0] == 0

    bundle = tmp_path / "usb.odb"
    assert _run(capsys, "bundle", "export", "--out", str(bundle), "--json")[0] == 0
    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["center"]))
    code, data = _run(capsys, "bundle", "import", str(bundle), "--json")
    assert code == 0 and set(data) == {"applied", "conflicts"} and len(data["applied"]) == 1  # type: ignore[arg-type]
    code, data = _run(capsys, "bundle", "import", str(bundle), "--json")
    assert code == 0 and data == {"applied": [], "conflicts": []}  # already applied
    answer = tmp_path / "usb-tra-ve.odb"
    assert answer.exists()  # the center's return bundle for the commune
    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["commune"]))
    assert _run(capsys, "bundle", "import", str(answer), "--json")[0] == 0
    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["center"]))
    junk = tmp_path / "junk.odb"
    junk.write_text("not a bundle")
    assert _run(capsys, "bundle", "import", str(junk), "--json")[0] == 2
    altered = tmp_path / "altered.odb"
    raw = bytearray(bundle.read_bytes())
    raw[-1] ^= 1
    altered.write_bytes(bytes(raw))
    assert _run(capsys, "bundle", "import", str(altered), "--json")[0] == 1

    monkeypatch.setenv("OFFICER_DESK_HOME", str(homes["commune"]))
    code, data = _run(capsys, "sync", "--to", pg_url, "--json")
    assert code == 0 and set(data) == {"pushed", "pulled", "conflicts", "offline"} and data["offline"] is False
    code, data = _run(capsys, "sync", "--to", "postgresql://x:y@127.0.0.1:9/none?connect_timeout=2", "--json")
    assert code == 1 and data["offline"] is True



def test_route_assigns_a_portal_dossier_to_a_commune_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from officer_desk.desk import open_desk
    from officer_desk.models import Case
    from officer_desk.paths import Home
    from officer_desk.sync import synchronize
    from officer_desk.sync.engine import desk_identity

    key = tmp_path / "center.key"  # the center's desks share one key (attachments on the server)
    key.write_text("ab" * 32 + "\n")
    monkeypatch.setenv("OFFICER_DESK_DB_KEY_FILE", str(key))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "tam-tru-dang-thi-mai.json", folder / "d.json")
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    center = open_desk(Home(tmp_path / "center"), pg_url)
    try:
        code = center.cases.import_paths([folder]).imported[0]  # a dossier received at the province
        with center.db.session() as session:  # received an hour ago: older than any pull's window
            session.execute(update(Case).values(updated_at=datetime.now(UTC) - timedelta(hours=1)))
    finally:
        center.close()
    commune = open_desk(Home(tmp_path / "commune"))
    try:
        assert synchronize(commune, pg_url).pulled == []  # first sync: registered, nothing for it yet
        commune_id = desk_identity(commune).desk_id
        monkeypatch.setenv("OFFICER_DESK_HOME", str(tmp_path / "center"))
        monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", pg_url)
        assert _run(capsys, "route", code, "--to", "no-such-desk", "--json")[0] == 2
        assert _run(capsys, "route", code, "000.00.01.X99-000000-0000", "--to", commune_id, "--json")[0] == 1
        assert synchronize(commune, pg_url).pulled == []  # refused commands routed nothing
        exit_code, data = _run(capsys, "route", code, "--to", commune_id, "--json")
        assert exit_code == 0 and data == {"routed": [code], "to": commune_id}
        report = synchronize(commune, pg_url)
        assert report.pulled == [code] and not report.conflicts
        detail = commune.cases.detail(code)
        attachment = next(a for a in detail.attachments if a.file_name)
        assert commune.cases.attachment_bytes(attachment.content_sha256) == (DATA / "hop-dong-thue.pdf").read_bytes()
    finally:
        commune.close()
