"""Translated labels for the core's stable identifiers (statuses, actions, channels, severities).

The core keeps identifiers (``received``, ``accept``...); the window shows them through Qt's
translation system so both languages come from the .ts files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from officer_desk.lifecycle import Action, Status


def status_label(status: str) -> str:
    labels = {
        Status.RECEIVED: QCoreApplication.translate("Labels", "New"),
        Status.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        Status.IN_PROCESSING: QCoreApplication.translate("Labels", "In processing"),
        Status.AWAITING_SIGNATURE: QCoreApplication.translate("Labels", "Awaiting signature"),
        Status.RESULT_READY: QCoreApplication.translate("Labels", "Result ready"),
        Status.RETURNED: QCoreApplication.translate("Labels", "Returned"),
        Status.SUPPLEMENT_REQUESTED: QCoreApplication.translate("Labels", "Awaiting supplement"),
        Status.REFUSED: QCoreApplication.translate("Labels", "Refused"),
        Status.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
    }
    try:
        return labels[Status(status)]
    except ValueError:
        return status


def action_label(action: str) -> str:
    labels = {
        Action.ACCEPT: QCoreApplication.translate("Labels", "Accept and issue receipt"),
        Action.REQUEST_SUPPLEMENT: QCoreApplication.translate("Labels", "Request supplement…"),
        Action.SUPPLEMENT_RECEIVED: QCoreApplication.translate("Labels", "Supplement received"),
        Action.START_PROCESSING: QCoreApplication.translate("Labels", "Start processing"),
        Action.SUBMIT_FOR_SIGNATURE: QCoreApplication.translate("Labels", "Submit for signature"),
        Action.MARK_RESULT_READY: QCoreApplication.translate("Labels", "Mark result ready"),
        Action.RETURN_RESULT: QCoreApplication.translate("Labels", "Return result"),
        Action.REFUSE: QCoreApplication.translate("Labels", "Refuse…"),
        Action.WITHDRAW: QCoreApplication.translate("Labels", "Withdraw…"),
    }
    try:
        return labels[Action(action)]
    except ValueError:
        return action


def channel_label(channel: str) -> str:
    labels = {
        "truc_tiep": QCoreApplication.translate("Labels", "At the counter"),
        "truc_tuyen": QCoreApplication.translate("Labels", "Online"),
        "buu_chinh": QCoreApplication.translate("Labels", "By post"),
    }
    return labels.get(channel, channel)


def severity_label(severity: str | None) -> str:
    labels = {
        "error": QCoreApplication.translate("Labels", "Error"),
        "warning": QCoreApplication.translate("Labels", "Warning"),
        "info": QCoreApplication.translate("Labels", "Note"),
    }
    return labels.get(severity or "", severity or "")


def kind_label(kind: str) -> str:
    labels = {
        "original": QCoreApplication.translate("Labels", "Original"),
        "copy": QCoreApplication.translate("Labels", "Copy"),
        "certified_copy": QCoreApplication.translate("Labels", "Certified copy"),
    }
    return labels.get(kind, kind)


def event_label(action: str) -> str:
    """Timeline entries: lifecycle actions plus the service's own event names."""
    labels = {
        "received": QCoreApplication.translate("Labels", "Received"),
        "assigned": QCoreApplication.translate("Labels", "Assigned"),
        "unassigned": QCoreApplication.translate("Labels", "Unassigned"),
        "edited": QCoreApplication.translate("Labels", "Corrected"),
        "finding_accepted": QCoreApplication.translate("Labels", "Hint accepted"),
        "finding_dismissed": QCoreApplication.translate("Labels", "Hint dismissed"),
        "finding_open": QCoreApplication.translate("Labels", "Hint reopened"),
        "demo_status": QCoreApplication.translate("Labels", "Status set (demo data)"),
        "receipt_issued": QCoreApplication.translate("Labels", "Receipt issued"),
    }
    if action in labels:
        return labels[action]
    try:
        return action_label(Action(action)).rstrip("…")
    except ValueError:
        return action
