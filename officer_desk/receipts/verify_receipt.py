"""Checks a receipt or notice from its QR payload: given as text, in a photo or scan, or in our PDF.

A PDF made by the desk carries its payload in the document information dictionary, so it is read
without rasterising; any other PDF (a scan, a "print to PDF" copy) is rendered with pypdfium2 when it
is installed, else its embedded page images are searched.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pypdfium2
from PIL import Image, ImageOps

from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.receipts.qr import QrKeyring, QrVerdict, verify_payload
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
    """(QR texts, origin): the embedded payload if any, else the QR codes drawn on the pages."""
    embedded = read_embedded_payload(pdf)
    if embedded:
        return [embedded], "pdf-info"
    pages = _render_pdf_pages(pdf)
    texts: list[str] = []
    for image in pages:
        texts.extend(_decode_qr_texts(image))
    return texts, "pdf-qr"


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
        texts, origin = read_qr_texts_from_pdf(data)
        verdict, found = _best(texts, keyring)
        return ReceiptVerification(verdict, "pdf", origin, found)
    try:
        texts = read_qr_texts_from_image(data)
    except ValueError:
        return ReceiptVerification(
            QrVerdict("not_ours", _("Tệp {path} không phải ảnh hoặc PDF đọc được", path=str(path))), "image", "qr"
        )
    verdict, found = _best(texts, keyring)
    return ReceiptVerification(verdict, "image", "qr", found)
