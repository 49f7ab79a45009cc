from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from officer_desk.workdays import WorkingCalendar, compute_due_date, default_calendar, load_overrides

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text: str) -> datetime:
    return datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=TZ)


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return default_calendar()


def test_tet_2026_is_skipped(calendar: WorkingCalendar) -> None:
    # Friday 13/02/2026 + 3 working days: Tết 16–20/02, weekends → 23, 24, 25/02.
    assert compute_due_date(at("13/02/2026 10:00"), "working_days", 3, calendar) == date(2026, 2, 25)


def test_make_up_saturdays_count_as_working_days(calendar: WorkingCalendar) -> None:
    assert calendar.is_working_day(date(2026, 1, 10))
    assert calendar.is_working_day(date(2026, 8, 22))
    assert compute_due_date(at("09/01/2026 10:00"), "working_days", 1, calendar) == date(2026, 1, 10)
    assert compute_due_date(at("21/08/2026 09:00"), "working_days", 1, calendar) == date(2026, 8, 22)


def test_swap_day_missing_from_holidays_package_is_off(calendar: WorkingCalendar) -> None:
    assert not calendar.is_working_day(date(2026, 1, 2))
    assert not calendar.is_working_day(date(2025, 5, 2))
    assert not calendar.is_working_day(date(2026, 8, 31))


def test_same_day_cutoff_at_15_00(calendar: WorkingCalendar) -> None:
    assert compute_due_date(at("27/11/2026 15:00"), "same_day", 0, calendar, time(15, 0)) == date(2026, 11, 27)
    assert compute_due_date(at("27/11/2026 15:01"), "same_day", 0, calendar, time(15, 0)) == date(2026, 11, 30)


def test_same_day_after_cutoff_before_new_year_skips_holiday_and_swap(calendar: WorkingCalendar) -> None:
    assert compute_due_date(at("31/12/2025 16:00"), "same_day", 0, calendar) == date(2026, 1, 5)


def test_calendar_days_move_to_next_working_day(calendar: WorkingCalendar) -> None:
    # 10 calendar days from Sat 21/11/2026 = Tue 01/12/2026 (a working day).
    assert compute_due_date(at("21/11/2026 09:00"), "calendar_days", 10, calendar) == date(2026, 12, 1)
    # 15 days from 09/02/2026 = 24/02/2026 (working); from 03/02 = 18/02 (Tết) → 23/02.
    assert compute_due_date(at("03/02/2026 09:00"), "calendar_days", 15, calendar) == date(2026, 2, 23)


def test_culture_day_2026_is_worked_pending_confirmation_and_one_config_line_makes_it_off(tmp_path) -> None:  # type: ignore[no-untyped-def]
    calendar = default_calendar()
    day = date(2026, 11, 24)
    assert calendar.is_working_day(day) and calendar.is_pending(day)
    assert "Văn hóa" in calendar.pending_note(day)
    reasons = calendar.unconfirmed(date(2026, 11, 23), date(2026, 11, 26))
    assert len(reasons) == 1 and "24/11/2026" in reasons[0][0] and "24/11/2026" in reasons[0][1]
    confirmed = default_calendar(days_off=(day,))
    assert not confirmed.is_working_day(day) and not confirmed.is_pending(day)
    assert confirmed.unconfirmed(date(2026, 11, 23), date(2026, 11, 27)) == []
    assert confirmed.day_off_reason(day) == "Ngày Văn hóa Việt Nam"
    extra = tmp_path / "overrides.yaml"
    extra.write_text("2026:\n  non_working:\n    - {date: 2026-11-24, note: 'tỉnh nghỉ'}\n", encoding="utf-8")
    assert not WorkingCalendar(load_overrides((extra,))).is_working_day(day)


def test_holiday_names_follow_the_interface_language_not_the_system_locale() -> None:
    from officer_desk.i18n import set_language

    calendar = default_calendar()
    assert calendar.day_off_reason(date(2026, 4, 30), "vi") == "Ngày Giải phóng miền Nam"
    assert calendar.day_off_reason(date(2027, 1, 1), "vi") == "Tết Dương lịch"
    assert calendar.day_off_reason(date(2027, 1, 1), "en") == "New Year's Day"
    set_language("en")
    try:
        assert calendar.day_off_reason(date(2027, 1, 1)) == "New Year's Day"
    finally:
        set_language("vi")


def test_only_vietnams_holiday_table_is_loaded() -> None:
    import subprocess
    import sys

    code = ("import sys, officer_desk.workdays as w; w.default_calendar(); "
            "print(sorted(m for m in sys.modules if m.startswith('holidays.countries.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['holidays.countries.vietnam']", out


def test_year_coverage_warns_for_unlisted_years(calendar: WorkingCalendar) -> None:
    assert calendar.year_covered(2026)
    assert not calendar.year_covered(2027)
