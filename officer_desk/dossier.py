"""The dossier interchange format (officer-desk/application@1): parsing, validation, export.

The received JSON object is kept verbatim (``Dossier.raw``); typed views are read from it. Parsing
checks structure and types only: what is *wrong with the content* (a bad ID number, a missing
paper) is the screening engine's business, never a reason to reject a file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from officer_desk.errors import DossierFormatError
from officer_desk.i18n import _
from officer_desk.vocabulary import Channel, DocumentKind

FORMAT_ID = "officer-desk/application@1"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CHANNELS = tuple(c.value for c in Channel)
KINDS = tuple(k.value for k in DocumentKind)
IDENTITY_DOC_TYPES = ("the_can_cuoc", "cmnd", "ho_chieu")
MAX_NESTING = 32
MAX_STRING_CHARS = 20_000
"""Longest text value accepted (a whole note or address fits; a 2.5 M-character name does not)."""
MAX_NUMBER_CHARS = 40
"""Longest number literal: far above any real value, far below Python's 4,300-digit conversion limit."""
YEAR_RANGE = (1900, 2200)
PROCEDURE_CODE_RE = re.compile(r"^(\d\.\d{6})(?:\.[0-9A-Za-z.]+)?$")
DOSSIER_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]{0,63}$")
_LOCAL_DT_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def base_procedure_code(code: str) -> str | None:
    """``1.004194.000.00.00.H14`` -> ``1.004194``; None when it is not a procedure code."""
    match = PROCEDURE_CODE_RE.match(code.strip())
    return match.group(1) if match else None


def parse_received_at(value: str) -> datetime:
    """``dd/mm/yyyy HH:MM`` local time or ISO 8601 with offset -> aware datetime (local zone)."""
    match = _LOCAL_DT_RE.match(value)
    if match:
        day, month, year, hour, minute, second = match.groups()
        try:
            naive = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        except ValueError as exc:
            raise DossierFormatError(_("Thời điểm nhận không tồn tại: {value}", value=value)) from exc
        _check_year(naive, value)
        return naive.replace(tzinfo=LOCAL_TZ)
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise DossierFormatError(
            _("received_at phải có dạng dd/mm/yyyy HH:MM hoặc ISO 8601: {value}", value=value)
        ) from exc
    _check_year(parsed, value)  # years 1 and 9999 overflow when moved between time zones
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=LOCAL_TZ)
    return parsed.astimezone(LOCAL_TZ)


def _check_year(moment: datetime, value: str) -> None:
    if not YEAR_RANGE[0] <= moment.year <= YEAR_RANGE[1]:
        raise DossierFormatError(_("Thời điểm nhận ngoài khoảng năm {low}–{high}: {value}", low=YEAR_RANGE[0],
                                   high=YEAR_RANGE[1], value=value[:40]))


def format_received_at(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class Person:
    """An applicant or co-applicant as declared."""

    full_name: str = ""
    date_of_birth: str = ""
    gender: str = ""
    id_type: str = ""
    id_number: str = ""
    id_valid_until: str = ""
    birth_registration_place: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str) -> Person:
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        values: dict[str, Any] = {}
        for key in known:
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, str | int):
                raise DossierFormatError(
                    _("{where}.{key} phải là chuỗi ký tự", where=where, key=key)
                )
            values[key] = str(value)
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**values, extra=extra)


@dataclass(frozen=True)
class Attachment:
    """One dossier component as handed in."""

    doc_type: str
    kind: str = DocumentKind.ORIGINAL
    quantity: int = 1
    presented_only: bool = False
    certified: bool = False
    file: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    # Where each value of ``fields`` came from (typed, portal, qr, ocr, ocr-edited), and what OCR saw
    # (confidence, page, box) for the values it read. Absent = the channel's default (``source_of``).
    provenance: dict[str, str] = field(default_factory=dict)
    ocr: dict[str, dict[str, Any]] = field(default_factory=dict)

    def source_of(self, name: str, channel: str = "truc_tiep") -> str:
        """Where the value ``name`` came from: stated, else ``portal`` for online filings, ``typed`` otherwise."""
        stated = self.provenance.get(name)
        if stated:
            return stated
        return "portal" if channel == "truc_tuyen" else "typed"

    def ocr_confidence(self, name: str) -> float | None:
        """The OCR confidence of a value read by OCR and not corrected since (None otherwise)."""
        if self.provenance.get(name) != "ocr":
            return None
        value = self.ocr.get(name, {}).get("confidence")
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    @property
    def effective_kind(self) -> str:
        """A copy marked ``certified`` counts as a certified copy."""
        if self.kind == DocumentKind.COPY and self.certified:
            return DocumentKind.CERTIFIED_COPY
        return self.kind


