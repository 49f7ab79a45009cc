"""The stamp font: chosen once, subset once per signing session, embedded cheaply in every document.

pyHanko 0.38 writes glyph widths in font units into the PDF ``/W`` array and ``TJ`` adjustments,
where PDF expects thousandths of an em; with a 2048-unit font (DejaVu, Liberation) the text is drawn
about twice too wide. :class:`StampFont` measures in 1/1000 em by construction, and
:class:`ScaledGlyphAccumulatorFactory` is pyHanko's own engine with the units fixed, for callers
that lay text out with pyHanko's text boxes.
"""

from __future__ import annotations

import io
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools import subset as ft_subset
from fontTools import ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import BasePdfFileWriter

from officer_desk.paths import resource

FALLBACK_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
PREFERRED_FONT = "LiberationSerif-Regular.ttf"

# What every stamp needs whatever the names: digits and the punctuation of "dd/mm/yyyy hh:mm:ss +07:00".
# Names and labels are added per session (``extra_text``) and, rarely, on demand (``ensure``): a
# subset of ~60 glyphs adds ~10 KB to each document instead of ~30 KB for the full repertoire.
BASE_CHARSET = frozenset("0123456789 /:+-.,()?")


def stamp_font_path() -> Path:
    """The stamp font: the shipped Liberation Serif, else any shipped TTF, else DejaVu Serif."""
    folder = resource("fonts")
    preferred = folder / PREFERRED_FONT
    if preferred.is_file():
        return preferred
    if folder.is_dir():
        shipped = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".ttf")
        if shipped:
            return shipped[0]
    return FALLBACK_FONT


@dataclass(frozen=True)
class _FontProgram:
    ps_name: str
    font_file: bytes  # Flate-compressed TrueType subset
    font_file_length1: int
    to_unicode: bytes  # Flate-compressed ToUnicode CMap
    widths: dict[int, int]  # gid -> width in 1/1000 em
    gids: dict[str, int]  # character -> gid in the subset
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    stem_v: int
    missing_gid: int


_SHARED: dict[tuple[str, str], StampFont] = {}
_SHARED_LOCK = threading.Lock()


