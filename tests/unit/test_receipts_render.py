"""Every document in every paper form: PDF geometry, exact Vietnamese text, fonts, QR, zone layout."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from PIL import Image

from officer_desk.paths import Home, resource
from officer_desk.receipts.model import DOC_TYPES, FORMS, ComponentLine
from officer_desk.receipts.qr import QrKeyring, make_payload
from officer_desk.receipts.render import (
    ReceiptError,
    ReceiptRenderer,
    RenderedDocument,
    qr_placement,
    signature_box,
)
from officer_desk.receipts.samples import sample_data, sample_receipt
from officer_desk.receipts.templates import TemplateError, load_templates
from officer_desk.receipts.verify_receipt import read_embedded_payload
from tests.helpers.environment import require_tool

PAGE_SIZES = {"a5": (420, 595), "a4": (595, 842)}
COMMON = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "UBND TỈNH PHÚ THỌ",
    "Mã hồ sơ: 000.00.01.X99-261127-0007",
    "Nguyễn Thị Thu Hường",
    "Đặng Quốc Khánh",
    "(Ký và ghi rõ họ tên)",
    "Quét mã để kiểm tra phiếu",
]
EXPECTED = {
    "receipt": [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ tiếp nhận hồ sơ của: Nguyễn Thị Thu Hường",
        "Địa chỉ: Số 18, đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ",
        "Số điện thoại: 0912 345 678",
        "Email: thuhuong.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Đăng ký tạm trú (mã thủ tục 1.004194)",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "2. Số lượng hồ sơ: 1 bộ",
        "3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 27/11/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 15 giờ 30 phút, ngày 02/12/2026 (Thứ Tư)",
        "6. Đăng ký nhận kết quả tại: Quầy số 3, Bộ phận Một cửa",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 1487",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ],
    "supplement": [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Kính gửi: Ông/Bà Nguyễn Thị Thu Hường",
        "Phú Thọ, ngày 27 tháng 11 năm 2026",
        "Văn bản đồng ý của chủ hộ",
        "Hợp đồng thuê nhà",
        "(3 nội dung)",
        "Thời hạn giải quyết được tính lại từ ngày nhận đủ hồ sơ hợp lệ.",
        "NGƯỜI HƯỚNG DẪN",
    ],
    "refusal": [
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Thủ tục không thuộc thẩm quyền giải quyết của Trung tâm: chỗ ở đề nghị đăng ký thuộc tỉnh khác.",
        "Xin thông báo để Ông/Bà biết và thực hiện./.",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ],
    "apology": [
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Phú Thọ, ngày 02 tháng 12 năm 2026",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 15 giờ 30 phút, ngày 02/12/2026 (Thứ Tư).",
        "Lý do: Cần xác minh thêm thông tin chỗ ở hợp pháp với Công an phường Việt Trì.",
        "09 giờ 00 phút, ngày 04/12/2026 (Thứ Sáu)",
        "ĐẠI DIỆN CƠ QUAN",
    ],
    "return": [
        "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        "Thông báo về kết quả giải quyết đăng ký tạm trú (01 bản)",
        "Thời gian trả kết quả: 14 giờ 05 phút, ngày 02/12/2026",
        "NGƯỜI NHẬN KẾT QUẢ",
        "NGƯỜI TRẢ KẾT QUẢ",
    ],
    "control": [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Quyển số 01/2026, Số thứ tự 1487",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Công an phường Việt Trì",
        "Trước hạn",
        "NGƯỜI LẬP PHIẾU",
    ],
}


def need(tool: str) -> str:
    return require_tool(tool)  # Debian package poppler-utils


def run_tool(*args: str, data: bytes) -> bytes:
    need(args[0])
    return subprocess.run(list(args), input=data, capture_output=True, check=True, timeout=60).stdout


def pdf_text(pdf: bytes, first: int | None = None, last: int | None = None) -> str:
    pages = []
    if first:
        pages += ["-f", str(first)]
    if last:
        pages += ["-l", str(last)]
    raw = run_tool("pdftotext", "-enc", "UTF-8", *pages, "-", "-", data=pdf).decode("utf-8")
    return raw


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    info = run_tool("pdfinfo", "-f", "1", "-l", "999", "-", data=pdf).decode()
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def rasterise(pdf: bytes, dpi: int, page: int = 1) -> Image.Image:
    png = run_tool("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", "-",
                   data=pdf)
    return Image.open(io.BytesIO(png))


class _Words(HTMLParser):
    """Word boxes from ``pdftotext -bbox`` (coordinates from the top-left, in points)."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[list[tuple[float, float, float, float, str]]] = []
        self._box: tuple[float, float, float, float] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: float(v) for k, v in attrs if v and k in {"xmin", "ymin", "xmax", "ymax"}}
        if tag == "page":
            self.pages.append([])
        elif tag == "word":
            self._box = (values["xmin"], values["ymin"], values["xmax"], values["ymax"])

    def handle_data(self, data: str) -> None:
        if self._box and data.strip():
            self.pages[-1].append((*self._box, data))
            self._box = None


