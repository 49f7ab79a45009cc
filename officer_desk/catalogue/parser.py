"""The catalogue file parser: one YAML file to a ``Procedure``, every problem located by line and key.

Schema: docs/catalogue.md.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from officer_desk.catalogue.fees import PROVINCE, SCHEDULE_KINDS, FeeExemption, FeeSchedule
from officer_desk.catalogue.model import (
    CatalogueProblem,
    Condition,
    DeclarationField,
    DocumentRequirement,
    Procedure,
)
from officer_desk.catalogue.versions import parse_versions
from officer_desk.dossier import CHANNELS, KINDS, base_procedure_code
from officer_desk.errors import CatalogueError
from officer_desk.i18n import _
from officer_desk.vocabulary import DocumentKind

CATALOGUE_SUFFIXES = (".yaml", ".yml")
LEVELS = ("xa", "tinh")
PROCESSING_UNITS = ("same_day", "working_days", "calendar_days")
CODE_CONFIDENCES = ("high", "medium", "low")
FIELD_TYPES = (
    "text", "name", "date", "id_number", "phone", "tax_code", "email", "number", "bool", "choice", "consent",
)
DEFAULT_SAME_DAY_CUTOFF = time(15, 0)
MAX_FILE_BYTES = 1024 * 1024
MAX_CONDITION_DEPTH = 16
CODE_RE = re.compile(r"^\d\.\d{6}$")
DOC_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$")
CUTOFF_RE = re.compile(r"^(\d{1,2}):(\d{2})$")

_STR_KEYS_REQUIRED = ("name_vi", "name_en", "field", "field_en", "implementing_agency_vi")
_TOP_KEYS = {
    "code", "code_confidence", "code_note", "name_vi", "name_en", "keywords", "aliases", "level", "field",
    "field_en", "implementing_agency_vi", "collection_place_vi", "subject", "duplicate_exempt",
    "registration_window_days", "registration_event_field", "processing_days", "processing_unit",
    "same_day_cutoff", "extension_note", "fee_vnd", "fee_online_vnd", "fee_note", "documents", "fields",
    "result_vi", "conditions_vi", "legal_basis", "sources", "fee_schedule", "late_fee", "fee_exemptions",
    "versions", "valid_from", "valid_to", "same_day_when", "key_condition_vi", "key_condition_en",
}
_TOP_REQUIRED = (
    "code", "name_vi", "name_en", "level", "field", "field_en", "implementing_agency_vi", "documents",
    "processing_days", "processing_unit", "fee_vnd",
)
_DOC_KEYS = {
    "id", "name_vi", "name_en", "kind", "required", "quantity", "presented_only", "form_code", "condition_vi",
    "condition", "accepts", "valid_months", "valid_from_field",
}
_DOC_REQUIRED = ("id", "name_vi", "name_en", "kind", "required")
_FIELD_KEYS = {"name", "type", "required", "label_vi", "label_en", "choices", "condition", "choice_labels"}
_SCHEDULE_KEYS = {"kind", "unit_vnd", "first_pages", "next_page_vnd", "max_per_copy_vnd", "count_field"}
_EXEMPTION_KEYS = {"note_vi", "note_en", "condition", "valid_from", "valid_to", "source"}
_FIELD_REQUIRED = ("name", "type", "required", "label_vi", "label_en")
_CONDITION_KINDS = ("channel", "representative", "field", "all", "any", "not")


class _Invalid(Exception):
    """Raised inside the parser to abandon one value (the problem is already recorded)."""


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _ProcedureParser:
    """Walks the composed YAML node tree of one file, collecting every problem with its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[CatalogueProblem] = []
        self._constructor = SafeConstructor()
        self._field_types: dict[str, DeclarationField] = {}
        self._groups: set[str] = set()

    # -- reporting ---------------------------------------------------------------------------
    def problem(self, line: int, key: str, message: str) -> None:
        self.problems.append(CatalogueProblem(self.path, line, key, message))

    def fail(self, node: Node, key: str, message: str) -> _Invalid:
        self.problem(_line(node), key, message)
        return _Invalid()

    # -- node helpers ------------------------------------------------------------------------
    def mapping(self, node: Node, key: str, allowed: set[str], required: tuple[str, ...]) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, key, _("phải là một bảng khóa: giá trị"))
        try:
            self._constructor.flatten_mapping(node)  # YAML merge keys (<<)
        except yaml.YAMLError as exc:
            raise self.fail(node, key, _("khóa gộp (<<) không hợp lệ: {reason}", reason=_yaml_reason(exc))) from exc
        out: dict[str, Node] = {}
        first_line: dict[str, int] = {}
        prefix = f"{key}." if key else ""
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(_line(key_node), key or "-", _("tên khóa phải là chuỗi ký tự"))
                continue
            name = key_node.value
            where = prefix + name
            if name in out:
                self.problem(_line(key_node), where, _("khóa bị lặp lại (đã có ở dòng {line})", line=first_line[name]))
                continue
            if name not in allowed:
                self.problem(_line(key_node), where, _("khóa không được hỗ trợ (xem docs/catalogue.md)"))
                continue
            out[name] = value_node
            first_line[name] = _line(key_node)
        for name in required:
            if name not in out:
                self.problem(_line(node), prefix + name, _("thiếu khóa bắt buộc"))
        return out

    def scalar(self, node: Node, key: str) -> Any:
        if not isinstance(node, ScalarNode):
            raise self.fail(node, key, _("phải là một giá trị đơn (không phải danh sách hay bảng)"))
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.fail(node, key, _("giá trị không đọc được: {reason}", reason=_yaml_reason(exc))) from exc

    def text(self, node: Node, key: str, *, allow_empty: bool = True, allow_null: bool = False) -> str | None:
        """A string; any plain scalar is taken as typed (``1.001193``, ``15:00`` stay text)."""
        value = self.scalar(node, key)
        if value is None:
            if allow_null:
                return None
            raise self.fail(node, key, _("phải là chuỗi ký tự"))
        assert isinstance(node, ScalarNode)
        text = str(node.value).strip()
        if not text and not allow_empty:
            raise self.fail(node, key, _("không được để trống"))
        return text

    def boolean(self, node: Node, key: str) -> bool:
        value = self.scalar(node, key)
        if not isinstance(value, bool):
            raise self.fail(node, key, _("phải là true hoặc false"))
        return value

    def integer(self, node: Node, key: str, *, minimum: int = 0, allow_null: bool = False) -> int | None:
        value = self.scalar(node, key)
        if value is None and allow_null:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if allow_null:
                raise self.fail(node, key, _("phải là số nguyên hoặc null"))
            raise self.fail(node, key, _("phải là số nguyên"))
        if value < minimum:
            raise self.fail(node, key, _("phải là số nguyên từ {minimum} trở lên", minimum=minimum))
        return value

    def choice(self, node: Node, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(node, key)
        if value not in allowed:
            raise self.fail(
                node, key, _("giá trị không hợp lệ: {value} (cho phép: {allowed})",
                             value=value, allowed=", ".join(allowed))
            )
        assert value is not None
        return value

    def sequence(self, node: Node, key: str, *, allow_null: bool = True) -> list[Node]:
        if isinstance(node, ScalarNode) and allow_null and self.scalar(node, key) is None:
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, key, _("phải là một danh sách"))
        return list(node.value)

    def texts(self, node: Node, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for index, item in enumerate(self.sequence(node, key)):
            try:
                value = self.text(item, f"{key}[{index}]", allow_empty=False)
            except _Invalid:
                continue
            assert value is not None
            out.append(value)
        return tuple(out)

    def optional(self, nodes: dict[str, Node], name: str, key: str, reader: Any, default: Any) -> Any:
        if name not in nodes:
            return default
        try:
            return reader(nodes[name], key)
        except _Invalid:
            return default

    # -- the file ----------------------------------------------------------------------------
    def parse(self, root: Node) -> Procedure | None:
        try:
            nodes = self.mapping(root, "", _TOP_KEYS, _TOP_REQUIRED)
        except _Invalid:
            return None
        values: dict[str, Any] = {}

        def read(name: str, reader: Any, default: Any = None) -> Any:
            value = self.optional(nodes, name, name, reader, default)
            values[name] = value
            return value

        code = read("code", self._code)
        for name in _STR_KEYS_REQUIRED:
            read(name, lambda n, k: self.text(n, k, allow_empty=False), "")
        for name in ("code_note", "extension_note", "fee_note", "result_vi", "collection_place_vi",
                     "key_condition_vi", "key_condition_en"):
            read(name, lambda n, k: self.text(n, k, allow_null=True) or "", "")
        read("code_confidence", lambda n, k: self.choice(n, k, CODE_CONFIDENCES), "high")
        read("level", lambda n, k: self.choice(n, k, LEVELS), "")
        for name in ("keywords", "legal_basis", "conditions_vi", "sources"):
            read(name, self.texts, ())
        aliases = read("aliases", self.texts, ())
        for index, alias in enumerate(aliases):
            if base_procedure_code(alias) is None:
                self.problem(_line(nodes["aliases"]), f"aliases[{index}]",
                             _("mã thủ tục phải có dạng N.NNNNNN (ví dụ 1.001193): {value}", value=alias))
        unit = read("processing_unit", lambda n, k: self.choice(n, k, PROCESSING_UNITS), "")
        days = read("processing_days", self.integer, 0)
        if unit == "same_day" and days not in (0, None) and "processing_days" in nodes:
            self.problem(_line(nodes["processing_days"]), "processing_days",
                         _("thủ tục giải quyết trong ngày phải có processing_days: 0"))
        cutoff = read("same_day_cutoff", self._cutoff)
        if cutoff is not None and unit and unit != "same_day":
            self.problem(_line(nodes["same_day_cutoff"]), "same_day_cutoff",
                         _("same_day_cutoff chỉ dùng với processing_unit: same_day"))
        if unit == "same_day" and cutoff is None:
            cutoff = DEFAULT_SAME_DAY_CUTOFF
        fee = read("fee_vnd", lambda n, k: self.integer(n, k, allow_null=True))
        fee_online = read("fee_online_vnd", lambda n, k: self.integer(n, k, allow_null=True))
        duplicate_exempt = read("duplicate_exempt", self.boolean, False)

        # Fields first: conditions anywhere may reference them.
        fields = self._fields(nodes.get("fields"))
        documents = self._documents(nodes.get("documents"))
        subject = read("subject", lambda n, k: self._subject(n, k), None)
        schedule = read("fee_schedule", self.fee_schedule, None)
        late_fee = read("late_fee", self.late_fee, None)
        exemptions = read("fee_exemptions", self.fee_exemptions, ())
        valid_from = read("valid_from", self.day, None)
        valid_to = read("valid_to", self.day, None)
        same_day_when = read("same_day_when", self.condition, None)
        window = read("registration_window_days", lambda n, k: self.integer(n, k, minimum=1), None)
        event_field = read("registration_event_field", self._date_field_ref, None)
        if (window is None) != (event_field is None) and not self._had_problem_at(
            "registration_window_days", "registration_event_field"
        ):
            self.problem(_line(root), "registration_window_days",
                         _("registration_window_days và registration_event_field phải đi cùng nhau"))

        if self.problems:
            return None
        return Procedure(
            code=code,
            name_vi=values["name_vi"],
            name_en=values["name_en"],
            level=values["level"],
            field_vi=values["field"],
            field_en=values["field_en"],
            agency_vi=values["implementing_agency_vi"],
            documents=documents,
            fields=fields,
            processing_days=days,
            processing_unit=unit,
            same_day_cutoff=cutoff,
            fee_vnd=fee,
            fee_online_vnd=fee_online,
            fee_note=values["fee_note"],
            legal_basis=values["legal_basis"],
            result_vi=values["result_vi"],
            conditions_vi=values["conditions_vi"],
            keywords=values["keywords"],
            subject=subject,
            duplicate_exempt=duplicate_exempt,
            registration_window_days=window,
            registration_event_field=event_field,
            collection_place_vi=values["collection_place_vi"],
            code_confidence=values["code_confidence"],
            source_file=self.path,
            code_note=values["code_note"],
            extension_note=values["extension_note"],
            sources=values["sources"],
            aliases=tuple(a for a in aliases if base_procedure_code(a) is not None),
            fee_schedule=schedule,
            late_fee=late_fee,
            fee_exemptions=exemptions,
            valid_from=valid_from,
            valid_to=valid_to,
            same_day_when=same_day_when,
            key_condition_vi=values["key_condition_vi"],
            key_condition_en=values["key_condition_en"],
        )

    def _had_problem_at(self, *keys: str) -> bool:
        return any(p.key in keys for p in self.problems)

    def _code(self, node: Node, key: str) -> str:
        value = self.text(node, key) or ""
        if not CODE_RE.match(value):
            raise self.fail(node, key, _("mã thủ tục phải có dạng N.NNNNNN (ví dụ 1.001193): {value}", value=value))
        return value

    def _cutoff(self, node: Node, key: str) -> time | None:
        value = self.text(node, key, allow_null=True)
        if value is None:
            return None
        match = CUTOFF_RE.match(value)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return time(hour, minute)
        raise self.fail(node, key, _("giờ phải có dạng HH:MM (ví dụ 15:00): {value}", value=value))

    # -- fields ------------------------------------------------------------------------------
    def _fields(self, node: Node | None) -> tuple[DeclarationField, ...]:
        if node is None:
            return ()
        try:
            items = self.sequence(node, "fields")
        except _Invalid:
            return ()
        # Pass 1: names, types and choices, so that conditions can be checked against them.
        parsed: list[tuple[int, dict[str, Node], DeclarationField]] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            key = f"fields[{index}]"
            try:
                nodes = self.mapping(item, key, _FIELD_KEYS, _FIELD_REQUIRED)
            except _Invalid:
                continue
            try:
                name = self._field_name(nodes["name"], f"{key}.name") if "name" in nodes else None
                type_ = self.choice(nodes["type"], f"{key}.type", FIELD_TYPES) if "type" in nodes else "text"
                required = self.boolean(nodes["required"], f"{key}.required") if "required" in nodes else False
            except _Invalid:
                continue
            if name is None:
                continue
            if name in seen:
                self.problem(_line(nodes["name"]), f"{key}.name",
                             _("tên trường trùng lặp: {value} (đã có ở dòng {line})", value=name, line=seen[name]))
                continue
            seen[name] = _line(nodes["name"])
            label_vi = self.optional(nodes, "label_vi", f"{key}.label_vi",
                                     lambda n, k: self.text(n, k, allow_empty=False), "")
            label_en = self.optional(nodes, "label_en", f"{key}.label_en",
                                     lambda n, k: self.text(n, k, allow_empty=False), "")
            choices: tuple[str, ...] = ()
            if "choices" in nodes:
                choices = self.optional(nodes, "choices", f"{key}.choices", self.texts, ())
                if type_ != "choice":
                    self.problem(_line(nodes["choices"]), f"{key}.choices", _("choices chỉ dùng với type: choice"))
                elif len(set(choices)) != len(choices):
                    self.problem(_line(nodes["choices"]), f"{key}.choices", _("choices có giá trị trùng lặp"))
            if type_ == "choice" and not choices and not self._had_problem_at(f"{key}.choices"):
                self.problem(_line(item), f"{key}.choices", _("type: choice cần danh sách choices không rỗng"))
            labels = self._choice_labels(nodes.get("choice_labels"), f"{key}.choice_labels", choices)
            declared = DeclarationField(name, type_, required, label_vi, label_en, choices, None, labels)
            parsed.append((index, nodes, declared))
        names = [f.name for _i, _n, f in parsed]
        for _index, nodes, declared in parsed:
            for other in names:
                if other.startswith(declared.name + "."):
                    self.problem(_line(nodes["name"]), f"fields[{_index}].name",
                                 _("{value} vừa là một trường vừa là nhóm của {other}", value=declared.name,
                                   other=other))
                    break
        self._field_types = {f.name: f for _i, _n, f in parsed}
        self._groups = {".".join(n.split(".")[:i]) for n in names for i in range(1, n.count(".") + 1)}
        # Pass 2: conditions.
        out: list[DeclarationField] = []
        for index, nodes, declared in parsed:
            condition = None
            if "condition" in nodes:
                key = f"fields[{index}].condition"
                try:
                    condition = self.condition(nodes["condition"], key)
                except _Invalid:
                    pass
                if declared.required:
                    self.problem(_line(nodes["condition"]), key, _(
                        "trường bắt buộc (required: true) không được có condition; "
                        "trường có điều kiện ghi required: false kèm condition"))
            out.append(DeclarationField(declared.name, declared.type, declared.required, declared.label_vi,
                                        declared.label_en, declared.choices, condition, declared.choice_labels))
        return tuple(out)

    def _choice_labels(
        self, node: Node | None, key: str, choices: tuple[str, ...]
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``choice_labels: {value: [label, …]}``: the texts a portal may send for each choice."""
        if node is None:
            return ()
        try:
            nodes = self.mapping(node, key, set(choices), ())
        except _Invalid:
            return ()
        out = []
        for value, labels_node in nodes.items():
            try:
                out.append((value, self.texts(labels_node, f"{key}.{value}")))
            except _Invalid:
                continue
        return tuple(out)

    # -- fees --------------------------------------------------------------------------------
    def fee_schedule(self, node: Node, key: str) -> FeeSchedule:
        nodes = self.mapping(node, key, _SCHEDULE_KEYS, ("kind", "unit_vnd"))
        kind = self.choice(nodes["kind"], f"{key}.kind", SCHEDULE_KINDS)
        unit = self.integer(nodes["unit_vnd"], f"{key}.unit_vnd") or 0
        first = self.integer(nodes["first_pages"], f"{key}.first_pages") if "first_pages" in nodes else 0
        next_rate = self.integer(nodes["next_page_vnd"], f"{key}.next_page_vnd") if "next_page_vnd" in nodes else 0
        cap = (self.integer(nodes["max_per_copy_vnd"], f"{key}.max_per_copy_vnd", minimum=1)
               if "max_per_copy_vnd" in nodes else None)
        count_field = self.text(nodes["count_field"], f"{key}.count_field") if "count_field" in nodes else None
        if kind == "per_person" and not count_field:
            raise self.fail(node, key, _("per_person cần count_field (danh sách người trên tờ khai)"))
        return FeeSchedule(kind, unit, first or 0, next_rate or 0, cap, count_field)

    def late_fee(self, node: Node, key: str) -> str | int:
        value = self.scalar(node, key)
        if value == PROVINCE or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            return value  # type: ignore[no-any-return]
        raise self.fail(node, key, _("late_fee là số đồng hoặc province (do HĐND tỉnh quy định)"))

    def day(self, node: Node, key: str) -> date | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(str(value), "%Y-%m-%d").date()
        except ValueError as exc:
            raise self.fail(node, key, _("ngày phải có dạng YYYY-MM-DD: {value}", value=str(value))) from exc

    def fee_exemptions(self, node: Node, key: str) -> tuple[FeeExemption, ...]:
        out = []
        for index, item in enumerate(self.sequence(node, key)):
            where = f"{key}[{index}]"
            nodes = self.mapping(item, where, _EXEMPTION_KEYS, ("note_vi", "source"))
            out.append(FeeExemption(
                note_vi=self.text(nodes["note_vi"], f"{where}.note_vi", allow_empty=False) or "",
                note_en=(self.text(nodes["note_en"], f"{where}.note_en") or "") if "note_en" in nodes else "",
                condition=self.condition(nodes["condition"], f"{where}.condition") if "condition" in nodes else None,
                valid_from=self.day(nodes["valid_from"], f"{where}.valid_from") if "valid_from" in nodes else None,
                valid_to=self.day(nodes["valid_to"], f"{where}.valid_to") if "valid_to" in nodes else None,
                source=self.text(nodes["source"], f"{where}.source", allow_empty=False) or "",
            ))
        return tuple(out)

    def _field_name(self, node: Node, key: str) -> str:
        value = self.text(node, key) or ""
        value = value.removeprefix("form.")
        if not FIELD_NAME_RE.match(value):
            raise self.fail(node, key, _("tên trường không hợp lệ: {value} (đường dẫn chữ thường dạng tre.ho_ten)",
                                         value=value))
        return value

    # -- documents ---------------------------------------------------------------------------
    def _documents(self, node: Node | None) -> tuple[DocumentRequirement, ...]:
        if node is None:
            return ()
        try:
            items = self.sequence(node, "documents", allow_null=False)
        except _Invalid:
            return ()
        if not items:
            self.problem(_line(node), "documents", _("cần ít nhất một thành phần hồ sơ"))
        out: list[DocumentRequirement] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            key = f"documents[{index}]"
            try:
                nodes = self.mapping(item, key, _DOC_KEYS, _DOC_REQUIRED)
            except _Invalid:
                continue
            start = len(self.problems)
            values: dict[str, Any] = {}

            def read(name: str, reader: Any, default: Any, nodes: dict[str, Node] = nodes, key: str = key,
                     values: dict[str, Any] = values) -> Any:
                values[name] = self.optional(nodes, name, f"{key}.{name}", reader, default)
                return values[name]

            doc_id = read("id", self._doc_id, "")
            if doc_id and doc_id in seen:
                self.problem(_line(nodes["id"]), f"{key}.id",
                             _("mã giấy tờ trùng lặp: {value} (đã có ở dòng {line})", value=doc_id, line=seen[doc_id]))
            elif doc_id:
                seen[doc_id] = _line(nodes["id"])
            read("name_vi", lambda n, k: self.text(n, k, allow_empty=False), "")
            read("name_en", lambda n, k: self.text(n, k, allow_empty=False), "")
            read("kind", lambda n, k: self.choice(n, k, KINDS), DocumentKind.ORIGINAL)
            required = read("required", self.boolean, False)
            read("quantity", lambda n, k: self.integer(n, k, minimum=1), 1)
            read("presented_only", self.boolean, False)
            read("form_code", lambda n, k: self.text(n, k, allow_null=True) or None, None)
            read("condition_vi", lambda n, k: self.text(n, k, allow_null=True) or "", "")
            accepts = read("accepts", self.texts, ())
            for position, accepted in enumerate(accepts):
                if not DOC_ID_RE.match(accepted):
                    self.problem(_line(nodes["accepts"]), f"{key}.accepts[{position}]",
                                 _("mã giấy tờ không hợp lệ: {value} (chữ thường, số, dấu gạch dưới)", value=accepted))
            condition = read("condition", self.condition, None)
            if "condition" in nodes and required:
                self.problem(_line(nodes["condition"]), f"{key}.condition", _(
                    "giấy tờ bắt buộc (required: true) không được có condition; "
                    "giấy tờ có điều kiện ghi required: false kèm condition"))
            months = read("valid_months", lambda n, k: self.integer(n, k, minimum=1), None)
            from_field = read("valid_from_field", self._attachment_field, None)
            if ("valid_months" in nodes) != ("valid_from_field" in nodes):
                self.problem(_line(item), f"{key}.valid_months",
                             _("valid_months và valid_from_field phải đi cùng nhau"))
            if len(self.problems) > start:
                continue
            out.append(DocumentRequirement(
                id=doc_id, name_vi=values["name_vi"], name_en=values["name_en"], kind=values["kind"],
                required=required, quantity=values["quantity"], presented_only=values["presented_only"],
                condition=condition, condition_vi=values["condition_vi"], form_code=values["form_code"],
                accepts=accepts, valid_months=months, valid_from_field=from_field,
            ))
        return tuple(out)

    def _doc_id(self, node: Node, key: str) -> str:
        value = self.text(node, key) or ""
        if not DOC_ID_RE.match(value):
            raise self.fail(node, key, _("mã giấy tờ không hợp lệ: {value} (chữ thường, số, dấu gạch dưới)",
                                         value=value))
        return value

    def _attachment_field(self, node: Node, key: str) -> str:
        value = self.text(node, key) or ""
        if not FIELD_NAME_RE.match(value):
            raise self.fail(node, key, _("tên trường không hợp lệ: {value} (đường dẫn chữ thường dạng tre.ho_ten)",
                                         value=value))
        return value

    # -- subject and registration window -------------------------------------------------
    def _subject(self, node: Node, key: str) -> str:
        value = (self.text(node, key) or "").removeprefix("form.")
        if not FIELD_NAME_RE.match(value) or value not in self._groups:
            raise self.fail(node, key, _(
                "subject phải là một nhóm trường đã khai báo trong fields (ví dụ tre với tre.ho_ten): {value}",
                value=value))
        return value

    def _date_field_ref(self, node: Node, key: str) -> str:
        value = (self.text(node, key) or "").removeprefix("form.")
        declared = self._field_types.get(value)
        if declared is None or declared.type != "date":
            raise self.fail(node, key, _("phải là một trường kiểu date đã khai báo trong fields: {value}",
                                         value=value))
        return value

    # -- conditions --------------------------------------------------------------------------
    def condition(self, node: Node, key: str, depth: int = 0) -> Condition:
        if depth > MAX_CONDITION_DEPTH:
            raise self.fail(node, key, _("điều kiện lồng nhau quá sâu"))
        if not isinstance(node, MappingNode):
            raise self.fail(
                node, key, _("điều kiện phải là một bảng khóa: giá trị (ví dụ field: form.x và equals: true)")
            )
        nodes = self.mapping(node, key, {*_CONDITION_KINDS, "equals", "present"}, ())
        kinds = [k for k in _CONDITION_KINDS if k in nodes]
        if len(kinds) != 1:
            raise self.fail(node, key, _("điều kiện phải có đúng một trong các khóa: {kinds}",
                                         kinds=", ".join(_CONDITION_KINDS)))
        kind = kinds[0]
        if kind != "field":
            for extra in ("equals", "present"):
                if extra in nodes:
                    raise self.fail(nodes[extra], f"{key}.{extra}", _("{extra} chỉ dùng cùng với field", extra=extra))
        value_node = nodes[kind]
        where = f"{key}.{kind}"
        if kind == "channel":
            if isinstance(value_node, SequenceNode):
                channels = self.texts(value_node, where)
            else:
                channels = (self.text(value_node, where, allow_empty=False) or "",)
            if not channels:
                raise self.fail(value_node, where, _("cần ít nhất một kênh"))
            for channel in channels:
                if channel not in CHANNELS:
                    raise self.fail(value_node, where, _("kênh không hợp lệ: {value} (cho phép: {allowed})",
                                                         value=channel, allowed=", ".join(CHANNELS)))
            return Condition("channel", channels=channels)
        if kind == "representative":
            return Condition("representative", representative=self.boolean(value_node, where))
        if kind in ("all", "any"):
            items = self.sequence(value_node, where, allow_null=False)
            if not items:
                raise self.fail(value_node, where, _("{kind} cần danh sách điều kiện không rỗng", kind=kind))
            children: list[Condition] = []
            failed = False
            for index, item in enumerate(items):
                try:
                    children.append(self.condition(item, f"{where}[{index}]", depth + 1))
                except _Invalid:
                    failed = True
            if failed:
                raise _Invalid()
            return Condition(kind, children=tuple(children))
        if kind == "not":
            return Condition("not", children=(self.condition(value_node, where, depth + 1),))
        return self._field_condition(nodes, key)

    def _field_condition(self, nodes: dict[str, Node], key: str) -> Condition:
        ref_node = nodes["field"]
        raw = self.text(ref_node, f"{key}.field") or ""
        if not raw.startswith("form."):
            raise self.fail(ref_node, f"{key}.field", _("field phải có dạng form.<tên trường>: {value}", value=raw))
        name = raw.removeprefix("form.")
        declared = self._field_types.get(name)
        if declared is None and name not in self._groups:
            raise self.fail(ref_node, f"{key}.field",
                            _("{value} không phải trường đã khai báo trong fields", value=raw))
        has_equals, has_present = "equals" in nodes, "present" in nodes
        if has_equals == has_present:
            raise self.fail(ref_node, key, _("điều kiện field cần đúng một trong hai khóa equals hoặc present"))
        if has_present:
            present = self.boolean(nodes["present"], f"{key}.present")
            return Condition("field", field=raw, present=present)
        equals_node = nodes["equals"]
        where = f"{key}.equals"
        items = list(equals_node.value) if isinstance(equals_node, SequenceNode) else [equals_node]
        if not items:
            raise self.fail(equals_node, where, _("equals cần ít nhất một giá trị"))
        values: list[Any] = []
        for item in items:
            value = self.scalar(item, where)
            if declared is not None and declared.type == "bool":
                if not isinstance(value, bool):
                    raise self.fail(item, where, _("trường {field} kiểu bool: equals phải là true hoặc false",
                                                   field=raw))
            elif declared is not None and declared.type == "number":
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise self.fail(item, where, _("trường {field} kiểu number: equals phải là số", field=raw))
            elif isinstance(value, bool) and (declared is None or declared.type != "consent"):
                pass  # a yes/no test on a text field: truthy() reads the declared words
            elif value is None:
                raise self.fail(item, where, _("equals không được là null; dùng present: false"))
            else:
                assert isinstance(item, ScalarNode)
                value = str(item.value)
                if declared is not None and declared.type == "choice" and value not in declared.choices:
                    raise self.fail(item, where, _("giá trị {value} không có trong choices của {field}",
                                                   value=value, field=raw))
            values.append(value)
        return Condition("field", field=raw, equals=tuple(values))


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    parts = [str(p) for p in (context, problem) if p]
    return "; ".join(parts) if parts else str(exc).splitlines()[0]


def parse_file(path: Path) -> tuple[Procedure | None, list[CatalogueProblem]]:
    """Parse one catalogue file; the procedure is None when any problem was found."""
    procedure, problems = _parse_file_unsorted(path)
    return procedure, sorted(problems, key=lambda p: p.line)


def _parse_file_unsorted(path: Path) -> tuple[Procedure | None, list[CatalogueProblem]]:
    parser = _ProcedureParser(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            parser.problem(1, "file", _("tệp quá lớn ({size} byte, tối đa {limit})", size=size, limit=MAX_FILE_BYTES))
            return None, parser.problems
        data = path.read_bytes()
    except OSError as exc:
        parser.problem(1, "file", _("không đọc được tệp: {reason}", reason=exc.strerror or str(exc)))
        return None, parser.problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        parser.problem(line, "file", _("tệp không phải văn bản UTF-8"))
        return None, parser.problems
    try:
        # The C loader (libyaml) when PyYAML has it: about 13x faster on the shipped catalogue, same marks.
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        parser.problem(line, "yaml", _("lỗi cú pháp YAML: {reason}", reason=_yaml_reason(exc)))
        return None, parser.problems
    except yaml.YAMLError as exc:
        parser.problem(1, "yaml", _("lỗi cú pháp YAML: {reason}", reason=_yaml_reason(exc)))
        return None, parser.problems
    except RecursionError:
        parser.problem(1, "yaml", _("tệp lồng nhau quá sâu"))
        return None, parser.problems
    if root is None:
        parser.problem(1, "file", _("tệp rỗng: cần một thủ tục (xem docs/catalogue.md)"))
        return None, parser.problems
    try:
        if isinstance(root, MappingNode) and any(k.value == "versions" for k, _v in root.value):
            return parse_versions(path, root, _ProcedureParser)
        procedure = parser.parse(root)
    except RecursionError:
        parser.problem(_line(root), "file", _("tệp lồng nhau quá sâu"))
        procedure = None
    return procedure, parser.problems


def parse_procedure_file(path: Path | str) -> Procedure:
    """One procedure from a catalogue file; CatalogueError naming file, line and key when invalid."""
    procedure, problems = parse_file(Path(path))
    if problems or procedure is None:
        raise CatalogueError(format_problems(problems))
    return procedure


def format_problems(problems: list[CatalogueProblem] | tuple[CatalogueProblem, ...], limit: int = 5) -> str:
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(_("… và {count} lỗi khác", count=len(problems) - limit))
    return "\n".join(lines)
