"""Appointment for the result: the due date at an hour when the desk hands out results."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from officer_desk.config import DeskConfig
from officer_desk.dossier import LOCAL_TZ
from officer_desk.workdays import WorkingCalendar

# A same-day result is promised no sooner than this after reception.
SAME_DAY_LEAD = timedelta(hours=1)


def _collection_periods(config: DeskConfig, day: date) -> list[tuple[time, time]]:
    periods = config.collection.periods(day.weekday())
    if not periods and day.weekday() >= 5:
        # A government make-up Saturday is worked like a weekday: use Monday's hours.
        periods = config.collection.periods(0)
    return periods


def appointment_for(due: date, received_at: datetime, config: DeskConfig, calendar: WorkingCalendar) -> datetime:
    """The first collection hour on ``due`` (or later) that leaves time to prepare the result."""
    earliest = received_at.astimezone(LOCAL_TZ) + SAME_DAY_LEAD
    day = due
    for _attempt in range(30):
        for start, end in _collection_periods(config, day):
            start_at = datetime.combine(day, start, LOCAL_TZ)
            end_at = datetime.combine(day, end, LOCAL_TZ)
            if end_at <= earliest:
                continue
            moment = max(start_at, earliest)
            # Round up to the next quarter hour: appointments are written as hours and minutes.
            minutes = (15 - moment.minute % 15) % 15
            moment = (moment + timedelta(minutes=minutes)).replace(second=0, microsecond=0)
            if moment < end_at:
                return moment
        day = calendar.next_working_day(day)
    raise RuntimeError("no collection hours configured")  # pragma: no cover
