"""Untrusted files given to OCR: empty, not an image, decompression bombs, truncated, password-protected PDFs.

Each gives a clear error with a stable code (exit 2 on the command line) and nothing is written.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from officer_desk.cli import main
from officer_desk.ocr.loader import OcrInputError, load_pages, page_count, sniff
from officer_desk.paths import Home


def png_declaring(width: int, height: int, payload: bytes = b"\x00" * 64) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` (a decompression bomb's shape) with a tiny body."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(payload)) + \
        chunk(b"IEND", b"")


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (300, 200), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def locked_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt="mat-khau")
    pdf.drawString(100, 700, "Giay khai sinh")
    pdf.save()
    return buffer.getvalue()


def two_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for text in ("Trang 1", "Trang 2"):
        pdf.drawString(100, 700, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "code"), [
    (b"", "empty"),
    (b"hello, not an image", "not_image"),
    (b"PK\x03\x04 a zip file", "not_image"),
    (png_declaring(20_000, 20_000), "too_large"),
    (png_declaring(200_000, 1), "too_large"),
    (small_png()[:60], "corrupt"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "corrupt"),
    (b"%PDF-1.7\n garbage that is not a PDF", "corrupt"),
])
def test_bad_input_gives_a_coded_error(data: bytes, code: str) -> None:
    with pytest.raises(OcrInputError) as caught:
        load_pages(data)
    assert caught.value.code == code
    assert caught.value.exit_code == 2
    assert caught.value.message and "Traceback" not in caught.value.message


def test_password_protected_pdf_is_refused_by_name() -> None:
    with pytest.raises(OcrInputError) as caught:
        load_pages(locked_pdf())
    assert caught.value.code == "encrypted"
    assert "mật khẩu" in caught.value.message


def test_pdf_pages_are_rendered_at_300_dpi() -> None:
    data = two_page_pdf()
    assert sniff(data) == "pdf" and page_count(data) == 2
    pages = load_pages(data)
    assert len(pages) == 2 and pages[0].mode == "L"
    assert abs(pages[0].width - round(8.5 * 300)) <= 2 or abs(pages[0].width - 2480) <= 2


def test_exif_orientation_is_applied() -> None:
    image = Image.new("L", (400, 100), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees: the upright page is 100 x 400
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    assert load_pages(buffer.getvalue())[0].size == (100, 400)


@pytest.mark.parametrize(("name", "data"), [
    ("empty.png", b""),
    ("bomb.png", png_declaring(20_000, 20_000)),
    ("notes.txt", b"plain text"),
    ("locked.pdf", locked_pdf()),
])
def test_cli_errors_are_exit_2_json_and_write_nothing(tmp_path: Path, isolated_home: Home,
                                                      capsys: pytest.CaptureFixture[str], name: str,
                                                      data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["ocr", str(path), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"error"} and out["error"]["code"] in ("empty", "too_large", "not_image", "encrypted")
    written = [p for p in isolated_home.root.rglob("*") if p.is_file() and "logs" not in p.parts] \
        if isolated_home.root.exists() else []
    assert written == []


def test_cli_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ocr", str(tmp_path / "absent.jpg"), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "unreadable"


def test_cli_without_the_engine_is_a_clear_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OFFICER_DESK_TESSERACT", str(tmp_path / "no-tesseract-here"))
    path = tmp_path / "page.png"
    path.write_bytes(small_png())
    assert main(["ocr", str(path), "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "ocr_engine" and "tesseract-ocr-vie" in error["message"]
