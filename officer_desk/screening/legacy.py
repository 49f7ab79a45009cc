"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) seen through a Western code page, and a syllable check.

Old Word files typed with .VnTime (TCVN3) or VNI-Times fonts reach us as Windows-1252 text:
"Nguyễn Văn An" arrives as "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI). A text is converted only
when it is *not* valid Vietnamese as it stands and the conversion *is*: a Unicode name such as "NGÔ" or a
word such as "bé" is valid Vietnamese and is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# -- TCVN3 (ABC): byte -> letter, read through Windows-1252 -----------------------------------------
# Only the positions the ABC fonts use (lower-case letters and the seven base capitals); the VN1 capitals
# of TCVN 5712 are left out because .VnTimeH shows capitals with the lower-case codes.
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ",
    0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è",
    0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò",
    0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù",
    0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3_TABLE: dict[str, str] = {bytes([b]).decode("cp1252"): letter for b, letter in _TCVN3_BYTES.items()}

# -- VNI (VNI-Windows): base vowel + one modifier byte, read through Windows-1252 --------------------
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# modifier (lower-case form) -> (quality mark, tone mark); capitals use the upper-case byte.
_VNI_MODIFIERS = {
    "ù": ("", _ACUTE), "ø": ("", _GRAVE), "û": ("", _HOOK), "õ": ("", _TILDE), "ï": ("", _DOT),
    "â": (_CIRC, ""), "á": (_CIRC, _ACUTE), "à": (_CIRC, _GRAVE), "å": (_CIRC, _HOOK), "ã": (_CIRC, _TILDE),
    "ä": (_CIRC, _DOT),
    "ê": (_BREVE, ""), "é": (_BREVE, _ACUTE), "è": (_BREVE, _GRAVE), "ú": (_BREVE, _HOOK), "ü": (_BREVE, _TILDE),
    "ë": (_BREVE, _DOT),
}
# Single bytes standing for a whole letter.
_VNI_SINGLES = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}
def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in "aeouyAEOUY":
        for modifier, (quality, tone) in _VNI_MODIFIERS.items():
            if quality == _CIRC and base.lower() not in "aeo":
                continue
            if quality == _BREVE and base.lower() != "a":
                continue
            for mod in {modifier, modifier.upper()}:
                table[base + mod] = unicodedata.normalize("NFC", base + quality + tone)
    # ơ / ư followed by a tone byte.
    for single, letter in (("ô", "ơ"), ("ö", "ư"), ("Ô", "Ơ"), ("Ö", "Ư")):
        for modifier, (quality, tone) in _VNI_MODIFIERS.items():
            if quality or not tone:
                continue
            for mod in {modifier, modifier.upper()}:
                table[single + mod] = unicodedata.normalize("NFC", letter + tone)
    return table


VNI_PAIRS = _vni_table()

# -- Vietnamese syllables --------------------------------------------------------------------------
_TONES = {_ACUTE: "s", _GRAVE: "f", _HOOK: "r", _TILDE: "x", _DOT: "j"}
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
# Vowel groups that end the syllable (may not take a final consonant).
_OPEN_GROUPS = {
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "ua", "ưa",
    "uy", "oa", "oe", "uê", "uơ", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "yêu", "iêu", "uya",
    "uyu", "uai", "uay",
}
# Vowel groups that take a final consonant (some only with one).
_CLOSED_GROUPS = {
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "yê", "uô", "ươ", "oa", "oă", "oe", "uâ",
    "uê", "uy", "uyê", "oo", "ua", "uă",
}
_NEEDS_FINAL = {"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo", "uă"}
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
_STOP_FINALS = {"c", "ch", "p", "t"}
_VOWELS = set("aăâeêioôơuưy")
_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")


