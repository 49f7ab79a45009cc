"""The register book (Sổ theo dõi hồ sơ) for a period: A4 landscape PDF (PAdES-signed) and XLSX.

The columns default to the register form of the one-stop rules (Mẫu số 06, TT 01/2018/TT-VPCP under
NĐ 61/2018), which NĐ 118/2025/NĐ-CP carries on; the form of NĐ 118/2025 has not been checked against
its published annex, so the book prints a note saying so (``FORM_NOTE``). Offices choose and order
columns with ``register_columns`` in config.toml (docs/reports.md).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import InputError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.lifecycle import status_label
from officer_desk.models import Case, CaseEvent
from officer_desk.paths import resource
from officer_desk.receipts.service import document_signer
from officer_desk.reports.export import Column, Table, xlsx_bytes
from officer_desk.reports.facts import refresh_facts
from officer_desk.reports.period import Period

if TYPE_CHECKING:
    from officer_desk.desk import Desk

PAGE_ROWS = 2000
FONT = "RegisterSerif"
FORM_NOTE = ("Mẫu sổ theo Mẫu số 06 Thông tư 01/2018/TT-VPCP; mẫu theo Nghị định 118/2025/NĐ-CP chưa được "
             "đối chiếu — quản trị viên chọn được các cột của sổ.")  # no setting's name on paper (issue 10)


@dataclass(frozen=True)
class RegisterColumn:
    key: str
    header_vi: str
    kind: str  # text | int
    width: float  # relative width on the page


COLUMNS: dict[str, RegisterColumn] = {c.key: c for c in (
    RegisterColumn("stt", "STT", "int", 3),
    RegisterColumn("dossier_code", "Mã hồ sơ", "text", 11),
    RegisterColumn("procedure", "Tên thủ tục hành chính", "text", 16),
    RegisterColumn("sets", "Số lượng hồ sơ (bộ)", "int", 5),
    RegisterColumn("applicant", "Tên tổ chức, cá nhân", "text", 10),
    RegisterColumn("address_phone", "Địa chỉ, số điện thoại", "text", 13),
    RegisterColumn("agency", "Cơ quan chủ trì giải quyết", "text", 9),
    RegisterColumn("received", "Nhận hồ sơ", "text", 7),
    RegisterColumn("appointment", "Hẹn trả kết quả", "text", 6),
    RegisterColumn("transferred", "Chuyển hồ sơ đến cơ quan giải quyết", "text", 7),
    RegisterColumn("result_received", "Nhận kết quả từ cơ quan giải quyết", "text", 7),
    RegisterColumn("returned", "Trả kết quả cho tổ chức, cá nhân", "text", 7),
    RegisterColumn("note", "Ghi chú", "text", 8),
    RegisterColumn("channel", "Kênh nộp", "text", 6),
    RegisterColumn("status", "Trạng thái", "text", 7),
)}
DEFAULT_COLUMNS = ("stt", "dossier_code", "procedure", "sets", "applicant", "address_phone", "agency", "received",
                   "appointment", "transferred", "result_received", "returned", "note")
CHANNELS_VI = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến", "buu_chinh": "Bưu chính"}


def register_columns(configured: Sequence[str]) -> tuple[RegisterColumn, ...]:
    """The configured columns (``register_columns``), or the default form; unknown names are an error."""
    keys = tuple(configured) or DEFAULT_COLUMNS
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise InputError(_("config.toml: register_columns có cột không biết: {unknown} (dùng: {known})",
                           unknown=", ".join(unknown), known=", ".join(COLUMNS)), code="invalid_config")
    return tuple(COLUMNS[k] for k in keys)


def _day(moment: datetime | date | None, with_time: bool = False) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        local = moment.astimezone(LOCAL_TZ)
        return local.strftime("%H:%M %d/%m/%Y" if with_time else "%d/%m/%Y")
    return moment.strftime("%d/%m/%Y")


def register_rows(desk: Desk, period: Period, columns: Sequence[RegisterColumn]) -> Iterator[tuple[Any, ...]]:
    """The book's rows, oldest first, fetched a page at a time (the book lists every dossier)."""
    refresh_facts(desk.db, desk.calendar)
    number = 0
    last: tuple[datetime, int] | None = None
    while True:
        with desk.db.session() as session:
            query = (select(Case.id, Case.received_at, Case.dossier_code, Case.procedure_code, Case.applicant_name,
                            Case.applicant_phone, Case.dossier_json, Case.appointment_at, Case.due_date,
                            Case.result_at, Case.status, Case.channel, Case.result_timing)
                     .where(Case.received_at >= period.start_utc, Case.received_at < period.end_utc)
                     .order_by(Case.received_at, Case.id).limit(PAGE_ROWS))
            if last is not None:
                query = query.where((Case.received_at > last[0]) | ((Case.received_at == last[0])
                                                                     & (Case.id > last[1])))
            page = session.execute(query).all()
            if not page:
                return
            ids = [row[0] for row in page]
            steps: dict[tuple[int, str], datetime] = {}
            for case_id, action, at in session.execute(
                select(CaseEvent.case_id, CaseEvent.action, func.min(CaseEvent.at))
                .where(CaseEvent.case_id.in_(ids), CaseEvent.action.in_(("start_processing", "mark_result_ready")))
                .group_by(CaseEvent.case_id, CaseEvent.action)
            ):
                steps[(case_id, action)] = at
        for row in page:
            number += 1
            values = _row_values(desk, number, row, steps)
            yield tuple(values[c.key] for c in columns)
        last = (page[-1][1], page[-1][0])


