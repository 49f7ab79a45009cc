"""MRZ check digits (ICAO 9303), dates as OCR misreads them, label matching, document classification."""

from __future__ import annotations

from datetime import date

from officer_desk.ocr.engine import parse_tsv
from officer_desk.ocr.extractors import classify, extract_card, extract_marital_status
from officer_desk.ocr.model import Line, Word
from officer_desk.ocr.mrz import check_digit, parse_td1, td1_lines
from officer_desk.ocr.values import parse_date_text


def line(text: str, confidence: float = 0.95) -> Line:
    return Line(tuple(Word(w, confidence, (i * 50, 0, 40, 20)) for i, w in enumerate(text.split())))


def test_icao_check_digits() -> None:
    # ICAO 9303 part 3 worked examples.
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("<<<<<<") == "0"


def test_td1_round_trip_and_a_misread_digit_fails_its_check() -> None:
    lines = td1_lines("001092012345", date(1992, 3, 2), True, date(2032, 3, 2), "Nguyễn", "Văn An")
    assert all(len(x) == 30 for x in lines) and lines[0].startswith("IDVNM092012345")
    data = parse_td1(lines)
    assert data is not None and data.valid
    assert (data.id_number, data.born, data.sex, data.expiry) == ("001092012345", date(1992, 3, 2), "Nam",
                                                                   date(2032, 3, 2))
    assert data.full_name == "NGUYEN VAN AN"
    broken = [lines[0], lines[1][:2] + ("9" if lines[1][2] != "9" else "8") + lines[1][3:], lines[2]]
    damaged = parse_td1(broken)
    assert damaged is not None and not damaged.valid and damaged.checks_passed < damaged.checks_total


def test_letters_read_for_digits_are_repaired_in_numeric_positions() -> None:
    lines = td1_lines("079185000123", date(1985, 1, 30), False, date(2025, 1, 30), "Lê", "Thị Hoa")
    misread = [lines[0].replace("0", "O", 2), lines[1].replace("1", "I", 1), lines[2]]
    data = parse_td1(misread)
    assert data is not None and data.valid and data.id_number == "079185000123" and data.sex == "Nữ"


def test_dates_with_misread_separators() -> None:
    assert parse_date_text("25/07/2006") == ("25/07/2006", 1.0)
    assert parse_date_text("25J07I2006") == ("25/07/2006", 0.9)
    assert parse_date_text("2510712031") == ("25/07/2031", 0.9)
    assert parse_date_text("Phường Vĩnh Yên, ngày 02 tháng 4 năm 2026") == ("02/04/2026", 1.0)
    assert parse_date_text("31/02/2020") is None
    assert parse_date_text("no date here") is None


def test_card_labels_of_both_layouts() -> None:
    old = [line("CĂN CƯỚC CÔNG DÂN"), line("Số / No.: 001092012345"), line("Họ và tên / Full name:"),
           line("NGUYỄN VĂN AN"), line("Ngày sinh / Date of birth: 02/03/1992"),
           line("Giới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam"), line("Có giá trị đến:"),
           line("02/03/2032")]
    new = [line("CĂN CƯỚC"), line("Số định danh cá nhân / Personal identification number:"), line("001092012345"),
           line("Họ, chữ đệm và tên khai sinh / Surname, middle and given name:"), line("NGUYỄN VĂN AN"),
           line("Ngày, tháng, năm sinh / Date of birth: 02/03/1992"), line("Giới tính / Sex: Nam")]
    for lines in (old, new):
        fields = extract_card(lines)
        assert fields["so"].value == "001092012345"
        assert fields["ho_chu_dem_ten"].value == "NGUYỄN VĂN AN"
        assert fields["ngay_sinh"].value == "02/03/1992"
        assert fields["gioi_tinh"].value == "Nam"
        # The number agrees with gender and birth year: the reader trusts it more.
        assert fields["so"].confidence >= 0.9
    assert extract_card(old)["co_gia_tri_den"].value == "02/03/2032"
    assert "co_gia_tri_den" not in extract_card(new)


