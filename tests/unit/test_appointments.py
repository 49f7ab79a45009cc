from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from officer_desk.appointments import appointment_for
from officer_desk.config import DeskConfig
from officer_desk.workdays import default_calendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_same_day_result_comes_after_preparation_time() -> None:
    received = datetime(2026, 11, 27, 9, 10, tzinfo=TZ)
    assert appointment_for(date(2026, 11, 27), received, DeskConfig(), default_calendar()) == datetime(
        2026, 11, 27, 10, 15, tzinfo=TZ)


def test_late_same_day_moves_to_afternoon_or_next_day() -> None:
    config, calendar = DeskConfig(), default_calendar()
    assert appointment_for(date(2026, 11, 27), datetime(2026, 11, 27, 10, 30, tzinfo=TZ), config,
                           calendar) == datetime(2026, 11, 27, 14, 0, tzinfo=TZ)
    assert appointment_for(date(2026, 11, 27), datetime(2026, 11, 27, 15, 45, tzinfo=TZ), config,
                           calendar) == datetime(2026, 11, 30, 8, 0, tzinfo=TZ)


def test_later_due_date_uses_first_collection_hour() -> None:
    received = datetime(2026, 11, 27, 8, 45, tzinfo=TZ)
    assert appointment_for(date(2026, 12, 2), received, DeskConfig(), default_calendar()) == datetime(
        2026, 12, 2, 8, 0, tzinfo=TZ)


def test_make_up_saturday_uses_weekday_hours() -> None:
    received = datetime(2026, 8, 21, 9, 0, tzinfo=TZ)
    assert appointment_for(date(2026, 8, 22), received, DeskConfig(), default_calendar()) == datetime(
        2026, 8, 22, 8, 0, tzinfo=TZ)
