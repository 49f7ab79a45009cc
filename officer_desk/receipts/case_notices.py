"""The data of two notices that depend on the case's history: the apology with a new appointment
(the due date changes with it) and the processing control sheet (who handed the dossier to whom, when).

Kept beside ``service.py`` so the issuing path there stays one call per document type.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from officer_desk.appointments import appointment_for
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import InputError, LifecycleError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOCK_RUNNING, Status
from officer_desk.receipts.model import ControlStep


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(LOCAL_TZ) if moment is not None else None


def apology_terms(desk: Any, detail: Any, new_date: date | datetime | None, reason: str,
                  now: datetime) -> dict[str, Any]:
    """The apology's data: the case must be overdue, the reason is required, the new date is after today.

    A date without a time gets the first collection hour of that day (as a receipt's appointment does).
    """
    if not reason.strip():
        raise InputError(_("Phiếu xin lỗi cần lý do chậm trả kết quả (--reason)"))
    due = detail.row.due_date
    if detail.row.status not in {s.value for s in CLOCK_RUNNING} or due is None or due >= now.date():
        raise LifecycleError(_("Hồ sơ {code} chưa quá hạn; chỉ lập phiếu xin lỗi cho hồ sơ quá hạn",
                               code=detail.row.dossier_code))
    if new_date is None:
        raise InputError(_("Phiếu xin lỗi cần ngày hẹn trả mới (--new-date dd/mm/yyyy)"))
    if isinstance(new_date, datetime):
        new_at = new_date.astimezone(LOCAL_TZ)
    else:
        new_at = appointment_for(new_date, now, desk.config, desk.calendar)
    if new_at.date() <= now.date():
        raise InputError(_("Ngày hẹn trả mới phải sau hôm nay"))
    old = _local(detail.appointment_at) or datetime.combine(due, datetime.min.time(), LOCAL_TZ)
    return {"old_appointment": old, "new_appointment": new_at, "reason": reason.strip()}


# A hand-over per status the dossier entered (whatever recorded it: the lifecycle, an import, demo data).
RECEPTION = "Bộ phận tiếp nhận và trả kết quả"
STEP_UNITS: dict[str, tuple[str, str]] = {
    Status.ACCEPTED: (RECEPTION, "Bộ phận giải quyết"),
    Status.IN_PROCESSING: ("Bộ phận giải quyết", "Cán bộ thụ lý"),
    Status.AWAITING_SIGNATURE: ("Cán bộ thụ lý", "Lãnh đạo ký duyệt"),
    Status.RESULT_READY: ("Bộ phận giải quyết", RECEPTION),
    Status.RETURNED: (RECEPTION, "Người nộp hồ sơ"),
}


def _timeliness(at: datetime, due: date | None) -> str:
    if due is None:
        return ""
    day = at.astimezone(LOCAL_TZ).date()
    return "Trước hạn" if day < due else "Đúng hạn" if day == due else "Quá hạn"


def control_terms(desk: Any, detail: Any, procedure: Any) -> dict[str, Any]:
    """The control sheet's data: one row per hand-over recorded on the case's timeline."""
    accepted = {Status.ACCEPTED, Status.IN_PROCESSING, Status.AWAITING_SIGNATURE, Status.RESULT_READY,
                Status.RETURNED}
    if detail.row.status not in {s.value for s in accepted} and detail.register_number is None:
        raise LifecycleError(_("Hồ sơ {code} chưa được tiếp nhận; chưa có phiếu kiểm soát",
                               code=detail.row.dossier_code))
    steps = []
    for event in detail.events:
        units = STEP_UNITS.get(event.to_status or "")
        if units is None:
            continue
        steps.append(ControlStep(units[0], units[1], event.at.astimezone(LOCAL_TZ),
                                 _timeliness(event.at, detail.row.due_date)))
    if not steps:
        # No recorded hand-over (a dossier imported already accepted): the reception handed it over on receipt.
        steps.append(ControlStep(RECEPTION, "Bộ phận giải quyết", detail.row.received_at.astimezone(LOCAL_TZ),
                                 _timeliness(detail.row.received_at, detail.row.due_date)))
    return {"steps": tuple(steps), "appointment": _local(detail.appointment_at),
            "handling_unit": getattr(procedure, "agency_vi", "") or desk.config.agency_name}
