"""``officer-desk demo``: demo mode (demo CA, desk certificate) and synthetic dossiers in bulk.

Bulk generation writes rows in batches (no per-case ORM objects) so a year of a busy center
(1,000,000 cases) is generated in minutes; the newest open cases are screened so the window shows hints.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from officer_desk.cases import case_search_terms
from officer_desk.demo_data import demo_dossiers
from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ, parse
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOCK_RUNNING, CLOSED_STATUSES
from officer_desk.models import Case, CaseEvent, CaseSearchTerm, DeskSetting, DossierSequence, Officer
from officer_desk.progress import Progress
from officer_desk.screening.service import screen_case_in_session
from officer_desk.text import digits

BATCH = 2000
SCREEN_NEWEST = 5000
DEMO_SETTING = "demo_mode_since"
DEMO_AGENCIES = [f"000.00.{n:02d}.H41" for n in range(1, 41)]
DEMO_OFFICERS = [("canbo.lan", "Nguyễn Thị Lan"), ("canbo.hung", "Đặng Văn Hùng"), ("canbo.mai", "Đỗ Thị Mai")]


class DemoRefused(DeskError):
    code = "demo_refused"
    exit_code = 1


def enable_demo_mode(desk: Desk) -> dict[str, Any]:
    """Turn demo mode on for this home (refused when real cases were created before, or on a set-up desk)."""
    if desk.set_up:  # issue 9: a real office's desk never falls back to demo certificates
        raise DemoRefused(_("Quầy này đã được cài đặt cho một cơ quan thật; không bật chế độ demo"))
    with desk.db.session() as session:
        setting = session.get(DeskSetting, DEMO_SETTING)
        if setting is None:
            real = session.execute(select(func.count(Case.id)).where(Case.is_demo.is_(False))).scalar_one()
            if real:
                raise DemoRefused(
                    _("Cơ sở dữ liệu đã có {n} hồ sơ thật; không bật chế độ demo trên dữ liệu thật", n=real)
                )
            session.add(DeskSetting(key=DEMO_SETTING, value=datetime.now(UTC).isoformat()))
        for username, name in DEMO_OFFICERS:
            if session.execute(select(Officer.id).where(Officer.username == username)).first() is None:
                session.add(Officer(username=username, full_name=name))
    from officer_desk.signing.demo_ca import create_demo_ca

    return {key: str(value) for key, value in vars(create_demo_ca(desk.home)).items()}


def run_demo(desk: Desk, count: int, seed: int, progress: Progress | None = None) -> dict[str, Any]:
    material = enable_demo_mode(desk)
    created = generate_cases(desk, count, seed, progress) if count else 0
    return {"cases": created, "demo": material, "home": str(desk.home.root)}


def generate_cases(desk: Desk, count: int, seed: int, progress: Progress | None = None) -> int:
    """Insert ``count`` synthetic dossiers in batches; returns how many were created."""
    catalogue = desk.catalogue
    rng = random.Random(seed ^ 0x5EED)
    today = datetime.now(LOCAL_TZ).date()
    spread = 365 if count > 20_000 else 30
    sequence: dict[tuple[str, str], int] = defaultdict(int)
    with desk.db.session() as session:
        officer_ids = [
            row[0] for row in session.execute(
                select(Officer.id).where(Officer.username.in_([u for u, _n in DEMO_OFFICERS]))
            )
        ]
        # Continue the portal numbering of earlier demo runs (codes are never reused).
        for seq in session.execute(select(DossierSequence).where(DossierSequence.agency_id.in_(DEMO_AGENCIES))):
            sequence[(seq[0].agency_id, seq[0].day)] = seq[0].value
    created = 0
    batch: list[tuple[dict[str, Any], str]] = []
    newest_open: list[str] = []

    def flush() -> None:
        nonlocal created
        if not batch:
            return
        codes = _insert_batch(desk, batch, officer_ids, rng)
        for (_dossier, status), code in zip(batch, codes, strict=True):
            if status not in CLOSED_STATUSES:
                newest_open.append(code)
        del newest_open[:-SCREEN_NEWEST]
        created += len(batch)
        batch.clear()
        if progress is not None:
            progress.report(created, count, "")

    for dossier, status in demo_dossiers(catalogue, count, seed, today, spread):
        if progress is not None and progress.cancelled():
            break
        agency = rng.choice(DEMO_AGENCIES)
        day = dossier["received_at"][:10]
        yymmdd = day[8:10] + day[3:5] + day[0:2]
        sequence[(agency, yymmdd)] += 1
        dossier["dossier_code"] = f"{agency}-{yymmdd}-{sequence[(agency, yymmdd)]:04d}"
        batch.append((dossier, status))
        if len(batch) >= BATCH:
            flush()
    flush()
    _save_sequences(desk, sequence)
    _screen_codes(desk, newest_open)
    _refresh_statistics(desk)
    return created


def _refresh_statistics(desk: Desk) -> None:
    """After a bulk load the planner needs fresh statistics (and PostgreSQL a visibility map)."""
    with desk.db.engine.connect() as connection:
        if desk.db.engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()


def _save_sequences(desk: Desk, sequence: dict[tuple[str, str], int]) -> None:
    with desk.db.session() as session:
        for (agency, day), value in sequence.items():
            row = session.get(DossierSequence, (agency, day, 0))
            if row is None:
                session.add(DossierSequence(agency_id=agency, day=day, block=0, value=value))
            else:
                row.value = max(row.value, value)


def _insert_batch(desk: Desk, batch: list[tuple[dict[str, Any], str]], officer_ids: list[int],
                  rng: random.Random) -> list[str]:
    service = desk.cases
    now = datetime.now(UTC)
    today = now.astimezone(LOCAL_TZ).date()
    rows: list[dict[str, Any]] = []
    for index, (dossier, status) in enumerate(batch):
        parsed = parse(dossier)
        procedure = service.procedure(parsed.procedure_code)
        assert parsed.received_at is not None
        due_date = service.due_date_for(procedure, parsed.received_at)
        if due_date < today and status in CLOCK_RUNNING and rng.random() < 0.9:
            status = "returned"  # most dossiers past their date were finished on time
            batch[index] = (dossier, status)
        text = json.dumps(dossier, ensure_ascii=False)
        issued = parsed.received_at + timedelta(minutes=5) if status not in ("received", "supplement_requested",
                                                                            "refused", "withdrawn") else None
        rows.append({
            "dossier_code": parsed.dossier_code,
            "procedure_code": procedure.code,
            "channel": parsed.channel,
            "status": status,
            "received_at": parsed.received_at,
            "clock_started_at": parsed.received_at,
            "due_date": due_date,
            "assigned_officer_id": rng.choice(officer_ids) if officer_ids and status != "received" else None,
            "applicant_name": parsed.applicant.full_name,
            "applicant_id_number": digits(parsed.applicant.id_number),
            "applicant_phone": parsed.applicant.phone,
            "subject_key": procedure.subject_key(parsed),
            "raw_json": text,
            "dossier_json": text,
            "raw_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "version": 1,
            "origin_desk": desk.config.desk_number,
            "receipt_issued_at": issued,
            "fee_vnd": service.fee_for(procedure, parsed.channel),
            "is_demo": True,
            "open_finding_count": 0,
            "created_at": now,
            "updated_at": now,
        })
    with desk.db.session() as session:
        ids = list(session.execute(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows).scalars())
        terms = [
            {"case_id": case_id, "term": term}
            for case_id, row in zip(ids, rows, strict=True)
            for term in sorted(case_search_terms(row["applicant_name"], row["applicant_id_number"],
                                                 row["applicant_phone"], row["dossier_code"]))
        ]
        session.execute(insert(CaseSearchTerm), terms)
        events = []
        for case_id, row in zip(ids, rows, strict=True):
            events.append({"case_id": case_id, "at": row["received_at"], "action": "received",
                           "to_status": "received", "reason": "", "details": {"demo": True}})
            if row["status"] != "received":
                events.append({"case_id": case_id, "at": row["received_at"] + timedelta(minutes=5),
                               "action": "demo_status", "from_status": "received", "to_status": row["status"],
                               "reason": "", "details": {"demo": True}})
        session.execute(insert(CaseEvent), events)
    return [row["dossier_code"] for row in rows]


def _screen_codes(desk: Desk, codes: list[str]) -> None:
    """Screen the newest open demo cases so the window has hints to show."""
    for start in range(0, len(codes), 500):
        with desk.db.session() as session:
            cases = session.execute(select(Case).where(Case.dossier_code.in_(codes[start:start + 500]))).scalars()
            for case in cases:
                screen_case_in_session(desk.cases, session, case)
