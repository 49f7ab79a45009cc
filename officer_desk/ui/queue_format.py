"""How a queue row reads in the table: column titles and cell texts, shared by the window's queue model and the
first-page preview shown before the desk opens (``ui/queue_preview.py``, issue 17).

Nothing here imports the desk or the database layer: the preview paints its rows before either is loaded.
A row is anything with ``cases.views.CaseRow``'s fields (the preview's ``queue_first_page.FirstPageRow``).
"""

from __future__ import annotations

from collections.abc import Callable
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
    return (
        row.dossier_code,
        row.applicant_name,
        procedure_name(row.procedure_code),
        labels.channel_label(row.channel),
        row.received_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
        row.due_date.strftime("%d/%m/%Y") if row.due_date else "",
        labels.status_label(row.status),
        row.assigned_officer or "",
        str(row.open_finding_count) if row.open_finding_count else "",
    )


def due_state(row: Any, today: date, soon: date) -> str | None:
    """``overdue`` / ``soon`` (due by ``soon``) / None, for running clocks only."""
    if row.due_date is None or row.status not in CLOCK_RUNNING_VALUES:
        return None
    if row.due_date < today:
        return "overdue"
    if row.due_date <= soon:
        return "soon"
    return None
