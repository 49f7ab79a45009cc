"""Checks a receipt or notice from its QR payload: given as text, in a photo or scan, or in a PDF.

A PDF is judged by what the citizen holds: the QR RENDERED on its pages (pypdfium2 + zxing-cpp), never
by the copy of the payload the desk keeps in the Info dictionary (``/OfficerDeskQR``), which any
incremental update can swap (issue 16). That copy is a convenience that must agree with the page. A
PDF that claims to be the desk's (Info payload or a signature) is genuine only when a PDF signature
covers the page as shown — intact, nothing changed after signing that alters a page or the desk's
metadata — and the page's own text agrees with the QR (dossier code, applicant name, appointment).
A PDF with neither (a scan, a "print to PDF" copy) is judged by its QR like a photo, plus its text
when it has any.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import pypdfium2
from PIL import Image, ImageOps

from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.receipts.qr import VIETNAM_TIME, QrKeyring, QrVerdict, verify_payload
from officer_desk.receipts.render import PAYLOAD_INFO_KEY

Source = Literal["text", "image", "pdf"]
MAX_PDF_PAGES = 10
RENDER_DPI = 200
_SEVERITY = {"tampered": 3, "unknown_issuer": 2, "genuine": 1, "not_ours": 0}


@dataclass(frozen=True)
class ReceiptVerification:
    """The verdict on one ARG, and where its payload came from."""

    verdict: QrVerdict
    source: Source
    origin: str
    """text, qr (read from an image), pdf-info (embedded by the desk) or pdf-qr (rasterised)."""
    found: int = 0
    """How many payloads of ours were found (a photo may show several documents)."""

    @property
    def exit_code(self) -> int:
        return self.verdict.exit_code

    def as_dict(self) -> dict[str, Any]:
        return {**self.verdict.as_dict(), "source": self.source, "origin": self.origin, "found": self.found}


def _decode_qr_texts(image: Image.Image) -> list[str]:
    import zxingcpp  # imported late: a compiled module, only needed for images

    image = ImageOps.exif_transpose(image).convert("L")
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    texts = [b.text for b in zxingcpp.read_barcodes(image, formats=formats)]
    if not texts:
        # A second look with a global threshold helps on evenly lit, slightly blurred scans.
        texts = [
            b.text
            for b in zxingcpp.read_barcodes(
                image, formats=formats, binarizer=zxingcpp.Binarizer.GlobalHistogram
            )
        ]
    return texts


def read_qr_texts_from_image(data: bytes) -> list[str]:
    """Every QR text in an image file (PNG, JPEG, …); ValueError if the image cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return _decode_qr_texts(image)
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValueError(str(exc)) from exc


