"""How a queue row reads in the table: column titles and cell texts, shared by the window's queue model and the
first-page preview shown before the desk opens (``ui/queue_preview.py``, issue 17).

Nothing here imports the desk or the database layer: the preview paints its rows before either is loaded.
A row is anything with ``cases.views.CaseRow``'s fields (the preview's ``queue_first_page.FirstPageRow``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import CLOCK_RUNNING
from officer_desk.ui import labels

COLUMNS: tuple[tuple[str, str], ...] = (
    ("dossier_code", "Dossier code"),
    ("applicant_name", "Applicant"),
    ("procedure_code", "Procedure"),
    ("channel", "Channel"),
    ("received_at", "Received"),
    ("due_date", "Due"),
    ("status", "Status"),
    ("assigned_officer", "Officer"),
    ("worst_severity", "Hints"),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
DEFAULT_SORT_COLUMN = COLUMN_KEYS.index("received_at")
CLOCK_RUNNING_VALUES = frozenset(s.value for s in CLOCK_RUNNING)


def header_title(key: str) -> str:
    # Literal calls so lupdate sees every title (context: the queue model, where they always lived).
    titles = {
        "dossier_code": QCoreApplication.translate("CaseQueueModel", "Dossier code"),
        "applicant_name": QCoreApplication.translate("CaseQueueModel", "Applicant"),
        "procedure_code": QCoreApplication.translate("CaseQueueModel", "Procedure"),
        "channel": QCoreApplication.translate("CaseQueueModel", "Channel"),
        "received_at": QCoreApplication.translate("CaseQueueModel", "Received"),
        "due_date": QCoreApplication.translate("CaseQueueModel", "Due"),
        "status": QCoreApplication.translate("CaseQueueModel", "Status"),
        "assigned_officer": QCoreApplication.translate("CaseQueueModel", "Officer"),
        "worst_severity": QCoreApplication.translate("CaseQueueModel", "Hints"),
    }
    return titles[key]


def display_texts(row: Any, procedure_name: Callable[[str], str]) -> tuple[str, ...]:
    """The nine cells of ``row`` as shown, in COLUMNS order (computed once per row, not per paint)."""
    return display_rows((row,), procedure_name)[0]


def display_rows(rows: Iterable[Any], procedure_name: Callable[[str], str]) -> list[tuple[str, ...]]:
    """``display_texts`` of each row. The labels of one batch are looked up once per distinct value (a label
    translates its whole table on each call, and the window formats 50 rows on every keystroke of its search),
    and the times are written without ``strftime`` (a third of the formatting time)."""
    names: dict[str, str] = {}
    channels: dict[str, str] = {}
    statuses: dict[str, str] = {}
    texts: list[tuple[str, ...]] = []
    for row in rows:
        procedure, channel, status = row.procedure_code, row.channel, row.status
        name = names.get(procedure)
        if name is None:
            name = names[procedure] = procedure_name(procedure)
        channel_text = channels.get(channel)
        if channel_text is None:
            channel_text = channels[channel] = labels.channel_label(channel)
        status_text = statuses.get(status)
        if status_text is None:
            status_text = statuses[status] = labels.status_label(status)
        received = row.received_at.astimezone(LOCAL_TZ)
        due = row.due_date
        texts.append((
            row.dossier_code,
            row.applicant_name,
            name,
            channel_text,
            f"{received.day:02d}/{received.month:02d}/{received.year:04d} {received.hour:02d}:{received.minute:02d}",
            f"{due.day:02d}/{due.month:02d}/{due.year:04d}" if due else "",
            status_text,
            row.assigned_officer or "",
            str(row.open_finding_count) if row.open_finding_count else "",
        ))
    return texts


def due_state(row: Any, today: date, soon: date) -> str | None:
    """``overdue`` / ``soon`` (due by ``soon``) / None, for running clocks only."""
    if row.due_date is None or row.status not in CLOCK_RUNNING_VALUES:
        return None
    if row.due_date < today:
        return "overdue"
    if row.due_date <= soon:
        return "soon"
    return None