@dataclass(frozen=True)
class Dossier:
    """A parsed dossier; ``raw`` is the object exactly as received."""

    procedure_code: str
    channel: str
    received_at: datetime | None
    applicant: Person
    co_applicant: Person | None
    form: dict[str, Any]
    attachments: tuple[Attachment, ...]
    dossier_code: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def base_procedure_code(self) -> str:
        return base_procedure_code(self.procedure_code) or self.procedure_code


def _check_depth(value: Any, depth: int = 0) -> None:
    if depth > MAX_NESTING:
        raise DossierFormatError(_("Tệp lồng nhau quá sâu (hơn {limit} cấp)", limit=MAX_NESTING))
    if isinstance(value, dict):
        for item in value.values():
            _check_depth(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)
    elif isinstance(value, str):
        if "\x00" in value:
            raise DossierFormatError(_("Tệp chứa ký tự NUL"))
        if len(value) > MAX_STRING_CHARS:
            raise DossierFormatError(_("Một trường văn bản dài hơn giới hạn {limit} ký tự",
                                       limit=MAX_STRING_CHARS), code="too_long")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate escape such as \ud800
            raise DossierFormatError(_("Tệp chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)")) from exc


def _reject_constant(name: str) -> Any:
    raise DossierFormatError(_("Số không hợp lệ trong JSON: {name} (NaN/Infinity không được phép)", name=name))


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise DossierFormatError(_("Số quá dài trong JSON ({n} chữ số)", n=len(text)))
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise DossierFormatError(_("Số quá dài trong JSON ({n} chữ số)", n=len(text)))
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise DossierFormatError(_("Số không hợp lệ trong JSON: {name} (NaN/Infinity không được phép)", name=text))
    return value


def loads(text: str | bytes) -> dict[str, Any]:
    """Decode one dossier JSON document (UTF-8) into a dict, with clear errors."""
    if isinstance(text, bytes):
        if b"\x00" in text:
            raise DossierFormatError(_("Tệp chứa ký tự NUL, không phải JSON hợp lệ"))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DossierFormatError(_("Tệp không phải văn bản UTF-8")) from exc
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int,
                          parse_float=_bounded_float)
    except RecursionError as exc:
        raise DossierFormatError(_("Tệp lồng nhau quá sâu")) from exc
    except json.JSONDecodeError as exc:
        raise DossierFormatError(
            _("JSON không hợp lệ ở dòng {line}, cột {column}: {reason}",
              line=exc.lineno, column=exc.colno, reason=exc.msg)
        ) from exc
    if not isinstance(data, dict):
        raise DossierFormatError(_("Tệp phải chứa một đối tượng JSON (một hồ sơ)"))
    _check_depth(data)
    return data


