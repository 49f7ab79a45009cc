"""Name and text rules: NFC, case folding, Đ/Ð look-alikes, tone placement, i/y variants, legacy encodings.

Received text is kept verbatim; comparisons use a cleaned copy. Equal after normalisation = the same
name; equal only without diacritics (Tuấn/Tuân) or with i/y swapped (Mỹ/Mĩ) = a warning for the officer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, iter_leaves, text
from officer_desk.screening.legacy import detect_legacy
from officer_desk.text import CONFUSABLES, fold, fold_i_y, normalise_name

# Look-alikes beyond Đ/Ð: Cyrillic and Greek letters inside Latin text.
EXTRA_CONFUSABLES = {
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H", "\u041e": "O",
    "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0430": "a", "\u0435": "e", "\u043e": "o",
    "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x", "\u0456": "i", "\u0391": "A", "\u0392": "B",
    "\u0395": "E", "\u0397": "H", "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O",
    "\u03a1": "P", "\u03a4": "T", "\u03a7": "X", "\u03bf": "o",
}
_ALL_CONFUSABLES = {**CONFUSABLES, **EXTRA_CONFUSABLES}
_CONFUSABLE_RE = re.compile("[" + "".join(_ALL_CONFUSABLES) + "]")
_LATIN_RE = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class CleanText:
    """A received text and the copy rules compare: NFC, look-alikes replaced, legacy text converted."""

    original: str
    clean: str
    legacy: str | None = None  # TCVN3 | VNI
    confusables: tuple[str, ...] = ()


@lru_cache(maxsize=16384)
def clean_text(value: str) -> CleanText:
    composed = unicodedata.normalize("NFC", value)
    legacy = detect_legacy(composed)
    if legacy is not None:
        return CleanText(value, legacy[1], legacy[0], ())
    found = tuple(sorted(set(_CONFUSABLE_RE.findall(composed))))
    if found:
        # Cyrillic/Greek letters count as look-alikes only inside Latin text.
        if not _LATIN_RE.search(composed) and all(ch in EXTRA_CONFUSABLES for ch in found):
            found = ()
        else:
            composed = _CONFUSABLE_RE.sub(lambda m: _ALL_CONFUSABLES[m.group(0)], composed)
    return CleanText(value, composed, None, found)


@dataclass(frozen=True)
class NameComparison:
    same: bool
    only_marks: bool  # differs only in diacritics or an i/y variant
    left: str
    right: str


def compare_names(left: str, right: str) -> NameComparison:
    a, b = clean_text(left).clean, clean_text(right).clean
    if normalise_name(a) == normalise_name(b):
        return NameComparison(True, False, a, b)
    only_marks = fold(a) == fold(b) or fold_i_y(a) == fold_i_y(b)
    return NameComparison(False, only_marks, a, b)


def _report_text(ctx: ScreeningContext, target: str, value: Any) -> None:
    if not isinstance(value, str) or not value or value.isascii():
        return
    info = clean_text(value)
    if info.legacy is not None:
        ctx.add(R.LEGACY_ENCODING_DETECTED, R.INFO, target,
                text("Phát hiện văn bản mã {encoding} cũ, đã chuyển sang Unicode", encoding=info.legacy),
                text("«{original}» → «{converted}»", original=value, converted=info.clean),
                text("Kiểm tra lại bản chuyển đổi; đề nghị dùng Unicode khi khai lần sau"))
    if info.confusables:
        shown = ", ".join(f"U+{ord(ch):04X} {ch}" for ch in info.confusables)
        ctx.add(R.CONFUSABLE_CHARACTER, R.INFO, target,
                text("Ký tự giống chữ Việt đã được chuẩn hóa: {characters}", characters=shown),
                text("«{original}» được đọc là «{converted}»", original=value, converted=info.clean),
                text("Không cần làm gì; nếu in lại giấy tờ, dùng chữ Đ/đ chuẩn (U+0110/U+0111)"))


def check_texts(ctx: ScreeningContext) -> None:
    """Legacy-encoded and look-alike characters anywhere in the dossier's texts."""
    for role in ("applicant", "co_applicant"):
        person = ctx.dossier.applicant if role == "applicant" else ctx.dossier.co_applicant
        if person is None:
            continue
        for name in ("full_name", "birth_registration_place", "address"):
            _report_text(ctx, f"{role}.{name}", getattr(person, name))
    for path, _key, value in iter_leaves(ctx.dossier.form):
        _report_text(ctx, f"form.{path}", value)
    for attachment in ctx.dossier.attachments:
        for _path, _key, value in iter_leaves(attachment.fields):
            _report_text(ctx, attachment.doc_type, value)
