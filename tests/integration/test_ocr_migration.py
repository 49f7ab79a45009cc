"""Migration 0007_ocr_provenance in place on both back-ends: existing attachments get the channel's default."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa

from officer_desk.database import open_database
from officer_desk.models.migrate import current_revision, head_revision, upgrade_to_head
from officer_desk.models.session import create_sqlcipher_engine
from officer_desk.paths import Home
from officer_desk.security import load_database_key


def _engine(backend: str | None, home: Home) -> sa.Engine:
    if backend is None:
        home.ensure()
        return create_sqlcipher_engine(home.database, load_database_key(home))
    from officer_desk.models.session import _normalise_pg_url

    return sa.create_engine(_normalise_pg_url(backend))


def test_existing_attachments_get_their_provenance(backend: str | None, isolated_home: Home) -> None:
    engine = _engine(backend, isolated_home)
    upgrade_to_head(engine, "0005")
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        for number, channel in ((1, "truc_tiep"), (2, "truc_tuyen")):
            case_id = conn.execute(
                sa.text(
                    "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
                    " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256,"
                    " version, origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at)"
                    " VALUES (:code, '1.004194', :channel, 'received', :now, 'Đặng Thị Mai', '025194001234', '',"
                    " '', '{}', '{}', 'abc', 1, 1, :now, 0, false, :now, :now) RETURNING id"
                ),
                {"code": f"X-261127-000{number}", "channel": channel, "now": now},
            ).scalar_one()
            conn.execute(
                sa.text("INSERT INTO attachments (case_id, position, doc_type, kind, quantity, presented_only,"
                        " certified, fields_json) VALUES (:case, 0, 'the_can_cuoc', 'original', 1, false, false,"
                        " :fields)"),
                {"case": case_id, "fields": json.dumps({"so": "025194001234", "ho_chu_dem_ten": "ĐẶNG THỊ MAI"})},
            )
    engine.dispose()

    db = open_database(isolated_home, backend)  # the desk upgrades in place when it opens
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT c.channel, a.fields_json, a.provenance_json, a.ocr_json FROM attachments a"
                " JOIN cases c ON c.id = a.case_id ORDER BY c.id")).all()
        decoded = [[json.loads(v) if isinstance(v, str) else v for v in row[1:]] for row in rows]
        assert decoded[0] == [{"so": "025194001234", "ho_chu_dem_ten": "ĐẶNG THỊ MAI"},
                              {"so": "typed", "ho_chu_dem_ten": "typed"}, {}]
        assert decoded[1][1] == {"so": "portal", "ho_chu_dem_ten": "portal"}
    finally:
        db.dispose()
