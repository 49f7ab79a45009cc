"""Printing through a real (private) CUPS queue: paper size forced, copies, and "not issued" outcomes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402

from officer_desk.paths import Home  # noqa: E402
from officer_desk.receipts.issue import IssuedDocument, issue_document  # noqa: E402
from officer_desk.receipts.qr import QrKeyring  # noqa: E402
from officer_desk.receipts.samples import sample_notice, sample_receipt  # noqa: E402
from tests.helpers.cups import CupsQueue  # noqa: E402
from tests.helpers.environment import require_or_skip  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def keyring(tmp_path_factory: pytest.TempPathFactory) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path_factory.mktemp("home")))
    ring.create_desk_key("000.00.01.X99-Q03")
    return ring


@pytest.fixture
def printer(qapp: object) -> object:
    from officer_desk.ui.printing import DocumentPrinter

    return DocumentPrinter()


def pdf_info(path: Path) -> tuple[int, list[tuple[float, float]]]:
    require_or_skip(shutil.which("pdfinfo") is not None, "pdfinfo (Debian package poppler-utils)")
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True, text=True,
                         check=True, timeout=30).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]
    return pages, sizes


def page_image(path: Path, page: int, dpi: int) -> Image.Image:
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                          str(path)], capture_output=True, check=True, timeout=60).stdout
    return Image.open(io.BytesIO(png))


def qr_texts(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)]


def ocr(image: Image.Image) -> str:
    """Printed pages are raster images: their text is read back with Tesseract (Vietnamese model)."""
    require_or_skip(shutil.which("tesseract") is not None,
                    "tesseract (Debian packages tesseract-ocr, tesseract-ocr-vie)")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    require_or_skip("vie" in langs.split(), "Tesseract Vietnamese model (Debian package tesseract-ocr-vie)")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return subprocess.run(["tesseract", "-", "-", "-l", "vie"], input=buffer.getvalue(), capture_output=True,
                          check=True, timeout=120).stdout.decode("utf-8")


def issue(keyring: QrKeyring, doc_type: str, form: str) -> IssuedDocument:
    data = sample_receipt() if doc_type == "receipt" else sample_notice(doc_type)
    return issue_document(doc_type, data, form, None, keyring)


def test_receipt_prints_two_a5_copies(cups_queue: CupsQueue, printer: object, keyring: QrKeyring) -> None:
    from officer_desk.ui.printing import RECEIPT_COPIES

    doc = issue(keyring, "receipt", "a5")
    before = cups_queue.outputs()
    outcome = printer.print_pdf(doc.pdf, "a5", printer_name=cups_queue.name, copies=RECEIPT_COPIES,  # type: ignore[attr-defined]
                                job_name=doc.dossier_code)
    assert outcome.accepted and outcome.issued and outcome.code == "accepted", outcome
    printed = cups_queue.wait_for_new_output(before)
    pages, sizes = pdf_info(printed)
    assert pages == 2  # two copies of a one-page receipt
    for width, height in sizes:
        assert abs(width - 419.5) <= 2 and abs(height - 595.3) <= 2  # A5, not the printer's default A4
    for page in (1, 2):
        assert qr_texts(page_image(printed, page, 200)) == [doc.qr_payload]
    text = re.sub(r"\s+", " ", ocr(page_image(printed, 1, 300)))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "000.00.01.X99-261127-0007" in text
    assert "Nguyễn Thị Thu Hường" in text


def test_thermal_receipt_prints_on_an_80mm_roll(cups_queue: CupsQueue, printer: object, keyring: QrKeyring) -> None:
    doc = issue(keyring, "receipt", "thermal80")
    before = cups_queue.outputs()
    outcome = printer.print_pdf(doc.pdf, "thermal80", printer_name=cups_queue.name)  # type: ignore[attr-defined]
    assert outcome.accepted, outcome
    printed = cups_queue.wait_for_new_output(before)
    pages, sizes = pdf_info(printed)
    assert pages == 1
    original = pdf_info_bytes(doc.pdf)
    assert abs(sizes[0][0] - 226.8) <= 2 and abs(sizes[0][1] - original[1]) <= 2
    assert qr_texts(page_image(printed, 1, 203)) == [doc.qr_payload]


def pdf_info_bytes(pdf: bytes) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=30).stdout.decode()
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()  # type: ignore[union-attr]
    return float(width), float(height)


def test_a4_notice_prints_on_a4(cups_queue: CupsQueue, printer: object, keyring: QrKeyring) -> None:
    doc = issue(keyring, "supplement", "a4")
    before = cups_queue.outputs()
    outcome = printer.print_pdf(doc.pdf, "a4", printer_name=cups_queue.name, reprint=True)  # type: ignore[attr-defined]
    assert outcome.accepted, outcome
    printed = cups_queue.wait_for_new_output(before)
    pages, sizes = pdf_info(printed)
    assert pages == 1 and abs(sizes[0][0] - 595) <= 2 and abs(sizes[0][1] - 842) <= 2
    assert qr_texts(page_image(printed, 1, 150)) == [doc.qr_payload]


def test_stopped_printer_means_not_issued(cups_queue: CupsQueue, printer: object, keyring: QrKeyring) -> None:
    doc = issue(keyring, "receipt", "a5")
    cups_queue.run("cupsdisable", cups_queue.name)
    try:
        before = cups_queue.outputs()
        outcome = printer.print_pdf(doc.pdf, "a5", printer_name=cups_queue.name, copies=2)  # type: ignore[attr-defined]
        assert not outcome.accepted and not outcome.issued
        assert outcome.code == "printer_stopped"
        assert cups_queue.name in outcome.reason
        assert cups_queue.no_new_output(before)
    finally:
        cups_queue.run("cupsenable", cups_queue.name)


def test_queue_refusing_jobs_means_not_issued(cups_queue: CupsQueue, printer: object, keyring: QrKeyring) -> None:
    doc = issue(keyring, "receipt", "a5")
    cups_queue.run("cupsreject", cups_queue.name)
    try:
        outcome = printer.print_pdf(doc.pdf, "a5", printer_name=cups_queue.name)  # type: ignore[attr-defined]
        assert not outcome.accepted and outcome.code == "not_accepting"
    finally:
        cups_queue.run("cupsaccept", cups_queue.name)


def test_unknown_printer_and_broken_pdf_are_not_issued(cups_queue: CupsQueue, printer: object,
                                                       keyring: QrKeyring) -> None:
    doc = issue(keyring, "receipt", "a5")
    missing = printer.print_pdf(doc.pdf, "a5", printer_name="khong-co-may-in")  # type: ignore[attr-defined]
    assert (missing.accepted, missing.code) == (False, "no_printer")
    broken = printer.print_pdf(b"%PDF-1.4 broken", "a5", printer_name=cups_queue.name)  # type: ignore[attr-defined]
    assert (broken.accepted, broken.code) == (False, "pdf_unreadable")


def test_saving_counts_as_issued(qapp: object, keyring: QrKeyring, tmp_path: Path) -> None:
    from officer_desk.ui.printing import DocumentPrinter

    doc = issue(keyring, "receipt", "a5")
    outcome = DocumentPrinter.save_pdf(doc.pdf, tmp_path / "out" / "receipt.pdf")
    assert outcome.accepted and outcome.code == "saved"
    assert (tmp_path / "out" / "receipt.pdf").read_bytes() == doc.pdf
    failed = DocumentPrinter.save_pdf(doc.pdf, Path("/proc/officer-desk/receipt.pdf"))
    assert not failed.accepted


def test_page_layout_comes_from_the_template(qapp: object) -> None:
    from PySide6.QtGui import QPageSize

    from officer_desk.ui.printing import DocumentPrinter

    printer = DocumentPrinter()
    assert printer.page_layout("a5", (420, 595)).pageSize().id() == QPageSize.PageSizeId.A5
    assert printer.page_layout("a4", (595, 842)).pageSize().id() == QPageSize.PageSizeId.A4
    roll = printer.page_layout("thermal80", (227, 640)).fullRectPoints()
    assert abs(roll.width() - 227) <= 1 and abs(roll.height() - 640) <= 1