def _row_values(desk: Desk, number: int, row: Any, steps: dict[tuple[int, str], datetime]) -> dict[str, Any]:
    (case_id, received_at, code, procedure_code, name, phone, dossier_json, appointment_at, due_date,
     result_at, status, channel, timing) = row
    procedure = desk.catalogue.find(procedure_code)
    try:
        dossier = json.loads(dossier_json)
    except ValueError:
        dossier = {}
    applicant = dossier.get("applicant") if isinstance(dossier, dict) else None
    address = str(applicant.get("address", "")) if isinstance(applicant, dict) else ""
    notes = []
    if status in ("refused", "withdrawn", "supplement_requested"):
        notes.append(status_label(status))
    if timing == "late":
        notes.append(_("Trễ hạn"))
    return {
        "stt": number, "dossier_code": code,
        "procedure": procedure.name_vi if procedure is not None else procedure_code,
        "sets": 1, "applicant": name, "address_phone": ", ".join(p for p in (address, phone) if p),
        "agency": desk.config.agency_name, "received": _day(received_at, with_time=True),
        "appointment": _day(appointment_at) if appointment_at else _day(due_date),
        "transferred": _day(steps.get((case_id, "start_processing"))),
        "result_received": _day(steps.get((case_id, "mark_result_ready"))),
        "returned": _day(result_at), "note": "; ".join(notes),
        "channel": _(CHANNELS_VI[channel]) if channel in CHANNELS_VI else channel,
        "status": status_label(status),
    }


def register_table(desk: Desk, period: Period) -> Table:
    columns = register_columns(desk.config.register_columns)
    return Table(
        _("Sổ theo dõi hồ sơ {period}", period=period.label()),
        tuple(Column(_(c.header_vi), c.kind) for c in columns),
        tuple(register_rows(desk, period, columns)),
        _("Sổ theo dõi hồ sơ"),
    )


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for suffix, file, bold, italic in (("", "Regular", 0, 0), ("-Bold", "Bold", 1, 0),
                                       ("-Italic", "Italic", 0, 1), ("-BoldItalic", "BoldItalic", 1, 1)):
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(resource("fonts", f"LiberationSerif-{file}.ttf"))))
        addMapping(FONT, bold, italic, FONT + suffix)


