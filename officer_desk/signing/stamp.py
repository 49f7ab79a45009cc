"""The visible signature stamp, following Vietnamese practice.

Three lines: "Ky boi: <signer>", "Co quan: <organisation>", "Thoi gian ky: dd/mm/yyyy hh:mm:ss +07:00"
(local time), an optional seal or handwritten-signature image on the left, inside the signature
widget's box. Labels are translatable texts (Vietnamese by default: stamps are legal text).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import AppearanceContent, ResourceType
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import BaseStampStyle

from officer_desk.i18n import translate
from officer_desk.signing.certs import format_vn

if TYPE_CHECKING:  # fontTools loads only when a visible stamp is drawn (invisible signing skips it)
    from officer_desk.signing.fonts import StampFont

LABEL_SIGNED_BY = "K\u00fd b\u1edfi"
LABEL_ORGANISATION = "C\u01a1 quan"
LABEL_SIGNING_TIME = "Th\u1eddi gian k\u00fd"

MAX_FONT_SIZE = 9.0
MIN_FONT_SIZE = 4.0
WRAP_BELOW = 6.0
PADDING = 3.0
LEADING = 1.22
TEXT_RGB = (0.0, 0.0, 0.55)
BORDER_RGB = (0.0, 0.0, 0.55)
BORDER_WIDTH = 0.8


@dataclass(frozen=True)
class StampSpec:
    """Where and what the visible stamp shows. ``box`` is (x1, y1, x2, y2) in PDF points."""

    page: int
    box: tuple[float, float, float, float]
    signer_name: str
    organisation: str
    seal_image: Path | None = None
    language: str = "vi"


def stamp_lines(spec: StampSpec, signing_time: datetime) -> list[str]:
    """The stamp's text lines (labels translated to ``spec.language``)."""
    lang = spec.language
    lines = [f"{translate(LABEL_SIGNED_BY, lang)}: {spec.signer_name}"]
    if spec.organisation:
        lines.append(f"{translate(LABEL_ORGANISATION, lang)}: {spec.organisation}")
    lines.append(f"{translate(LABEL_SIGNING_TIME, lang)}: {format_vn(signing_time)}")
    return lines


def stamp_label_text() -> str:
    """Every character of the stamp labels in the supported languages (for the font subset)."""
    from officer_desk.i18n import SUPPORTED_LANGUAGES

    return "".join(translate(label, lang) for label in (LABEL_SIGNED_BY, LABEL_ORGANISATION, LABEL_SIGNING_TIME)
                   for lang in SUPPORTED_LANGUAGES)


@dataclass(frozen=True)
class TextLayout:
    size: float
    lines: list[tuple[str, float, float]]  # text, x, baseline y (in the stamp's box)


def layout_text(font: StampFont, lines: list[str], x0: float, width: float, height: float) -> TextLayout:
    """Largest size up to 9 pt at which the lines fit; long lines wrap at words below 6 pt."""
    avail_w = max(width - x0 - PADDING, 1.0)
    avail_h = max(height - 2 * PADDING, 1.0)

    def fit(candidate: list[str]) -> float:
        widest = max(font.advance(line) for line in candidate) or 1
        return min(MAX_FONT_SIZE, avail_w * 1000.0 / widest, avail_h / (len(candidate) * LEADING))

    size = fit(lines)
    if size < WRAP_BELOW:
        wrapped: list[str] = []
        for line in lines:
            wrapped.extend(_wrap(font, line, avail_w, WRAP_BELOW))
        size = fit(wrapped)
        lines = wrapped
    size = max(size, MIN_FONT_SIZE)
    leading = size * LEADING
    block = leading * len(lines)
    top = (height + block) / 2.0
    placed = []
    for index, line in enumerate(lines):
        baseline = top - leading * index - size * 0.95
        placed.append((line, x0, baseline))
    return TextLayout(size=size, lines=placed)


def _wrap(font: StampFont, line: str, avail_w: float, size: float) -> list[str]:
    words = line.split(" ")
    result: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and font.width(candidate, size) > avail_w:
            result.append(current)
            current = "  " + word
        else:
            current = candidate
    if current:
        result.append(current)
    return result