def words(pdf: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    parser = _Words()
    parser.feed(run_tool("pdftotext", "-bbox", "-enc", "UTF-8", "-", "-", data=pdf).decode("utf-8"))
    return parser.pages


@pytest.fixture(scope="module")
def keyring(tmp_path_factory: pytest.TempPathFactory) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path_factory.mktemp("home")))
    ring.create_desk_key("000.00.01.X99-Q03")
    return ring


@pytest.fixture(scope="module")
def renderer() -> ReceiptRenderer:
    return ReceiptRenderer()


def render(renderer: ReceiptRenderer, keyring: QrKeyring, doc_type: str, form: str, **changes: object
           ) -> RenderedDocument:
    data = sample_data(doc_type, **changes)
    payload = make_payload(doc_type=doc_type, dossier_code=data.dossier_code, applicant_name=data.applicant_name,
                           appointment=None, issued_at=data.issue_time, keyring=keyring)
    return renderer.render(doc_type, data, form, qr_payload=payload)


@cache
def font_maps() -> dict[str, set[int]]:
    """The code points of each face the document templates use."""
    faces = load_templates().fonts
    return {style: set(TTFont(io.BytesIO(Path(path).read_bytes())).getBestCmap()) for style, path in faces.items()}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_every_document_renders_with_exact_vietnamese_text(renderer: ReceiptRenderer, keyring: QrKeyring,
                                                           doc_type: str, form: str) -> None:
    doc = render(renderer, keyring, doc_type, form)
    pages = pdf_pages(doc.pdf)
    assert len(pages) == doc.page_count == 1
    if form in PAGE_SIZES:
        assert pages[0] == PAGE_SIZES[form]
    else:
        assert pages[0][0] == 227 and 300 < pages[0][1] < 1400
    text = pdf_text(doc.pdf)
    assert unicodedata.is_normalized("NFC", text)
    flattened = flat(text)
    for expected in COMMON + EXPECTED[doc_type]:
        assert expected in flattened, (doc_type, form, expected)
    if form == "thermal80":
        assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in flattened
    # Every printed character has a glyph in every face of the embedded font (no .notdef boxes).
    missing = {ch for ch in set(text) - {"\n", "\f"} for cmap in font_maps().values() if ord(ch) not in cmap}
    assert not missing
    fonts = run_tool("pdffonts", "-", data=doc.pdf).decode()
    assert "LiberationSerif" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip())
    assert read_embedded_payload(doc.pdf) == doc.qr_payload


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_signature_box_and_qr_are_clear_of_text(renderer: ReceiptRenderer, keyring: QrKeyring, doc_type: str,
                                                form: str) -> None:
    doc = render(renderer, keyring, doc_type, form)
    page, box = signature_box(doc_type, form)
    assert page == -1 and box == doc.signature_box
    width, height = doc.page_size
    x1, y1, x2, y2 = box
    assert 0 < x1 < x2 < width and 0 < y1 < y2 < height
    assert (x2 - x1) >= 90 and (y2 - y1) >= 45  # room for a visible signature stamp
    qx1, qy1, qx2, qy2 = renderer.zone(doc_type, form).qr_box
    assert x2 <= qx1 or x1 >= qx2 or y2 <= qy1 or y1 >= qy2  # the stamp never covers the QR code
    for wx1, wy1, wx2, wy2, word in words(doc.pdf)[-1]:
        top, bottom = height - wy1, height - wy2  # pdftotext measures from the top
        overlaps_stamp = wx1 < x2 and wx2 > x1 and bottom < y2 and top > y1
        overlaps_qr = wx1 < qx2 and wx2 > qx1 and bottom < qy2 and top > qy1
        assert not overlaps_stamp, (word, box)
        assert not overlaps_qr, (word, (qx1, qy1, qx2, qy2))


def test_signature_box_does_not_depend_on_the_data(renderer: ReceiptRenderer, keyring: QrKeyring) -> None:
    many = tuple(ComponentLine(f"Giấy tờ số {i}", "Bản sao", 1) for i in range(12))
    for form in FORMS:
        short = render(renderer, keyring, "receipt", form)
        long = render(renderer, keyring, "receipt", form, components=many)
        assert short.signature_box == long.signature_box == signature_box("receipt", form)[1]
    short = render(renderer, keyring, "receipt", "thermal80")
    long = render(renderer, keyring, "receipt", "thermal80", components=many)
    assert long.page_size[1] > short.page_size[1] + 50  # the roll grows with the content