def render_register_pdf(desk: Desk, period: Period, table: Table, now: datetime | None = None) -> bytes:
    """A4 landscape, header repeated on every page, page numbers, the unconfirmed-form note."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    _register_fonts()
    now = now or datetime.now(LOCAL_TZ)
    columns = register_columns(desk.config.register_columns)
    body = ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9)
    head = ParagraphStyle("head", parent=body, fontName=FONT + "-Bold", alignment=1)
    centre = ParagraphStyle("centre", parent=body, fontName=FONT + "-Bold", fontSize=11, leading=14, alignment=1)
    title = ParagraphStyle("title", parent=centre, fontSize=15, leading=19)
    note = ParagraphStyle("note", parent=body, fontName=FONT + "-Italic", fontSize=8, leading=10)
    page_width, page_height = landscape(A4)
    margin = 12 * mm
    usable = page_width - 2 * margin
    header_lines = "<br/>".join(_escape(line) for line in desk.config.agency_header)
    top = PdfTable(
        [[Paragraph(header_lines, centre),
          Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", centre)]],
        colWidths=[usable * 0.45, usable * 0.55],
    )
    story: list[Any] = [
        top, Spacer(1, 6 * mm), Paragraph(_escape(_("SỔ THEO DÕI HỒ SƠ")), title),
        Paragraph(_escape(_("Từ ngày {first} đến ngày {last}", first=period.first.strftime("%d/%m/%Y"),
                            last=period.last.strftime("%d/%m/%Y"))), centre),
        Spacer(1, 2 * mm), Paragraph(_escape(_(FORM_NOTE)), note), Spacer(1, 3 * mm),
    ]
    total_width = sum(c.width for c in columns)
    widths = [usable * c.width / total_width for c in columns]
    data: list[list[Any]] = [[Paragraph(_escape(c.header), head) for c in table.columns]]
    for row in table.rows:
        data.append([Paragraph(_escape(str(v)), body) for v in row])
    if len(data) == 1:
        data.append([Paragraph(_escape(_("Không có hồ sơ nào trong kỳ")), body)] + [""] * (len(columns) - 1))
    grid = LongTable(data, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    story.append(grid)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(_escape(_("Lập lúc {moment}; tổng số {n} hồ sơ.", moment=now.strftime("%H:%M %d/%m/%Y"),
                                     n=len(table.rows))), note))
    footer = _("Trang {page}")

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawRightString(page_width - margin, 7 * mm, footer.format(page=document.page))
        canvas.drawString(margin, 7 * mm, f"{desk.config.agency_name} — {period.label()}")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=(page_width, page_height), leftMargin=margin, rightMargin=margin,
                                 topMargin=margin, bottomMargin=14 * mm, title=_("Sổ theo dõi hồ sơ"),
                                 author=desk.config.agency_name, invariant=True)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class RegisterOutcome:
    file: Path
    rows: int
    signed: bool
    signer: str


def write_register(desk: Desk, period: Period, out: Path, fmt: str = "pdf", keystore: Path | None = None,
                   pin: str | None = None) -> RegisterOutcome:
    """Write the book: PDF signed with the desk's signer (as receipts are), or XLSX."""
    table = register_table(desk, period)
    if fmt == "xlsx":
        write_bytes_atomic(out, xlsx_bytes([table]))
        return RegisterOutcome(out, len(table.rows), False, "")
    pdf = render_register_pdf(desk, period, table)
    # The same signer as receipts: on a set-up desk the acting officer's own certificate (issue 9).
    signer = document_signer(desk, keystore, pin)
    try:
        signed = signer.sign(pdf, reason=_("Sổ theo dõi hồ sơ {period}", period=period.label()))
        name = str(getattr(signer.signer, "common_name", ""))
    finally:
        signer.close()
    write_bytes_atomic(out, signed)
    return RegisterOutcome(out, len(table.rows), True, name)
