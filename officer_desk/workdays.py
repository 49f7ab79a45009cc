"""Working-day calendar and statutory due dates.

A working day is Monday–Friday minus public holidays (Vietnam's table from the ``holidays`` package, named in
the interface language, never the operating system's) and swapped days off, plus government make-up Saturdays
(resources/calendar/overrides.yaml, extendable per home). A day whose status awaits an official text (``pending``:
24/11/2026, Ngày Văn hóa Việt Nam) is worked until the province confirms it as a day off with one line in
config.toml (``calendar_days_off = ["24/11/2026"]``). Deadline arithmetic follows the Civil Code art. 147–148:
the receipt day is not counted.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from officer_desk.errors import CatalogueError
from officer_desk.i18n import _, both, current_language
from officer_desk.paths import resource

DEFAULT_CUTOFF = time(15, 0)


@lru_cache(maxsize=1)
def _vietnam_holidays() -> Any:
    """The package's Vietnam class, without importing its ~250 other countries.

    ``holidays.countries/__init__`` imports every country (~0.3 s of start-up); the desk needs one. A bare
    package object with the real search path lets ``holidays.countries.vietnam`` import on its own.
    """
    if "holidays.countries" not in sys.modules:
        spec = importlib.util.find_spec("holidays.countries")
        if spec is not None and spec.submodule_search_locations is not None:
            package = types.ModuleType("holidays.countries")
            package.__path__ = list(spec.submodule_search_locations)
            package.__spec__ = spec
            sys.modules["holidays.countries"] = package
    from holidays.countries.vietnam import Vietnam

    return Vietnam


@dataclass(frozen=True)
class CalendarOverrides:
    non_working: dict[date, str]
    working: dict[date, str]
    covered_years: frozenset[int]
    # Days whose status awaits an official text: worked unless the province confirms them off.
    pending: dict[date, str] = field(default_factory=dict)


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
    pending: dict[date, str] = {}
    years: set[int] = set()
    for path in (resource("calendar", "overrides.yaml"), *extra_files):
        if not path.exists():
            continue
        for year, sections in _load_override_file(path).items():
            years.add(int(year))
            for entry in (sections or {}).get("pending") or []:
                day = entry["date"] if isinstance(entry, dict) else entry
                if isinstance(day, str):
                    day = date.fromisoformat(day)
                pending[day] = str(entry.get("note", "")) if isinstance(entry, dict) else ""
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
    for day in list(pending):
        if day in non_working or day in working:
            pending.pop(day)  # a later file decided it
    return CalendarOverrides(non_working, working, frozenset(years), pending)


class WorkingCalendar:
    """Which days are worked at the counter."""

    def __init__(
        self, overrides: CalendarOverrides | None = None, plain: bool = False, days_off: tuple[date, ...] = ()
    ) -> None:
        self.overrides = overrides or CalendarOverrides({}, {}, frozenset())
        self.plain = plain
        # Days the province confirmed as days off (config.toml calendar_days_off): they settle pending days.
        self.confirmed_off = frozenset(days_off)
        self._names: dict[str, Any] = {}
        self._holidays = self._table("vi")

    def _table(self, language: str) -> Any:
        """Vietnam's holidays named in ``language`` (only Vietnam's module of the package is loaded)."""
        table = self._names.get(language)
        if table is None:
            table = _vietnam_holidays()(years=range(2020, 2041), language="en_US" if language == "en" else "vi")
            self._names[language] = table
        return table

    def is_pending(self, day: date) -> bool:
        """A day whose status awaits an official text and that the province has not confirmed."""
        return day in self.overrides.pending and day not in self.confirmed_off

    def is_working_day(self, day: date) -> bool:
        if self.plain:
            return day.weekday() < 5
        if day in self.confirmed_off:
            return False
        if day in self.overrides.working:
            return True
        if day in self.overrides.non_working:
            return False
        if day.weekday() >= 5:
            return False
        if day in self.overrides.pending:
            return True
        return day not in self._holidays

    def day_off_reason(self, day: date, language: str | None = None) -> str | None:
        """Why a day is not worked (holiday name, swap note, weekend) in the interface language; None on a
        working day."""
        if self.is_working_day(day):
            return None
        if day in self.confirmed_off:
            name = self._table("vi").get(day)
            return str(name) if name else _("Ngày nghỉ do tỉnh xác nhận")
        if day in self.overrides.non_working:
            return self.overrides.non_working[day] or _("Ngày nghỉ")
        name = self._table(language or current_language()).get(day)
        if name:
            return str(name)
        return _("Cuối tuần")

    def pending_note(self, day: date) -> str:
        """The visible note for a pending day ("" when the day is not pending)."""
        if not self.is_pending(day):
            return ""
        return self.overrides.pending[day] or _("chờ văn bản chính thức")

    def unconfirmed(self, start: date, end: date) -> list[tuple[str, str]]:
        """Why a period (start excluded, end included) rests on an unconfirmed calendar: a year the override
        table does not cover, or a pending day inside it."""
        reasons: list[tuple[str, str]] = []
        if not self.plain and not self.year_covered(end.year):
            reasons.append(both("Lịch nghỉ năm {year} chưa được cập nhật (chưa có quyết định hoán đổi ngày "
                                "nghỉ, lịch Tết)", year=end.year))
        day = start + timedelta(days=1)
        while day <= end:
            if self.is_pending(day):
                reasons.append(both("{day} tính là ngày làm việc, chờ xác nhận chính thức: {note}",
                                    day=day.strftime("%d/%m/%Y"), note=self.pending_note(day)))
            day += timedelta(days=1)
        return reasons

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

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (reports: processing time)."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def year_covered(self, year: int) -> bool:
        """Whether the government's swapped days for ``year`` are in the override table."""
        return year in self.overrides.covered_years


@lru_cache(maxsize=8)
def _cached_calendar(extra_files: tuple[Path, ...], days_off: tuple[date, ...]) -> WorkingCalendar:
    return WorkingCalendar(load_overrides(extra_files), days_off=days_off)


def default_calendar(extra_files: tuple[Path, ...] = (), days_off: tuple[date, ...] = ()) -> WorkingCalendar:
    """The shipped calendar plus the home's overrides and the province's confirmed days off (cached)."""
    return _cached_calendar(tuple(extra_files), tuple(sorted(days_off)))


def calendar_for(home_root: Path, days_off: tuple[date, ...] = ()) -> WorkingCalendar:
    """The calendar of a home: its ``calendar-overrides.yaml`` when present, and config's days off."""
    extra = home_root / "calendar-overrides.yaml"
    return default_calendar((extra,) if extra.exists() else (), days_off)


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