@pytest.mark.parametrize(("form", "dpi"), [("a5", 150), ("a4", 150), ("thermal80", 203)])
def test_qr_decodes_from_a_plain_render(renderer: ReceiptRenderer, keyring: QrKeyring, form: str, dpi: int) -> None:
    doc = render(renderer, keyring, "receipt", form)
    image = rasterise(doc.pdf, dpi)
    if form in PAGE_SIZES:
        assert abs(image.width - PAGE_SIZES[form][0] * dpi / 72) <= 2
    texts = [b.text for b in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert texts == [doc.qr_payload]


@pytest.mark.parametrize("form", FORMS)
def test_qr_modules_are_at_least_half_a_millimetre(renderer: ReceiptRenderer, keyring: QrKeyring, form: str) -> None:
    spec = renderer.templates.form(form)
    zone = renderer.zone("receipt", form)
    long_code = "000.00.01.H14-261127-0007-BO-SUNG-LAN-2"
    payload = make_payload(doc_type="receipt", dossier_code=long_code, applicant_name="A", appointment=None,
                           issued_at=sample_receipt().received_at, keyring=keyring)
    placement, _symbol = qr_placement(payload, zone.qr_box, spec)
    assert placement.module_mm >= 0.5
    if form == "thermal80":
        assert placement.module_mm * 8 == pytest.approx(round(placement.module_mm * 8))  # whole 203-dpi dots
    with pytest.raises(ReceiptError):
        qr_placement(payload + "A" * 1000, zone.qr_box, spec)


def test_long_dossier_flows_onto_more_pages(renderer: ReceiptRenderer, keyring: QrKeyring) -> None:
    many = tuple(ComponentLine(f"Giấy tờ kèm theo thứ {i} (bản khai chi tiết)", "Bản sao chứng thực", 2)
                 for i in range(1, 41))
    doc = render(renderer, keyring, "receipt", "a5", components=many)
    assert doc.page_count >= 2 and len(pdf_pages(doc.pdf)) == doc.page_count
    assert doc.signature_page == doc.page_count - 1
    first = flat(pdf_text(doc.pdf, 1, 1))
    last = flat(pdf_text(doc.pdf, doc.page_count, doc.page_count))
    assert f"Trang 1/{doc.page_count}" in first
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" not in first and "NGƯỜI TIẾP NHẬN HỒ SƠ" in last
    assert "Tên giấy tờ" in flat(pdf_text(doc.pdf, 2, 2))  # the table header is repeated
    assert "Giấy tờ kèm theo thứ 40 (bản khai chi tiết)" in flat(pdf_text(doc.pdf))


def test_reprint_is_marked(renderer: ReceiptRenderer, keyring: QrKeyring) -> None:
    assert "Bản in lại" not in pdf_text(render(renderer, keyring, "receipt", "a5").pdf)
    text = flat(pdf_text(render(renderer, keyring, "receipt", "a5", reprint=True).pdf))
    assert "(Bản in lại lúc 09 giờ 32 phút, ngày 27/11/2026)" in text


def test_decomposed_input_prints_precomposed(renderer: ReceiptRenderer, keyring: QrKeyring) -> None:
    nfd = unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh")
    text = pdf_text(render(renderer, keyring, "receipt", "a5", applicant_name=nfd).pdf)
    assert "Trần Thị Ngọc Ánh" in flat(text)
    assert unicodedata.is_normalized("NFC", text)


def test_fonts_cover_all_vietnamese_letters() -> None:
    letters = set("đĐ")
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        letters.add(base)
        letters.update(unicodedata.normalize("NFC", base + tone) for tone in "\u0300\u0301\u0303\u0309\u0323")
    assert len(letters) == 146
    maps = font_maps()
    assert len(maps) == 4
    for name, cmap in maps.items():
        assert not [ch for ch in letters if ord(ch) not in cmap], name
    assert (resource("fonts") / "LICENSE-OFL.txt").is_file()


def test_template_errors_name_the_file_and_the_problem(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(resource("templates"), folder)
    receipt = folder / "receipt.yaml"
    original = receipt.read_text(encoding="utf-8")
    receipt.write_text(original.replace("type: title", "type: tittle", 1), encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        load_templates(folder)
    assert "receipt.yaml" in error.value.message and "tittle" in error.value.message

    receipt.write_text(original.replace("{sets_count}", "{set_count}"), encoding="utf-8")
    broken = ReceiptRenderer(load_templates(folder))
    with pytest.raises(TemplateError) as error:
        broken.render("receipt", sample_receipt(), "a5")
    assert "set_count" in error.value.message and "receipt.yaml" in error.value.message


def test_unsigned_render_without_payload_says_so(renderer: ReceiptRenderer) -> None:
    doc = renderer.render("receipt", sample_receipt(), "a5")
    assert doc.qr_payload is None
    assert "(chưa có mã QR)" in pdf_text(doc.pdf)
    assert read_embedded_payload(doc.pdf) is None