class StampFont:
    """A TrueType font subset once for a whole signing session.

    The subset (ASCII + Vietnamese + the session's extra characters) is compressed once; each
    document then only receives ready-made objects. Text is measured and drawn in 1/1000 em.
    """

    def __init__(self, path: Path | None = None, extra_text: str = "") -> None:
        self.path = Path(path or stamp_font_path())
        self._lock = threading.Lock()
        self._full: ttLib.TTFont | None = None
        self._charset = set(BASE_CHARSET) | set(unicodedata.normalize("NFC", extra_text))
        self._unavailable: set[str] = set()  # characters the font itself lacks (drawn as "?")
        self._program = self._build(self._charset)

    @classmethod
    def shared(cls, extra_text: str = "", path: Path | None = None) -> StampFont:
        """One font per signer name for the whole process: building a subset costs ~0.5-1 s (fontTools
        parses the full face), which the window paid on every F2 when each document opened a new session."""
        key = (str(Path(path or stamp_font_path())), unicodedata.normalize("NFC", extra_text))
        with _SHARED_LOCK:
            font = _SHARED.get(key)
            if font is None:
                font = _SHARED[key] = cls(Path(key[0]), extra_text)
            return font

    # --- building the subset ---------------------------------------------------------------------

    def _full_font(self) -> ttLib.TTFont:
        if self._full is None:
            # Read from memory: a font opened on the file keeps it open for the session's life.
            self._full = ttLib.TTFont(io.BytesIO(self.path.read_bytes()), lazy=True)
        return self._full

    def _build(self, charset: set[str]) -> _FontProgram:
        full = ttLib.TTFont(io.BytesIO(self.path.read_bytes()))  # no file handle left open
        cmap = full.getBestCmap()
        unicodes = sorted(ord(ch) for ch in charset if ord(ch) in cmap)
        options = ft_subset.Options()
        options.layout_features = []
        options.drop_tables += ["GPOS", "GSUB", "GDEF", "FFTM", "DSIG", "kern"]
        options.name_IDs = [1, 2, 3, 4, 6]
        options.notdef_outline = True
        options.hinting = False  # hinting is most of the bytes and a stamp is printed, not rasterised small
        options.recalc_bounds = True
        subsetter = ft_subset.Subsetter(options=options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(full)
        buf = io.BytesIO()
        full.save(buf)
        raw = buf.getvalue()
        font = ttLib.TTFont(io.BytesIO(raw))
        upem = font["head"].unitsPerEm
        scale = 1000.0 / upem
        order = font.getGlyphOrder()
        gid_of_name = {glyph: index for index, glyph in enumerate(order)}
        hmtx = font["hmtx"]
        sub_cmap = font.getBestCmap()
        gids = {chr(code): gid_of_name[glyph] for code, glyph in sub_cmap.items()}
        widths = {gid: round(hmtx[glyph][0] * scale) for glyph, gid in gid_of_name.items()}
        ps_name = _postscript_name(font)
        head, hhea, os2, post = font["head"], font["hhea"], font["OS/2"], font["post"]
        weight = getattr(os2, "usWeightClass", 400)
        return _FontProgram(
            ps_name="OFDESK+" + ps_name,
            font_file=zlib.compress(raw, 6),
            font_file_length1=len(raw),
            to_unicode=zlib.compress(_to_unicode_cmap(gids).encode("ascii"), 6),
            widths=widths,
            gids=gids,
            ascent=round(hhea.ascent * scale),
            descent=round(hhea.descent * scale),
            cap_height=round(getattr(os2, "sCapHeight", 0) * scale) or 700,
            bbox=(round(head.xMin * scale), round(head.yMin * scale), round(head.xMax * scale),
                  round(head.yMax * scale)),
            italic_angle=float(getattr(post, "italicAngle", 0)),
            stem_v=int(10 + 220 * (weight - 50) / 900),
            missing_gid=gids.get("?", 0),
        )

    def ensure(self, text: str) -> None:
        """Re-subset (rarely) when ``text`` uses a character the font has but the subset lacks."""
        text = unicodedata.normalize("NFC", text)
        missing = {ch for ch in text if ch not in self._program.gids} - self._unavailable
        if not missing:
            return
        with self._lock:
            cmap = self._full_font().getBestCmap()
            self._unavailable |= {ch for ch in missing if ord(ch) not in cmap}
            wanted = {ch for ch in missing if ord(ch) in cmap} - self._charset
            if wanted:
                self._charset |= wanted
                self._program = self._build(self._charset)

    # --- measuring and drawing -------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._program.ps_name

    def _glyphs(self, text: str) -> list[int]:
        text = unicodedata.normalize("NFC", text)
        self.ensure(text)
        program = self._program
        return [program.gids.get(ch, program.missing_gid) for ch in text]

    def advance(self, text: str) -> int:
        """Advance width of ``text`` in 1/1000 em (no kerning: the drawing uses none either)."""
        glyphs = self._glyphs(text)  # may re-subset: read the widths afterwards
        widths = self._program.widths
        return sum(widths.get(gid, 1000) for gid in glyphs)

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` in points at ``size``."""
        return self.advance(text) * size / 1000.0

    def show_text(self, text: str) -> bytes:
        """The ``<...> Tj`` operator drawing ``text`` (2-byte glyph ids, Identity-H)."""
        return b"<" + "".join(f"{gid:04x}" for gid in self._glyphs(text)).encode("ascii") + b"> Tj"

    def embed(self, writer: BasePdfFileWriter) -> generic.IndirectObject:
        """Add the font objects to ``writer`` (compressed bytes are reused, nothing is re-subset)."""
        program = self._program
        font_file = generic.StreamObject(
            {pdf_name("/Filter"): pdf_name("/FlateDecode"),
             pdf_name("/Length1"): generic.NumberObject(program.font_file_length1)},
            encoded_data=program.font_file,
        )
        descriptor = generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/FontDescriptor"),
            pdf_name("/FontName"): pdf_name("/" + program.ps_name),
            pdf_name("/Flags"): generic.NumberObject(0b100010),  # serif + nonsymbolic
            pdf_name("/FontBBox"): generic.ArrayObject(generic.NumberObject(v) for v in program.bbox),
            pdf_name("/ItalicAngle"): generic.FloatObject(program.italic_angle),
            pdf_name("/Ascent"): generic.NumberObject(program.ascent),
            pdf_name("/Descent"): generic.NumberObject(program.descent),
            pdf_name("/CapHeight"): generic.NumberObject(program.cap_height),
            pdf_name("/StemV"): generic.NumberObject(program.stem_v),
            pdf_name("/FontFile2"): writer.add_object(font_file),
        })
        widths = generic.ArrayObject()
        for gid in sorted(program.widths):
            widths.append(generic.NumberObject(gid))
            widths.append(generic.ArrayObject([generic.NumberObject(program.widths[gid])]))
        cid_font = generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/Font"),
            pdf_name("/Subtype"): pdf_name("/CIDFontType2"),
            pdf_name("/BaseFont"): pdf_name("/" + program.ps_name),
            pdf_name("/CIDSystemInfo"): generic.DictionaryObject({
                pdf_name("/Registry"): generic.pdf_string("Adobe"),
                pdf_name("/Ordering"): generic.pdf_string("Identity"),
                pdf_name("/Supplement"): generic.NumberObject(0),
            }),
            pdf_name("/FontDescriptor"): writer.add_object(descriptor),
            pdf_name("/CIDToGIDMap"): pdf_name("/Identity"),
            pdf_name("/DW"): generic.NumberObject(1000),
            pdf_name("/W"): widths,
        })
        to_unicode = generic.StreamObject(
            {pdf_name("/Filter"): pdf_name("/FlateDecode")}, encoded_data=program.to_unicode
        )
        type0 = generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/Font"),
            pdf_name("/Subtype"): pdf_name("/Type0"),
            pdf_name("/BaseFont"): pdf_name("/" + program.ps_name),
            pdf_name("/Encoding"): pdf_name("/Identity-H"),
            pdf_name("/DescendantFonts"): generic.ArrayObject([writer.add_object(cid_font)]),
            pdf_name("/ToUnicode"): writer.add_object(to_unicode),
        })
        return writer.add_object(type0)


def _postscript_name(font: ttLib.TTFont) -> str:
    for record in font["name"].names:
        if record.nameID == 6:
            return "".join(ch for ch in record.toUnicode() if ch.isalnum() or ch in "-_") or "StampFont"
    return "StampFont"


def _to_unicode_cmap(gids: dict[str, int]) -> str:
    pairs = sorted({gid: ch for ch, gid in gids.items()}.items())
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for gid, ch in chunk:
            lines.append(f"<{gid:04x}> <{ch.encode('utf-16-be').hex()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


# --- pyHanko's own font engine, with the units fixed ----------------------------------------------------


class ScaledGlyphAccumulator(GlyphAccumulator):
    """pyHanko's GlyphAccumulator measuring in 1/1000 em, whatever the font's units per em.

    HarfBuzz is asked for positions at a scale of 1000 and glyph widths are scaled the same way,
    so the ``/W`` array, the ``TJ`` adjustments and the cursor advances all agree with PDF's
    text space convention (ISO 32000-1, 9.2.4: glyph space is 1/1000 of text space).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.hb_font.scale = (1000, 1000)
        self.units_per_em = 1000
        scale = 1000.0 / self._font_units
        descriptor = self.cidfont_obj._font_descriptor
        for key in ("/Ascent", "/Descent", "/CapHeight"):
            if key in descriptor:
                descriptor[pdf_name(key)] = generic.NumberObject(round(int(descriptor[key]) * scale))
        if "/FontBBox" in descriptor:
            descriptor[pdf_name("/FontBBox")] = generic.ArrayObject(
                generic.NumberObject(round(int(v) * scale)) for v in descriptor["/FontBBox"]
            )

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        try:
            return self._glyphs[glyph_id]
        except KeyError:
            pass
        cid, width = super()._get_cid_and_width(glyph_id)
        scaled = round(width * 1000.0 / self._font_units)
        self._glyphs[glyph_id] = (cid, scaled)
        return cid, scaled


@dataclass(frozen=True)
class ScaledGlyphAccumulatorFactory(GlyphAccumulatorFactory):
    """Drop-in replacement for pyHanko's ``GlyphAccumulatorFactory`` (fixes fonts with upem != 1000)."""

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: Any = None) -> GlyphAccumulator:
        # fontTools reads the font lazily for the writer's life: give it the bytes, not an open file.
        handle = io.BytesIO(Path(self.font_file).read_bytes())
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return ScaledGlyphAccumulator(
            writer=writer, font_handle=handle, font_size=self.font_size,
            ot_script_tag=self.ot_script_tag, ot_language_tag=self.ot_language_tag,
            writing_direction=self.writing_direction, bcp47_lang_code=self.bcp47_lang_code,
            obj_stream=obj_stream,
        )
