"""The report's grouped SQL (SQLite/SQLCipher and PostgreSQL): small results, never case rows.

The cohort is the dossiers received in the period (``ix_cases_report`` range); every query here
returns at most a few thousand grouped rows whatever the number of dossiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from officer_desk.lifecycle import CLOCK_RUNNING, OPEN_STATUSES
from officer_desk.models import Case, Finding, Officer, SignedDocument
from officer_desk.reports.period import Period, Scope

CHANNELS = ("truc_tiep", "truc_tuyen", "buu_chinh")
# Backlog age buckets in calendar days since receipt: (label key, lower bound included).
AGE_BUCKETS = ((0, "0-2"), (3, "3-5"), (6, "6-10"), (11, "11-20"), (21, "21+"))


@dataclass(frozen=True)
class GroupCounts:
    """One (key, processing_days) group of the cohort."""

    key: str
    processing_days: int | None
    received: int
    by_channel: dict[str, int]
    returned: int
    early: int
    on_time: int
    late: int
    supplemented: int
    refused: int
    handled: int
    handling_seconds: int


def _count_if(condition: ColumnElement[bool]) -> Any:
    # COUNT(*) FILTER (WHERE …): SQLite (3.30+) and PostgreSQL; SQLite skips the step instead of
    # evaluating a CASE per row.
    return func.count().filter(condition)


def key_column(by: str) -> Any:
    """The grouping column; on SQLite, ``ix_cases_report_by_<by>`` (key, processing days, …) groups
    in index order without sorting the period's dossiers (migration 0008)."""
    return {
        "procedure": Case.procedure_code,
        "officer": Case.assigned_officer_id,
        "channel": Case.channel,
        "commune": Case.commune,
    }[by]


def scope_filter(session: Session, scope: Scope, officer_indexed: bool = True) -> list[ColumnElement[bool]]:
    """Conditions for the scope (only columns of the report indexes). ``officer_indexed=False``
    writes the officer term so that SQLite cannot pick the officer's own (non-covering) index."""
    conditions: list[ColumnElement[bool]] = []
    if scope.desk is not None:
        conditions.append(Case.origin_desk == scope.desk)
    if scope.office:
        conditions.append(Case.agency_id == scope.office)
    if scope.commune:
        conditions.append(Case.commune == scope.commune)
    if scope.procedure:
        conditions.append(Case.procedure_code == scope.procedure)
    if scope.officer:
        officer_id = session.execute(select(Officer.id).where(Officer.username == scope.officer)).scalar()
        column: Any = Case.assigned_officer_id if officer_indexed else Case.assigned_officer_id + 0
        conditions.append(column == (officer_id if officer_id is not None else -1))
    return conditions


def cohort_filter(session: Session, period: Period, scope: Scope) -> list[ColumnElement[bool]]:
    return [Case.received_at >= period.start_utc, Case.received_at < period.end_utc,
            *scope_filter(session, scope)]


def grouped_counts(session: Session, period: Period, scope: Scope, by: str) -> list[GroupCounts]:
    """Counts per key and processing-day value: one pass over the report index."""
    key = key_column(by)
    returned = Case.status == "returned"
    query = (
        select(
            key.label("key"),
            Case.processing_days,
            func.count().label("received"),
            *[_count_if(Case.channel == channel).label(channel) for channel in CHANNELS],
            _count_if(returned).label("returned"),
            _count_if(and_(returned, Case.result_timing == "early")).label("early"),
            _count_if(and_(returned, Case.result_timing == "on_time")).label("on_time"),
            _count_if(and_(returned, Case.result_timing == "late")).label("late"),
            _count_if(Case.supplement_count > 0).label("supplemented"),
            _count_if(Case.status == "refused").label("refused"),
            _count_if(Case.handling_seconds > 0).label("handled"),
            func.coalesce(func.sum(Case.handling_seconds), 0).label("handling_seconds"),
        )
        .where(*cohort_filter(session, period, scope))
        .group_by(key, Case.processing_days)
    )
    result = []
    for row in session.execute(query).mappings():
        result.append(GroupCounts(
            key="" if row["key"] is None else str(row["key"]),
            processing_days=row["processing_days"] if row["returned"] else None,
            received=int(row["received"]),
            by_channel={channel: int(row[channel]) for channel in CHANNELS},
            returned=int(row["returned"]), early=int(row["early"]), on_time=int(row["on_time"]),
            late=int(row["late"]), supplemented=int(row["supplemented"]), refused=int(row["refused"]),
            handled=int(row["handled"]), handling_seconds=int(row["handling_seconds"]),
        ))
    return result