def test_a_title_is_not_a_label() -> None:
    lines = [line("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), line("Họ, chữ đệm, tên: Đoàn Thị Mơ"),
             line("Tình trạng hôn nhân: Hiện tại chưa đăng ký kết hôn với ai"),
             line("Xã Tân Hòa, ngày 02 tháng 4 năm 2026")]
    fields = extract_marital_status(lines)
    assert fields["ho_ten"].value == "Đoàn Thị Mơ"
    assert fields["tinh_trang_hon_nhan"].value.startswith("Hiện tại")
    assert fields["ngay_cap"].value == "02/04/2026"


def test_classification_prefers_the_title() -> None:
    assert classify("CỘNG HÒA\nGIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN\nGiấy tờ tùy thân: Căn cước số 1") == \
        "giay_xac_nhan_tthn"
    assert classify("CĂN CƯỚC CÔNG DÂN\nSố / No.: 1") == "the_can_cuoc"
    assert classify("GIẤY CHỨNG SINH") == "giay_chung_sinh"
    assert classify("GIẤY KHAI SINH") == "giay_khai_sinh"
    assert classify("IDVNM0920123453001092012345<<<") == "the_can_cuoc"
    assert classify("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ") == "giay_to_khac"


def test_tesseract_tsv_is_grouped_in_lines() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t96.5\tHọ\n"
           "5\t1\t1\t1\t1\t2\t70\t10\t50\t20\t-1\ttên\n"
           "5\t1\t1\t1\t2\t1\t10\t40\t50\t20\t80\tAn\n")
    lines = parse_tsv(tsv)
    assert [x.text for x in lines] == ["Họ tên", "An"]
    assert lines[0].words[1].confidence == 0.0 and lines[0].box == (10, 10, 110, 20)


def test_a_date_with_misread_slashes_is_picked_by_the_id_numbers_birth_year() -> None:
    from officer_desk.ocr.values import date_candidates

    assert date_candidates("290411980")[0] == "29/04/1980"
    assert date_candidates("18I07I11982")[0] == "18/07/1982"
    card = [line("CĂN CƯỚC"), line("Số định danh cá nhân / Personal identification number:"), line("001082012345"),
            line("Ngày, tháng, năm sinh / Date of birth: 18I07I11982")]
    fields = extract_card(card)
    assert fields["ngay_sinh"].value == "18/07/1982" and fields["ngay_sinh"].confidence < 0.9


def test_reading_reports_progress_and_stops_when_cancelled() -> None:
    import io

    import pytest
    from PIL import Image

    from officer_desk.ocr.reader import OcrCancelled, read_document

    class Progress:
        def __init__(self, cancel: bool) -> None:
            self.cancel, self.reports = cancel, []

        def report(self, done: int, total: int, label: str = "") -> None:
            self.reports.append((done, total))

        def cancelled(self) -> bool:
            return self.cancel

    class Engine:
        calls = 0

        def read_lines(self, image: object, psm: int = 3, language: str = "vie", whitelist: str | None = None
                       ) -> list[Line]:
            Engine.calls += 1
            return [line("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), line("Họ, chữ đệm, tên: Đoàn Thị Mơ")]

    frames = [Image.new("L", (1200, 1600), 255) for _ in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    running = Progress(False)
    result = read_document(buffer.getvalue(), progress=running, engine=Engine())
    assert result.pages == 3 and result.fields["ho_ten"].value == "Đoàn Thị Mơ"
    assert running.reports == [(0, 3), (1, 3), (2, 3), (3, 3)]
    Engine.calls = 0
    with pytest.raises(OcrCancelled):
        read_document(buffer.getvalue(), progress=Progress(True), engine=Engine())
    assert Engine.calls == 0


def test_slashes_read_as_exclamation_marks() -> None:
    assert parse_date_text("14!05I1968") == ("14/05/1968", 0.9)
