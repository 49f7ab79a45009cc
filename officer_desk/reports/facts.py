"""Per-case report facts the grouped SQL reads, and the officer's work spans (handling time).

Triggers keep ``result_at`` and ``supplement_count`` (migration 0008). What needs the working-day
calendar or the dossier's JSON is filled here, once per case, for the cases that lack it: a
report first catches up (usually the few dozen dossiers returned or received since the last one).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from officer_desk.dossier import LOCAL_TZ
from officer_desk.models import Case, CaseWorkSpan, Officer
from officer_desk.models.session import Database
from officer_desk.workdays import WorkingCalendar

BATCH = 2000
# A span shorter than this is browsing the queue, not working a dossier; a longer one than the cap
# is a window left open (docs/reports.md, "Officer handling time").
MIN_SPAN_SECONDS = 5
MAX_SPAN_SECONDS = 30 * 60
COMMUNE_PREFIXES = ("xã ", "phường ", "đặc khu ", "thị trấn ")

_case: Table = Case.__table__  # type: ignore[assignment]  # Core updates: no version bump, no load


def commune_of(dossier: dict[str, Any]) -> str:
    """The commune (xã/phường/đặc khu) named in the applicant's address; "" when none is named."""
    applicant = dossier.get("applicant") or {}
    address = applicant.get("address") if isinstance(applicant, dict) else None
    if not isinstance(address, str):
        return ""
    for part in address.split(","):
        text = unicodedata.normalize("NFC", " ".join(part.split()))
        if text.lower().startswith(COMMUNE_PREFIXES):
            return (text[:1].upper() + text[1:])[:100]
    return ""


def agency_of(dossier_code: str) -> str:
    """The office part of a dossier code (``AGENCY-YYMMDD-NNNN``)."""
    return dossier_code.rsplit("-", 2)[0][:64] if dossier_code.count("-") >= 2 else ""


def result_facts(clock_started_at: datetime, due: date | None, result_at: datetime,
                 calendar: WorkingCalendar) -> tuple[int, str | None]:
    """(working days from the clock's start to the result, early|on_time|late or None without a due date)."""
    start = clock_started_at.astimezone(LOCAL_TZ).date()
    end = result_at.astimezone(LOCAL_TZ).date()
    days = calendar.working_days_between(start, end) if end > start else 0
    if due is None:
        return days, None
    timing = "early" if end < due else "on_time" if end == due else "late"
    return days, timing


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def refresh_facts(db: Database, calendar: WorkingCalendar,
                  progress: Callable[[int], None] | None = None) -> int:
    """Fill the facts of cases that lack them; returns how many cases were completed."""
    # Both passes walk the cases in id order from where the last batch ended (keyset): re-asking "the first
    # BATCH rows still missing facts" would scan every row already filled each time, quadratic on a desk of
    # a million dossiers upgraded in place (measured: most of an hour before the first report).
    done = 0
    after = 0
    while True:
        with db.session() as session:
            rows = session.execute(
                select(Case.id, Case.dossier_code, Case.dossier_json)
                .where(Case.id > after, Case.commune.is_(None)).order_by(Case.id).limit(BATCH)
            ).all()
            if not rows:
                break
            after = rows[-1][0]
            values = []
            for case_id, code, text in rows:
                try:
                    dossier = json.loads(text)
                except ValueError:
                    dossier = {}
                values.append({"b_id": case_id, "b_commune": commune_of(dossier if isinstance(dossier, dict)
                                                                        else {}),
                               "b_agency": agency_of(code)})
            session.execute(
                update(_case).where(_case.c.id == bindparam("b_id"))
                .values(commune=bindparam("b_commune"), agency_id=bindparam("b_agency")),
                values,
            )
        done += len(rows)
        if progress is not None:
            progress(done)
    after = 0
    while True:
        with db.session() as session:
            pending = session.execute(
                # An apology moved the due date: the result is judged against the date it moved
                # (the law counts such a result as late, with an apology; docs/reports.md).
                select(Case.id, Case.clock_started_at, func.coalesce(Case.original_due_date, Case.due_date),
                       Case.result_at)
                .where(Case.id > after, Case.processing_days.is_(None), Case.result_at.is_not(None))
                .order_by(Case.id).limit(BATCH)
            ).all()
            if not pending:
                break
            after = pending[-1][0]
            values = []
            for case_id, started, due, result in pending:
                assert result is not None
                days, timing = result_facts(_aware(started), due, _aware(result), calendar)
                values.append({"b_id": case_id, "b_days": days, "b_timing": timing})
            session.execute(
                update(_case).where(_case.c.id == bindparam("b_id"))
                .values(processing_days=bindparam("b_days"), result_timing=bindparam("b_timing")),
                values,
            )
        done += len(pending)
        if progress is not None:
            progress(done)
    return done


def record_work_span(db: Database, case_id: int, username: str, started: datetime, ended: datetime) -> int:
    """Store one span of work on a case (capped, short ones ignored); returns the seconds counted."""
    seconds = int((ended - started).total_seconds())
    if seconds < MIN_SPAN_SECONDS:
        return 0
    seconds = min(seconds, MAX_SPAN_SECONDS)
    with db.session() as session:
        if session.get(Case, case_id) is None:
            return 0  # the case was removed meanwhile (another desk): nothing to count
        officer_id = _officer_id(session, username)
        session.add(CaseWorkSpan(case_id=case_id, officer_id=officer_id, started_at=started.astimezone(UTC),
                                 ended_at=ended.astimezone(UTC), seconds=seconds))
        session.execute(update(_case).where(_case.c.id == case_id)
                        .values(handling_seconds=_case.c.handling_seconds + seconds))
    return seconds


def _officer_id(session: Session, username: str) -> int | None:
    return session.execute(select(Officer.id).where(Officer.username == username)).scalar_one_or_none()
