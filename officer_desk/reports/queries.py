"""The report's grouped SQL (SQLite/SQLCipher and PostgreSQL): small results, never case rows.

The cohort is the dossiers received in the period (on SQLite the ``ix_cases_report_by_*`` grouping
indexes: procedure, officer and commune, the by-channel report reading the procedure's; on PostgreSQL the
``ix_cases_report`` range); every query here
returns at most a few thousand grouped rows whatever the number of dossiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
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
    # COUNT(*) FILTER (WHERE …): SQLite (3.30+) and PostgreSQL.
    return func.count().filter(condition)


# The cohort query's GROUP BY after the key, in the order of the SQLite grouping indexes (migration 0014).
MEASURES = ("processing_days", "channel", "status", "result_timing", "supplement_count")
def key_column(by: str) -> Any:
    """The grouping column. ``officer`` is the handling officer (who took the dossier in), never the
    officer who holds the case now (docs/reports.md)."""
    return {
        "procedure": Case.procedure_code,
        "officer": Case.handling_officer_id,
        "channel": Case.channel,
        "commune": Case.commune,
    }[by]


def scope_filter(session: Session, scope: Scope, officer_indexed: bool = True) -> list[ColumnElement[bool]]:
    """Conditions for the scope (only columns of the report indexes). ``officer_indexed=False``
    writes the officer term so that SQLite cannot pick an officer-led (non-covering) index."""
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
        column: Any = Case.handling_officer_id if officer_indexed else Case.handling_officer_id + 0
        conditions.append(column == (officer_id if officer_id is not None else -1))
    return conditions


def cohort_filter(session: Session, period: Period, scope: Scope) -> list[ColumnElement[bool]]:
    return [Case.received_at >= period.start_utc, Case.received_at < period.end_utc,
            *scope_filter(session, scope)]


def _covers_everything(session: Session, period: Period) -> bool:
    """Whether every dossier on record was received in the period (two index probes; same snapshot as
    the grouped query, which then need not test each dossier's date)."""
    first, last = session.execute(select(func.min(Case.received_at), func.max(Case.received_at))).one()
    return first is None or (period.start_utc <= first and last < period.end_utc)


def grouped_counts(session: Session, period: Period, scope: Scope, by: str) -> list[GroupCounts]:
    """Counts per key and processing-day value: one pass over a report index.

    The query groups on the measures themselves (a few thousand groups) with two sums per row, and the
    counts are folded here: cheaper per dossier than a dozen filtered counts in SQL. The channel is one of
    the measures, so on SQLite the by-channel figures are the by-procedure groups folded by their channel
    (migration 0027 dropped the by-channel grouping index: 55 MB at 1,000,000 cases)."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    read_by = "procedure" if sqlite and by == "channel" else by
    key = key_column(read_by)
    measures = [getattr(Case, name) for name in MEASURES]
    grouping = [key, *[m for m in measures if m is not key]]
    query = (
        select(
            key.label("key"), *measures,
            func.count().label("n"),
            func.count().filter(Case.handling_seconds > 0).label("handled"),
            func.coalesce(func.sum(Case.handling_seconds), 0).label("handling_seconds"),
        )
        .group_by(*grouping)
    )
    if sqlite:
        # The grouping index in group order (no sort of the cohort): a whole year reads it through, a
        # short period skip-scans it (its date follows the few thousand (key, measures) prefixes, and
        # ANALYZE tells SQLite so). Without the pin SQLite may range-scan by date and sort every dossier,
        # or skip-scan a queue index that does not cover the report (bench/README.md, "Reports").
        query = query.with_hint(Case, f"INDEXED BY ix_cases_report_by_{read_by}", "sqlite")
        if _covers_everything(session, period):
            query = query.where(*scope_filter(session, scope))
        else:
            query = query.where(*cohort_filter(session, period, scope))
    else:
        query = query.where(*cohort_filter(session, period, scope))
    # By channel: the row's channel (on SQLite the rows are grouped by procedure as well; PostgreSQL's key is
    # the channel itself).
    folded_on = "channel" if by == "channel" else "key"
    folded: dict[tuple[str, int | None], dict[str, Any]] = {}
    for row in session.execute(query).mappings():
        returned = row["status"] == "returned"
        days = row["processing_days"] if returned else None
        group_key = ("" if row[folded_on] is None else str(row[folded_on]), days)
        counts = folded.setdefault(group_key, {
            "received": 0, "by_channel": dict.fromkeys(CHANNELS, 0), "returned": 0, "early": 0, "on_time": 0,
            "late": 0, "supplemented": 0, "refused": 0, "handled": 0, "handling_seconds": 0})
        n = int(row["n"])
        counts["received"] += n
        if row["channel"] in counts["by_channel"]:
            counts["by_channel"][row["channel"]] += n
        if returned:
            counts["returned"] += n
            if row["result_timing"] in ("early", "on_time", "late"):
                counts[row["result_timing"]] += n
        if row["supplement_count"]:
            counts["supplemented"] += n
        if row["status"] == "refused":
            counts["refused"] += n
        counts["handled"] += int(row["handled"])
        counts["handling_seconds"] += int(row["handling_seconds"])
    return [GroupCounts(key=k, processing_days=days, **values) for (k, days), values in folded.items()]


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
