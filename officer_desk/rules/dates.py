"""Dates as people write them: dd/mm/yyyy and its variants, ISO, "ngày 5 tháng 3 năm 2026", year-only papers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from officer_desk.text import fold


@dataclass(frozen=True)
class DateValue:
    """A declared date; old papers may carry only a year (or month and year)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return month_end(self.year, self.month)
        return date(self.year, 12, 31)

    def as_date(self) -> date | None:
        return self.earliest if self.day is not None else None

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


BLANK, OK, INVALID, OPEN_ENDED, MALFORMED = "blank", "ok", "invalid", "open", "malformed"
_DMY_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MY_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_Y_RE = re.compile(r"^(\d{4})$")
_FORMAL_RE = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:,\s*)?nam\s*(\d{4})$")
_DAY_PREFIX_RE = re.compile(r"^ngay\s*:?\s*")
_TIME_SUFFIX_RE = re.compile(r"[\s,]+(?:luc\s*)?\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:phut)?$")
_COMPACT_RE = re.compile(r"^\d{8}$")
_OPEN_WORDS = ("khong thoi han", "vo thoi han", "khong xac dinh thoi han", "suot doi")
MIN_YEAR, MAX_YEAR = 1850, 2200


def parse_date(value: Any, pivot_year: int = 2000) -> tuple[str, DateValue | None]:
    """(status, value): ``blank``, ``ok``, ``open`` (no end date) or ``invalid`` (impossible or unreadable)."""
    if value is None or isinstance(value, bool):
        return BLANK, None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return INVALID, None
    raw = value.strip()
    if not raw:
        return BLANK, None
    folded = fold(raw).strip(" .")
    if any(word in folded for word in _OPEN_WORDS):
        return OPEN_ENDED, None
    folded = _TIME_SUFFIX_RE.sub("", folded)
    if not _FORMAL_RE.match(folded):
        folded = _DAY_PREFIX_RE.sub("", folded)
    year: int
    month: int | None
    day: int | None
    if match := _DMY_RE.match(folded):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if len(match.group(3)) == 2:
            year += 2000 if year <= pivot_year % 100 else 1900
    elif match := _ISO_RE.match(folded):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif match := _FORMAL_RE.match(folded):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif match := _MY_RE.match(folded):
        month, year, day = int(match.group(1)), int(match.group(2)), None
    elif match := _Y_RE.match(folded):
        year, month, day = int(match.group(1)), None, None
    else:
        return INVALID, None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return INVALID, None
    if month is not None and not 1 <= month <= 12:
        return INVALID, None
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            return INVALID, None
    return OK, DateValue(year, month, day)


def parse_compact_date(value: str) -> tuple[str, date | None]:
    """``ddmmyyyy`` (the CCCD card's QR): ``ok`` with the date, else ``blank``, ``malformed`` or ``invalid``."""
    value = value.strip()
    if not value:
        return BLANK, None
    if not _COMPACT_RE.match(value):
        return MALFORMED, None
    try:
        return OK, date(int(value[4:8]), int(value[2:4]), int(value[0:2]))
    except ValueError:
        return INVALID, None


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (clamped to the month's end: 31/08 + 6 months = 28/02 or 29/02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in range(day.day, 27, -1):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    return date(year, month, min(day.day, 28))


def years_between(born: date, on: date) -> int:
    """Full years of age on ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
