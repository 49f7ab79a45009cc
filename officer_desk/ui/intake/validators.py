"""The intake form's checks: one message per field, from the core's rules (``officer_desk.rules``).

The screening engine uses the same rules, so the form and the engine agree on what a valid phone
number, tax code, personal ID or date is. Messages shown in the form keep the dialog's translation
context ("IntakeDialog").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from officer_desk.rules.dates import OK, OPEN_ENDED
from officer_desk.rules.dates import parse_date as parse_declared_date
from officer_desk.rules.personal_id import id_number_problems, id_problem_message
from officer_desk.rules.phone import phone_problem
from officer_desk.rules.tax_code import tax_code_message, tax_code_problem

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Fields whose paper form often carries only a year (or month and year): "Năm sinh của mẹ", old papers.
# The applicant's own date of birth is on the ID card in full and is checked against the ID number.
FULL_DATE_KEYS = frozenset({"applicant.date_of_birth"})


class Editor(Protocol):
    key: str
    kind: str
    required: bool

    def value(self) -> Any: ...


def parse_date(text: str) -> date | None:
    """A full date written as people write it (dd/mm/yyyy and its variants), else None."""
    status, value = parse_declared_date(text)
    return value.as_date() if status == OK and value is not None else None


def tax_code_valid(text: str) -> bool:
    return tax_code_problem(text, date.today().year) is None


def _is_birth(key: str) -> bool:
    return "ngay_sinh" in key or "nam_sinh" in key or key == "applicant.date_of_birth"


def date_problem(key: str, text: str, today: date | None = None) -> str:
    status, value = parse_declared_date(text)
    if status == OPEN_ENDED:
        return ""
    if status != OK or value is None:
        if key in FULL_DATE_KEYS:
            return QCoreApplication.translate("IntakeDialog", "Enter a date as dd/mm/yyyy")
        return QCoreApplication.translate("IntakeDialog", "Enter a date as dd/mm/yyyy, or only the year (e.g. 1975)")
    if key in FULL_DATE_KEYS and value.day is None:
        return QCoreApplication.translate("IntakeDialog", "Enter a date as dd/mm/yyyy")
    if _is_birth(key) and value.earliest > (today or date.today()):
        return QCoreApplication.translate("IntakeDialog", "A date of birth cannot be in the future")
    return ""


def field_problem(editor: Editor, editors: Mapping[str, Editor]) -> str:
    """The inline error for one field ('' when fine)."""
    value = editor.value()
    kind = editor.kind
    if kind in ("bool",):
        return ""
    if kind == "consent":
        if editor.required and not value:
            return QCoreApplication.translate("IntakeDialog", "The applicant's consent is required")
        return ""
    if value in ("", None):
        return QCoreApplication.translate("IntakeDialog", "Required") if editor.required else ""
    text = str(value)
    if kind == "date":
        return date_problem(editor.key, text)
    if kind == "id_number":
        return _id_problem(editor.key, text, editors)
    if kind == "phone":
        return phone_problem(text) or ""
    if kind == "email":
        return "" if _EMAIL_RE.match(text) else QCoreApplication.translate("IntakeDialog",
                                                                             "Not a valid email address")
    if kind == "tax_code":
        problem = tax_code_problem(text, date.today().year)
        return tax_code_message(problem) if problem is not None else ""
    if kind == "number":
        if not re.fullmatch(r"\d+([.,]\d+)?", text.replace(".", "").replace(" ", "") or "x"):
            return QCoreApplication.translate("IntakeDialog", "Enter a number")
    elif kind == "name" and any(ch.isdigit() for ch in text):
        return QCoreApplication.translate("IntakeDialog", "A name cannot contain digits")
    return ""


def _id_problem(key: str, text: str, editors: Mapping[str, Editor]) -> str:
    if key == "applicant.id_number":
        id_type = editors["applicant.id_type"].value()
        if id_type == "HO_CHIEU":
            return ""
        if id_type == "CMND" and re.fullmatch(r"\d{9}", text.replace(" ", "")):
            return ""
        born = parse_date(str(editors["applicant.date_of_birth"].value()))
        gender = editors["applicant.gender"].value() or None
    else:
        born, gender = None, None
    return "; ".join(id_problem_message(p, text) for p in id_number_problems(text, born, gender))
