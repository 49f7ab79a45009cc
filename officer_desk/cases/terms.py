"""Search keys: what a case is found by (stored terms) and how typed text is read (query keys)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, delete, event, insert, or_
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE

from officer_desk.models import Case, CaseSearchTerm
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


# --- Writing a case's terms (issue 17: one B-tree keyed (term, case_id), no index by case) -------------
# A case's stored terms are deleted by their keys, so what they were made of must be known when the case
# changes: the first old value of each source column since the terms were last written is kept on the
# instance (``active_history`` loads it if it was expired), whatever flushes happened in between.

_SOURCES = ("applicant_name", "applicant_id_number", "applicant_phone", "dossier_code")
_INDEXED = "_search_terms_made_of"


def _remember_indexed_value(column: str) -> Any:
    def remember(target: Case, _value: Any, old: Any, _initiator: Any) -> None:
        made_of: dict[str, str] = vars(target).setdefault(_INDEXED, {})
        made_of.setdefault(column, "" if old is NO_VALUE or old is NEVER_SET or old is None else str(old))
    return remember


for _column in _SOURCES:
    event.listen(getattr(Case, _column), "set", _remember_indexed_value(_column), active_history=True)


def terms_of(case: Case) -> set[str]:
    """The terms ``case`` is found by, from its current values."""
    return case_search_terms(*(getattr(case, column) or "" for column in _SOURCES))


def term_rows(cases: Iterable[tuple[int, str, str, str, str]]) -> list[dict[str, Any]]:
    """Rows of ``case_search_terms`` for many new cases (id, name, ID number, phone, code), in key order:
    the bulk paths (demo, sync) then append to the one B-tree in order instead of seeking at random."""
    rows = [(term, case_id) for case_id, name, id_number, phone, code in cases
            for term in case_search_terms(name, id_number, phone, code)]
    rows.sort()
    return [{"term": term, "case_id": case_id} for term, case_id in rows]


def replace_case_terms(session: Session, case: Case) -> None:
    """Rewrite the case's search terms after a change of name, ID number, phone or code.

    Deletes by primary key the terms of the values they were made of (and of the current ones, so a
    rewrite is idempotent) — a few index seeks, never a scan of the term table — then inserts the new ones.
    """
    made_of = vars(case).pop(_INDEXED, {})
    if case.id is None:
        session.flush()
    fresh = terms_of(case)
    stale = fresh | case_search_terms(*(made_of.get(column, getattr(case, column) or "") for column in _SOURCES))
    if stale:
        session.execute(delete(CaseSearchTerm).where(CaseSearchTerm.case_id == case.id,
                                                     CaseSearchTerm.term.in_(sorted(stale))))
    if fresh:
        session.execute(insert(CaseSearchTerm), [{"term": t, "case_id": case.id} for t in sorted(fresh)])


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
