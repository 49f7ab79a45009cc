"""Report periods (whole days in Asia/Ho_Chi_Minh, both ends included) and scopes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import UsageError
from officer_desk.i18n import _

GROUPINGS = ("procedure", "officer", "channel", "commune")
DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class Period:
    """From ``first`` to ``last``, both days included, in local (Asia/Ho_Chi_Minh) days."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise UsageError(
                _("Kỳ báo cáo không hợp lệ: ngày bắt đầu {first} sau ngày kết thúc {last}",
                  first=self.first.strftime(DATE_FORMAT), last=self.last.strftime(DATE_FORMAT)),
                code="invalid_period",
            )

    @property
    def start_utc(self) -> datetime:
        return datetime.combine(self.first, time(0), LOCAL_TZ).astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """The first instant after the period (exclusive bound)."""
        return datetime.combine(self.last + timedelta(days=1), time(0), LOCAL_TZ).astimezone(UTC)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def label(self) -> str:
        return f"{self.first.strftime(DATE_FORMAT)} – {self.last.strftime(DATE_FORMAT)}"


@dataclass(frozen=True)
class Scope:
    """Which dossiers count: any of desk number, office (agency id), commune, procedure, officer."""

    desk: int | None = None
    office: str | None = None
    commune: str | None = None
    procedure: str | None = None
    officer: str | None = None  # user name

    def as_json(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


def parse_day(text: str | None, what: str) -> date:
    """A dd/mm/yyyy day given on the command line or in a field; a clear usage error otherwise."""
    if text is None or not str(text).strip():
        raise UsageError(_("Thiếu {what} (dd/mm/yyyy)", what=what), code="invalid_period")
    try:
        return datetime.strptime(str(text).strip(), DATE_FORMAT).date()
    except ValueError as exc:
        raise UsageError(
            _("Ngày không hợp lệ cho {what}: “{text}” (dùng dd/mm/yyyy)", what=what, text=str(text)),
            code="invalid_period",
        ) from exc


def parse_period(first: str | None, last: str | None) -> Period:
    return Period(parse_day(first, "--from"), parse_day(last, "--to"))