def _split_tone(word: str) -> tuple[str, str | None] | None:
    """Lower-case base letters (quality marks kept) and the tone; None when a mark is not Vietnamese."""
    tone: str | None = None
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in _TONES:
            if tone is not None:
                return None
            tone = _TONES[ch]
        elif unicodedata.combining(ch):
            if not out or ch not in (_CIRC, _BREVE, _HORN):
                return None
            out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
        else:
            out.append(ch)
    return "".join(out), tone


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (spelling rules, tones on stop finals)."""
    split = _split_tone(word)
    if split is None:
        return False
    base, tone = split
    if not base or any(ch not in _LETTERS for ch in base):
        return False
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rest = base[len(onset):]
        if onset == "gi" and (not rest or rest[0] not in _VOWELS):
            rest = "i" + rest  # gì, gìn: the i is the vowel
        elif onset == "qu" and not rest:
            continue
        if _valid_rhyme(onset, rest, tone):
            return True
    return False


def _valid_rhyme(onset: str, rest: str, tone: str | None) -> bool:
    if not rest or rest[0] not in _VOWELS:
        return False
    final = ""
    for candidate in _FINALS:
        if rest.endswith(candidate) and len(rest) > len(candidate):
            final = candidate
            break
    group = rest[: len(rest) - len(final)] if final else rest
    if any(ch not in _VOWELS for ch in group):
        return False
    if final:
        if group not in _CLOSED_GROUPS:
            return False
        if final in _STOP_FINALS and tone not in ("s", "j"):
            return False
        if final in ("ch", "nh") and group[-1] not in ("a", "ê", "i", "y"):
            return False
    elif group not in _OPEN_GROUPS or group in _NEEDS_FINAL:
        return False
    first = group[0]
    # Spelling: k/gh/ngh before e, ê, i (y); c/g/ng elsewhere.
    if onset in ("c", "g", "ng") and first in ("e", "ê", "i") and not (onset == "g" and group.startswith("i")):
        return False
    if onset in ("k", "gh", "ngh") and first not in ("e", "ê", "i", "y"):
        return False
    if onset == "qu" and first in ("u", "o"):
        return False
    return True


# Legacy bytes that are not letters in Unicode (·, ¨, soft hyphen...) still belong to the word they sit in.
_LEGACY_CHARS = "".join(sorted(set(TCVN3_TABLE) | set(_VNI_MODIFIERS) | {m.upper() for m in _VNI_MODIFIERS}
                               | set(_VNI_SINGLES)))
_WORD_RE = re.compile(r"(?:[^\W\d_]|[" + re.escape(_LEGACY_CHARS) + r"])+")


def _is_ascii(word: str) -> bool:
    return all(ord(ch) < 128 for ch in word)


def is_valid_vietnamese(text: str) -> bool:
    """Every word with a non-ASCII letter is a Vietnamese syllable (ASCII words: abbreviations, foreign)."""
    normal = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    for word in _WORD_RE.findall(normal):
        if not _is_ascii(word) and not is_vietnamese_syllable(word):
            return False
    return True


def _match_case(converted: str, original: str) -> str:
    """.VnTimeH shows capitals with lower-case codes: in an upper-case word, convert to upper case."""
    letters = [ch for ch in original if ch.isalpha() and ord(ch) < 128]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return converted.upper()
    return converted


def _convert_tcvn3_word(word: str) -> str:
    return _match_case("".join(TCVN3_TABLE.get(ch, ch) for ch in word), word)


def _convert_vni_word(word: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if len(pair) == 2 and pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        out.append(_VNI_SINGLES.get(word[i], word[i]))
        i += 1
    return "".join(out)


_TOKEN_RE = re.compile(r"(\s+)")


def _convert(text: str, convert_word: Callable[[str], str]) -> str | None:
    """The whole text converted (one source, one encoding); None when the result is not Vietnamese."""
    parts = _TOKEN_RE.split(text)
    converted = unicodedata.normalize(
        "NFC", "".join(part if not part or part.isspace() else convert_word(part) for part in parts)
    )
    if converted == text or not is_valid_vietnamese(converted):
        return None
    return converted


@lru_cache(maxsize=16384)
def detect_legacy(text: str) -> tuple[str, str] | None:
    """(encoding, converted text) when ``text`` is TCVN3 or VNI legacy text, else None.

    Accepted only when the text is not valid Vietnamese as it stands and the conversion is.
    """
    if not text or _is_ascii(text) or is_valid_vietnamese(text):
        return None
    for encoding, convert_word in (("TCVN3", _convert_tcvn3_word), ("VNI", _convert_vni_word)):
        converted = _convert(text, convert_word)
        if converted is not None:
            return encoding, converted
    return None
