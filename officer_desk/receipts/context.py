"""Turns document data into the named texts and row lists that the templates refer to."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Any

from officer_desk.receipts.layout import NBSP
from officer_desk.receipts.model import DocumentData, NoticeData, ReceiptData
from officer_desk.receipts.qr import to_vietnam_time

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

Rows = list[dict[str, str]]


def clean(text: object) -> str:
    """Printed text: NFC (the embedded font has precomposed glyphs only); the content is kept verbatim."""
    return unicodedata.normalize("NFC", str(text)).strip()


def unbroken(text: str) -> str:
    """A short text (a person's name) kept on one line."""
    return text.replace(" ", NBSP)


def time_text(value: datetime | None, weekday: bool = False) -> str:
    """``09 giờ 30 phút, ngày 27/11/2026`` (Vietnam time), optionally with the weekday."""
    if value is None:
        return ""
    local = to_vietnam_time(value)
    # No-break spaces keep "15 giờ 30 phút,", "ngày 02/12/2026" and "(Thứ Tư)" on one line each.
    text = f"{local:%H}{NBSP}giờ{NBSP}{local:%M}{NBSP}phút, ngày{NBSP}{local:%d/%m/%Y}"
    if weekday:
        text += f" ({WEEKDAYS[local.weekday()].replace(' ', NBSP)})"
    return text


def date_long(value: datetime) -> str:
    """``27 tháng 11 năm 2026`` (months 1 and 2 with a leading zero, as NĐ 30/2020 asks)."""
    local = to_vietnam_time(value)
    month = f"{local.month:02d}" if local.month < 3 else str(local.month)
    return f"{local.day:02d} tháng {month} năm {local.year}"


def _common(data: DocumentData) -> dict[str, Any]:
    header = [clean(line) for line in data.agency_header if clean(line)] or [clean(data.agency_name).upper()]
    issued = data.issue_time
    locality = clean(data.locality)
    date_line = f"{locality}, ngày {date_long(issued)}" if locality else f"Ngày {date_long(issued)}"
    return {
        "agency_name": clean(data.agency_name),
        "agency_header": header,
        "agency_id": clean(data.agency_id),
        "desk_number": clean(data.desk_number),
        "dossier_code": clean(data.dossier_code),
        "applicant_name": unbroken(clean(data.applicant_name)),
        "applicant_address": clean(data.applicant_address),
        "applicant_phone": clean(data.applicant_phone),
        "applicant_email": clean(data.applicant_email),
        "procedure_code": clean(data.procedure_code),
        "procedure_name": clean(data.procedure_name),
        "officer_name": unbroken(clean(data.officer_name)),
        "locality": locality,
        "received_at_text": time_text(data.received_at),
        "received_date_long": date_long(data.received_at),
        "issued_at_text": time_text(issued),
        "date_line": date_line,
        "reprint": "1" if data.reprint else "",
    }


def _numbered(values: list[dict[str, str]]) -> Rows:
    return [{"n": str(i), **row} for i, row in enumerate(values, start=1)]


def build_context(doc_type: str, data: DocumentData) -> tuple[dict[str, Any], dict[str, Rows]]:
    """(named texts, named row lists) for rendering ``doc_type`` from ``data``."""
    values = _common(data)
    rows: dict[str, Rows] = {}
    if isinstance(data, ReceiptData):
        rows["components"] = _numbered(
            [{"name": clean(c.name), "kind": clean(c.kind), "count": str(c.count)} for c in data.components]
        )
        values.update(
            sets_count=str(data.sets_count),
            processing_time_text=clean(data.processing_time_text),
            appointment_text=time_text(data.appointment, weekday=True),
            collection_place=clean(data.collection_place),
            register_book=clean(data.register_book),
            register_number=str(data.register_number),
            components_count=str(len(data.components)),
            fee_text=clean(data.fee_text),
        )
        return values, rows
    assert isinstance(data, NoticeData)
    rows["items"] = _numbered([{"name": clean(i.name), "reason": clean(i.reason)} for i in data.items])
    rows["reasons"] = _numbered([{"text": clean(r)} for r in data.reasons if clean(r)])
    rows["result_documents"] = _numbered([{"text": clean(r)} for r in data.result_documents if clean(r)])
    rows["steps"] = _numbered(
        [
            {
                "from_unit": clean(s.from_unit),
                "to_unit": clean(s.to_unit),
                "handed_at_text": time_text(s.handed_at),
                "result": clean(s.result),
                "note": clean(s.note),
            }
            for s in data.steps
        ]
    )
    values.update(
        contact=clean(data.contact),
        items_count=str(len(data.items)),
        reason=clean(data.reason),
        old_appointment_text=time_text(data.old_appointment, weekday=True),
        new_appointment_text=time_text(data.new_appointment, weekday=True),
        returned_at_text=time_text(data.returned_at),
        receiver_name=unbroken(clean(data.receiver_name)),
        receiver_or_applicant=unbroken(clean(data.receiver_name) or clean(data.applicant_name)),
        appointment_text=time_text(data.appointment, weekday=True),
        handling_unit=clean(data.handling_unit),
        register_book=clean(data.register_book),
        register_number="" if data.register_number is None else str(data.register_number),
    )
    return values, rows


def qr_appointment(doc_type: str, data: DocumentData) -> datetime | None:
    """The time the QR payload carries: the appointment (the new one on an apology slip)."""
    if isinstance(data, ReceiptData):
        return data.appointment
    if doc_type == "apology":
        return data.new_appointment
    if doc_type == "control":
        return data.appointment
    return None
