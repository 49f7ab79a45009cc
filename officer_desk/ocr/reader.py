"""Read a document: load pages, prepare each, run the engine, find the card's QR, extract the fields.

Runs wherever it is called (the window calls it from its task runner, off the GUI thread); reports
progress per page and stops between pages when cancelled.
"""

from __future__ import annotations

from typing import Protocol

from PIL import Image

from officer_desk.cccd_qr import CccdQrError, looks_like_cccd_qr, parse_cccd_qr
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.ocr.engine import MRZ_CHARACTERS, PSM_AUTO, PSM_BLOCK, PSM_SPARSE, OcrEngine, TesseractEngine
from officer_desk.ocr.extractors import CARD, GENERIC, canonical_doc_type, classify, extractor_for
from officer_desk.ocr.loader import iter_pages, page_count
from officer_desk.ocr.model import Box, Line, OcrField, OcrResult, Word, union_box
from officer_desk.ocr.preprocess import prepare


class Progress(Protocol):
    def report(self, done: int, total: int, label: str = "") -> None: ...
    def cancelled(self) -> bool: ...


class OcrCancelled(DeskError):
    code = "cancelled"
    exit_code = 1


def read_qr(image: Image.Image) -> list[tuple[str, Box]]:
    """Every QR code's text and box on ``image``."""
    import zxingcpp  # compiled module, loaded when first needed

    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(image, formats=formats)
    result: list[tuple[str, Box]] = []
    for barcode in found:
        position = barcode.position
        xs = [position.top_left.x, position.top_right.x, position.bottom_left.x, position.bottom_right.x]
        ys = [position.top_left.y, position.top_right.y, position.bottom_left.y, position.bottom_right.y]
        result.append((barcode.text, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))))
    return result


def _qr_fields(page_number: int, image: Image.Image) -> dict[str, OcrField]:
    for text, box in read_qr(image):
        if not looks_like_cccd_qr(text):
            continue
        try:
            card = parse_cccd_qr(text)
        except CccdQrError:
            continue
        values = {"so": card.id_number, "ho_chu_dem_ten": card.full_name.upper(),
                  "ngay_sinh": card.date_of_birth.strftime("%d/%m/%Y"), "gioi_tinh": card.gender}
        if card.issued_on is not None:
            values["ngay_cap"] = card.issued_on.strftime("%d/%m/%Y")
        return {k: OcrField(v, 1.0, page_number, box, "qr") for k, v in values.items()}
    return {}


def read_document(
    data: bytes,
    doc_type: str | None = None,
    progress: Progress | None = None,
    engine: OcrEngine | None = None,
    use_qr: bool = True,
) -> OcrResult:
    """Read an image or PDF. OcrInputError for a file that is not one; OcrEngineError without Tesseract."""
    engine = engine or TesseractEngine()
    wanted = canonical_doc_type(doc_type) if doc_type else None
    total = page_count(data)
    fields: dict[str, OcrField] = {}
    detected: str | None = wanted
    for index, page in enumerate(iter_pages(data)):
        if progress is not None:
            if progress.cancelled():
                raise OcrCancelled(_("Đã dừng đọc giấy tờ theo yêu cầu"))
            progress.report(index, total, _("Đang đọc trang {page}/{total}", page=index + 1, total=total))
        page_fields, page_type = read_page(page, index + 1, detected, engine, use_qr)
        detected = detected or page_type
        for name, found in page_fields.items():
            current = fields.get(name)
            if current is None or (current.source != "qr" and found.confidence > current.confidence):
                fields[name] = found
    if progress is not None:
        progress.report(total, total, "")
    return OcrResult(doc_type=detected or GENERIC, pages=total, fields=fields)


def read_page(page: Image.Image, page_number: int, doc_type: str | None, engine: OcrEngine,
              use_qr: bool = True) -> tuple[dict[str, OcrField], str]:
    """The fields of one page and the document type (given, or read from the page's title)."""
    prepared = prepare(page, card_hint=True if doc_type == CARD else None)
    qr = _qr_fields(page_number, page) if use_qr and (doc_type in (None, CARD)) else {}
    lines = engine.read_lines(prepared.image, psm=PSM_SPARSE if prepared.is_card else PSM_AUTO)
    kind = doc_type or (CARD if qr else classify("\n".join(line.text for line in lines)))
    if kind == CARD:
        lines = _reread_mrz(prepared.image, lines, engine)
    found = extractor_for(kind)(lines)
    fields = {name: value.field(page_number, prepared.to_page) for name, value in found.items()}
    if kind == CARD:
        fields.update(qr)  # the QR is exact where the photo shows it
    return fields, kind


def _reread_mrz(image: Image.Image, lines: list[Line], engine: OcrEngine) -> list[Line]:
    """The machine-readable zone read again on its own, with the OCR-B alphabet only (letters, digits, <).

    The Vietnamese model reads ``<<<`` as quotes and letters; restricted to the zone's alphabet, the
    engine's English model reads it far better, and the check digits then confirm the result.
    """
    zone = [i for i, line in enumerate(lines) if "<<" in line.text or line.text.replace(" ", "").startswith("IDV")]
    if not zone:
        return lines
    first = min(zone)
    last = min(max(zone), first + 2)
    if last - first < 2:
        last = min(len(lines) - 1, first + 2)
    x, y, w, h = union_box([lines[i].box for i in range(first, last + 1)])
    pad = max(8, h // 6)
    box = (max(0, x - pad), max(0, y - pad), min(image.width, x + w + pad), min(image.height, y + h + pad))
    crop = image.crop(box)
    reread = engine.read_lines(crop, psm=PSM_BLOCK, language="eng", whitelist=MRZ_CHARACTERS)
    reread = [line for line in reread if len(line.text.replace(" ", "")) >= 20]
    if len(reread) < 3:
        return lines
    shifted = [Line(tuple(Word(w.text, w.confidence, (w.box[0] + box[0], w.box[1] + box[1], w.box[2], w.box[3]))
                          for w in line.words)) for line in reread[:3]]
    return lines[:first] + shifted + lines[last + 1:]