def read_embedded_payload(pdf: bytes) -> str | None:
    """The payload the desk embedded when rendering the PDF (survives incremental signing)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        trailer = reader.trailer_view
        info = trailer["/Info"] if "/Info" in trailer else None
        value = info.get("/" + PAYLOAD_INFO_KEY) if info is not None else None
    except Exception:  # noqa: BLE001 - any malformed PDF just has no readable payload
        return None
    return str(value) if value else None


def _render_pdf_pages(pdf: bytes) -> list[Image.Image]:
    images: list[Image.Image] = []
    try:
        document = pypdfium2.PdfDocument(pdf)
        for index in range(min(len(document), MAX_PDF_PAGES)):
            page = document[index]
            images.append(page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil())
        document.close()
    except pypdfium2.PdfiumError:
        return images
    return images


def read_qr_texts_from_pdf(pdf: bytes) -> tuple[list[str], str]:
    """(QR texts, origin): the QR codes drawn on the pages, as a reader of the paper sees them."""
    texts: list[str] = []
    for image in _render_pdf_pages(pdf):
        texts.extend(_decode_qr_texts(image))
    return texts, "pdf-qr"


def _page_text(pdf: bytes) -> str:
    """The text layer of the first pages, one line per text line (empty for a scan)."""
    parts: list[str] = []
    try:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in range(min(len(document), MAX_PDF_PAGES)):
                textpage = document[index].get_textpage()
                parts.append(textpage.get_text_range())
                textpage.close()
        finally:
            document.close()
    except pypdfium2.PdfiumError:
        return ""
    return "\n".join(parts).replace("\u00a0", " ").replace("\r", "")


def _text_disagreement(verdict: QrVerdict, text: str) -> str | None:
    """Why the page text contradicts the QR (None when it agrees or there is no text to compare)."""
    folded = " ".join(text.split())
    if not folded:
        return None
    code = verdict.fields.get("dossier_code") or ""
    if code and code not in folded:
        return _("Mã hồ sơ in trên trang khác với mã hồ sơ trong mã QR")
    if verdict.fields.get("name_hash"):
        # the name stands on a line of its own (signature block) or after a colon ("... của: NAME")
        candidates = {" ".join(part.split()) for line in text.splitlines() for part in (line, *line.split(":"))}
        if not any(verdict.matches_name(candidate) for candidate in candidates if candidate):
            return _("Họ tên in trên trang khác với họ tên trong mã QR")
    appointment = verdict.fields.get("appointment")
    if appointment:
        local = datetime.fromisoformat(appointment).astimezone(VIETNAM_TIME)
        printed = f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"
        if printed not in folded:
            return _("Ngày hẹn in trên trang khác với ngày hẹn trong mã QR")
    return None


def _signature_covers_page(pdf: bytes, home: Home | None) -> str | None:
    """None when a PDF signature covers the pages as shown; else why not."""
    from officer_desk.signing.verify import UNREADABLE, verify_pdf

    try:
        report = verify_pdf(pdf, home=home)
    except Exception:  # noqa: BLE001 - a PDF that breaks the verifier covers nothing
        return _("Không kiểm tra được chữ ký số của tệp PDF")
    if report.verdict == UNREADABLE or not report.signatures:
        return _("Tệp PDF mang mã QR của quầy nhưng không có chữ ký số bao trùm nội dung")
    for sig in report.signatures:
        if sig.integrity != "intact" or sig.modification == "illegal":
            return _("Tệp PDF đã bị sửa sau khi ký: {detail}",
                     detail="; ".join(sig.changes) or sig.verdict_label)
    return None


def _verify_pdf(data: bytes, keyring: QrKeyring, home: Home | None) -> ReceiptVerification:
    texts, origin = read_qr_texts_from_pdf(data)
    embedded = read_embedded_payload(data)
    verdict, found = _best(texts, keyring)
    ours = [t for t in dict.fromkeys(texts) if verify_payload(t, keyring).status != "not_ours"]
    if embedded and embedded.strip() not in ours:
        reason = (_("Trang không hiển thị mã QR nào của quầy, nhưng tệp có ghi mã trong siêu dữ liệu")
                  if not ours else _("Mã QR in trên trang khác với mã ghi trong siêu dữ liệu của tệp"))
        return ReceiptVerification(QrVerdict("tampered", reason, verdict.fields, verdict.payload), "pdf",
                                   origin, max(found, 1))
    if verdict.status != "genuine":
        return ReceiptVerification(verdict, "pdf", origin, found)
    text_page = _page_text(data)
    if embedded or _has_signature(data):
        problem = _signature_covers_page(data, home)
        if problem is not None:
            return ReceiptVerification(QrVerdict("tampered", problem, verdict.fields, verdict.payload), "pdf",
                                       origin, found)
    problem = _text_disagreement(verdict, text_page)
    if problem is not None:
        return ReceiptVerification(QrVerdict("tampered", problem, verdict.fields, verdict.payload), "pdf",
                                   origin, found)
    return ReceiptVerification(verdict, "pdf", origin, found)


def _has_signature(pdf: bytes) -> bool:
    return b"/ByteRange" in pdf


def _best(texts: list[str], keyring: QrKeyring) -> tuple[QrVerdict, int]:
    """The verdict for the payloads of ours among ``texts``: the most severe when they differ."""
    verdicts = [verify_payload(t, keyring) for t in dict.fromkeys(texts)]
    ours = [v for v in verdicts if v.status != "not_ours"]
    if not ours:
        if verdicts:
            return verdicts[0], 0
        return QrVerdict("not_ours", _("Không tìm thấy mã QR")), 0
    return max(ours, key=lambda v: _SEVERITY[v.status]), len(ours)


def verify_receipt_arg(arg: str, home: Home | Path | None = None, *, keyring: QrKeyring | None = None
                       ) -> ReceiptVerification:
    """Verify ARG: an existing file (image or PDF) or else the payload text itself."""
    keyring = keyring or QrKeyring(home if isinstance(home, Home) else Home(home) if home else Home())
    path = Path(arg)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # a long payload is not a valid path on some systems
        is_file = False
    if not is_file:
        verdict = verify_payload(arg, keyring)
        return ReceiptVerification(verdict, "text", "text", int(verdict.status != "not_ours"))
    try:
        data = path.read_bytes()
    except OSError:
        return ReceiptVerification(QrVerdict("not_ours", _("Không đọc được tệp {path}", path=str(path))), "image",
                                   "qr")
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        desk_home = home if isinstance(home, Home) else Home(home) if home else None
        return _verify_pdf(data, keyring, desk_home)
    try:
        texts = read_qr_texts_from_image(data)
    except ValueError:
        return ReceiptVerification(
            QrVerdict("not_ours", _("Tệp {path} không phải ảnh hoặc PDF đọc được", path=str(path))), "image", "qr"
        )
    verdict, found = _best(texts, keyring)
    return ReceiptVerification(verdict, "image", "qr", found)
