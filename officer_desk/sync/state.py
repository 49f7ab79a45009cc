"""A case on the wire, its mergeable state, and the three-way merge.

The *state* of a case is a flat mapping of what two sides may both change: lifecycle columns
(status, holder, dates, register) and every leaf of the dossier record (``dossier.applicant.phone``).
Merging compares the desk's version (mine), the server's (theirs) and the version both last agreed
on (base): a field only one side changed takes that side's value; a field both changed to different
values is a conflict and neither value is dropped. Timeline events carry idempotency keys, so the
same event arriving twice (or a case received on two desks) is stored once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, select
from sqlalchemy.orm import Session, selectinload

from officer_desk import dossier as dossier_format
from officer_desk.cases.terms import replace_case_terms
from officer_desk.errors import DossierFormatError
from officer_desk.models import Attachment, Case, CaseEvent, Finding, Officer
from officer_desk.models.base import CalendarDate, UtcDateTime
from officer_desk.text import digits

# Columns copied when a case is new on the other side.
CASE_COLUMNS = (
    "procedure_code", "channel", "status", "received_at", "due_date", "assigned_at", "applicant_name",
    "applicant_id_number", "applicant_phone", "subject_key", "raw_json", "dossier_json", "raw_sha256",
    "source_file_sha256", "origin_desk", "receipt_issued_at", "register_book", "register_number",
    "appointment_at", "clock_started_at", "worst_severity", "open_finding_count", "screened_at",
    "screening_engine_version", "fee_vnd", "is_demo",
)
# Columns two sides may change after intake: merged field by field.
MERGED_COLUMNS = (
    "status", "due_date", "assigned_at", "receipt_issued_at", "register_book", "register_number",
    "appointment_at", "clock_started_at", "fee_vnd",
)
HOLDER = "assigned_officer"
DOSSIER_PREFIX = "dossier."
_FINDING_COLUMNS = (
    "code", "severity", "target", "message_vi", "message_en", "evidence", "suggestion", "evidence_en",
    "suggestion_en", "source", "engine_version", "created_at", "decision", "decided_at", "decision_reason",
    "superseded",
)
_ATTACHMENT_COLUMNS = (
    "position", "doc_type", "kind", "quantity", "presented_only", "certified", "file_name", "content_sha256",
    "size", "media_type", "fields_json",
)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decoder(table: Any, name: str) -> Callable[[Any], Any]:
    column_type = table.c[name].type
    if isinstance(column_type, UtcDateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column_type, Date | CalendarDate):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    return lambda v: v


def _decode(table: Any, name: str, value: Any) -> Any:
    return _decoder(table, name)(value)


def flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of a JSON object by dotted path (lists are one leaf: they are merged whole)."""
    if isinstance(obj, dict) and obj:
        result: dict[str, Any] = {}
        for key, value in obj.items():
            result.update(flatten(value, f"{prefix}{key}."))
        return result
    return {prefix[:-1]: obj} if prefix else {}


