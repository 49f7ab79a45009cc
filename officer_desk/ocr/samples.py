"""Made-up documents for OCR tests and benchmarks: Vietnamese text rendered on card and certificate layouts.

No real person or document: names, numbers and places are drawn from small pools with a seeded random
generator. Layouts follow the public descriptions of the chip-based citizen ID card (2021 "CĂN CƯỚC
CÔNG DÂN", 2024 "CĂN CƯỚC"), the birth certificate, the medical birth notice, the marital-status
confirmation and a declaration form; distortions imitate phone photos and poor scans. The ``truth`` of
a sample is what an extractor should return (application-format field names and value forms).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import segno
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from officer_desk.ocr.mrz import td1_lines
from officer_desk.paths import resource

DOC_KINDS = ("cccd_2021", "cccd_2024", "cccd_back_2021", "cccd_back_2024", "giay_khai_sinh", "giay_chung_sinh",
             "giay_xac_nhan_tthn", "to_khai")
DISTORTIONS = ("clean", "noise", "rotation", "blur", "jpeg", "light", "photo")
DOC_TYPE_OF = {
    "cccd_2021": "the_can_cuoc", "cccd_2024": "the_can_cuoc", "cccd_back_2021": "the_can_cuoc",
    "cccd_back_2024": "the_can_cuoc", "giay_khai_sinh": "giay_khai_sinh", "giay_chung_sinh": "giay_chung_sinh",
    "giay_xac_nhan_tthn": "giay_xac_nhan_tthn", "to_khai": "to_khai",
}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đoàn", "Trịnh"]
MIDDLE_M = ["Văn", "Minh", "Đức", "Quốc", "Hữu", "Thành", "Gia", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Mai", "Phương", "Kim", "Bảo"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Khôi", "Lực", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Việt",
           "Hoàng", "Đạt", "Thắng"]
GIVEN_F = ["Anh", "Châu", "Dung", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Mơ", "Ngân", "Nhung", "Thảo",
           "Trang", "Yến", "Hằng"]
PROVINCES = [("001", "Hà Nội"), ("025", "Phú Thọ"), ("031", "Hải Phòng"), ("038", "Thanh Hóa"),
             ("040", "Nghệ An"), ("046", "Huế"), ("048", "Đà Nẵng"), ("066", "Đắk Lắk"), ("079", "Hồ Chí Minh"),
             ("092", "Cần Thơ"), ("027", "Bắc Ninh"), ("036", "Nam Định")]
COMMUNES = ["xã Tân Hòa", "phường Vĩnh Yên", "xã Phú Lộc", "phường Bến Thành", "xã Hòa Bình", "phường Lê Lợi",
            "xã Quảng Phú", "phường Trường Thi"]
HEADER = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass
class Sample:
    """One rendered document, its encoded file and the values an extractor should find."""

    kind: str
    distortion: str
    image: Image.Image
    truth: dict[str, str]
    data: bytes = b""
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def doc_type(self) -> str:
        return DOC_TYPE_OF[self.kind]


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False, serif: bool = False) -> ImageFont.FreeTypeFont:
    family = "LiberationSerif" if serif else "LiberationSans"
    name = f"{family}-{'Bold' if bold else 'Regular'}.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size)


@dataclass(frozen=True)
class Person:
    family: str
    middle: str
    given: str
    born: date
    male: bool
    province_code: str
    province: str
    commune: str
    serial: str

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.family, self.middle, self.given) if p)

    @property
    def upper_name(self) -> str:
        return self.name.upper()

    @property
    def gender(self) -> str:
        return "Nam" if self.male else "Nữ"

    @property
    def id_number(self) -> str:
        century = (self.born.year // 100 - 19) * 2 + (0 if self.male else 1)
        return f"{self.province_code}{century}{self.born.year % 100:02d}{self.serial}"

    @property
    def place(self) -> str:
        return f"{self.commune}, tỉnh {self.province}" if self.province not in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng",
                                                                                   "Đà Nẵng", "Cần Thơ", "Huế") \
            else f"{self.commune}, thành phố {self.province}"


def random_person(rng: random.Random, born_from: int = 1950, born_to: int = 2006, male: bool | None = None) -> Person:
    male = rng.random() < 0.5 if male is None else male
    start = date(born_from, 1, 1)
    born = start + timedelta(days=rng.randrange((date(born_to, 12, 31) - start).days))
    code, province = rng.choice(PROVINCES)
    return Person(
        family=rng.choice(FAMILY),
        middle=rng.choice(MIDDLE_M if male else MIDDLE_F),
        given=rng.choice(GIVEN_M if male else GIVEN_F),
        born=born, male=male, province_code=code, province=province, commune=rng.choice(COMMUNES),
        serial=f"{rng.randrange(1_000_000):06d}",
    )


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _expiry(born: date, issued: date) -> date | None:
    from officer_desk.screening.identity import card_expiry

    return card_expiry(born, issued)


def _card_canvas(rng: random.Random, tint: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    width, height = 1280, 807  # 85.6 x 54 mm at about 380 dpi
    image = Image.new("RGB", (width, height), tint)
    draw = ImageDraw.Draw(image)
    # A faint guilloche-like pattern, as on the real card's security print.
    for k in range(0, width + height, 22):
        draw.line([(k, 0), (k - height, height)], fill=tuple(max(0, c - 12) for c in tint), width=1)
    draw.ellipse((width * 0.35, height * 0.25, width * 0.75, height * 0.95),
                 outline=tuple(max(0, c - 25) for c in tint), width=3)
    return image, draw


def _qr(text: str, size: int) -> Image.Image:
    buffer = io.BytesIO()
    segno.make(text, micro=False, error="m").save(buffer, kind="png", scale=4, border=2)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").resize((size, size), Image.Resampling.NEAREST)


def _label_value(draw: ImageDraw.ImageDraw, xy: tuple[int, int], label: str, value: str, size: int = 30,
                 newline: bool = False, value_size: int | None = None) -> int:
    """Draw ``label`` then ``value`` (same line or below); returns the y after."""
    x, y = xy
    draw.text((x, y), label, font=font(size - 4), fill=(40, 40, 40))
    if newline:
        y += size + 4
        draw.text((x, y), value, font=font(value_size or size + 4, bold=True), fill=(0, 0, 0))
        return y + (value_size or size + 4) + 10
    width = draw.textlength(label + " ", font=font(size - 4))
    draw.text((x + width, y - 2), value, font=font(value_size or size, bold=True), fill=(0, 0, 0))
    return y + size + 12


def _qr_text(person: Person, issued: date, address: str) -> str:
    return "|".join([person.id_number, "", person.upper_name, person.born.strftime("%d%m%Y"), person.gender,
                     address, issued.strftime("%d%m%Y")])


def card_front(rng: random.Random, layout: str) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    person = random_person(rng)
    issued = date(2021, 1, 1) + timedelta(days=rng.randrange(900)) if layout == "2021" else \
        date(2024, 7, 1) + timedelta(days=rng.randrange(700))
    expiry = _expiry(person.born, issued)
    origin = random_person(rng).place
    residence = f"Số {rng.randrange(1, 200)}, {person.place}"
    image, draw = _card_canvas(rng, (232, 240, 236) if layout == "2021" else (236, 236, 244))
    qr_text = _qr_text(person, issued, residence)
    image.paste(_qr(qr_text, 190), (1060, 30))
    for i, line in enumerate(HEADER):
        draw.text((300, 28 + i * 40), line, font=font(32 if i == 0 else 30, bold=True), fill=(20, 20, 20))
    title = "CĂN CƯỚC CÔNG DÂN" if layout == "2021" else "CĂN CƯỚC"
    subtitle = "Citizen Identity Card" if layout == "2021" else "IDENTITY CARD"
    draw.text((420, 118), title, font=font(46, bold=True), fill=(170, 20, 20))
    draw.text((420, 170), subtitle, font=font(26), fill=(170, 20, 20))
    draw.rectangle((40, 250, 300, 580), fill=(190, 195, 200), outline=(120, 120, 120), width=2)  # photo
    x, y = 330, 230
    truth: dict[str, str] = {"so": person.id_number, "ho_chu_dem_ten": person.upper_name,
                             "ngay_sinh": _d(person.born), "gioi_tinh": person.gender}
    if layout == "2021":
        y = _label_value(draw, (x, y), "Số / No.:", person.id_number, 40, value_size=44)
        y = _label_value(draw, (x, y), "Họ và tên / Full name:", person.upper_name, 32, newline=True, value_size=40)
        y = _label_value(draw, (x, y), "Ngày sinh / Date of birth:", _d(person.born), 32)
        draw.text((x, y), "Giới tính / Sex:", font=font(28), fill=(40, 40, 40))
        draw.text((x + 220, y - 2), person.gender, font=font(32, bold=True), fill=(0, 0, 0))
        draw.text((x + 400, y), "Quốc tịch / Nationality:", font=font(28), fill=(40, 40, 40))
        draw.text((x + 720, y - 2), "Việt Nam", font=font(32, bold=True), fill=(0, 0, 0))
        y += 46
        y = _label_value(draw, (x, y), "Quê quán / Place of origin:", origin, 30, newline=True, value_size=32)
        y = _label_value(draw, (x, y), "Nơi thường trú / Place of residence:", residence, 30, newline=True,
                         value_size=32)
        draw.text((40, 600), "Có giá trị đến:", font=font(26), fill=(40, 40, 40))
        draw.text((40, 634), _d(expiry) if expiry else "Không thời hạn", font=font(30, bold=True), fill=(0, 0, 0))
        draw.text((40, 672), "Date of expiry", font=font(24), fill=(40, 40, 40))
        truth["que_quan"] = origin
        truth["co_gia_tri_den"] = _d(expiry) if expiry else "Không thời hạn"
    else:
        y = _label_value(draw, (x, y), "Số định danh cá nhân / Personal identification number:", person.id_number,
                         30, newline=True, value_size=44)
        y = _label_value(draw, (x, y), "Họ, chữ đệm và tên khai sinh / Surname, middle and given name:",
                         person.upper_name, 30, newline=True, value_size=40)
        y = _label_value(draw, (x, y), "Ngày, tháng, năm sinh / Date of birth:", _d(person.born), 32)
        draw.text((x, y), "Giới tính / Sex:", font=font(28), fill=(40, 40, 40))
        draw.text((x + 220, y - 2), person.gender, font=font(32, bold=True), fill=(0, 0, 0))
        draw.text((x + 400, y), "Quốc tịch / Nationality:", font=font(28), fill=(40, 40, 40))
        draw.text((x + 720, y - 2), "Việt Nam", font=font(32, bold=True), fill=(0, 0, 0))
    extras = {"qr": qr_text}
    return image, truth, extras


def card_back(rng: random.Random, layout: str) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    person = random_person(rng)
    issued = date(2021, 1, 1) + timedelta(days=rng.randrange(900)) if layout == "2021" else \
        date(2024, 7, 1) + timedelta(days=rng.randrange(700))
    expiry = _expiry(person.born, issued)
    image, draw = _card_canvas(rng, (236, 238, 240))
    truth: dict[str, str] = {"so": person.id_number, "ngay_sinh": _d(person.born), "gioi_tinh": person.gender}
    if expiry is not None:
        truth["co_gia_tri_den"] = _d(expiry)
    if layout == "2024":
        residence = f"Số {rng.randrange(1, 200)}, {person.place}"
        y = _label_value(draw, (40, 40), "Nơi cư trú / Place of residence:", residence, 30, newline=True,
                         value_size=32)
        y = _label_value(draw, (40, y), "Nơi đăng ký khai sinh / Place of birth:", f"tỉnh {person.province}", 30,
                         newline=True, value_size=32)
        y = _label_value(draw, (40, y), "Ngày, tháng, năm cấp / Date of issue:", _d(issued), 30)
        _label_value(draw, (40, y), "Ngày, tháng, năm hết hạn / Date of expiry:",
                     _d(expiry) if expiry else "Không thời hạn", 30)
        truth["ngay_cap"] = _d(issued)
        truth["noi_dang_ky_khai_sinh"] = f"tỉnh {person.province}"
    else:
        draw.rectangle((900, 40, 1230, 330), outline=(120, 120, 120), width=2)  # fingerprints
        y = _label_value(draw, (40, 60), "Đặc điểm nhân dạng / Personal identification:", "Sẹo chấm cách 2cm trên "
                         "đuôi mắt trái", 28, newline=True, value_size=30)
        _label_value(draw, (40, y + 20), "Ngày, tháng, năm / Date, month, year:", _d(issued), 30)
        truth["ngay_cap"] = _d(issued)
    mrz = td1_lines(person.id_number, person.born, person.male, expiry, person.family,
                    f"{person.middle} {person.given}")
    for i, line in enumerate(mrz):
        draw.text((50, 590 + i * 62), line, font=font(48), fill=(0, 0, 0))
    return image, truth, {"mrz": "\n".join(mrz)}


def _page(title: str, subtitle: str = "") -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (2480, 3508), (252, 252, 250))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(HEADER):
        text_width = draw.textlength(line, font=font(48, bold=True, serif=True))
        draw.text(((2480 - text_width) / 2, 200 + i * 70), line, font=font(48, bold=True, serif=True), fill=(0, 0, 0))
    text_width = draw.textlength(title, font=font(80, bold=True, serif=True))
    draw.text(((2480 - text_width) / 2, 420), title, font=font(80, bold=True, serif=True), fill=(0, 0, 0))
    if subtitle:
        text_width = draw.textlength(subtitle, font=font(44, serif=True))
        draw.text(((2480 - text_width) / 2, 530), subtitle, font=font(44, serif=True), fill=(0, 0, 0))
    return image, draw


def _row(draw: ImageDraw.ImageDraw, y: int, label: str, value: str, x: int = 250) -> int:
    draw.text((x, y), label, font=font(50, serif=True), fill=(10, 10, 10))
    width = draw.textlength(label + " ", font=font(50, serif=True))
    draw.text((x + width, y), value, font=font(50, bold=True, serif=True), fill=(0, 0, 0))
    return y + 100


def birth_certificate(rng: random.Random) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    child = random_person(rng, 2024, 2026)
    mother = random_person(rng, 1985, 2003, male=False)
    father = random_person(rng, 1980, 2001, male=True)
    registered = child.born + timedelta(days=rng.randrange(5, 50))
    image, draw = _page("GIẤY KHAI SINH", "(Bản chính)")
    y = 700
    y = _row(draw, y, "Họ, chữ đệm, tên:", child.upper_name)
    y = _row(draw, y, "Ngày, tháng, năm sinh:", _d(child.born))
    y = _row(draw, y, "Giới tính:", child.gender)
    y = _row(draw, y, "Dân tộc:", "Kinh")
    y = _row(draw, y, "Nơi sinh:", f"Bệnh viện Đa khoa tỉnh {child.province}")
    y = _row(draw, y, "Số định danh cá nhân:", child.id_number)
    y += 40
    y = _row(draw, y, "Họ, chữ đệm, tên người mẹ:", mother.upper_name)
    y = _row(draw, y, "Năm sinh:", str(mother.born.year))
    y = _row(draw, y, "Nơi cư trú:", mother.place)
    y += 40
    y = _row(draw, y, "Họ, chữ đệm, tên người cha:", father.upper_name)
    y = _row(draw, y, "Năm sinh:", str(father.born.year))
    y += 40
    y = _row(draw, y, "Nơi đăng ký khai sinh:", f"Ủy ban nhân dân {child.commune}")
    _row(draw, y, "Ngày, tháng, năm đăng ký:", _d(registered))
    truth = {"ho_ten": child.upper_name, "ngay_sinh": _d(child.born), "gioi_tinh": child.gender,
             "ho_ten_me": mother.upper_name, "ho_ten_cha": father.upper_name}
    return image, truth, {}


def birth_notice(rng: random.Random) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    child = random_person(rng, 2025, 2026)
    mother = random_person(rng, 1985, 2003, male=False)
    image, draw = _page("GIẤY CHỨNG SINH", f"Bệnh viện Đa khoa tỉnh {child.province}")
    y = 700
    y = _row(draw, y, "Họ và tên bố/mẹ hoặc người nuôi dưỡng:", mother.name)
    y = _row(draw, y, "Năm sinh:", str(mother.born.year))
    y = _row(draw, y, "Số CCCD/Hộ chiếu:", mother.id_number)
    y = _row(draw, y, "Nơi cư trú:", mother.place)
    y = _row(draw, y, "Dân tộc:", "Kinh")
    y = _row(draw, y, "Đã sinh con vào lúc:", f"{rng.randrange(24):02d} giờ {rng.randrange(60):02d} phút, "
             f"ngày {_d(child.born)}")
    y = _row(draw, y, "Tại:", f"Bệnh viện Đa khoa tỉnh {child.province}")
    y = _row(draw, y, "Số con trong lần sinh:", "01")
    y = _row(draw, y, "Giới tính của con:", child.gender)
    y = _row(draw, y, "Cân nặng:", f"{rng.randrange(2600, 4100)} gram")
    _row(draw, y, "Dự định đặt tên con:", child.name)
    truth = {"ho_ten_me": mother.name, "ngay_sinh": _d(child.born), "gioi_tinh": child.gender,
             "ho_ten_tre": child.name}
    return image, truth, {}


def marital_status(rng: random.Random) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    person = random_person(rng, 1970, 2004)
    issued = date(2025, 1, 1) + timedelta(days=rng.randrange(600))
    image, draw = _page("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = 700
    y = _row(draw, y, "Họ, chữ đệm, tên:", person.name)
    y = _row(draw, y, "Ngày, tháng, năm sinh:", _d(person.born))
    y = _row(draw, y, "Giới tính:", person.gender)
    y = _row(draw, y, "Giấy tờ tùy thân:", f"Căn cước số {person.id_number}")
    y = _row(draw, y, "Nơi cư trú:", person.place)
    y = _row(draw, y, "Tình trạng hôn nhân:", "Hiện tại chưa đăng ký kết hôn với ai")
    y = _row(draw, y, "Giấy này được cấp để:", "Đăng ký kết hôn")
    line = f"{person.commune.capitalize()}, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}"
    draw.text((1200, y + 80), line, font=font(50, serif=True), fill=(0, 0, 0))
    truth = {"ho_ten": person.name, "ngay_sinh": _d(person.born), "ngay_cap": _d(issued)}
    return image, truth, {}


def declaration(rng: random.Random) -> tuple[Image.Image, dict[str, str], dict[str, str]]:
    person = random_person(rng)
    phone = "09" + "".join(str(rng.randrange(10)) for _ in range(8))
    image, draw = _page("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ")
    y = 700
    y = _row(draw, y, "Họ, chữ đệm và tên:", person.name)
    y = _row(draw, y, "Ngày, tháng, năm sinh:", _d(person.born))
    y = _row(draw, y, "Giới tính:", person.gender)
    y = _row(draw, y, "Số định danh cá nhân:", person.id_number)
    y = _row(draw, y, "Số điện thoại liên hệ:", phone)
    _row(draw, y, "Nơi cư trú:", person.place)
    truth = {"ho_ten": person.name, "ngay_sinh": _d(person.born), "gioi_tinh": person.gender,
             "so_dinh_danh": person.id_number, "dien_thoai": phone}
    return image, truth, {}


_RENDERERS = {
    "cccd_2021": lambda rng: card_front(rng, "2021"),
    "cccd_2024": lambda rng: card_front(rng, "2024"),
    "cccd_back_2021": lambda rng: card_back(rng, "2021"),
    "cccd_back_2024": lambda rng: card_back(rng, "2024"),
    "giay_khai_sinh": birth_certificate,
    "giay_chung_sinh": birth_notice,
    "giay_xac_nhan_tthn": marital_status,
    "to_khai": declaration,
}


def distort(image: Image.Image, distortion: str, rng: random.Random, is_card: bool) -> tuple[Image.Image, str]:
    """Apply one distortion; returns the image and the file format to save it in."""
    if distortion == "noise":
        pixels = np.asarray(image, dtype=np.float32)
        noise = np.random.default_rng(rng.randrange(2**31)).normal(0, 14, pixels.shape)
        return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8)), "PNG"
    if distortion == "rotation":
        angle = rng.choice([-1, 1]) * rng.uniform(2.0, 6.0)
        return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 250)), "PNG"
    if distortion == "blur":
        return image.filter(ImageFilter.GaussianBlur(1.3 if is_card else 1.8)), "PNG"
    if distortion == "jpeg":
        return image, "JPEG:18"
    if distortion == "light":
        return _uneven_light(image, rng, 0.45), "PNG"
    if distortion == "photo":
        return _photo(image, rng, is_card), "JPEG:70"
    return image, "PNG"


def _uneven_light(image: Image.Image, rng: random.Random, darkest: float) -> Image.Image:
    width, height = image.size
    cx, cy = rng.uniform(0, width), rng.uniform(0, height)
    ys, xs = np.mgrid[0:height, 0:width]
    distance = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / np.hypot(width, height)
    gain = 1.0 - (1.0 - darkest) * np.clip(distance * 1.4, 0, 1)
    pixels = np.asarray(image, dtype=np.float32) * gain[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _photo(image: Image.Image, rng: random.Random, is_card: bool) -> Image.Image:
    """The document lying on a dark desk, photographed slightly rotated under a lamp."""
    if not is_card:
        image = image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.Resampling.LANCZOS)
    pad = image.width // 5
    desk = Image.new("RGB", (image.width + 2 * pad, image.height + 2 * pad), (70, 58, 48))
    texture = np.random.default_rng(rng.randrange(2**31)).normal(0, 8, (desk.height, desk.width, 1))
    desk = Image.fromarray(np.clip(np.asarray(desk, dtype=np.float32) + texture, 0, 255).astype(np.uint8))
    rotated = image.convert("RGBA").rotate(rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=True)
    desk.paste(rotated, (pad - (rotated.width - image.width) // 2, pad - (rotated.height - image.height) // 2),
               rotated)
    return _uneven_light(desk, rng, 0.6).filter(ImageFilter.GaussianBlur(0.6))


def encode(image: Image.Image, file_format: str) -> bytes:
    buffer = io.BytesIO()
    if file_format.startswith("JPEG"):
        quality = int(file_format.split(":")[1]) if ":" in file_format else 85
        image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    else:
        image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def make_sample(kind: str, distortion: str = "clean", seed: int = 0) -> Sample:
    """One sample of ``kind`` with ``distortion``, the same for the same seed."""
    rng = random.Random(f"{kind}/{distortion}/{seed}")
    image, truth, extras = _RENDERERS[kind](rng)
    distorted, file_format = distort(image, distortion, rng, kind.startswith("cccd"))
    return Sample(kind, distortion, distorted, truth, encode(distorted, file_format), extras)
