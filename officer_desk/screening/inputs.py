"""Dossiers as they really arrive: choice labels read as their values, yes/no words read as yes/no, and
unknown fields or unreadable values that a condition depends on reported for the officer to check.

A conditional requirement must never silently "not apply" because a portal sent "Người khuyết tật" instead
of ``nguoi_khuyet_tat``, "chưa rõ" for a yes/no fact, or a misspelt field name.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, replace
from typing import Any

from officer_desk.catalogue import Procedure, iter_condition
from officer_desk.dossier import Dossier, form_value, is_blank
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, iter_leaves, text
from officer_desk.text import fold

FORM_VALUE_UNCHECKED = "FORM_VALUE_UNCHECKED"
YES_WORDS = {"true", "co", "yes", "1", "x", "dong y", "da", "roi", "phai"}
NO_WORDS = {"false", "khong", "no", "0", "chua", "khong dong y"}


@dataclass(frozen=True)
class ReadValue:
    path: str
    given: Any
    label: str = ""  # the choice the value was read as, shown to the officer ("" when unreadable)


@dataclass(frozen=True)
class InputReading:
    dossier: Dossier
    mapped: tuple[ReadValue, ...] = ()
    unreadable: tuple[ReadValue, ...] = ()
    unknown: tuple[tuple[str, str], ...] = ()  # (unknown path, the condition field it resembles)


def _set(form: dict[str, Any], path: str, value: Any) -> None:
    node = form
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


def condition_fields(procedure: Procedure) -> set[str]:
    """The form fields the procedure's conditional requirements depend on."""
    names: set[str] = set()
    conditions = [d.condition for d in procedure.documents] + [f.condition for f in procedure.fields]
    for condition in conditions:
        for node in iter_condition(condition):
            if node.kind == "field" and node.field:
                names.add(node.field.removeprefix("form."))
    return names


def read_inputs(procedure: Procedure, dossier: Dossier) -> InputReading:
    """The dossier with labels and yes/no words read as the catalogue's values, and what could not be read."""
    depends = condition_fields(procedure)
    form = copy.deepcopy(dossier.form)
    mapped: list[ReadValue] = []
    unreadable: list[ReadValue] = []
    for declared in procedure.fields:
        value = form_value(form, declared.name)
        if is_blank(value) or isinstance(value, dict | list):
            continue
        if declared.type == "choice":
            choice = declared.choice_for(value)
            if choice is None:
                # Kept as received (the field is filled); no condition can match it, and the officer is told.
                if declared.name in depends:
                    unreadable.append(ReadValue(declared.name, value))
            elif choice != value and not (isinstance(value, int | float) and str(value) == choice):
                labels = dict(declared.choice_labels).get(choice, ())
                mapped.append(ReadValue(declared.name, value, labels[0] if labels else choice))
                _set(form, declared.name, choice)
        elif declared.type == "bool" and isinstance(value, str | int | float) and not isinstance(value, bool):
            word = fold(str(value))
            if word in YES_WORDS:
                _set(form, declared.name, True)
            elif word in NO_WORDS:
                _set(form, declared.name, False)
            elif declared.name in depends:
                unreadable.append(ReadValue(declared.name, value))
                _set(form, declared.name, None)
    known = {f.name for f in procedure.fields}
    groups = {".".join(n.split(".")[:i]) for n in known for i in range(1, n.count(".") + 1)}
    unknown: list[tuple[str, str]] = []
    targets = sorted(depends)
    for path, _key, _value in iter_leaves(dossier.form):
        if path in known or path in groups or "[" in path:
            continue
        close = difflib.get_close_matches(path, targets, n=1, cutoff=0.85)
        if close:
            unknown.append((path, close[0]))
    return InputReading(replace(dossier, form=form), tuple(mapped), tuple(unreadable), tuple(unknown))


def check(ctx: ScreeningContext, reading: InputReading) -> None:
    """FORM_VALUE_UNCHECKED (info) for unreadable values and unknown fields a condition depends on."""
    procedure = ctx.procedure
    for item in reading.unreadable:
        declared = procedure.declaration_field(item.path)
        label = declared.label_vi if declared else item.path
        label_en = declared.label_en if declared else item.path
        choices = ", ".join(
            (dict(declared.choice_labels).get(c, (c,))[0]) for c in declared.choices
        ) if declared and declared.choices else ""
        ctx.add(FORM_VALUE_UNCHECKED, R.INFO, f"form.{item.path}",
                text("Không đọc được «{value}» ở mục {label}: cần kiểm tra", value=str(item.given), label=label),
                text("Giấy tờ có điều kiện phụ thuộc mục này; giá trị không khớp lựa chọn nào ({choices})",
                     choices=choices or "có/không"),
                text("Hỏi lại người nộp và sửa mục {label} trước khi kết luận thiếu/đủ giấy tờ", label=label))
        del label_en
    for path, resembles in reading.unknown:
        declared = procedure.declaration_field(resembles)
        label = declared.label_vi if declared else resembles
        ctx.add(FORM_VALUE_UNCHECKED, R.INFO, f"form.{path}",
                text("Tờ khai có mục lạ, giống mục «{label}»: cần kiểm tra", label=label),
                text("Mục này không có trong tờ khai của thủ tục; giấy tờ có điều kiện phụ thuộc mục «{label}»",
                     label=label),
                text("Kiểm tra và ghi lại đúng mục «{label}» trên tờ khai", label=label))


FORM_VALUE_READ = "FORM_VALUE_READ"


def report_mappings(ctx: ScreeningContext, reading: InputReading) -> None:
    """One info hint per label read as a choice, so the officer sees how the rules understood the form."""
    for item in reading.mapped:
        declared = ctx.procedure.declaration_field(item.path)
        label = declared.label_vi if declared else item.path
        ctx.add(FORM_VALUE_READ, R.INFO, f"form.{item.path}",
                text("Mục {label}: «{given}» được hiểu là «{read}»", label=label, given=str(item.given),
                     read=item.label),
                text("Giá trị nhận được là nhãn của lựa chọn, không phải giá trị chuẩn; quy tắc dùng «{read}»",
                     read=item.label))
