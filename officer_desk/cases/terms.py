"""Search keys: what a case is found by (stored terms) and how typed text is read (query keys)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, or_

from officer_desk.models import CaseSearchTerm
from officer_desk.rules.phone import phone_digits
from officer_desk.text import digits, fold, search_terms_for_name


def case_search_terms(name: str, id_number: str, phone: str, code: str) -> set[str]:
    """Folded keys a case is found by: name word-suffixes, ID and phone digits, dossier code."""
    terms = set(search_terms_for_name(name))
    for value in (digits(id_number), phone_digits(phone), fold(code)):
        if value:
            terms.add(value)
    parts = fold(code).rsplit("-", 2)
    if len(parts) == 3:
        terms.add(f"{parts[1]}-{parts[2]}")  # YYMMDD-NNNN without the agency prefix
    return {t[:160] for t in terms if t}


def search_keys(text: str) -> list[str]:
    """The folded forms of what the officer typed, as stored in the search terms.

    Digits typed with spaces or dots may be a phone or ID number (0912.345.678) or the start of a
    dossier code (000.00.01): both readings are searched.
    """
    folded = fold(text)
    keys = [folded] if folded else []
    compact = folded.replace(" ", "").replace(".", "")
    if compact.lstrip("+").isdigit():
        # As typed (an ID number, a code) and as a phone number is stored; digit readings first.
        for digits_key in dict.fromkeys((digits(compact), phone_digits(compact))):
            if digits_key and digits_key not in keys:
                keys.insert(0, digits_key)
    return keys


def term_ranges(keys: Sequence[str]) -> Any:
    """An SQL condition: a stored term starts with one of ``keys`` (index range scans)."""
    return or_(*[and_(CaseSearchTerm.term >= key, CaseSearchTerm.term < key + "\uffff") for key in keys])