def _require_str(data: dict[str, Any], key: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise DossierFormatError(_("Thiếu trường bắt buộc: {key}", key=key))
        return None
    if not isinstance(value, str):
        raise DossierFormatError(_("Trường {key} phải là chuỗi ký tự", key=key))
    return value


def parse(data: dict[str, Any]) -> Dossier:
    """Validate the structure of a dossier object and return its typed view."""
    fmt = data.get("format")
    if fmt is not None and fmt != FORMAT_ID:
        raise DossierFormatError(_("Định dạng không được hỗ trợ: {fmt}", fmt=str(fmt)))
    procedure_code = _require_str(data, "procedure_code")
    assert procedure_code is not None
    if base_procedure_code(procedure_code) is None:
        raise DossierFormatError(_("Mã thủ tục không đúng dạng N.NNNNNN: {code}", code=procedure_code))
    dossier_code = _require_str(data, "dossier_code", required=False)
    if dossier_code is not None and not DOSSIER_CODE_RE.match(dossier_code):
        raise DossierFormatError(_("Mã hồ sơ không hợp lệ: {code}", code=dossier_code))
    channel = _require_str(data, "channel", required=False) or Channel.IN_PERSON
    if channel not in CHANNELS:
        raise DossierFormatError(
            _("Kênh nộp không hợp lệ: {channel} (truc_tiep, truc_tuyen, buu_chinh)", channel=channel)
        )
    received_raw = _require_str(data, "received_at", required=False)
    received_at = parse_received_at(received_raw) if received_raw else None

    applicant_raw = data.get("applicant")
    if not isinstance(applicant_raw, dict):
        raise DossierFormatError(_("Thiếu thông tin người nộp (applicant)"))
    applicant = Person.from_json(applicant_raw, "applicant")
    co_raw = data.get("co_applicant")
    if co_raw is not None and not isinstance(co_raw, dict):
        raise DossierFormatError(_("co_applicant phải là đối tượng hoặc null"))
    co_applicant = Person.from_json(co_raw, "co_applicant") if co_raw else None

    form = data.get("form") or {}
    if not isinstance(form, dict):
        raise DossierFormatError(_("form phải là một đối tượng"))

    attachments_raw = data.get("attachments") or []
    if not isinstance(attachments_raw, list):
        raise DossierFormatError(_("attachments phải là một danh sách"))
    attachments: list[Attachment] = []
    for index, item in enumerate(attachments_raw):
        attachments.append(_parse_attachment(item, index))
    return Dossier(
        procedure_code=procedure_code.strip(),
        channel=channel,
        received_at=received_at,
        applicant=applicant,
        co_applicant=co_applicant,
        form=form,
        attachments=tuple(attachments),
        dossier_code=dossier_code,
        raw=data,
    )


def _parse_attachment(item: Any, index: int) -> Attachment:
    where = f"attachments[{index}]"
    if not isinstance(item, dict):
        raise DossierFormatError(_("{where} phải là một đối tượng", where=where))
    doc_type = item.get("doc_type")
    if not isinstance(doc_type, str) or not doc_type:
        raise DossierFormatError(_("{where}.doc_type bị thiếu hoặc không phải chuỗi", where=where))
    kind = item.get("kind", DocumentKind.ORIGINAL)
    if kind not in KINDS:
        raise DossierFormatError(
            _("{where}.kind không hợp lệ: {kind} (original, copy, certified_copy)", where=where, kind=str(kind))
        )
    quantity = item.get("quantity", 1)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0 or quantity > 1000:
        raise DossierFormatError(_("{where}.quantity phải là số nguyên từ 0 đến 1000", where=where))
    for flag in ("presented_only", "certified"):
        if flag in item and not isinstance(item[flag], bool):
            raise DossierFormatError(_("{where}.{flag} phải là true/false", where=where, flag=flag))
    file = item.get("file")
    if file is not None and (not isinstance(file, str) or not file):
        raise DossierFormatError(_("{where}.file phải là đường dẫn dạng chuỗi", where=where))
    fields = item.get("fields") or {}
    if not isinstance(fields, dict):
        raise DossierFormatError(_("{where}.fields phải là một đối tượng", where=where))
    provenance, ocr = _parse_provenance(item, where)
    return Attachment(
        doc_type=doc_type,
        kind=kind,
        quantity=quantity,
        presented_only=bool(item.get("presented_only", False)),
        certified=bool(item.get("certified", False)),
        file=file,
        fields=fields,
        provenance=provenance,
        ocr=ocr,
    )


PROVENANCES = ("typed", "portal", "qr", "ocr", "ocr-edited")


def _parse_provenance(item: dict[str, Any], where: str) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """The optional ``provenance`` (field -> source) and ``ocr`` (field -> confidence, page, box) objects."""
    provenance = item.get("provenance") or {}
    if not isinstance(provenance, dict):
        raise DossierFormatError(_("{where}.provenance phải là một đối tượng", where=where))
    for name, source in provenance.items():
        if source not in PROVENANCES:
            raise DossierFormatError(
                _("{where}.provenance.{name} không hợp lệ: {source} (typed, portal, qr, ocr, ocr-edited)",
                  where=where, name=str(name), source=str(source))
            )
    ocr = item.get("ocr") or {}
    if not isinstance(ocr, dict) or not all(isinstance(v, dict) for v in ocr.values()):
        raise DossierFormatError(_("{where}.ocr phải là một đối tượng", where=where))
    for name, seen in ocr.items():
        confidence = seen.get("confidence")
        if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, int | float)
                                       or not 0 <= confidence <= 1):
            raise DossierFormatError(
                _("{where}.ocr.{name}.confidence phải là số từ 0 đến 1", where=where, name=str(name))
            )
    return {str(k): str(v) for k, v in provenance.items()}, {str(k): dict(v) for k, v in ocr.items()}


def form_value(form: dict[str, Any], path: str) -> Any:
    """A declaration value by dotted path (``tre.ho_ten``); None when absent."""
    node: Any = form
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def has_path(form: dict[str, Any], path: str) -> bool:
    """Whether the declaration states ``path`` at all (a value of null or "" still counts as stated)."""
    node: Any = form
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}
