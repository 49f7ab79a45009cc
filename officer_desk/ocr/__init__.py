"""Offline OCR of attachments: Tesseract (Vietnamese) behind an engine interface, preprocessing,
field extractors per document type, and provenance of every value read."""

from officer_desk.ocr.engine import OcrEngine, OcrEngineError, TesseractEngine
from officer_desk.ocr.loader import OcrInputError
from officer_desk.ocr.model import PROVENANCES, OcrField, OcrResult
from officer_desk.ocr.reader import OcrCancelled, read_document

__all__ = ["PROVENANCES", "OcrCancelled", "OcrEngine", "OcrEngineError", "OcrField", "OcrInputError", "OcrResult",
           "TesseractEngine", "read_document"]
