"""Reading values out of OCR'd lines: labels found despite OCR slips, values normalised to the
application format (``dd/mm/yyyy`` dates, ``Nam``/``Nữ``, 12-digit numbers, names), each with the
words it came from (for the region) and a confidence that falls when a value had to be repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from officer_desk.ocr.model import Box, Line, OcrField, Word, union_box
from officer_desk.ocr.names import correct_name
from officer_desk.text import fold

_DATE_SEPARATORS = "/1Il|J7\\-.,;:!i()[]{}'’ı"  # what the engine reads a slash as
_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1",
                              "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6", "g": "9",
                              "q": "9", "T": "7"})
_FORMAL_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_NAME_CHARS = re.compile(r"[^\w\s]", re.UNICODE)
# A name whose marks the lexicon put right (ocr/names.py) is a guess: its confidence is lowered.
CORRECTED_NAME_FACTOR = 0.85


@dataclass(frozen=True)
class Found:
    """A value with the words it was read from."""

    value: str
    words: tuple[Word, ...]
    factor: float = 1.0  # < 1 when the value was repaired or guessed
    fixed: float | None = None  # a confidence set by a check (MRZ check digits) rather than by the words

    @property
    def confidence(self) -> float:
        if self.fixed is not None:
            return self.fixed
        if not self.words:
            return 0.0
        return max(0.0, min(1.0, min(w.confidence for w in self.words) * self.factor))

    @property
    def box(self) -> Box:
        return union_box([w.box for w in self.words])

    def field(self, page: int, to_page: Callable[[Box], Box] | None = None, source: str = "ocr") -> OcrField:
        box = self.box
        if to_page is not None:
            box = to_page(box)
        return OcrField(self.value, round(self.confidence, 3), page, box, source)


def folded_words(line: Line) -> list[str]:
    return [fold(w.text) for w in line.words]


def find_label(lines: list[Line], labels: tuple[str, ...], start: int = 0) -> tuple[int, int] | None:
    """(line index, index of the first word after the label) for the first line holding one of ``labels``.

    Labels are folded (no diacritics, lower case); a match tolerates one or two misread letters.
    """
    best: tuple[float, int, int] | None = None
    for index in range(start, len(lines)):
        words = folded_words(lines[index])
        for label in labels:
            size = len(label.split())
            for begin in range(0, max(1, len(words) - size + 1)):
                candidate = " ".join(words[begin:begin + size])
                ratio = SequenceMatcher(None, candidate, label).ratio() if candidate else 0.0
                if ratio < 0.8 or not _words_agree(words[begin:begin + size], label.split()):
                    continue
                # Mid-line, a label is followed by a colon ("... Quốc tịch: Việt Nam"); a title is not.
                if begin > 0 and not any(":" in w for w in words[begin + size - 1:]):
                    continue
                if best is None or ratio > best[0] + 0.05:
                    best = (ratio, index, begin + size)
                    if ratio == 1.0:
                        return index, begin + size
        if best is not None:
            return best[1], best[2]
    return None


def _words_agree(found: list[str], wanted: list[str]) -> bool:
    """Every word of the label is there, give or take a misread letter ("ngày ... cấp" is not "... sinh")."""
    return all(SequenceMatcher(None, a.strip(",.:/"), b.strip(",.:/")).ratio() >= 0.6 or not b.strip(",.:/")
               for a, b in zip(found, wanted, strict=False))


def after_colon(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words after the label's colon (skipping an English label such as ``/ Date of birth:``)."""
    for index, word in enumerate(words[:8]):
        if word.text.endswith(":") or word.text == ":":
            return words[index + 1:]
        if ":" in word.text:
            head, _sep, tail = word.text.partition(":")
            if tail:
                return (Word(tail, word.confidence, word.box), *words[index + 1:])
    if words and words[0].text.startswith("/"):
        return ()  # an English label follows and the value is on the next line
    return words


def value_after(lines: list[Line], labels: tuple[str, ...], allow_next_line: bool = True,
                start: int = 0) -> tuple[tuple[Word, ...], int] | None:
    """The words of the value that follows a label (same line, else the next line), and its line index."""
    found = find_label(lines, labels, start)
    if found is None:
        return None
    index, first = found
    same = after_colon(lines[index].words[first:])
    if same:
        return same, index
    if allow_next_line and index + 1 < len(lines):
        return lines[index + 1].words, index + 1
    return None


def parse_date_text(text: str) -> tuple[str, float] | None:
    """A date in ``text`` as ``dd/mm/yyyy`` and a factor (< 1 when separators had to be guessed)."""
    formal = _FORMAL_DATE.search(fold(text))
    if formal:
        day, month, year = (int(g) for g in formal.groups())
        return _valid(day, month, year, 1.0)
    compact = text.replace(" ", "")
    for match in re.finditer(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", compact):
        result = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)), 1.0)
        if result:
            return result
    # Slashes read as 1, I, J, 7...: ten characters dd?mm?yyyy with digits where digits belong.
    for start in range(0, max(0, len(compact) - 9)):
        chunk = compact[start:start + 10]
        if chunk[2] in _DATE_SEPARATORS and chunk[5] in _DATE_SEPARATORS:
            digits_only = (chunk[:2] + chunk[3:5] + chunk[6:]).translate(_DIGIT_FIXES)
            if digits_only.isdigit():
                result = _valid(int(digits_only[:2]), int(digits_only[2:4]), int(digits_only[4:]), 0.9)
                if result:
                    return result
    run = re.sub(r"\D", "", compact.translate(_DIGIT_FIXES))
    if len(run) == 8:
        return _valid(int(run[:2]), int(run[2:4]), int(run[4:]), 0.8)
    return None


