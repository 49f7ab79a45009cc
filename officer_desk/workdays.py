"""Working-day calendar and statutory due dates.

A working day is Monday–Friday minus public holidays (the ``holidays`` package) and swapped days
off, plus government make-up Saturdays (resources/calendar/overrides.yaml, extendable per home).
Deadline arithmetic follows the Civil Code art. 147–148: the receipt day is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import holidays
import yaml

from officer_desk.errors import CatalogueError
from officer_desk.i18n import _
from officer_desk.paths import resource

DEFAULT_CUTOFF = time(15, 0)


@dataclass(frozen=True)
class CalendarOverrides:
    non_working: dict[date, str]
    working: dict[date, str]
    covered_years: frozenset[int]


def _load_override_file(path: Path) -> dict[int, dict[str, list[dict[str, Any]]]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(
            _("Không đọc được lịch ngày nghỉ {path}: {reason}", path=str(path), reason=str(exc))
        ) from exc
    if not isinstance(data, dict):
        raise CatalogueError(_("Lịch ngày nghỉ {path} phải là bảng theo năm", path=str(path)))
    return data


def load_overrides(extra_files: tuple[Path, ...] = ()) -> CalendarOverrides:
    non_working: dict[date, str] = {}
    working: dict[date, str] = {}
    years: set[int] = set()
    for path in (resource("calendar", "overrides.yaml"), *extra_files):
        if not path.exists():
            continue
        for year, sections in _load_override_file(path).items():
            years.add(int(year))
            for key, target in (("non_working", non_working), ("working", working)):
                for entry in (sections or {}).get(key) or []:
                    day = entry["date"] if isinstance(entry, dict) else entry
                    if isinstance(day, str):
                        day = date.fromisoformat(day)
                    note = entry.get("note", "") if isinstance(entry, dict) else ""
                    target[day] = str(note)
                    # A later file may turn a day back: working wins over non-working and vice versa.
                    other = working if target is non_working else non_working
                    other.pop(day, None)
    return CalendarOverrides(non_working, working, frozenset(years))


class WorkingCalendar:
    """Which days are worked at the counter."""

    def __init__(self, overrides: CalendarOverrides | None = None, plain: bool = False) -> None:
        self.overrides = overrides or CalendarOverrides({}, {}, frozenset())
        self.plain = plain
        self._holidays = holidays.country_holidays("VN", years=range(2020, 2041))

    def is_working_day(self, day: date) -> bool:
        if self.plain:
            return day.weekday() < 5
        if day in self.overrides.working:
            return True
        if day in self.overrides.non_working:
            return False
        if day.weekday() >= 5:
            return False
        return day not in self._holidays

    def day_off_reason(self, day: date) -> str | None:
        """Why a day is not worked (holiday name, swap note, weekend); None on a working day."""
        if self.is_working_day(day):
            return None
        if day in self.overrides.non_working:
            return self.overrides.non_working[day] or _("Ngày nghỉ")
        name = self._holidays.get(day)
        if name:
            return str(name)
        return _("Cuối tuần")

    def next_working_day(self, day: date, include_today: bool = False) -> date:
        current = day if include_today else day + timedelta(days=1)
        for _i in range(400):
            if self.is_working_day(current):
                return current
            current += timedelta(days=1)
        raise RuntimeError("no working day within 400 days")  # pragma: no cover

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        current = day
        for _i in range(count):
            current = self.next_working_day(current)
        return current

    def year_covered(self, year: int) -> bool:
        """Whether the government's swapped days for ``year`` are in the override table."""
        return year in self.overrides.covered_years


@lru_cache(maxsize=8)
def _cached_calendar(extra_files: tuple[Path, ...]) -> WorkingCalendar:
    return WorkingCalendar(load_overrides(extra_files))


def default_calendar(extra_files: tuple[Path, ...] = ()) -> WorkingCalendar:
    """The shipped calendar plus the home's overrides (cached; the holiday table is built once)."""
    return _cached_calendar(tuple(extra_files))


def plain_calendar() -> WorkingCalendar:
    return WorkingCalendar(plain=True)


def compute_due_date(
    received_at: datetime,
    processing_unit: str,
    processing_days: int,
    calendar: WorkingCalendar,
    cutoff: time | None = None,
) -> date:
    """Due date of a dossier received at ``received_at`` (local time)."""
    day = received_at.date()
    if processing_unit == "same_day":
        limit = cutoff or DEFAULT_CUTOFF
        moment = received_at.time().replace(second=0, microsecond=0)
        if calendar.is_working_day(day) and moment <= limit:
            if processing_days <= 0:
                return day
            return calendar.add_working_days(day, processing_days)
        return calendar.add_working_days(day, max(processing_days, 1))
    if processing_unit == "working_days":
        return calendar.add_working_days(day, processing_days)
    if processing_unit == "calendar_days":
        return calendar.next_working_day(day + timedelta(days=processing_days), include_today=True)
    raise ValueError(f"unknown processing unit {processing_unit!r}")