def officer_names(session: Session, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Officer id (as grouped) -> (user name, full name): rows are keyed by user name, never by id."""
    wanted = [int(i) for i in ids if i.isdigit()]
    if not wanted:
        return {}
    rows = session.execute(select(Officer.id, Officer.username, Officer.full_name).where(Officer.id.in_(wanted)))
    return {str(i): (str(user), str(name or user)) for i, user, name in rows}


def backlog(session: Session, period: Period, scope: Scope, now: datetime, today: date) -> tuple[
        dict[str, int], int]:
    """Open dossiers (now) received up to the period's end, by age; and how many are overdue.

    One range count per age bucket on ``ix_cases_backlog`` (status, received_at, …): no sort."""
    open_statuses = [s.value for s in OPEN_STATUSES]
    scoped = scope_filter(session, scope, officer_indexed=False)
    ages: dict[str, int] = {}
    upper = period.end_utc
    lowers = [now - timedelta(days=lower) for lower, _label in AGE_BUCKETS[1:]] + [None]
    for (_lower, label), older in zip(AGE_BUCKETS, lowers, strict=True):
        # Bucket "3-5": received more than 3 and at most 6 days ago (older bound excluded).
        newer = now - timedelta(days=_lower)
        conditions = [Case.status.in_(open_statuses), Case.received_at < upper, *scoped]
        if _lower:
            conditions.append(Case.received_at <= newer)
        if older is not None:
            conditions.append(Case.received_at > older)
        ages[label] = int(session.execute(select(func.count()).select_from(Case).where(*conditions)).scalar_one())
    overdue = session.execute(
        select(func.count()).select_from(Case).where(
            Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.received_at < upper, Case.due_date < today,
            *scoped)
    ).scalar_one()
    return ages, int(overdue)


def finding_counts(session: Session, period: Period, scope: Scope) -> list[tuple[str, str, int]]:
    """(code, decision, count) of the hints raised in the period (re-screened ones excluded)."""
    conditions: list[ColumnElement[bool]] = [
        Finding.created_at >= period.start_utc, Finding.created_at < period.end_utc, Finding.superseded.is_(False)]
    scoped = scope_filter(session, scope)
    if scoped:
        # "+ 0": drive from the covering range on created_at, not from one index probe per case.
        conditions.append((Finding.case_id + 0).in_(select(Case.id).where(*scoped)))
    query = (
        select(Finding.code, Finding.decision, func.count())
        .where(*conditions)
        .group_by(Finding.code, Finding.decision)
    )
    return [(str(code), str(decision), int(n)) for code, decision, n in session.execute(query)]


def document_counts(session: Session, period: Period, scope: Scope) -> list[tuple[str, int, int]]:
    """(document type, issued, signed) for documents issued in the period."""
    conditions: list[ColumnElement[bool]] = [SignedDocument.created_at >= period.start_utc,
                                             SignedDocument.created_at < period.end_utc]
    scoped = scope_filter(session, scope)
    if scoped:
        conditions.append((SignedDocument.case_id + 0).in_(select(Case.id).where(*scoped)))
    query = (
        select(SignedDocument.doc_type, func.count(), _count_if(SignedDocument.signer != ""))
        .where(*conditions).group_by(SignedDocument.doc_type)
    )
    return [(str(kind), int(n), int(signed)) for kind, n, signed in session.execute(query)]