def date_candidates(text: str) -> list[str]:
    """Every valid ``dd/mm/yyyy`` a run of digits and misread separators can stand for, most likely first
    ("290411980": 29/04/1980 with one slash lost and one read as 1; "18I07I11982": 18/07/1982)."""
    token = re.sub(r"\s", "", text)
    found: list[str] = []
    for start in range(len(token)):
        for day_len, sep1, month_len, sep2 in _DATE_SHAPES:
            at = start + day_len
            day = token[start:at]
            if not _separators(token[at:at + sep1], sep1):
                continue
            at += sep1
            month = token[at:at + month_len]
            at += month_len
            if not _separators(token[at:at + sep2], sep2):
                continue
            at += sep2
            year = token[at:at + 4]
            if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
                continue
            valid = _valid(int(day), int(month), int(year), 1.0)
            if valid and valid[0] not in found:
                found.append(valid[0])
    return found


# (day digits, separator characters, month digits, separator characters), most likely first.
_DATE_SHAPES = [(d, s1, m, s2) for d in (2, 1) for m in (2, 1) for s1 in (1, 0, 2) for s2 in (1, 0, 2)]


def _separators(chunk: str, length: int) -> bool:
    return len(chunk) == length and all(ch in _DATE_SEPARATORS for ch in chunk)


def date_in_year(words: tuple[Word, ...], years: set[int]) -> Found | None:
    """A date whose year is one of ``years`` (known from elsewhere: the ID number's birth year)."""
    text = " ".join(w.text for w in words)
    match = next((value for value in date_candidates(text) if int(value[-4:]) in years), None)
    if match is None:
        return None
    return Found(match, _words_with_digits(words) or words, 0.7)


def _valid(day: int, month: int, year: int, factor: float) -> tuple[str, float] | None:
    if not 1900 <= year <= 2099:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{day:02d}/{month:02d}/{year}", factor


def date_value(words: tuple[Word, ...]) -> Found | None:
    text = " ".join(w.text for w in words)
    parsed = parse_date_text(text)
    if parsed is None:
        return None
    value, factor = parsed
    used = _words_with_digits(words)
    return Found(value, used or words, factor)


def _words_with_digits(words: tuple[Word, ...]) -> tuple[Word, ...]:
    return tuple(w for w in words if any(ch.isdigit() for ch in w.text))


def id_number_value(words: tuple[Word, ...], length: int = 12) -> Found | None:
    """A 12-digit personal ID (9 for an old CMND) among ``words``, letters misread for digits repaired."""
    for word in words:
        token = re.sub(r"[^0-9A-Za-z|]", "", word.text)
        if re.fullmatch(rf"\d{{{length}}}", token):
            return Found(token, (word,))
    joined = "".join(re.sub(r"[^0-9A-Za-z|]", "", w.text) for w in words)
    for token, factor in ((re.sub(r"\D", "", joined), 0.9), (re.sub(r"\D", "", joined.translate(_DIGIT_FIXES)), 0.7)):
        match = re.search(rf"\d{{{length}}}", token)
        if match and len(token) <= length + 2:
            return Found(match.group(0), _words_with_digits(words) or words, factor)
    return None


def gender_value(words: tuple[Word, ...]) -> Found | None:
    for word in words[:3]:
        key = fold(word.text).strip(".,:;")
        if key in ("nam", "male"):
            return Found("Nam", (word,))
        if key in ("nu", "female", "nw", "nũ", "nứ"):
            return Found("Nữ", (word,))
        if SequenceMatcher(None, key, "nam").ratio() >= 0.66 and len(key) <= 4:
            return Found("Nam", (word,), 0.7)
    return None


def name_value(words: tuple[Word, ...], upper: bool = False) -> Found | None:
    """A person's name: letters only, NFC, single spaces (upper case on cards)."""
    kept: list[Word] = []
    for word in words:
        text = _NAME_CHARS.sub("", unicodedata.normalize("NFC", word.text))
        if not text or any(ch.isdigit() for ch in text):
            if kept:
                break
            continue
        kept.append(Word(text, word.confidence, word.box))
    if not kept:
        return None
    value = " ".join(w.text for w in kept)
    if upper:
        value = value.upper()
    factor = 1.0 if len(kept) >= 2 else 0.6  # a one-word name is likely cut
    corrected = correct_name(value)
    if corrected != value:  # marks put right from the name lexicon: a guess, so less certain
        value, factor = corrected, factor * CORRECTED_NAME_FACTOR
    return Found(value, tuple(kept), factor)


def text_value(words: tuple[Word, ...]) -> Found | None:
    kept = tuple(w for w in words if w.text.strip(" .:;,|"))
    if not kept:
        return None
    value = " ".join(w.text for w in kept).strip(" .:;|")
    return Found(unicodedata.normalize("NFC", value), kept)


def year_value(words: tuple[Word, ...]) -> Found | None:
    for word in words:
        token = re.sub(r"\D", "", word.text.translate(_DIGIT_FIXES))
        if len(token) == 4 and 1900 <= int(token) <= 2099:
            return Found(token, (word,))
    return None
