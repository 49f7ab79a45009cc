"""Counters kept by triggers stay exact through bulk inserts, transitions, due-date changes and deletes
(migration 0012: per-statement insert triggers; running cases per due date on PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update

from officer_desk.demo import generate_cases
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import CLOCK_RUNNING, Status
from officer_desk.models import Case, CaseEvent, CaseStatusCount


def _direct(desk) -> dict[str, int]:  # type: ignore[no-untyped-def]
    today = datetime.now(LOCAL_TZ).date()
    running = [s.value for s in CLOCK_RUNNING]
    with desk.db.session() as session:
        counts = {s.value: 0 for s in Status}
        counts.update({status: n for status, n in session.execute(
            select(Case.status, func.count()).group_by(Case.status))})
        counts["overdue"] = session.execute(select(func.count()).where(
            Case.status.in_(running), Case.due_date < today)).scalar_one()
        counts["due_today"] = session.execute(select(func.count()).where(
            Case.status.in_(running), Case.due_date == today)).scalar_one()
    return counts


def test_counts_follow_bulk_inserts_updates_and_deletes(desk) -> None:  # type: ignore[no-untyped-def]
    assert generate_cases(desk, 300, seed=17) == 300
    assert desk.cases.status_counts() == _direct(desk)
    today = datetime.now(LOCAL_TZ).date()
    with desk.db.session() as session:
        ids = list(session.execute(select(Case.id).where(Case.status == Status.RECEIVED.value)
                                   .order_by(Case.id).limit(6)).scalars())
        assert len(ids) == 6
        # Due today, overdue, finished, back to running, and one deleted: every path of the triggers.
        session.execute(update(Case).where(Case.id == ids[0]).values(due_date=today))
        session.execute(update(Case).where(Case.id == ids[1]).values(due_date=today - timedelta(days=3)))
        session.execute(update(Case).where(Case.id == ids[2]).values(status=Status.RETURNED.value))
        session.execute(update(Case).where(Case.id == ids[3]).values(status=Status.RETURNED.value,
                                                                     due_date=today - timedelta(days=1)))
        session.execute(update(Case).where(Case.id == ids[3]).values(status=Status.ACCEPTED.value))
        session.execute(update(Case).where(Case.id == ids[4]).values(due_date=None))
        session.execute(delete(CaseEvent).where(CaseEvent.case_id == ids[5]))
        session.execute(delete(Case).where(Case.id == ids[5]))
    counts = desk.cases.status_counts()
    assert counts == _direct(desk)
    assert counts["due_today"] >= 1 and counts["overdue"] >= 2
    with desk.db.session() as session:
        stored = dict(session.execute(select(CaseStatusCount.status, CaseStatusCount.n)).all())
    assert sum(stored.values()) == 299
