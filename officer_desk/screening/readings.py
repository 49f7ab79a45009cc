"""Where a document's value came from, in the findings: read by OCR (with what confidence), corrected by
the officer, read from the card's QR. An uncertain OCR read turns an error into an info "please check":
the machine may have misread, so the officer looks at the paper instead of refusing the dossier.
"""

from __future__ import annotations

from dataclasses import dataclass

from officer_desk.dossier import Attachment
from officer_desk.screening import result as R
from officer_desk.screening.context import EMPTY, ScreeningContext, Text, text

# Below this the reader itself says it is unsure (a repaired date, a low engine score).
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Reading:
    """The provenance of one document value and, for OCR, its confidence (0-1)."""

    source: str  # typed | portal | qr | ocr | ocr-edited
    confidence: float | None = None

    @property
    def uncertain(self) -> bool:
        return self.source == "ocr" and (self.confidence is None or self.confidence < LOW_CONFIDENCE)

    def note(self) -> Text | None:
        """What the evidence adds about the value's origin (None for typed or portal values)."""
        if self.source == "ocr":
            if self.confidence is None:
                return text("giá trị trên giấy tờ do máy đọc (OCR)")
            return text("giá trị trên giấy tờ do máy đọc (OCR), độ tin cậy {percent}%",
                        percent=round(self.confidence * 100))
        if self.source == "ocr-edited":
            return text("giá trị do máy đọc (OCR), cán bộ đã sửa")
        if self.source == "qr":
            return text("giá trị đọc từ mã QR trên thẻ")
        return None


def reading_of(ctx: ScreeningContext, attachment: Attachment, name: str) -> Reading:
    source = attachment.source_of(name, ctx.dossier.channel)
    return Reading(source, attachment.ocr_confidence(name) if source == "ocr" else None)


def _join(first: Text, second: Text) -> Text:
    if not first.vi:
        return second
    return Text(first.vi + "; " + second.vi, first.en + "; " + second.en)


def add_finding(ctx: ScreeningContext, code: str, severity: str, target: str, message: Text,
                evidence: Text = EMPTY, suggestion: Text = EMPTY, reading: Reading | None = None) -> None:
    """``ctx.add`` with the value's origin in the evidence; an uncertain OCR read becomes an info to check."""
    if reading is not None:
        note = reading.note()
        if note is not None:
            evidence = _join(evidence, note)
        if reading.uncertain and severity != R.INFO:
            severity = R.INFO
            message = text("Cần kiểm tra lại: {message}", message=message)
            suggestion = text("Máy đọc chưa chắc chắn: đối chiếu giá trị với bản gốc và sửa nếu máy đọc sai")
    ctx.add(code, severity, target, message, evidence, suggestion)
