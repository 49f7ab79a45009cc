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
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontFace

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
_MAX_CACHED_SUBSETS = 64


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
        font_file = pdfdoc.PDFStream()
        font_file.content = content
        font_file.dictionary["Length1"] = length
        if compressed:
            font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
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


class DocumentFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose first subset in every document is the fixed Vietnamese alphabet."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.__class__ = _CachingFace

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802 - reportlab's name
        if doc not in self.state:
            super().splitString(ALPHABET, doc, encoding)  # assigns the fixed codes, in the fixed order
        return super().splitString(text, doc, encoding)
