"""The requirements checklist (phiếu hướng dẫn) handed to a citizen from the procedure assistant: the papers
to bring, how many, original or copy, processing time and fee, in Vietnamese (the citizen's paper).

Rendered in memory (QTextDocument → QPdfWriter on a QBuffer), previewed like every other document; it is
guidance, not an issued act, so it is not signed, numbered or kept with a case.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from officer_desk.catalogue import fee_text, processing_text
from officer_desk.i18n import current_language, set_language

KIND_VI = {"original": "Bản chính", "certified_copy": "Bản sao có chứng thực", "copy": "Bản sao"}


def checklist_html(procedure: Any, agency_name: str) -> str:
    """The checklist's text; always Vietnamese (it is handed to the citizen)."""
    language = current_language()
    set_language("vi")  # the catalogue's texts (processing time, fee) in the citizen's language
    try:
        time_text, fee = processing_text(procedure), fee_text(procedure)
    finally:
        set_language(language)
    rows = []
    for number, document in enumerate(procedure.documents, start=1):
        how = KIND_VI.get(document.kind, document.kind)
        if document.presented_only:
            how += " (xuất trình để đối chiếu)"
        note = "" if document.required else (document.condition_vi or "Nếu có")
        rows.append(f"<tr><td align='center'>{number}</td><td>{escape(document.name_vi)}"
                    f"{'<br><i>' + escape(note) + '</i>' if note else ''}</td>"
                    f"<td>{escape(how)}</td><td align='center'>{max(1, document.quantity)}</td>"
                    f"<td align='center'>☐</td></tr>")
    return (
        f"<p align='center'><b>{escape(agency_name.upper())}</b></p>"
        "<h3 align='center'>PHIẾU HƯỚNG DẪN THÀNH PHẦN HỒ SƠ</h3>"
        f"<p><b>Thủ tục:</b> {escape(procedure.name_vi)}</p>"
        f"<p><b>Thời hạn giải quyết:</b> {escape(time_text)}<br><b>Phí, lệ phí:</b> {escape(fee)}</p>"
        "<p>Ông/Bà vui lòng chuẩn bị đầy đủ các giấy tờ sau khi nộp hồ sơ:</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<tr><th>TT</th><th>Tên giấy tờ</th><th>Hình thức</th><th>Số lượng</th><th>Đã có</th></tr>"
        + "".join(rows) + "</table>"
        "<p><i>Phiếu này chỉ để hướng dẫn, không thay thế giấy tiếp nhận hồ sơ.</i></p>"
    )


def checklist_pdf(procedure: Any, agency_name: str) -> bytes:
    """An A5 PDF of the checklist, made in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(f"Phiếu hướng dẫn — {procedure.name_vi}")
    document = QTextDocument()
    document.setHtml(checklist_html(procedure, agency_name))
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
