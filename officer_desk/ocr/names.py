"""Tone marks on names: a name word OCR read with marks no Vietnamese name has is put right from a lexicon.

The engine's usual slip on the bold upper-case names of cards is one mark (HẰNG read HĂNG or HÃNG, QUÂN
read QUẦN, NGUYỄN read NGUYÊN): the letters are right, the marks above them are not. The lexicon
(resources/ocr/name_syllables.txt) lists family names and middle/given-name syllables, most common
first. A word that is in it (in either tone-placement convention) is kept as read; a word that is not,
whose letters without marks match entries, becomes the entry whose marks differ least from what was read
(then the most common one); a word with a letter doubled by a stacked mark (PHẠAM) is read without it.
A word whose letters match nothing is kept: a rare name is never forced into a common one. The caller
lowers the value's confidence when a word was changed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from officer_desk.paths import resource
from officer_desk.text import fold, normalise_tone_placement

FAMILY = "family"
GIVEN = "given"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, list[str]]]:
    """Role -> folded syllable -> its spellings (NFC, title case), most common first."""
    table: dict[str, dict[str, list[str]]] = {FAMILY: {}, GIVEN: {}}
    role: str | None = None
    for raw in resource("ocr", "name_syllables.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            role = line[1:-1]
            continue
        if role not in table:
            continue
        for word in line.split():
            spelling = unicodedata.normalize("NFC", word)
            entries = table[role].setdefault(fold(spelling), [])
            if spelling not in entries:
                entries.append(spelling)
    return table


def _marks(text: str) -> list[tuple[str, frozenset[str]]]:
    """Per letter: its base (Đ kept apart from D) and its marks, in one tone-placement convention."""
    out: list[tuple[str, frozenset[str]]] = []
    for ch in normalise_tone_placement(text.lower()):
        decomposed = unicodedata.normalize("NFD", ch)
        out.append((decomposed[0], frozenset(decomposed[1:])))
    return out


def mark_distance(read: str, entry: str) -> int:
    """How many marks (and Đ/D) differ between two spellings of the same letters."""
    a, b = _marks(read), _marks(entry)
    if len(a) != len(b):
        return 99
    return sum(len(ma ^ mb) + (ba != bb) for (ba, ma), (bb, mb) in zip(a, b, strict=True))


def _undoubled(word: str) -> list[str]:
    """The word without one of two equal letters in a row: a stacked mark is sometimes read as a second
    vowel (PHẠM read PHẠAM). No Vietnamese name syllable doubles a letter."""
    folded = fold(word)
    if len(folded) != len(word):
        return []
    out: list[str] = []
    for i in range(1, len(word)):
        if folded[i] == folded[i - 1] and folded[i].isalpha():
            out += [word[:i] + word[i + 1:], word[:i - 1] + word[i:]]
    return out


def correct_word(word: str, role: str) -> str:
    """``word`` as read, or the lexicon's spelling when the read marks make no Vietnamese name."""
    table = lexicon()[role]
    entries = table.get(fold(word))
    if entries:
        placed = normalise_tone_placement(word.lower())
        if any(normalise_tone_placement(entry.lower()) == placed for entry in entries):
            return word
        candidates = [(mark_distance(word, entry), rank, entry) for rank, entry in enumerate(entries)]
    else:
        candidates = [(mark_distance(reduced, entry) + 1, rank, entry) for reduced in _undoubled(word)
                      for rank, entry in enumerate(table.get(fold(reduced), []))]
    if not candidates:
        return word
    chosen = min(candidates)[2]
    return chosen.upper() if word.isupper() else chosen


def correct_name(name: str) -> str:
    """Every word of a full name checked: the first as a family name, the others as middle/given names."""
    words = unicodedata.normalize("NFC", name).split()
    return " ".join(correct_word(word, FAMILY if i == 0 else GIVEN) for i, word in enumerate(words))