def unflatten(leaves: dict[str, Any]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for path in sorted(leaves):
        node = root
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = leaves[path]
    return root


def case_state(case: Case) -> dict[str, Any]:
    state: dict[str, Any] = {name: _encode(getattr(case, name)) for name in MERGED_COLUMNS}
    state[HOLDER] = case.assigned_officer.username if case.assigned_officer else None
    for path, value in flatten(json.loads(case.dossier_json)).items():
        state[DOSSIER_PREFIX + path] = value
    return state


def case_identity(case: Case | dict[str, Any]) -> tuple[str, str, str]:
    """Who and what the case is about: two cases differing here are two cases, never one."""
    if isinstance(case, dict):
        return (case["applicant_id_number"], case["subject_key"], case["procedure_code"])
    return (case.applicant_id_number, case.subject_key, case.procedure_code)


@dataclass
class MergeResult:
    merged: dict[str, Any]
    conflicts: list[str] = field(default_factory=list)


def merge3(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> MergeResult:
    """Three-way merge of two states; conflicting fields keep their value from ``theirs`` in ``merged``."""
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    missing = object()
    for key in sorted(set(mine) | set(theirs)):
        m, t = mine.get(key, missing), theirs.get(key, missing)
        b = base.get(key, missing) if base is not None else missing
        if m == t:
            value = m
        elif m == b:
            value = t
        elif t == b:
            value = m
        else:
            conflicts.append(key)
            value = t
        if value is not missing:
            merged[key] = value
    return MergeResult(merged, conflicts)


def base_from_raw(case: Case) -> dict[str, Any]:
    """The base of a case both sides received without ever syncing it: the record as received."""
    return {DOSSIER_PREFIX + p: v for p, v in flatten(json.loads(case.raw_json)).items()}


# ---------------------------------------------------------------------------------- the wire


def event_key(code: str, event: CaseEvent, origin: str) -> str:
    """The idempotency key: a case is received once whichever desk received it."""
    if event.action == "received":
        return f"received:{code}"
    return event.event_key or f"legacy:{origin}:{event.id}"


def load_case(session: Session, code: str, lock: bool = False) -> Case | None:
    query = select(Case).where(Case.dossier_code == code).options(
        selectinload(Case.events).selectinload(CaseEvent.officer), selectinload(Case.findings),
        selectinload(Case.attachments), selectinload(Case.assigned_officer))
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def load_cases(session: Session, codes: list[str], lock: bool = False) -> dict[str, Case]:
    """Many cases with their events, findings and attachments in a handful of queries (a sync chunk)."""
    if not codes:
        return {}
    query = select(Case).where(Case.dossier_code.in_(codes)).options(
        selectinload(Case.events).selectinload(CaseEvent.officer), selectinload(Case.findings),
        selectinload(Case.attachments), selectinload(Case.assigned_officer))
    if lock:
        query = query.order_by(Case.id).with_for_update()
    return {case.dossier_code: case for case in session.execute(query).scalars()}


def case_wire(case: Case, origin: str) -> dict[str, Any]:
    """Everything the other side needs to create or merge the case (JSON-able; attachment bytes apart)."""
    return {
        "code": case.dossier_code,
        "columns": {name: _encode(getattr(case, name)) for name in CASE_COLUMNS},
        "state": case_state(case),
        "events": [{"key": event_key(case.dossier_code, e, origin), "at": e.at.isoformat(), "action": e.action,
                    "from": e.from_status, "to": e.to_status, "reason": e.reason, "details": e.details or {},
                    "officer": e.officer.username if e.officer else None} for e in case.events],
        "attachments": [{name: getattr(a, name) for name in _ATTACHMENT_COLUMNS} for a in case.attachments],
        "findings": [{name: _encode(getattr(f, name)) for name in _FINDING_COLUMNS} for f in case.findings],
    }


class Officers:
    """Usernames to officer ids on one side (an unknown name is created, inactive, without a password)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[str, int] = {}

    def id(self, username: str | None) -> int | None:
        if not username:
            return None
        if username not in self.cache:
            found = self.session.execute(select(Officer.id).where(Officer.username == username)).scalar()
            if found is None:
                officer = Officer(username=username, full_name=username, active=False)
                self.session.add(officer)
                self.session.flush()
                found = officer.id
            self.cache[username] = found
        return self.cache[username]

    def prefetch(self, usernames: Iterable[str | None]) -> None:
        """Resolve many names in one query (and one flush for those created)."""
        wanted = {name for name in usernames if name and name not in self.cache}
        if not wanted:
            return
        self.cache.update(self.session.execute(select(Officer.username, Officer.id)
                                               .where(Officer.username.in_(wanted))).all())
        created = [Officer(username=name, full_name=name, active=False) for name in sorted(wanted - set(self.cache))]
        if created:
            self.session.add_all(created)
            self.session.flush()
            self.cache.update((officer.username, officer.id) for officer in created)


def insert_case(session: Session, wire: dict[str, Any], officers: Officers, put_blob: Callable[[str], None]) -> Case:
    table = Case.__table__
    case = Case(dossier_code=wire["code"], version=1)
    for name, value in wire["columns"].items():
        setattr(case, name, _decode(table, name, value))
    case.assigned_officer_id = officers.id(wire["state"].get(HOLDER))
    session.add(case)
    session.flush()
    for item in wire["attachments"]:
        if item.get("content_sha256"):
            put_blob(item["content_sha256"])
        session.add(Attachment(case_id=case.id, **item))
    for finding in wire["findings"]:
        session.add(Finding(case_id=case.id, **{k: _decode(Finding.__table__, k, v) for k, v in finding.items()}))
    add_events(session, case, wire["events"], officers, set())
    replace_terms(session, case)
    return case


def known_keys(session: Session, case: Case) -> set[str]:
    keys = set()
    for e in session.execute(select(CaseEvent).where(CaseEvent.case_id == case.id)).scalars():
        keys.add(event_key(case.dossier_code, e, ""))
        keys.add(f"{e.at.isoformat()}|{e.action}")  # events synced before keys existed
    return keys


def add_events(session: Session, case: Case, events: Iterable[dict[str, Any]], officers: Officers,
               known: set[str]) -> list[str]:
    """Append the events the case lacks (by idempotency key); returns the keys added."""
    added = []
    for e in events:
        if e["key"] in known or f"{e['at']}|{e['action']}" in known:
            continue
        known.add(e["key"])
        session.add(CaseEvent(case_id=case.id, at=datetime.fromisoformat(e["at"]), action=e["action"],
                              from_status=e["from"], to_status=e["to"], reason=e["reason"], details=e["details"],
                              officer_id=officers.id(e["officer"]), event_key=e["key"]))
        added.append(e["key"])
    return added


def add_attachments(session: Session, case: Case, items: Iterable[dict[str, Any]],
                    put_blob: Callable[[str], None]) -> None:
    have = {(a.position, a.doc_type, a.content_sha256) for a in session.execute(
        select(Attachment).where(Attachment.case_id == case.id)).scalars()}
    for item in items:
        if (item["position"], item["doc_type"], item.get("content_sha256")) in have:
            continue
        if item.get("content_sha256"):
            put_blob(item["content_sha256"])
        session.add(Attachment(case_id=case.id, **item))


def apply_state(session: Session, case: Case, state: dict[str, Any], officers: Officers) -> None:
    """Write a (merged) state onto a case: columns, holder, dossier record and what derives from it."""
    table = Case.__table__
    for name in MERGED_COLUMNS:
        if name in state:
            setattr(case, name, _decode(table, name, state[name]))
    if HOLDER in state:
        case.assigned_officer_id = officers.id(state[HOLDER])
    leaves = {k[len(DOSSIER_PREFIX):]: v for k, v in state.items() if k.startswith(DOSSIER_PREFIX)}
    obj = unflatten(leaves)
    new_json = json.dumps(obj, ensure_ascii=False)
    if new_json != case.dossier_json:
        case.dossier_json = new_json
        try:
            applicant = dossier_format.parse(obj).applicant
        except DossierFormatError:
            applicant = None
        if applicant is not None:
            # The columns the queue shows follow the record (never one value in a column, another in JSON).
            case.applicant_name = applicant.full_name[:200]
            case.applicant_id_number = digits(applicant.id_number)[:32] or applicant.id_number[:32]
            case.applicant_phone = applicant.phone[:32]
        session.flush()
        replace_terms(session, case)


def replace_terms(session: Session, case: Case) -> None:
    replace_case_terms(session, case)
