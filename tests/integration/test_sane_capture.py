"""Scanning through SANE with its virtual "test" scanner (sane-backends): the device list, a page scanned
into an encrypted attachment of a case, and the errors an officer meets (no scanner, busy, cancelled, gone).

The test backend is enabled in a private SANE configuration folder (``SANE_CONFIG_DIR``, see
tests/helpers/sane.py), so the machine's own /etc/sane.d is neither read nor changed. Skipped without
libsane's test backend or python-sane (failed under CI, whose bootstrap installs both).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from officer_desk.ocr.capture import Capture
from officer_desk.ocr.sane_capture import SaneSource, ScannerError, ScanSettings, find_scanners, list_scanners
from officer_desk.ocr.service import OcrService
from tests.helpers.sane import in_own_process, sane_test_backend
from tests.integration.test_ocr_service import dossier_for

pytestmark = in_own_process


@pytest.fixture
def sane_test() -> Iterator[Path]:
    with sane_test_backend() as folder:
        yield folder


class Cancelling:
    """Reports progress and asks to stop after ``after`` reports (the officer pressing Cancel)."""

    def __init__(self, after: int | None = None) -> None:
        self.after = after
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return self.after is not None and len(self.reports) >= self.after


def test_device_list_names_the_virtual_scanners(sane_test: Path) -> None:
    found = list_scanners()
    assert [s.name for s in found] == ["test:0", "test:1"]
    assert found[0].label == "frontend-tester" and found[0].kind == "virtual device"
    assert find_scanners() == found


def test_no_scanner_is_a_clear_error(sane_test: Path) -> None:
    (sane_test / "dll.conf").write_text("")  # SANE with no backend: nothing plugged in
    assert list_scanners() == []
    with pytest.raises(ScannerError) as raised:
        find_scanners()
    assert raised.value.code == "no_scanner" and "máy quét" in raised.value.message


def test_a_page_scanned_into_an_encrypted_attachment_of_the_case(sane_test: Path, desk: Any) -> None:
    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    code = desk.cases.intake(dossier_for(truth))
    before = desk.cases.detail(code)
    progress = Cancelling()
    source = SaneSource("test:0", ScanSettings(resolution=100, options={"test-picture": "Grid"}))
    [page] = source.capture(progress)
    image = Image.open(io.BytesIO(page.data))
    # The backend's default area is 80 x 100 mm: at 100 dpi, 314 x 393 pixels, grey as asked.
    assert image.format == "PNG" and image.mode == "L" and image.size == (314, 393)
    assert round(image.info["dpi"][0]) == 100
    assert image.getextrema() == (0, 255)  # the grid: black lines on white (solid black is the default)
    assert progress.reports and progress.reports[-1][0] == progress.reports[-1][1] == 393

    read = OcrService(desk.cases).attach_capture(code, source, page)
    after = desk.cases.detail(code)
    assert len(after.attachments) == len(before.attachments) + 1
    stored = next(a for a in after.attachments if a.id == read.attachment_id)
    assert stored.file_name.startswith("scan-") and stored.media_type == "image/png"
    assert desk.cases.attachment_bytes(stored.content_sha256) == page.data
    # Encrypted at rest: the PNG's bytes are nowhere in the home folder.
    home_bytes = b"".join(p.read_bytes() for p in Path(desk.home.root).rglob("*") if p.is_file())
    assert page.data[8:2048] not in home_bytes
    actions = [e.action for e in after.events]
    assert "attachment_added" in actions and "ocr_read" in actions  # audited, like every case change


@pytest.mark.parametrize(("status", "code"), [
    ("SANE_STATUS_DEVICE_BUSY", "busy"),
    ("SANE_STATUS_IO_ERROR", "gone"),
    ("SANE_STATUS_CANCELLED", "cancelled"),
    ("SANE_STATUS_JAMMED", "jammed"),
    ("SANE_STATUS_NO_DOCS", "no_paper"),
    ("SANE_STATUS_COVER_OPEN", "cover_open"),
])
def test_scanner_failures_are_clear_errors(sane_test: Path, status: str, code: str) -> None:
    source = SaneSource("test:0", ScanSettings(resolution=75, options={"read-return-value": status}))
    with pytest.raises(ScannerError) as raised:
        source.capture()
    assert raised.value.code == code
    assert "SANE_STATUS" not in raised.value.message  # no internal code for the officer


def test_a_scanner_unplugged_since_it_was_listed_is_gone(sane_test: Path) -> None:
    with pytest.raises(ScannerError) as raised:
        SaneSource("test:7").capture()
    assert raised.value.code == "gone" and "test:7" in raised.value.message


def test_cancelling_stops_the_transfer_and_keeps_nothing(sane_test: Path) -> None:
    # 300 dpi with a delay per buffer: the officer presses Cancel after the first progress report.
    source = SaneSource("test:0", ScanSettings(resolution=300, options={"read-delay": True}))
    progress = Cancelling(after=1)
    with pytest.raises(ScannerError) as raised:
        source.capture(progress)
    assert raised.value.code == "cancelled" and len(progress.reports) == 1
    # The scanner is free again afterwards.
    assert SaneSource("test:0", ScanSettings(resolution=50)).capture()[0].data


def test_cancelled_before_the_scan_starts(sane_test: Path) -> None:
    with pytest.raises(ScannerError) as raised:
        SaneSource("test:0").capture(Cancelling(after=0))
    assert raised.value.code == "cancelled"


def test_an_option_the_scanner_lacks_or_refuses_is_a_clear_error(sane_test: Path) -> None:
    with pytest.raises(ScannerError) as raised:
        SaneSource("test:0", ScanSettings(options={"duplex": True})).capture()
    assert raised.value.code == "option"
    with pytest.raises(ScannerError) as raised:
        SaneSource("test:0", ScanSettings(options={"mode": "Purple"})).capture()
    assert raised.value.code == "option" and "Purple" in raised.value.message


def test_a_resolution_the_scanner_lacks_becomes_the_nearest_it_has(sane_test: Path) -> None:
    [page] = SaneSource("test:0", ScanSettings(resolution=5000)).capture()  # the test scanner stops at 1200
    image = Image.open(io.BytesIO(page.data))
    assert round(image.info["dpi"][0]) == 1200 and image.width > 3000


def test_a_scan_that_is_not_an_image_attaches_nothing(sane_test: Path, desk: Any) -> None:
    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    code = desk.cases.intake(dossier_for(truth))
    before = desk.cases.detail(code)
    source = SaneSource("test:0")
    with pytest.raises(Exception):  # noqa: B017 - the loader's own error type, checked in test_ocr_inputs
        OcrService(desk.cases).attach_capture(code, source, Capture(b"not a page", "scan.png"))
    assert len(desk.cases.detail(code).attachments) == len(before.attachments)


def test_the_scanner_folder_is_a_capture_source_too(desk: Any, tmp_path: Path) -> None:
    """The watched folder behind the same interface: captured, stored encrypted, then removed from the folder."""
    from officer_desk.ocr.capture import ScanFolder
    from officer_desk.ocr.samples import make_sample

    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    code = desk.cases.intake(dossier_for(truth))
    now = [0.0]
    folder = ScanFolder(tmp_path, settle_seconds=1.0, clock=lambda: now[0])
    scan = tmp_path / "scan-0002.png"
    scan.write_bytes(make_sample("giay_chung_sinh", "clean", 2).data)
    assert folder.capture() == []  # seen once: not yet known to be complete
    now[0] += 2
    [page] = folder.capture()
    assert page.origin == scan and page.file_name == "scan-0002.png"
    read = OcrService(desk.cases).attach_capture(code, folder, page)
    assert not scan.exists()
    stored = next(a for a in desk.cases.detail(code).attachments if a.id == read.attachment_id)
    assert desk.cases.attachment_bytes(stored.content_sha256) == page.data
