"""The printed QR survives a phone photo: perspective of 20° or more, ~1000 px, blur, JPEG quality 60."""

from __future__ import annotations

import io
import math
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageFilter

from officer_desk.paths import Home
from officer_desk.receipts.issue import issue_document
from officer_desk.receipts.qr import QrKeyring
from officer_desk.receipts.samples import sample_data
from officer_desk.receipts.verify_receipt import verify_receipt_arg
from tests.helpers.environment import require_tool


def _solve(matrix: list[list[float]], values: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8 unknowns; no numpy needed)."""
    n = len(values)
    rows = [row[:] + [values[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def perspective(image: Image.Image, yaw_deg: float, pitch_deg: float = 0.0, distance: float = 1.6) -> Image.Image:
    """The page seen by a camera after turning it ``yaw_deg`` about the vertical and ``pitch_deg`` about
    the horizontal axis (pinhole camera ``distance`` × the page's long side away)."""
    w, h = image.size
    focal = distance * max(w, h)
    yaw, pitch = math.radians(yaw_deg), math.radians(pitch_deg)
    corners = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    projected = []
    for x, y in corners:
        px, py, pz = x - w / 2, y - h / 2, 0.0
        px, pz = px * math.cos(yaw) + pz * math.sin(yaw), -px * math.sin(yaw) + pz * math.cos(yaw)
        py, pz = py * math.cos(pitch) - pz * math.sin(pitch), py * math.sin(pitch) + pz * math.cos(pitch)
        scale = focal / (focal + pz)
        projected.append((px * scale, py * scale))
    min_x, min_y = min(p[0] for p in projected), min(p[1] for p in projected)
    target = [(x - min_x, y - min_y) for x, y in projected]
    # PIL's PERSPECTIVE maps each output pixel back to the input: solve for that mapping.
    matrix, values = [], []
    for (ox, oy), (ix, iy) in zip(target, corners, strict=True):
        matrix.append([ox, oy, 1, 0, 0, 0, -ix * ox, -ix * oy])
        values.append(ix)
        matrix.append([0, 0, 0, ox, oy, 1, -iy * ox, -iy * oy])
        values.append(iy)
    size = (int(max(p[0] for p in target)) + 1, int(max(p[1] for p in target)) + 1)
    return image.transform(size, Image.Transform.PERSPECTIVE, _solve(matrix, values), Image.Resampling.BICUBIC,
                           fillcolor=255)


def photograph(page: Image.Image, yaw: float, pitch: float, long_side: int = 1000, blur: float = 0.8,
               quality: int = 60) -> Image.Image:
    """A phone photo of the page: tilted, downscaled, blurred and saved as a JPEG."""
    image = perspective(page.convert("L"), yaw, pitch)
    scale = long_side / max(image.size)
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def page_image(pdf: bytes, dpi: int) -> Image.Image:
    pdftoppm = require_tool("pdftoppm")  # Debian package poppler-utils
    png = subprocess.run([pdftoppm, "-r", str(dpi), "-png", "-singlefile", "-"], input=pdf, capture_output=True,
                         check=True, timeout=60).stdout
    return Image.open(io.BytesIO(png))


@pytest.fixture(scope="module")
def keyring(tmp_path_factory: pytest.TempPathFactory) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path_factory.mktemp("home")))
    ring.create_desk_key("000.00.01.X99-Q03")
    return ring


@pytest.mark.parametrize(
    ("doc_type", "form", "yaw", "pitch"),
    [
        ("receipt", "a5", 22, 8),
        ("receipt", "a5", -25, 0),
        ("receipt", "a4", 22, 8),
        ("receipt", "a4", -25, 0),
        ("receipt", "thermal80", 22, 8),
        ("supplement", "thermal80", -25, 0),
        ("control", "a4", 30, 0),
        ("apology", "a5", 20, 12),
    ],
)
def test_whole_page_photo_decodes(keyring: QrKeyring, doc_type: str, form: str, yaw: float, pitch: float) -> None:
    issued = issue_document(doc_type, sample_data(doc_type), form, None, keyring)
    photo = photograph(page_image(issued.pdf, 300), yaw, pitch)
    assert max(photo.size) == 1000
    texts = [b.text for b in zxingcpp.read_barcodes(photo, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert texts == [issued.qr_payload]


def test_thermal_render_at_203_dpi_decodes_and_verifies_from_a_jpeg(keyring: QrKeyring, tmp_path: Path) -> None:
    issued = issue_document("receipt", sample_data("receipt"), "thermal80", None, keyring)
    page = page_image(issued.pdf, 203)
    assert abs(page.width - 227 * 203 / 72) <= 1
    photo = photograph(page, 20, 5, long_side=max(page.size), blur=0.6)
    path = tmp_path / "photo.jpg"
    photo.save(path)
    result = verify_receipt_arg(str(path), keyring=keyring)
    assert result.verdict.status == "genuine"
    assert result.source == "image"
