"""Hint texts in the officer's words: field paths and document ids written by the engine become the
catalogue's labels ("form.nguoi_huong.gioi_tinh" → "Giới tính người hưởng", "giay_khai_sinh_tre" → the
document's name). The raw text stays in the database and in the support tooltip."""

from __future__ import annotations

import re
from typing import Any

from officer_desk.choice_labels import choice_label
from officer_desk.i18n import current_language

_PATH = re.compile(r"\b(?:form|applicant|co_applicant)\.[a-z0-9_.]*[a-z0-9]")
_ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
_PERSON = {"full_name": ("Họ và tên", "Full name"), "date_of_birth": ("Ngày sinh", "Date of birth"),
           "gender": ("Giới tính", "Sex"), "id_number": ("Số định danh", "ID number"),
           "phone": ("Số điện thoại", "Phone"), "address": ("Địa chỉ", "Address"), "email": ("Email", "Email")}


def _field_label(path: str, procedure: Any, english: bool) -> str:
    section, _dot, rest = path.partition(".")
    if section in ("applicant", "co_applicant"):
        pair = _PERSON.get(rest)
        return (pair[1] if english else pair[0]) if pair else rest.replace("_", " ")
    for field in getattr(procedure, "fields", ()) or ():
        if field.name == rest:
            return str(field.label_en if english and field.label_en else field.label_vi)
    return rest.replace(".", " ").replace("_", " ")


def _id_label(token: str, procedure: Any, english: bool) -> str:
    requirement = procedure.document_for(token) if procedure is not None else None
    if requirement is not None:
        return str(requirement.name_en if english and requirement.name_en else requirement.name_vi)
    return choice_label(token)


def plain_words(text: str, procedure: Any = None) -> str:
    """``text`` with every field path and document or choice id replaced by its label."""
    if not text or ("_" not in text and "." not in text):
        return text
    english = current_language() == "en"
    text = _PATH.sub(lambda m: _field_label(m.group(0), procedure, english), text)
    return _ID.sub(lambda m: _id_label(m.group(0), procedure, english), text)
