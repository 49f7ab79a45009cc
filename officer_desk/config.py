"""Province and desk configuration: ``$OFFICER_DESK_HOME/config.toml``, declared once, typed.

QSettings holds only widget state; everything an administrator sets lives here.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import tomli_w

from officer_desk.errors import DeskError, InputError
from officer_desk.fileio import write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home

# The environment variable that points a desk at a shared PostgreSQL server (the contract's home folder rules).
DATABASE_URL_ENV = "OFFICER_DESK_DATABASE_URL"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class OpeningHours:
    """Opening hours per weekday: list of "HH:MM-HH:MM" spans (empty = closed)."""

    spans: dict[str, tuple[str, ...]]

    def periods(self, weekday: int) -> list[tuple[time, time]]:
        result = []
        for span in self.spans.get(WEEKDAYS[weekday], ()):
            start, end = span.split("-")
            result.append((time.fromisoformat(start.strip()), time.fromisoformat(end.strip())))
        return result


DEFAULT_OFFICE_HOURS = {
    **{day: ("07:30-11:30", "13:30-17:00") for day in WEEKDAYS[:5]},
    "sat": ("07:30-11:30",),
}
DEFAULT_COLLECTION_HOURS = {day: ("08:00-11:00", "14:00-16:30") for day in WEEKDAYS[:5]}


@dataclass(frozen=True)
class DeskConfig:
    """What config.toml holds (keys are the field names)."""

    agency_id: str = "000.00.01.X99"
    agency_name: str = "Trung tâm Phục vụ hành chính công"
    agency_header: tuple[str, ...] = ("UBND TỈNH PHÚ THỌ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
    agency_address: str = ""
    province: str = "Phú Thọ"
    commune: str = ""  # the commune or ward of the office (after the 2025 merger), set by `setup`
    desk_number: int = 1
    language: str = "vi"
    database_url: str = ""
    sync_url: str = ""  # the center's shared database that an offline-capable desk pushes to
    sync_interval_minutes: int = 10  # the window syncs this often (and as soon as the server answers)
    sync_warn_days: int = 3  # days without a sync before the officer and the supervisor are warned
    office_hours: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_OFFICE_HOURS))
    collection_hours: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_COLLECTION_HOURS))
    fees: dict[str, int] = field(default_factory=dict)  # procedure code -> VND, where the national fee is null
    # Days the province confirmed as days off (dd/mm/yyyy), e.g. ["24/11/2026"] once the official text is out.
    calendar_days_off: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)  # local procedure code -> national code
    default_certificate: str = ""
    pkcs11_module: str = ""
    timestamp_url: str = ""
    printer: str = ""
    paper_size: str = "a5"
    officer_name: str = ""
    # Register book columns (officer_desk/reports/register.py COLUMNS); empty = the one-stop form.
    register_columns: tuple[str, ...] = ()
    # Issue 9, the window: keep the signing password/PIN in memory for the signing session (1) or ask
    # for every document (0); never on disk. Off by default for PKCS#12 files, on for tokens.
    keep_pin_pkcs12: int = 0
    keep_pin_token: int = 1
    idle_lock_minutes: int = 10  # the window locks after this many idle minutes (0: never)
    scan_folder: str = ""  # where the network scanner saves ("scan to folder"); empty = not watched (OCR)

    @property
    def days_off(self) -> tuple[date, ...]:
        """``calendar_days_off`` as dates (validated when the file is read)."""
        return tuple(datetime.strptime(d.strip(), "%d/%m/%Y").date() for d in self.calendar_days_off)

    @property
    def office(self) -> OpeningHours:
        return OpeningHours(self.office_hours)

    @property
    def collection(self) -> OpeningHours:
        return OpeningHours(self.collection_hours)

    def to_toml(self) -> str:
        data: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if isinstance(value, tuple):
                value = list(value)
            if isinstance(value, dict):
                value = {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
            data[key] = value
        return tomli_w.dumps(data)


def _coerce(name: str, value: Any, default: Any) -> Any:
    where = f"config.toml: {name}"
    if isinstance(default, bool) or isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(_("{where} phải là số nguyên", where=where))
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise InputError(_("{where} phải là chuỗi ký tự", where=where))
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(_("{where} phải là danh sách chuỗi", where=where))
        if name == "calendar_days_off":
            for item in value:
                try:
                    datetime.strptime(item.strip(), "%d/%m/%Y")
                except ValueError as exc:
                    raise InputError(_("{where}: ngày {day} phải có dạng dd/mm/yyyy", where=where,
                                       day=item)) from exc
        return tuple(value)
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise InputError(_("{where} phải là một bảng", where=where))
        if name in ("office_hours", "collection_hours"):
            result = {}
            for day, spans in value.items():
                if day not in WEEKDAYS or not isinstance(spans, list):
                    raise InputError(_("{where}: ngày {day} không hợp lệ", where=where, day=str(day)))
                for span in spans:
                    try:
                        start, end = str(span).split("-")
                        time.fromisoformat(start.strip())
                        time.fromisoformat(end.strip())
                    except ValueError as exc:
                        raise InputError(
                            _("{where}: khung giờ {span} phải có dạng HH:MM-HH:MM", where=where, span=str(span))
                        ) from exc
                result[day] = tuple(str(s) for s in spans)
            return result
        if name == "fees":
            if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value.values()):
                raise InputError(_("{where}: lệ phí phải là số nguyên không âm (đồng)", where=where))
            return {str(k): int(v) for k, v in value.items()}
        return {str(k): str(v) for k, v in value.items()}
    return value


def load_config(home: Home | None = None) -> DeskConfig:
    """Read config.toml (defaults when absent); a malformed file is a clear error."""
    home = home or Home()
    path = home.config_file
    if not path.exists():
        return DeskConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(_("Không đọc được {path}: {reason}", path=str(path), reason=str(exc))) from exc
    defaults = DeskConfig()
    values: dict[str, Any] = {}
    for f in fields(DeskConfig):
        if f.name in data:
            values[f.name] = _coerce(f.name, data[f.name], getattr(defaults, f.name))
    return replace(defaults, **values)



def database_url(home: Home, url: str | None = None) -> str:
    """The PostgreSQL URL a desk uses (the option, then the environment, then config.toml); "" for the home's
    own encrypted file. A malformed config.toml reads as "" here: opening the desk reports it."""
    if url:
        return url
    env = os.environ.get(DATABASE_URL_ENV)
    if env:
        return env
    try:
        return load_config(home).database_url or ""
    except DeskError:
        return ""

def save_config(config: DeskConfig, home: Home | None = None) -> Path:
    home = (home or Home()).ensure()
    write_text_atomic(home.config_file, config.to_toml())
    return home.config_file
