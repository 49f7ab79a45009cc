"""Notices reopened from the case's documents list are reprints, marked "Bản in lại" like receipts (issue 10).

Each kind the window issues: the supplement request, the refusal, the apology with a new appointment, the
processing control sheet and the result-return slip. Reopened (Enter on the list), the notice is rendered
again from the data it was issued with — same QR payload — marked "Bản in lại", signed, stored as a new
document of the case and audited; the original stored file does not change.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from officer_desk.cases import QueueFilter
from officer_desk.lifecycle import Status
from officer_desk.models import AuditEntry, SignedDocument
from officer_desk.receipts.documents import case_documents, document_pdf
from officer_desk.receipts.model import SupplementItem
from officer_desk.receipts.service import issue_notice


def _pdf_text(pdf: bytes, tmp_path: Any) -> str:
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _case(desk: Any, status: str, due: str = "") -> str:
    ids = desk.cases.list_ids(QueueFilter(statuses=(status,), due=due or None), 0, 1)
    assert ids, f"the demo home has no {status} case"
    return str(desk.cases.rows(ids)[0].dossier_code)


def _issue(desk: Any, kind: str) -> str:
    """Issue a notice of ``kind`` on a case that can have one, as the window's services do."""
    if kind == "supplement":
        code = _case(desk, Status.RECEIVED)
        issue_notice(desk, kind, code, None, items=[SupplementItem("Giấy khai sinh", "Thiếu bản chính")])
    elif kind == "refusal":
        code = _case(desk, Status.RECEIVED)
        issue_notice(desk, kind, code, None, reason="Hồ sơ không thuộc thẩm quyền giải quyết của xã")
    elif kind == "apology":
        code = _case(desk, Status.IN_PROCESSING, due="overdue")
        new_date = date.today() + timedelta(days=7)
        while new_date.weekday() >= 5:
            new_date += timedelta(days=1)
        issue_notice(desk, kind, code, None, reason="Chờ kết quả xác minh", new_appointment=new_date)
    elif kind == "control":
        code = _case(desk, Status.IN_PROCESSING)
        issue_notice(desk, kind, code, None)
    else:
        code = _case(desk, Status.RESULT_READY)
        desk.cases.assign(code, force=True, reason="Trả kết quả tại quầy")  # the holder hands the result over
        issue_notice(desk, kind, code, None)
    return code


@pytest.mark.parametrize("kind", ["supplement", "refusal", "apology", "control", "return"])
def test_a_notice_reopened_from_the_documents_list_is_a_marked_audited_reprint(
        kind: str, small_desk: Any, make_window: Any, qtbot: Any, tmp_path: Any) -> None:
    code = _issue(small_desk, kind)
    original = next(d for d in case_documents(small_desk, code) if d.doc_type == kind)
    original_pdf = document_pdf(small_desk, original.id)
    assert "Bản in lại" not in _pdf_text(original_pdf, tmp_path)

    window = make_window(small_desk)
    window.open_case_by_code(code)
    panel = window.case_view.documents_panel
    qtbot.waitUntil(lambda: any(d.id == original.id for d in panel.documents), timeout=5000)
    row = next(i for i, d in enumerate(panel.documents) if d.id == original.id)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(row))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)  # Enter on the list, as the panel's hint says

    qtbot.waitUntil(lambda: window.active_dialog is not None and window.active_dialog.objectName() == "pdf_preview",
                    timeout=10_000)
    preview = window.active_dialog
    assert "Bản in lại" in _pdf_text(preview.pdf, tmp_path)
    window.active_dialog.reject()

    # The original is unchanged; the reprint is a new document of the case, with the original's QR payload.
    assert document_pdf(small_desk, original.id) == original_pdf
    assert hashlib.sha256(original_pdf).hexdigest() == original.content_sha256
    reprints = [d for d in case_documents(small_desk, code) if d.doc_type == kind and d.reprint]
    assert len(reprints) == 1 and reprints[0].content_sha256 == hashlib.sha256(preview.pdf).hexdigest()
    with small_desk.db.session() as session:
        payloads = {row.reprint: row.qr_payload for row in session.execute(
            select(SignedDocument).where(SignedDocument.id.in_([original.id, reprints[0].id]))).scalars()}
        assert payloads[True] == payloads[False]
        actions = session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == code)).scalars().all()
    assert f"notice.{kind}.reprinted" in actions
    qtbot.waitUntil(lambda: any(d.reprint for d in panel.documents), timeout=5000)  # listed as a reprint