class SealImage:
    """An image (PNG/JPEG) decoded and compressed once per session, embedded in every stamp."""

    def __init__(self, path: Path) -> None:
        from PIL import Image

        with Image.open(path) as image:
            image.load()
            rgba = image.convert("RGBA")
        self.width, self.height = rgba.size
        rgb = rgba.convert("RGB").tobytes()
        alpha = rgba.getchannel("A").tobytes()
        self._rgb = zlib.compress(rgb, 6)
        self._alpha = None if min(alpha, default=255) == 255 else zlib.compress(alpha, 6)

    def embed(self, writer: BasePdfFileWriter) -> generic.IndirectObject:
        base = {
            pdf_name("/Type"): pdf_name("/XObject"),
            pdf_name("/Subtype"): pdf_name("/Image"),
            pdf_name("/Width"): generic.NumberObject(self.width),
            pdf_name("/Height"): generic.NumberObject(self.height),
            pdf_name("/BitsPerComponent"): generic.NumberObject(8),
            pdf_name("/Filter"): pdf_name("/FlateDecode"),
        }
        image = dict(base)
        image[pdf_name("/ColorSpace")] = pdf_name("/DeviceRGB")
        if self._alpha is not None:
            mask = dict(base)
            mask[pdf_name("/ColorSpace")] = pdf_name("/DeviceGray")
            image[pdf_name("/SMask")] = writer.add_object(
                generic.StreamObject(mask, encoded_data=self._alpha)
            )
        return writer.add_object(generic.StreamObject(image, encoded_data=self._rgb))


class DeskStamp(AppearanceContent):
    """The appearance stream of one visible signature."""

    def __init__(
        self, writer: BasePdfFileWriter, box: BoxConstraints, font: StampFont, lines: list[str],
        seal: SealImage | None,
    ) -> None:
        super().__init__(writer=writer, box=box)
        self.font = font
        self.lines = lines
        self.seal = seal

    def render(self) -> bytes:
        writer = self._ensure_writer
        width, height = float(self.box.width), float(self.box.height)
        ops: list[bytes] = [b"q"]
        x0 = PADDING
        if self.seal is not None:
            side = min(height - 2 * PADDING, width * 0.3)
            scale = min(side / self.seal.width, side / self.seal.height)
            img_w, img_h = self.seal.width * scale, self.seal.height * scale
            self.set_resource(ResourceType.XOBJECT, pdf_name("/Seal"), self.seal.embed(writer))
            ops.append(b"q %.3f 0 0 %.3f %.3f %.3f cm /Seal Do Q"
                       % (img_w, img_h, PADDING, (height - img_h) / 2.0))
            x0 = PADDING * 2 + side
        for line in self.lines:
            self.font.ensure(line)
        layout = layout_text(self.font, self.lines, x0, width, height)
        self.set_resource(ResourceType.FONT, pdf_name("/F1"), self.font.embed(writer))
        ops.append(b"%.3f %.3f %.3f rg" % TEXT_RGB)
        for text, x, y in layout.lines:
            ops.append(b"BT /F1 %.3f Tf %.3f %.3f Td %s ET" % (layout.size, x, y, self.font.show_text(text)))
        ops.append(b"%.3f %.3f %.3f RG %.2f w" % (*BORDER_RGB, BORDER_WIDTH))
        half = BORDER_WIDTH / 2.0
        ops.append(b"%.3f %.3f %.3f %.3f re S" % (half, half, width - BORDER_WIDTH, height - BORDER_WIDTH))
        ops.append(b"Q")
        return b"\n".join(ops)


@dataclass(frozen=True)
class DeskStampStyle(BaseStampStyle):
    """A pyHanko stamp style that draws :class:`DeskStamp` from a session's font and seal."""

    font: Any = None
    lines: tuple[str, ...] = ()
    seal: Any = None

    def create_stamp(  # type: ignore[override]
        self, writer: BasePdfFileWriter, box: BoxConstraints, text_params: dict[str, Any]
    ) -> DeskStamp:
        return DeskStamp(writer, box, self.font, list(self.lines), self.seal)

