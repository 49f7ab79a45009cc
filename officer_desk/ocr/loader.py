"""Untrusted image and PDF bytes to grayscale page images, with limits: no file can exhaust the desk.

Scans arrive from citizens and portals: a file may be empty, truncated, a decompression bomb (a small
PNG declaring 20,000 x 20,000 pixels), a password-protected PDF or not an image at all. Each case gives
an ``OcrInputError`` whose message an officer can act on; nothing is written anywhere.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from struct import error as struct_error  # Pillow raises it on some truncated headers
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from officer_desk.errors import InputError
from officer_desk.i18n import _

MAX_FILE_BYTES = 50 * 1024 * 1024  # the attachment limit of imports
MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 Mpx; anything larger is refused, not decoded
MAX_PAGES = 30
MAX_DIMENSION = 30_000  # a 1-pixel-high strip 200,000 wide is no scan either
PDF_DPI = 300
# Tesseract reads best at a normal text height; larger pages cost time and gain nothing.
MAX_SIDE = 3600

_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
_PIL_FORMATS = {"PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP", "MPO"}


class OcrInputError(InputError):
    """A file OCR cannot read (exit 2 on the command line)."""

    code = "unreadable"


def sniff(data: bytes) -> str | None:
    """The file type from its first bytes: ``pdf``, ``png``, ``jpeg``... or None (not an image/PDF)."""
    head = data[:16]
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    # A PDF may carry junk before its header (allowed in the first 1024 bytes).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return None


def load_pages(data: bytes) -> list[Image.Image]:
    """Every page of ``data`` as an upright 8-bit grayscale image (at most MAX_PAGES)."""
    return list(iter_pages(data))


def page_count(data: bytes) -> int:
    kind = _check(data)
    if kind == "pdf":
        document = _open_pdf(data)
        try:
            return min(len(document), MAX_PAGES)
        finally:
            document.close()
    with _open_image(data) as image:
        return min(getattr(image, "n_frames", 1), MAX_PAGES)


def iter_pages(data: bytes) -> Iterator[Image.Image]:
    kind = _check(data)
    if kind == "pdf":
        yield from _pdf_pages(data)
    else:
        yield from _image_pages(data)


def _check(data: bytes) -> str:
    if not data:
        raise OcrInputError(_("Tệp rỗng, không có gì để đọc"), code="empty")
    if len(data) > MAX_FILE_BYTES:
        raise OcrInputError(_("Tệp lớn hơn giới hạn {limit} MiB", limit=MAX_FILE_BYTES // (1024 * 1024)),
                            code="too_large")
    kind = sniff(data)
    if kind is None:
        raise OcrInputError(_("Tệp không phải ảnh (PNG, JPEG, TIFF...) hay PDF"), code="not_image")
    return kind


def _open_image(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its two bomb limits; a warning here is a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise OcrInputError(_("Ảnh bị hỏng hoặc không đọc được"), code="corrupt") from exc
    if image.format not in _PIL_FORMATS:
        image.close()
        raise OcrInputError(_("Tệp không phải ảnh (PNG, JPEG, TIFF...) hay PDF"), code="not_image")
    return image


def _too_many_pixels() -> OcrInputError:
    return OcrInputError(
        _("Ảnh quá lớn (hơn {limit} triệu điểm ảnh); hãy quét lại ở 300 dpi", limit=MAX_PIXELS // 1_000_000),
        code="too_large",
    )


def _image_pages(data: bytes) -> Iterator[Image.Image]:
    image = _open_image(data)
    with image:
        frames = min(getattr(image, "n_frames", 1), MAX_PAGES)
        for index in range(frames):
            try:
                image.seek(index)
                # The declared size is checked before any pixel is decoded.
                width, height = image.size
                if width < 1 or height < 1 or width * height > MAX_PIXELS or max(width, height) > MAX_DIMENSION:
                    raise _too_many_pixels()
                with warnings.catch_warnings():
                    warnings.simplefilter("error", Image.DecompressionBombWarning)
                    image.load()
                    upright = ImageOps.exif_transpose(image) if index == 0 else image.copy()
            except OcrInputError:
                raise
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise _too_many_pixels() from exc
            except (OSError, ValueError, SyntaxError, EOFError, struct_error) as exc:
                raise OcrInputError(_("Ảnh bị hỏng hoặc không đọc được"), code="corrupt") from exc
            yield _normalise(upright)


def _normalise(image: Image.Image) -> Image.Image:
    """8-bit grayscale, transparency flattened on white, long side at most MAX_SIDE."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode == "I;16" or image.mode.startswith("I;16"):
        image = image.point(lambda v: v / 256)
    gray = image.convert("L")
    longest = max(gray.size)
    if longest > MAX_SIDE:
        scale = MAX_SIDE / longest
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
                           Image.Resampling.LANCZOS)
    return gray


def _open_pdf(data: bytes) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        import pypdfium2.raw as pdfium_raw

        if exc.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise OcrInputError(_("PDF có mật khẩu: hãy xin bản không khóa hoặc quét bản giấy"),
                                code="encrypted") from exc
        if exc.err_code == pdfium_raw.FPDF_ERR_SECURITY:
            raise OcrInputError(_("PDF bị khóa bảo mật, không đọc được"), code="encrypted") from exc
        raise OcrInputError(_("PDF bị hỏng hoặc không đọc được"), code="corrupt") from exc


def _pdf_pages(data: bytes) -> Iterator[Image.Image]:
    import pypdfium2

    document = _open_pdf(data)
    try:
        count = len(document)
        if count < 1:
            raise OcrInputError(_("PDF không có trang nào"), code="empty")
        for index in range(min(count, MAX_PAGES)):
            try:
                page = document[index]
                width_pt, height_pt = page.get_size()
                scale = PDF_DPI / 72
                # A huge page is rendered smaller rather than refused: PDF pages are vector sizes.
                pixels = width_pt * height_pt * scale * scale
                if pixels > MAX_PIXELS:
                    scale *= (MAX_PIXELS / pixels) ** 0.5
                if width_pt <= 0 or height_pt <= 0:
                    raise OcrInputError(_("PDF bị hỏng hoặc không đọc được"), code="corrupt")
                image = page.render(scale=scale, grayscale=True).to_pil()
                page.close()
            except pypdfium2.PdfiumError as exc:
                raise OcrInputError(_("PDF bị hỏng hoặc không đọc được"), code="corrupt") from exc
            yield _normalise(image)
    finally:
        document.close()

