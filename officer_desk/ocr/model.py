"""What OCR returns: words and lines with their boxes, and extracted fields with confidence and region."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Where a value in an attachment's ``fields`` came from (application format, "provenance").
PROVENANCES = ("typed", "portal", "qr", "ocr", "ocr-edited")
Box = tuple[int, int, int, int]  # x, y, w, h in pixels of the page image the extractor saw


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float  # 0-1
    box: Box


@dataclass(frozen=True)
class Line:
    """One text line as the engine segmented it (words left to right)."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        return union_box([w.box for w in self.words])

    @property
    def confidence(self) -> float:
        if not self.words:
            return 0.0
        return min(w.confidence for w in self.words)


def union_box(boxes: list[Box]) -> Box:
    if not boxes:
        return (0, 0, 0, 0)
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return (left, top, right - left, bottom - top)


@dataclass(frozen=True)
class OcrField:
    """One value read from a document: its text (application-format form), confidence, page and region."""

    value: str
    confidence: float
    page: int
    box: Box
    source: str = "ocr"  # "ocr" or "qr" (the card's QR code)

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": round(self.confidence, 3), "page": self.page,
                "box": list(self.box)}


@dataclass(frozen=True)
class OcrResult:
    """A document read: its type, page count and fields by name."""

    doc_type: str
    pages: int
    fields: dict[str, OcrField] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The object ``officer-desk ocr --json`` prints (cli-contract.md, additions)."""
        return {"doc_type": self.doc_type, "pages": self.pages,
                "fields": {name: f.as_json() for name, f in self.fields.items()}}

    def values(self) -> dict[str, str]:
        return {name: f.value for name, f in self.fields.items()}

    def provenance(self) -> dict[str, str]:
        return {name: f.source for name, f in self.fields.items()}

    def details(self) -> dict[str, dict[str, Any]]:
        """Per field: confidence, page, box (kept beside the values as ``ocr`` in the interchange format)."""
        return {name: {"confidence": round(f.confidence, 3), "page": f.page, "box": list(f.box)}
                for name, f in self.fields.items()}
