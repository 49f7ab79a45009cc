"""A new case written in one go: screened first, then each table once (imports and the counter's intake).

A new case brings a case row, its attachments, search terms, a timeline event, an outbox item (local desks),
the screening's findings and two audit entries (received, screened). Written through the ORM that was two
flushes, about twenty statements and most of an import's CPU time (issue 17: one dossier into a
1,000,000-case desk under 15 ms). Here the record is screened before anything is written — the duplicate
lookup excludes the dossier's own code, so it finds the same open dossiers either way — and the case row goes
in already screened; the children follow as one insert per table with statements built once, and the audit
entries through the chain's bulk path (the same hashes as entries added one by one). The rows are the ones
the ORM path wrote, down to the case's version (2: received, then screened); the test
tests/integration/test_import_write_path.py holds them to it on both back-ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.orm import Session

from officer_desk import dossier as dossier_format
from officer_desk.audit_chain import append_entries
from officer_desk.cases.findings import CaseFindings, finding_values
from officer_desk.cases.repository import CaseRepository, now_utc, severity_summary
from officer_desk.cases.terms import case_search_terms
from officer_desk.dossier import LOCAL_TZ, Dossier
from officer_desk.lifecycle import Status
from officer_desk.models import Attachment, Case, CaseEvent, CaseSearchTerm, Finding, Officer, OutboxItem
from officer_desk.models.current_record import stored_current
from officer_desk.screening.result import ENGINE_VERSION
from officer_desk.screening.service import screen_record


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


_CASES = _table(Case)
# Built once: constructing a statement costs more than SQLAlchemy's compiled-statement cache saves.
_INSERT_CASE = insert(_CASES).returning(_CASES.c.id)
_INSERT_ATTACHMENTS = insert(_table(Attachment))
_INSERT_TERMS = insert(_table(CaseSearchTerm))
_INSERT_EVENT = insert(_table(CaseEvent))
_INSERT_OUTBOX = insert(_table(OutboxItem))
_INSERT_FINDINGS = insert(_table(Finding))
_OFFICER_ID = select(_table(Officer).c.id).where(_table(Officer).c.username == bindparam("username"))
# A case screened as it is written: received (version 1), then screened (2), as when the two were separate.
_SCREENED_VERSION = 2


@dataclass(frozen=True)
class _Open:
    """A finding of a new case as ``severity_summary`` reads it: undecided, current."""

    severity: str
    decision: str = "open"
    superseded: bool = False


class NewCaseWriter:
    """Writes a new case with everything it carries, screened, in the caller's transaction."""

    def __init__(self, repository: CaseRepository, findings: CaseFindings) -> None:
        self.repository = repository
        self.findings = findings

    def write(self, session: Session, parsed: Dossier, raw_text: str, files: dict[int, bytes],
              source_sha256: str | None = None) -> str:
        """Insert the case (code kept or assigned), screened; returns its dossier code."""
        repository = self.repository
        procedure = repository.procedure(parsed.procedure_code)
        received_at = parsed.received_at or datetime.now(LOCAL_TZ)
        code = parsed.dossier_code or repository.next_dossier_code(session, received_at)
        dossier_obj = dict(parsed.raw)
        if not parsed.dossier_code:
            dossier_obj["dossier_code"] = code
        if "received_at" not in dossier_obj:
            dossier_obj["received_at"] = dossier_format.format_received_at(received_at)
        officer_id, username = self._acting_officer(session)
        status = Status.RECEIVED
        stamp = now_utc()
        row: dict[str, Any] = {
            "dossier_code": code, "status": status, "received_at": received_at, "clock_started_at": received_at,
            "due_date": repository.due_date_for(procedure, received_at, parsed), "raw_json": raw_text,
            # The record's digest is its SHA-256, derived when read: stored NULL (migration 0028, record_digest).
            "raw_sha256": None, "source_file_sha256": source_sha256,
            "origin_desk": repository.desk.config.desk_number, "is_demo": False, "created_at": stamp,
            "updated_at": stamp, **repository.case_values(parsed, procedure, dossier_obj),
            # Who took the dossier in: the receiving officer, as the timeline trigger of migration 0014 sets it
            # on the "received" event (it then finds the column set and changes nothing). Set here, the row is
            # not updated again right after its insert (on PostgreSQL a second version in every index).
            "handling_officer_id": officer_id,
        }
        screened = screen_record(self.findings, session, None, row["dossier_json"], row["procedure_code"],
                                 received_at, code)
        audit = [{"actor": username, "desk": repository.desk.config.desk_number, "action": "case.received",
                  "entity_type": "case", "entity_id": code,
                  "details": {"from_status": None, "to_status": status, "channel": parsed.channel}}]
        if screened is not None:
            result, subject_key = screened
            row["worst_severity"], row["open_finding_count"] = severity_summary(
                [_Open(item.severity) for item in result.findings])
            row.update(subject_key=subject_key, screened_at=stamp, screening_engine_version=ENGINE_VERSION,
                       fee_vnd=result.fee_vnd, version=_SCREENED_VERSION)
            audit.append(self.findings.screened_entry(code, len(result.findings), ENGINE_VERSION))
        attachments = repository.attachment_values(session, parsed, files)
        row["dossier_json"] = stored_current(raw_text, row["dossier_json"])  # NULL: the record as received
        connection = session.connection()
        case_id = connection.execute(_INSERT_CASE, row).scalar_one()
        if attachments:
            connection.execute(_INSERT_ATTACHMENTS, [{**values, "case_id": case_id} for values in attachments])
        terms = case_search_terms(row["applicant_name"], row["applicant_id_number"], row["applicant_phone"], code)
        if terms:
            connection.execute(_INSERT_TERMS, [{"case_id": case_id, "term": term} for term in sorted(terms)])
        # The timeline's first entry and its outbox item, as CaseRepository.event writes them.
        connection.execute(_INSERT_EVENT, {
            "case_id": case_id, "at": now_utc(), "officer_id": officer_id, "action": "received",
            "from_status": None, "to_status": status, "reason": "", "details": {"channel": parsed.channel}})
        if repository.db.is_local:
            connection.execute(_INSERT_OUTBOX, {"kind": "case.received", "entity_id": code,
                                                "payload": {"to": status}})
        if screened is not None and screened[0].findings:
            connection.execute(_INSERT_FINDINGS, [{**finding_values(item, ENGINE_VERSION), "case_id": case_id}
                                                  for item in screened[0].findings])
        append_entries(session, audit)
        return code

    def _acting_officer(self, session: Session) -> tuple[int, str]:
        """(id, username) of the officer at work: one indexed read; ``CaseRepository.officer`` when the
        row is missing (created on first use, or refused on a set-up desk) or nobody is signed in."""
        username = self.repository.desk.officer
        if username:
            found = session.execute(_OFFICER_ID, {"username": username}).scalar()
            if found is not None:
                return int(found), username
        officer = self.repository.officer(session)
        return officer.id, officer.username
