"""Vietnamese text normalisation for search and comparison (received text is kept verbatim).

- ``nfc``: Unicode NFC, look-alike letters (Icelandic Eth) mapped to Đ/đ, spaces collapsed.
- ``normalise_name``: ``nfc`` + one tone-placement convention + case-folding: equal means the same name.
- ``fold``: marks stripped, Đ/đ -> d, case-folded: equal means "the same letters without diacritics",
  which is a search key and, for identity, only a reason for a warning (Tuấn/Tuân are different names).
"""

from __future__ import annotations

import re
import unicodedata

# Look-alikes typed for Đ/đ: Icelandic Eth (U+00D0/U+00F0) and African D (U+0189).
CONFUSABLES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}
_CONFUSABLE_RE = re.compile("[" + "".join(CONFUSABLES) + "]")
_SPACES_RE = re.compile(r"\s+")

# Combining tone marks (as opposed to vowel-quality marks ̂ ̆ ̛ which stay on their vowel).
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_QUALITY_MARKS = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aeiouy")


def nfc(text: str) -> str:
    """NFC with look-alike letters replaced and runs of whitespace collapsed to one space."""
    text = unicodedata.normalize("NFC", text)
    text = _CONFUSABLE_RE.sub(lambda m: CONFUSABLES[m.group(0)], text)
    return _SPACES_RE.sub(" ", text).strip()


def has_confusables(text: str) -> bool:
    return bool(_CONFUSABLE_RE.search(unicodedata.normalize("NFC", text)))


def fold(text: str) -> str:
    """Search key: no diacritics, Đ/đ -> d, case-folded, single spaces."""
    decomposed = unicodedata.normalize("NFD", nfc(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("\u0110", "D").replace("\u0111", "d")
    return _SPACES_RE.sub(" ", stripped.casefold()).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _syllable_tone_position(bases: list[str], marks: list[set[str]]) -> int | None:
    """Index (into the syllable's letters) where the tone belongs under the "new" convention."""
    lower = "".join(bases).lower()
    vowel_idx = [i for i, ch in enumerate(lower) if ch in _VOWELS]
    if not vowel_idx:
        return None
    # "qu" and "gi" + vowel: the u / i belongs to the consonant.
    if lower.startswith("qu") and len(vowel_idx) > 1 and vowel_idx[0] == 1:
        vowel_idx = vowel_idx[1:]
    elif lower.startswith("gi") and len(vowel_idx) > 1 and vowel_idx[0] == 1:
        vowel_idx = vowel_idx[1:]
    # A vowel carrying a quality mark takes the tone (the last one: ươ -> ơ).
    marked = [i for i in vowel_idx if marks[i] & _QUALITY_MARKS]
    if marked:
        return marked[-1]
    # Group of consecutive vowels (the nucleus).
    first = vowel_idx[0]
    nucleus = [first]
    for i in vowel_idx[1:]:
        if i == nucleus[-1] + 1:
            nucleus.append(i)
    last = nucleus[-1]
    has_final_consonant = last < len(lower) - 1
    if len(nucleus) == 1:
        return nucleus[0]
    pair = lower[nucleus[0]] + lower[nucleus[1]]
    if has_final_consonant or pair in {"oa", "oe", "uy"}:
        return nucleus[1] if len(nucleus) == 2 or has_final_consonant else nucleus[1]
    if len(nucleus) == 3:
        return nucleus[1]
    return nucleus[0]


def normalise_tone_placement(text: str) -> str:
    """Move each syllable's tone mark to one convention (hoà / hòa -> hoà, thuỷ / thủy -> thuỷ)."""
    out: list[str] = []
    for token in re.split(r"(\W+)", unicodedata.normalize("NFC", text)):
        if not token or not token[0].isalpha():
            out.append(token)
            continue
        bases: list[str] = []
        marks: list[set[str]] = []
        tone: str | None = None
        for ch in token:
            decomposed = unicodedata.normalize("NFD", ch)
            bases.append(decomposed[0])
            char_marks = set(decomposed[1:])
            tones = char_marks & TONE_MARKS
            if tones:
                tone = next(iter(tones))
            marks.append(char_marks - TONE_MARKS)
        if tone is None:
            out.append(token)
            continue
        position = _syllable_tone_position(bases, marks)
        if position is None:
            out.append(token)
            continue
        letters = []
        for i, (base, char_marks) in enumerate(zip(bases, marks, strict=True)):
            ordered = "".join(sorted(char_marks))
            if i == position:
                ordered += tone
            letters.append(unicodedata.normalize("NFC", base + ordered))
        out.append("".join(letters))
    return "".join(out)


def normalise_name(text: str) -> str:
    """Comparison key for names: NFC, Đ look-alikes, one tone convention, case-folded."""
    return normalise_tone_placement(nfc(text)).casefold()


_I_Y = str.maketrans({"y": "i"})


def fold_i_y(text: str) -> str:
    """Folded text with the y/i spelling variants (Mỹ/Mĩ, Lý/Lí) made equal."""
    return fold(text).translate(_I_Y)


def search_terms_for_name(name: str) -> list[str]:
    """Folded suffixes of a name's word sequence: "Đặng Thị Mai" -> dang thi mai, thi mai, mai."""
    words = fold(name).split()
    return [" ".join(words[i:]) for i in range(len(words))]
