"""The machine-readable zone on the back of the chip-based citizen ID card (ICAO 9303 TD1, 3 x 30 characters).

Line 1: ``IDVNM`` + document number (the last 9 digits of the personal ID) + check digit + optional data
(the full 12-digit personal ID). Line 2: birth date YYMMDD + check, sex, expiry YYMMDD + check, ``VNM``,
optional data, composite check digit. Line 3: ``SURNAME<<GIVEN<NAMES`` without diacritics. Check digits:
weights 7, 3, 1 over values 0-9, A=10 ... Z=35, ``<`` = 0, modulo 10.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

WEIGHTS = (7, 3, 1)
_DIGIT_FIXES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8",
                              "G": "6", "T": "7"})
_LETTER_FIXES = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"})


def char_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    return 0  # "<" and anything unreadable


def check_digit(data: str) -> str:
    return str(sum(char_value(ch) * WEIGHTS[i % 3] for i, ch in enumerate(data)) % 10)


def _ascii_upper(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def _yymmdd(value: date | None) -> str:
    return value.strftime("%y%m%d") if value else "<<<<<<"


def td1_lines(id_number: str, born: date, male: bool, expiry: date | None, surname: str, given: str) -> list[str]:
    """The three MRZ lines of a card (used to make test documents)."""
    number = id_number[-9:]
    line1 = f"IDVNM{number}{check_digit(number)}{id_number}<<<"[:30].ljust(30, "<")
    birth = _yymmdd(born)
    until = _yymmdd(expiry)
    head = f"{birth}{check_digit(birth)}{'M' if male else 'F'}{until}{check_digit(until) if expiry else '<'}VNM"
    optional = "<" * 11
    composite = check_digit(line1[5:30] + head[0:7] + head[8:15] + optional)
    line2 = f"{head}{optional}{composite}"
    names = _ascii_upper(surname).replace(" ", "<") + "<<" + _ascii_upper(given).replace(" ", "<")
    line3 = names[:30].ljust(30, "<")
    return [line1, line2, line3]


@dataclass(frozen=True)
class MrzData:
    """What the zone says, and which check digits held."""

    id_number: str
    born: date | None
    sex: str  # Nam | Nữ | ""
    expiry: date | None
    surname: str
    given: str
    checks_passed: int
    checks_total: int
    number_ok: bool = False
    birth_ok: bool = False
    expiry_ok: bool = False

    @property
    def valid(self) -> bool:
        return self.checks_passed == self.checks_total

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.given) if p)


def _clean(line: str) -> str:
    line = line.upper().replace("«", "<<").replace("‹", "<").replace(" ", "")
    return re.sub(r"[^A-Z0-9<]", "", line)


def _date(yymmdd: str, future: bool) -> date | None:
    if not yymmdd.isdigit():
        return None
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    # Birth dates are in the past (century by the current two digits); expiry dates in this century.
    year = 2000 + yy if future or yy <= date.today().year % 100 else 1900 + yy
    try:
        return date(year, mm, dd)
    except ValueError:
        return None


def locate_lines(texts: list[str]) -> tuple[int, list[str]] | None:
    """The index of the zone's first line and the three lines."""
    cleaned = [_clean(t) for t in texts]
    for index, line in enumerate(cleaned):
        start = line.find("IDVN")
        if start < 0:
            start = 0 if line.startswith("ID") else -1
        if start < 0 or len(line) - start < 20 or "<" not in line + "".join(cleaned[index + 1:index + 3]):
            continue
        rest = [c for c in cleaned[index + 1:] if len(c) >= 20][:2]
        if len(rest) < 2:
            continue
        return index, [line[start:start + 30].ljust(30, "<"), rest[0][:30].ljust(30, "<"),
                       rest[1][:30].ljust(30, "<")]
    return None


def parse_td1(lines: list[str]) -> MrzData | None:
    """Decode three TD1 lines, repairing letter/digit confusions in numeric positions."""
    if len(lines) != 3:
        return None
    line1, line2, line3 = (_clean(x)[:30].ljust(30, "<") for x in lines)
    line1 = line1[:5] + line1[5:15].translate(_DIGIT_FIXES) + line1[15:27].translate(_DIGIT_FIXES) + line1[27:]
    line2 = (line2[:7].translate(_DIGIT_FIXES) + line2[7] + line2[8:15].translate(_DIGIT_FIXES) + line2[15:18]
             + line2[18:29] + line2[29].translate(_DIGIT_FIXES))
    line3 = line3.translate(_LETTER_FIXES)
    checks = [
        check_digit(line1[5:14]) == line1[14],
        check_digit(line2[0:6]) == line2[6],
        line2[8:14] == "<<<<<<" or check_digit(line2[8:14]) == line2[14],
        check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]) == line2[29],
    ]
    optional = line1[15:30]
    id_number = optional[:12] if re.fullmatch(r"\d{12}", optional[:12]) else ""
    if id_number and id_number[-9:] != line1[5:14]:
        id_number = ""
    sex = {"M": "Nam", "F": "Nữ"}.get(line2[7], "")
    names = line3.rstrip("<").split("<<", 1)
    surname = names[0].replace("<", " ").strip()
    given = names[1].replace("<", " ").strip() if len(names) > 1 else ""
    return MrzData(
        id_number=id_number, born=_date(line2[0:6], future=False), sex=sex,
        expiry=_date(line2[8:14], future=True), surname=surname, given=given,
        checks_passed=sum(checks), checks_total=len(checks),
        number_ok=checks[0], birth_ok=checks[1], expiry_ok=checks[2] and line2[8:14] != "<<<<<<",
    )
