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

from officer_desk.appointments import appointment_for
from officer_desk.cases.repository import severity_summary
from officer_desk.cases.terms import term_rows
from officer_desk.demo_data import demo_dossiers
from officer_desk.demo_files import sample_scan
from officer_desk.desk import DEMO_OFFICER, Desk
from officer_desk.dossier import LOCAL_TZ, parse
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOCK_RUNNING, CLOSED_STATUSES, Status
from officer_desk.models import Attachment, Case, CaseEvent, CaseSearchTerm, DeskSetting, DossierSequence, Officer
from officer_desk.models.bulk import insert_rows
from officer_desk.models.statistics import optimize
from officer_desk.progress import Progress
from officer_desk.screening.service import screen_case_in_session
from officer_desk.text import digits
from officer_desk.vocabulary import Decision, Severity

BATCH = 2000
SCREEN_NEWEST = 5000
DEMO_SETTING = "demo_mode_since"
DEMO_AGENCIES = [f"000.00.{n:02d}.H41" for n in range(1, 41)]
DEMO_OFFICERS = [DEMO_OFFICER, ("canbo.hung", "Đặng Văn Hùng"), ("canbo.mai", "Đỗ Thị Mai")]


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
    """Demo mode and ``count`` dossiers; ``cancelled`` says the run stopped early, ``cases`` what it kept."""
    material = enable_demo_mode(desk)
    created = generate_cases(desk, count, seed, progress) if count else 0
    cancelled = progress is not None and progress.cancelled() and created < count
    return {"cases": created, "requested": count, "cancelled": cancelled, "demo": material,
            "home": str(desk.home.root)}


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
    flush()  # what was generated before a cancel is kept whole: every batch is one transaction
    _save_sequences(desk, sequence)
    optimize(desk.db.engine)  # screening below plans its lookups from these figures
    if progress is None or not progress.cancelled():
        # Screening thousands of cases takes seconds; a cancelled run stops now (its cases have no hints
        # until "Screen all open cases again").
        _screen_codes(desk, newest_open, progress)
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
            # the appointment the demo receipt gave (a reprint carries it, as at a real counter)
            "appointment_at": appointment_for(due_date, parsed.received_at, desk.config, desk.calendar)
            if issued is not None and due_date is not None else None,
            "fee_vnd": service.fee_for(procedure, parsed.channel),
            "is_demo": True,
            "open_finding_count": 0,
            "created_at": now,
            "updated_at": now,
        })
    with desk.db.session() as session:
        ids = list(session.execute(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows).scalars())
        terms = term_rows((case_id, row["applicant_name"], row["applicant_id_number"], row["applicant_phone"],
                           row["dossier_code"]) for case_id, row in zip(ids, rows, strict=True))
        insert_rows(session, CaseSearchTerm, terms)  # COPY on PostgreSQL
        events = []
        for case_id, row in zip(ids, rows, strict=True):
            events.append({"case_id": case_id, "at": row["received_at"], "action": "received", "officer_id": None,
                           "to_status": "received", "reason": "", "details": {"demo": True}})
            if row["status"] != "received":
                # The demo officer who took the dossier in acted on it (the report's handling officer).
                events.append({"case_id": case_id, "at": row["received_at"] + timedelta(minutes=5),
                               "action": "demo_status", "from_status": "received", "to_status": row["status"],
                               "officer_id": row["assigned_officer_id"], "reason": "", "details": {"demo": True}})
        insert_rows(session, CaseEvent, events)
        _insert_attachments(desk, session, ids, batch)
    return [row["dossier_code"] for row in rows]


def _insert_attachments(desk: Desk, session: Any, ids: list[int], batch: list[tuple[dict[str, Any], str]]) -> None:
    """The papers each demo dossier lists, with a small generated scan for those handed in as files."""
    stored: dict[str, str] = {}
    rows = []
    for case_id, (dossier, _status) in zip(ids, batch, strict=True):
        procedure = desk.cases.procedure(dossier["procedure_code"])
        for position, item in enumerate(dossier.get("attachments") or []):
            doc_type = str(item["doc_type"])
            row: dict[str, Any] = {
                "case_id": case_id, "position": position, "doc_type": doc_type, "kind": item.get("kind", "copy"),
                "quantity": int(item.get("quantity", 1)), "presented_only": bool(item.get("presented_only")),
                "certified": item.get("kind") == "certified_copy", "fields_json": item.get("fields") or {},
                "file_name": None, "content_sha256": None, "size": None, "media_type": None}
            if not row["presented_only"]:
                requirement = procedure.document_for(doc_type)
                title = requirement.name_vi if requirement is not None else doc_type.replace("_", " ")
                data = sample_scan(title)
                if doc_type not in stored:
                    stored[doc_type] = desk.cases.attachments.put(session, data)
                # A file name as a scanner saves it: what the paper is, in words (never the document id).
                name = f"{position + 1:02d} {title[:80]}.pdf".replace("/", "-")
                row.update(file_name=name, content_sha256=stored[doc_type],
                           size=len(data), media_type="application/pdf")
            rows.append(row)
    insert_rows(session, Attachment, rows)


def _screen_codes(desk: Desk, codes: list[str], progress: Progress | None = None) -> None:
    """Screen the newest open demo cases so the window has hints to show (stops at a cancel)."""
    for start in range(0, len(codes), 500):
        if progress is not None and progress.cancelled():
            return
        with desk.db.session() as session:
            cases = session.execute(select(Case).where(Case.dossier_code.in_(codes[start:start + 500]))).scalars()
            for case in cases:
                screen_case_in_session(desk.cases, session, case)
                _settle_findings(case)


def _settle_findings(case: Case) -> None:
    """Decisions that agree with the demo case's status: a supplement was requested for confirmed defects;
    an accepted dossier has no undecided error (the officer checked the originals at the counter)."""
    if case.status == Status.RECEIVED:
        return
    decided_at = case.received_at + timedelta(minutes=4)
    for finding in case.findings:
        if finding.superseded or finding.severity != Severity.ERROR or finding.decision != Decision.OPEN:
            continue
        if case.status == Status.SUPPLEMENT_REQUESTED:
            finding.decision, finding.decision_reason = Decision.CONFIRMED.value, ""
        else:
            finding.decision = Decision.OVERRIDDEN.value
            finding.decision_reason = "Đã đối chiếu bản chính khi tiếp nhận (dữ liệu mẫu)"
        finding.decided_at = decided_at
        finding.decided_by = case.assigned_officer_id  # the demo officer who took the dossier in decided
    case.worst_severity, case.open_finding_count = severity_summary(case.findings)
