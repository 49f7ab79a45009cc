"""OCR on a case's attachments: read and store the fields with their provenance, let the officer correct a
value (provenance ``ocr-edited``, audited), add a scan or photo to a case (encrypted at rest).

Long work (decrypting and reading the image) happens outside any database transaction; the result is
written in one short transaction that also records the event, the audit entry and the new screening.
Values typed by the officer, sent by the portal or read from the card's QR are never overwritten by OCR.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from officer_desk.errors import InputError, LifecycleError, NotFoundError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOSED_STATUSES
from officer_desk.models import Attachment, Case
from officer_desk.ocr.capture import Capture, CaptureSource, store_capture
from officer_desk.ocr.engine import OcrEngine, OcrEngineError
from officer_desk.ocr.extractors import GENERIC
from officer_desk.ocr.loader import MAX_FILE_BYTES, OcrInputError, load_pages, page_count, sniff
from officer_desk.ocr.model import OcrResult
from officer_desk.ocr.reader import OcrCancelled, Progress, read_document

if TYPE_CHECKING:
    from PIL import Image
    from sqlalchemy.orm import Session

    from officer_desk.cases import CaseService

# OCR may replace only what OCR put there (a new read of the same document).
REPLACEABLE = ("ocr",)


@dataclass(frozen=True)
class AttachmentRead:
    """What a read changed: the fields OCR filled, and those it left because someone else set them."""

    attachment_id: int
    result: OcrResult
    filled: tuple[str, ...]
    kept: tuple[str, ...]


class OcrService:
    """OCR operations on cases, on top of the case service (same session, audit and screening rules)."""

    def __init__(self, cases: CaseService, engine: OcrEngine | None = None) -> None:
        self.cases = cases
        self.engine = engine

    # -------------------------------------------------------------- helpers

    def _attachment(self, session: Session, case: Case, attachment_id: int) -> Attachment:
        for attachment in case.attachments:
            if attachment.id == attachment_id:
                return attachment
        raise NotFoundError(_("Không tìm thấy giấy tờ {id} trong hồ sơ {code}", id=attachment_id,
                              code=case.dossier_code))

    def _editable_case(self, session: Session, ref: str | int) -> tuple[Case, Any]:
        case = self.cases.repository.case(session, ref, lock=True)
        if case.status in CLOSED_STATUSES:
            raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể sửa", code=case.dossier_code))
        officer = self.cases.repository.officer(session)
        self.cases.repository.check_lock_holder(case, officer)
        return case, officer

    @staticmethod
    def _dossier_item(obj: dict[str, Any], attachment: Attachment) -> dict[str, Any]:
        items = obj.setdefault("attachments", [])
        while len(items) <= attachment.position:
            items.append({"doc_type": attachment.doc_type, "kind": attachment.kind})
        item = items[attachment.position]
        if not isinstance(item, dict):
            raise InputError(_("Không sửa được giấy tờ {id}", id=attachment.id))
        return item

    def attachment_data(self, content_sha256: str) -> bytes:
        return self.cases.attachment_bytes(content_sha256)

    def page_images(self, content_sha256: str) -> list[Image.Image]:
        """The attachment's pages as loaded for OCR (the coordinates of every box)."""
        return load_pages(self.attachment_data(content_sha256))

    # -------------------------------------------------------------- reading

    def read_attachment(self, ref: str | int, attachment_id: int, doc_type: str | None = None,
                        progress: Progress | None = None) -> AttachmentRead:
        """Read one attachment of a case and store what was read (provenance ``ocr``); re-screens the case."""
        with self.cases.db.session() as session:
            case = self.cases.repository.case(session, ref)
            attachment = self._attachment(session, case, attachment_id)
            digest, stored_type = attachment.content_sha256, attachment.doc_type
        if not digest:
            raise OcrInputError(_("Giấy tờ này chưa có tệp ảnh hoặc PDF để đọc"), code="no_file")
        result = read_document(self.attachment_data(digest), doc_type or stored_type, progress, self.engine)
        return self.store_result(ref, attachment_id, result)

    def store_result(self, ref: str | int, attachment_id: int, result: OcrResult) -> AttachmentRead:
        with self.cases.db.session() as session:
            case, officer = self._editable_case(session, ref)
            attachment = self._attachment(session, case, attachment_id)
            fields = dict(attachment.fields_json or {})
            provenance = dict(attachment.provenance_json or {})
            seen = dict(attachment.ocr_json or {})
            filled: list[str] = []
            kept: list[str] = []
            for name, found in result.fields.items():
                current = provenance.get(name)
                if name in fields and current is not None and current not in REPLACEABLE and current != "qr":
                    kept.append(name)
                    continue
                if current == "qr" and found.source != "qr":
                    kept.append(name)
                    continue
                fields[name] = found.value
                provenance[name] = found.source
                seen[name] = {"confidence": round(found.confidence, 3), "page": found.page, "box": list(found.box)}
                filled.append(name)
            attachment.fields_json = fields
            attachment.provenance_json = provenance
            attachment.ocr_json = seen
            obj = json.loads(case.dossier_json)
            item = self._dossier_item(obj, attachment)
            item["fields"] = fields
            item["provenance"] = provenance
            item["ocr"] = seen
            case.dossier_json = json.dumps(obj, ensure_ascii=False)
            # Field names and counts only: the values are personal data.
            self.cases.repository.event(session, case, officer, "ocr_read", attachment=attachment.id,
                              doc_type=result.doc_type, filled=sorted(filled), kept=sorted(kept))
            session.flush()
            self.cases.findings.screen_in_session(session, case)
            return AttachmentRead(attachment_id, result, tuple(filled), tuple(kept))

    def attach_and_read(self, ref: str | int, data: bytes, file_name: str, doc_type: str | None = None,
                        progress: Progress | None = None) -> AttachmentRead:
        """A dropped photo or a scan: read it first (its type comes from the page when not given), then store
        it with the case and what was read. A file that cannot be read is not attached."""
        result = read_document(data, doc_type, progress, self.engine)
        attachment_id = self.add_attachment(ref, data, file_name, doc_type or result.doc_type)
        return self.store_result(ref, attachment_id, result)

    def attach_capture(self, ref: str | int, source: CaptureSource, capture: Capture,
                       progress: Progress | None = None) -> AttachmentRead:
        """A page from a scanner (SANE, the watched folder): read, stored with the case (encrypted), then the
        source is told. Without the OCR engine the page is stored unread, never lost: the officer types the
        values. A page that is not an image, or a read the officer cancels, stores nothing."""
        try:
            result = read_document(capture.data, None, progress, self.engine)
        except OcrEngineError:
            result = OcrResult(GENERIC, page_count(capture.data))
        if progress is not None and progress.cancelled():  # Cancel pressed during the last page's read
            raise OcrCancelled(_("Đã dừng đọc giấy tờ theo yêu cầu"))
        attachment_id = store_capture(source, capture,
                                      lambda data, name: self.add_attachment(ref, data, name, result.doc_type))
        return self.store_result(ref, attachment_id, result)

    # -------------------------------------------------------------- the officer's correction

    def correct_field(self, ref: str | int, attachment_id: int, name: str, value: str, reason: str = "") -> None:
        """The officer's value for a field OCR read: provenance becomes ``ocr-edited``; audited, re-screened."""
        value = value.strip()
        with self.cases.db.session() as session:
            case, officer = self._editable_case(session, ref)
            attachment = self._attachment(session, case, attachment_id)
            fields = dict(attachment.fields_json or {})
            provenance = dict(attachment.provenance_json or {})
            previous = provenance.get(name)
            if previous not in ("ocr", "ocr-edited", "qr"):
                raise InputError(_("Trường {name} không do máy đọc; hãy sửa trong tờ khai", name=name),
                                 code="not_ocr_field")
            changed = fields.get(name) != value
            fields[name] = value
            provenance[name] = "ocr-edited"
            attachment.fields_json = fields
            attachment.provenance_json = provenance
            obj = json.loads(case.dossier_json)
            item = self._dossier_item(obj, attachment)
            item["fields"] = fields
            item["provenance"] = provenance
            case.dossier_json = json.dumps(obj, ensure_ascii=False)
            self.cases.repository.event(session, case, officer, "ocr_corrected", reason=reason.strip(),
                              attachment=attachment.id, field=name, previous_provenance=previous, changed=changed)
            session.flush()
            self.cases.findings.screen_in_session(session, case)

    # -------------------------------------------------------------- capture

    def add_attachment(self, ref: str | int, data: bytes, file_name: str, doc_type: str,
                       kind: str = "copy") -> int:
        """A scan or phone photo added to a case (encrypted at rest); returns the attachment's id."""
        if not data:
            raise OcrInputError(_("Tệp rỗng, không có gì để đọc"), code="empty")
        if len(data) > MAX_FILE_BYTES:
            raise OcrInputError(_("Tệp lớn hơn giới hạn {limit} MiB", limit=MAX_FILE_BYTES // (1024 * 1024)),
                                code="too_large")
        if sniff(data) is None:
            raise OcrInputError(_("Tệp không phải ảnh (PNG, JPEG, TIFF...) hay PDF"), code="not_image")
        if kind not in ("original", "copy", "certified_copy"):
            raise InputError(_("Loại bản không hợp lệ: {kind}", kind=kind))
        safe_name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in file_name)[-120:] or "scan"
        with self.cases.db.session() as session:
            case, officer = self._editable_case(session, ref)
            digest = self.cases.attachments.put(session, data)
            position = max((a.position for a in case.attachments), default=-1) + 1
            obj = json.loads(case.dossier_json)
            items = obj.setdefault("attachments", [])
            position = max(position, len(items))
            attachment = Attachment(position=position, doc_type=doc_type, kind=kind, quantity=1,
                                    presented_only=False, certified=False, file_name=safe_name,
                                    content_sha256=digest, size=len(data), media_type=_media_type(data),
                                    fields_json={}, provenance_json={}, ocr_json={})
            case.attachments.append(attachment)
            while len(items) < position:
                items.append({"doc_type": "khac", "kind": "copy"})
            items.append({"doc_type": doc_type, "kind": kind, "file": safe_name})
            case.dossier_json = json.dumps(obj, ensure_ascii=False)
            session.flush()
            self.cases.repository.event(session, case, officer, "attachment_added", attachment=attachment.id,
                              doc_type=doc_type, size=len(data))
            session.flush()
            self.cases.findings.screen_in_session(session, case)
            return attachment.id


def _media_type(data: bytes) -> str:
    return {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff",
            "bmp": "image/bmp", "gif": "image/gif", "webp": "image/webp"}.get(sniff(data) or "",
                                                                            "application/octet-stream")
