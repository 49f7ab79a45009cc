"""Document fonts whose embedded subset is the same in every PDF, so it is built and compressed once per process.

reportlab embeds, per document, a subset of each TrueType face holding the characters that document
happens to use, in first-use order; building and compressing those subsets was the largest single
cost of a receipt (three faces per page). Here every document's first subset starts with the whole
Vietnamese alphabet in a fixed order, so it is identical from one receipt to the next (a citizen's
name does not change it) and its compressed font program is cached by its character list. Characters
outside the alphabet still work: they extend the subset (a new cache entry) exactly as before.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections import OrderedDict
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, TTFontFace, makeToUnicodeCMap

_VOWELS = "aăâeêioôơuưy"
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
# Typography the templates and officers' text use beside the letters.
_PUNCTUATION = "–—…“”‘’•°№·×"


def _alphabet() -> str:
    letters = [unicodedata.normalize("NFC", vowel + mark) for vowel in _VOWELS for mark in _MARKS] + ["đ"]
    letters += [letter.upper() for letter in letters]
    ascii_printable = "".join(chr(code) for code in range(32, 127))
    seen = dict.fromkeys(ascii_printable + "".join(letters) + _PUNCTUATION)
    return "".join(seen)


ALPHABET = _alphabet()
FIXED_CHARACTERS = frozenset(ALPHABET)
"""Characters whose (subset, code) is the same in every document (see :meth:`DocumentFont.fixed_chunks`)."""
_MAX_CACHED_SUBSETS = 64


class _Preformatted(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF value whose bytes were formatted once (a subset's widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def _stream(content: bytes, compressed: bool) -> Any:
    """A stream whose content is already encoded (a "Filter" entry stops PDFStream encoding it again)."""
    stream = pdfdoc.PDFStream()
    stream.content = content
    if compressed:
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    return stream


class _CachingFace(TTFontFace):  # type: ignore[misc]
    """A face whose subset font programs are compressed once and reused by later documents."""

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:  # noqa: N802 - reportlab's name
        cache: OrderedDict[tuple[int, ...], tuple[bytes, int, bool]] = self.__dict__.setdefault(
            "_subset_cache", OrderedDict())
        key = tuple(subset)
        entry = cache.get(key)
        if entry is None or entry[2] != bool(doc.compression):
            raw = self.makeSubset(subset)
            entry = (zlib.compress(raw) if doc.compression else raw, len(raw), bool(doc.compression))
            cache[key] = entry
            while len(cache) > _MAX_CACHED_SUBSETS:
                cache.popitem(last=False)
        cache.move_to_end(key)
        content, length, compressed = entry
        # The same objects reportlab's own addSubsetObjects makes, with the stream already encoded
        # (a "Filter" in the dictionary tells PDFStream not to encode it again).
        font_file = _stream(content, compressed)
        font_file.dictionary["Length1"] = length
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": self.ascent,
            "CapHeight": self.capHeight,
            "Descent": self.descent,
            "Flags": (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(self.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": self.italicAngle,
            "StemV": self.stemV,
            "FontFile2": font_file_ref,
            "MissingWidth": self.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class _Probe:
    """A key for reportlab's per-document font state that is no document."""


class DocumentFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose first subset in every document is the fixed Vietnamese alphabet."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.__class__ = _CachingFace
        # Stands in for a document: its subset state never holds more than the fixed alphabet, and every
        # document's state starts as a copy of it (cheaper than assigning 241 codes one by one each time).
        self._probe = _Probe()
        super().splitString(ALPHABET, self._probe)

    def fixed_chunks(self, text: str) -> list[tuple[int, bytes]] | None:
        """``text`` as (subset, character codes) chunks exactly as every document encodes it, or None when
        it has a character outside the fixed alphabet (such codes depend on the document's first-use order)."""
        if not FIXED_CHARACTERS.issuperset(text):
            return None
        return list(self.splitString(text, self._probe))

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802 - reportlab's name
        if doc not in self.state:
            self.state[doc] = self._alphabet_state()
        return super().splitString(text, doc, encoding)

    def _alphabet_state(self) -> Any:
        """A new document's subset state: the fixed codes of the alphabet, in the fixed order."""
        probe = self.state[self._probe]
        state = TTFont.State.__new__(TTFont.State)
        state.__dict__.update(probe.__dict__)
        state.assignments = dict(probe.assignments)
        state.subsets = [list(subset) for subset in probe.subsets]
        return state

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        """reportlab's TTFont.addObjects (4.x), with each subset's widths and ToUnicode map formatted and
        compressed once per process instead of per document (same objects, same bytes)."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        cache: OrderedDict[tuple[tuple[int, ...], bool], tuple[bytes, bytes]] = self.__dict__.setdefault(
            "_font_objects_cache", OrderedDict())
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            key = (tuple(subset), bool(doc.compression))
            entry = cache.get(key)
            if entry is None:
                widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset))).format(doc)
                cmap = makeToUnicodeCMap(base_font_name, subset)
                cmap_bytes = cmap.encode("latin-1") if isinstance(cmap, str) else cmap
                entry = cache[key] = (widths, zlib.compress(cmap_bytes) if doc.compression else cmap_bytes)
                while len(cache) > _MAX_CACHED_SUBSETS:
                    cache.popitem(last=False)
            cache.move_to_end(key)
            widths_bytes, cmap_bytes = entry
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Preformatted(widths_bytes)
            pdf_font.ToUnicode = doc.Reference(_stream(cmap_bytes, bool(doc.compression)),
                                               "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
