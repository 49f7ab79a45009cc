"""The report as a table: aligned text (Vietnamese headers), CSV in UTF-8 with BOM, XLSX (openpyxl).

One function (``report_table``) decides the columns and their typed values; every format writes
that same table, so the numbers in a spreadsheet are the numbers on the screen.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from officer_desk.errors import DeskError
from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.reports.metrics import Figures, ServiceReport

Cell = str | int | float


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # text | int | percent | decimal


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sheet: str = ""  # the XLSX sheet's name (31 characters at most)


def _group_header(by: str) -> str:
    return {"procedure": _("Thủ tục"), "officer": _("Cán bộ"), "channel": _("Kênh nộp"),
            "commune": _("Xã, phường")}.get(by, by)


def _figures_row(figures: Figures) -> tuple[Cell, ...]:
    # Rates to 4 decimals (0.1 %), days and minutes to 2: the same numbers on screen, in CSV and in XLSX.
    return (
        figures.label, figures.received, figures.by_channel.get("truc_tuyen", 0), round(figures.online_rate, 4),
        figures.early, figures.on_time, figures.late, round(figures.median_days, 2), round(figures.p90_days, 2),
        round(figures.supplement_rate, 4), round(figures.refusal_rate, 4), round(figures.handling_minutes, 2),
    )


def report_table(report: ServiceReport) -> Table:
    """The grouped rows and the total row, with typed columns."""
    columns = (
        Column(_group_header(report.by), "text"),
        Column(_("Hồ sơ tiếp nhận"), "int"),
        Column(_("Trực tuyến"), "int"),
        Column(_("Tỷ lệ trực tuyến"), "percent"),
        Column(_("Trước hạn"), "int"),
        Column(_("Đúng hạn"), "int"),
        Column(_("Trễ hạn"), "int"),
        Column(_("Ngày xử lý (trung vị)"), "decimal"),
        Column(_("Ngày xử lý (P90)"), "decimal"),
        Column(_("Tỷ lệ yêu cầu bổ sung"), "percent"),
        Column(_("Tỷ lệ từ chối"), "percent"),
        Column(_("Phút xử lý tại quầy / hồ sơ"), "decimal"),
    )
    rows = tuple(_figures_row(row) for row in report.rows) + (_figures_row(report.total),)
    title = _("Báo cáo chất lượng phục vụ {period}", period=report.period.label())
    return Table(title, columns, rows, _("Báo cáo"))


def summary_lines(report: ServiceReport) -> list[str]:
    total = report.total
    return [
        _("Báo cáo chất lượng phục vụ {period}", period=report.period.label()),
        _("Hồ sơ tiếp nhận: {n} (trực tiếp {direct}, trực tuyến {online}, bưu chính {post}); "
          "tỷ lệ trực tuyến {rate}",
          n=total.received, direct=total.by_channel.get("truc_tiep", 0),
          online=total.by_channel.get("truc_tuyen", 0), post=total.by_channel.get("buu_chinh", 0),
          rate=_percent(total.online_rate)),
        _("Đã trả kết quả: trước hạn {early}, đúng hạn {on_time}, trễ hạn {late}",
          early=total.early, on_time=total.on_time, late=total.late),
        _("Thời gian giải quyết (ngày làm việc): trung vị {median}, P90 {p90}",
          median=_number(total.median_days), p90=_number(total.p90_days)),
        _("Tỷ lệ yêu cầu bổ sung {supplement}; tỷ lệ từ chối {refusal}; xử lý tại quầy trung bình {minutes} phút/hồ sơ",
          supplement=_percent(total.supplement_rate), refusal=_percent(total.refusal_rate),
          minutes=_number(total.handling_minutes)),
        _("Hồ sơ đang tồn: {open} (quá hạn {overdue}); văn bản đã ký: {signed}, giấy tiếp nhận: {receipts}",
          open=sum(report.backlog.values()), overdue=report.overdue, signed=report.signatures,
          receipts=report.receipts),
    ]


def _percent(value: float) -> str:
    return f"{value * 100:.1f}".replace(".", ",") + " %"


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _cell_text(value: Cell, kind: str) -> str:
    if kind == "percent" and isinstance(value, float | int):
        return _percent(float(value))
    if kind == "decimal" and isinstance(value, float | int):
        return _number(float(value))
    return str(value)


def render_text(report: ServiceReport) -> str:
    """Summary lines, then the grouped table with aligned columns (wide labels are cut)."""
    table = report_table(report)
    cells = [[c.header for c in table.columns]] + [
        [_cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)] for row in table.rows
    ]
    cells = [[row[0][:48], *row[1:]] for row in cells]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    lines = summary_lines(report) + [""]
    for number, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
        if number == 0 or number == len(cells) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese headers right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(v, c.kind) for v, c in zip(row, table.columns, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_value(value: Cell, kind: str) -> str:
    if kind in ("percent", "decimal") and isinstance(value, float | int):
        return f"{float(value):.4f}".rstrip("0").rstrip(".")
    return str(value)


NUMBER_FORMATS = {"int": "#,##0", "percent": "0.0%", "decimal": "0.00", "text": "@"}


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """One sheet per table: Vietnamese headers, typed cells, the header row frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for index, table in enumerate(tables):
        sheet = workbook.create_sheet(_sheet_name(table.sheet or table.title, index))
        sheet.append([c.header for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for column_index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(row=1, column=column_index).column_letter
            width = 40 if column.kind == "text" else max(12, min(28, len(column.header) + 2))
            sheet.column_dimensions[letter].width = width
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column_index, max_col=column_index):
                cell.number_format = NUMBER_FORMATS[column.kind]
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, index: int) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return (cleaned[:31] or f"Sheet {index + 1}")


def detail_tables(report: ServiceReport) -> list[Table]:
    """The dashboard's other tables: findings, backlog, documents."""
    findings = Table(
        _("Gợi ý sàng lọc"),
        (Column(_("Gợi ý"), "text"), Column(_("Số lần"), "int"), Column(_("Cán bộ bỏ qua"), "int"),
         Column(_("Cán bộ chấp nhận"), "int"), Column(_("Tỷ lệ bỏ qua"), "percent")),
        tuple((f.label, f.raised, f.dismissed, f.accepted, f.dismissal_rate) for f in report.findings),
        _("Gợi ý sàng lọc"),
    )
    backlog = Table(
        _("Hồ sơ tồn theo tuổi"),
        (Column(_("Số ngày từ khi nhận"), "text"), Column(_("Hồ sơ"), "int")),
        tuple((label, n) for label, n in report.backlog.items()),
        _("Hồ sơ tồn"),
    )
    documents = Table(
        _("Văn bản đã phát hành"),
        (Column(_("Loại văn bản"), "text"), Column(_("Đã phát hành"), "int"), Column(_("Đã ký số"), "int")),
        tuple((d.label, d.issued, d.signed) for d in report.documents),
        _("Văn bản"),
    )
    return [findings, backlog, documents]


class ExportError(DeskError):
    code = "export"
    exit_code = 2


def write_report(report: ServiceReport, out: Path, fmt: str) -> None:
    """Write the report file atomically (nothing is left behind on failure)."""
    if fmt == "csv":
        data = csv_bytes(report_table(report))
    elif fmt == "xlsx":
        data = xlsx_bytes([report_table(report), *detail_tables(report)])
    elif fmt == "table":
        data = (render_text(report) + "\n").encode("utf-8")
    else:
        import json

        data = (json.dumps(report.as_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise ExportError(_("Không ghi được tệp {path}: {reason}", path=str(out),
                            reason=exc.strerror or str(exc))) from exc
