"""Loads and checks the document templates (resources/templates/*.yaml): what is printed, and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.paths import resource
from officer_desk.receipts.model import DOC_TYPES, FORMS

BLOCK_KEYS: dict[str, set[str]] = {
    "header": {"date_line"},
    "title": {"text", "size"},
    "text": {"text", "align", "size", "space_before", "space_after", "indent"},
    "list": {"rows", "number", "text", "indent", "number_width", "space"},
    "table": {"rows", "columns", "min_row_height", "size"},
    "spacer": {"height"},
}
COMMON_KEYS = {"type", "forms", "when"}
ALIGNS = {"left", "center", "right", "justify"}


class TemplateError(DeskError):
    """A template file is missing or malformed; the message names the file and the key."""

    code = "template"
    exit_code = 2


def _fail(source: Path | str, where: str, problem: str) -> TemplateError:
    return TemplateError(_("{source}: {where}: {problem}", source=str(source), where=where, problem=problem))


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class SignatureStyle:
    title_size: float
    caption_size: float
    name_size: float
    stamp_height: float
    padding: float


@dataclass(frozen=True)
class ZoneSpec:
    """The bottom zone: the QR symbol and the signature blocks."""

    arrangement: str
    gap: float
    qr_box_mm: float
    qr_min_module_mm: float
    qr_quiet_modules: int
    qr_snap_mm: float
    qr_error: str
    qr_caption_size: float
    signature: SignatureStyle


@dataclass(frozen=True)
class FormSpec:
    """One paper form: page size, margins and type sizes (forms.yaml)."""

    name: str
    label: str
    paper: str
    width: float
    height: float | None
    print_dpi: int
    margin: Margins
    text: Mapping[str, Any]
    title: Mapping[str, Any]
    header: Mapping[str, Any]
    table: Mapping[str, Any]
    list: Mapping[str, Any]
    page_number_size: float
    zone: ZoneSpec

    @property
    def content_width(self) -> float:
        return self.width - self.margin.left - self.margin.right

@dataclass(frozen=True)
class Block:
    """One layout block of a document template; ``options`` are the type's own keys."""

    type: str
    forms: tuple[str, ...]
    when: str | None
    options: Mapping[str, Any]
    where: str

    def on(self, form: str) -> bool:
        return not self.forms or form in self.forms

    def get(self, key: str, form: str, default: Any = None) -> Any:
        """An option's value for ``form`` (an option may be a mapping form -> value)."""
        value = self.options.get(key, default)
        if isinstance(value, Mapping) and set(value) <= set(FORMS):
            return value.get(form, default)
        return value


@dataclass(frozen=True)
class SignatureSpec:
    title: str
    caption: str
    name: str
    stamp: bool


@dataclass(frozen=True)
class DocumentTemplate:
    doc_type: str
    title: str
    blocks: tuple[Block, ...]
    signatures: tuple[SignatureSpec, ...]
    qr_caption: str
    source: Path

    @property
    def stamp_index(self) -> int:
        """Which signature block holds the PAdES stamp (the one marked ``stamp``, else the last)."""
        for i, sig in enumerate(self.signatures):
            if sig.stamp:
                return i
        return len(self.signatures) - 1


@dataclass(frozen=True)
class TemplateSet:
    fonts: Mapping[str, Path]
    forms: Mapping[str, FormSpec]
    documents: Mapping[str, DocumentTemplate]

    def form(self, name: str) -> FormSpec:
        try:
            return self.forms[name]
        except KeyError:
            raise TemplateError(
                _("Khổ giấy không hợp lệ: {form} (dùng: {known})", form=name, known=", ".join(self.forms))
            ) from None

    def document(self, doc_type: str) -> DocumentTemplate:
        try:
            return self.documents[doc_type]
        except KeyError:
            raise TemplateError(
                _("Loại phiếu không hợp lệ: {doc_type} (dùng: {known})", doc_type=doc_type,
                  known=", ".join(self.documents))
            ) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(_("Không đọc được mẫu phiếu {path}", path=str(path))) from exc
    except yaml.YAMLError as exc:
        raise TemplateError(_("Mẫu phiếu {path} sai cú pháp YAML: {detail}", path=str(path), detail=str(exc))) from exc
    if not isinstance(data, dict):
        raise _fail(path, "/", _("cần một bảng khóa: giá trị"))
    return data


def _number(source: Path, where: str, value: Any, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise _fail(source, where, _("cần một số không nhỏ hơn {minimum}", minimum=minimum))
    return float(value)


def _mapping(source: Path, where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(source, where, _("cần một bảng khóa: giá trị"))
    return value


def _load_form(source: Path, name: str, raw: Any) -> FormSpec:
    where = f"forms.{name}"
    data = _mapping(source, where, raw)
    try:
        margin = _mapping(source, f"{where}.margin", data["margin"])
        zone = _mapping(source, f"{where}.zone", data["zone"])
        sig = _mapping(source, f"{where}.zone.signature", zone["signature"])
        height_raw = data["height"]
        height = None if height_raw == "auto" else _number(source, f"{where}.height", height_raw, 50)
        arrangement = str(zone["arrangement"])
        if arrangement not in {"side", "stacked"}:
            raise _fail(source, f"{where}.zone.arrangement", _("chỉ nhận side hoặc stacked"))
        header = _mapping(source, f"{where}.header", data["header"])
        if header.get("arrangement") not in {"columns", "stacked"}:
            raise _fail(source, f"{where}.header.arrangement", _("chỉ nhận columns hoặc stacked"))
        text = _mapping(source, f"{where}.text", data["text"])
        if text.get("align", "left") not in ALIGNS:
            raise _fail(source, f"{where}.text.align", _("căn lề không hợp lệ"))
        spec = FormSpec(
            name=name,
            label=str(data.get("label", name)),
            paper=str(data.get("paper", "custom")),
            width=_number(source, f"{where}.width", data["width"], 100),
            height=height,
            print_dpi=int(data.get("print_dpi", 300)),
            margin=Margins(*(_number(source, f"{where}.margin.{k}", margin[k]) for k in
                             ("left", "right", "top", "bottom"))),
            text=text,
            title=_mapping(source, f"{where}.title", data["title"]),
            header=header,
            table=_mapping(source, f"{where}.table", data["table"]),
            list=_mapping(source, f"{where}.list", data["list"]),
            page_number_size=_number(source, f"{where}.page_number_size", data["page_number_size"], 4),
            zone=ZoneSpec(
                arrangement=arrangement,
                gap=_number(source, f"{where}.zone.gap", zone["gap"]),
                qr_box_mm=_number(source, f"{where}.zone.qr_box_mm", zone["qr_box_mm"], 10),
                qr_min_module_mm=_number(source, f"{where}.zone.qr_min_module_mm", zone["qr_min_module_mm"], 0.5),
                qr_quiet_modules=int(_number(source, f"{where}.zone.qr_quiet_modules", zone["qr_quiet_modules"], 2)),
                qr_snap_mm=_number(source, f"{where}.zone.qr_snap_mm", zone.get("qr_snap_mm", 0)),
                qr_error=str(zone.get("qr_error", "m")).lower(),
                qr_caption_size=_number(source, f"{where}.zone.qr_caption_size", zone["qr_caption_size"], 4),
                signature=SignatureStyle(
                    *(_number(source, f"{where}.zone.signature.{k}", sig[k]) for k in
                      ("title_size", "caption_size", "name_size", "stamp_height", "padding"))
                ),
            ),
        )
    except KeyError as exc:
        raise _fail(source, where, _("thiếu khóa {key}", key=str(exc.args[0]))) from None
    if spec.zone.qr_error not in {"l", "m", "q", "h"}:
        raise _fail(source, f"{where}.zone.qr_error", _("mức sửa lỗi QR chỉ nhận l, m, q, h"))
    if spec.content_width < 100:
        raise _fail(source, f"{where}.margin", _("lề quá rộng so với khổ giấy"))
    return spec


def _load_block(source: Path, index: int, raw: Any) -> Block:
    where = f"blocks[{index}]"
    data = _mapping(source, where, raw)
    kind = data.get("type")
    if kind not in BLOCK_KEYS:
        raise _fail(source, f"{where}.type", _("loại khối không hợp lệ: {kind} (dùng: {known})", kind=str(kind),
                                                  known=", ".join(BLOCK_KEYS)))
    unknown = set(data) - COMMON_KEYS - BLOCK_KEYS[kind]
    if unknown:
        raise _fail(source, where, _("khóa không dùng được cho khối {kind}: {keys}", kind=kind,
                                     keys=", ".join(sorted(unknown))))
    forms = tuple(data.get("forms") or ())
    bad_forms = [f for f in forms if f not in FORMS]
    if bad_forms:
        raise _fail(source, f"{where}.forms", _("khổ giấy không hợp lệ: {forms}", forms=", ".join(map(str, bad_forms))))
    if kind in {"text", "list"} and not isinstance(data.get("text"), str):
        raise _fail(source, f"{where}.text", _("cần một đoạn văn bản"))
    if kind in {"list", "table"} and not isinstance(data.get("rows"), str):
        raise _fail(source, f"{where}.rows", _("cần tên danh sách dữ liệu"))
    if "align" in data and data["align"] not in ALIGNS:
        raise _fail(source, f"{where}.align", _("căn lề không hợp lệ"))
    if kind == "table":
        columns = data.get("columns")
        if not isinstance(columns, list) or not columns:
            raise _fail(source, f"{where}.columns", _("cần danh sách cột"))
        total = 0.0
        for i, col in enumerate(columns):
            col = _mapping(source, f"{where}.columns[{i}]", col)
            if not isinstance(col.get("text"), str) or not isinstance(col.get("header"), str):
                raise _fail(source, f"{where}.columns[{i}]", _("cột cần header và text"))
            total += _number(source, f"{where}.columns[{i}].width", col.get("width"), 0.01)
        if abs(total - 1.0) > 0.011:
            raise _fail(source, f"{where}.columns", _("tổng độ rộng các cột phải bằng 1"))
    options = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    when = data.get("when")
    return Block(kind, forms, str(when) if when else None, options, f"{source.name}:{where}")


def _load_document(path: Path) -> DocumentTemplate:
    data = _read_yaml(path)
    doc_type = data.get("doc_type")
    if doc_type not in DOC_TYPES:
        raise _fail(path, "doc_type", _("loại phiếu không hợp lệ: {doc_type}", doc_type=str(doc_type)))
    blocks_raw = data.get("blocks")
    if not isinstance(blocks_raw, list) or not blocks_raw:
        raise _fail(path, "blocks", _("cần danh sách khối"))
    signatures = []
    for i, raw in enumerate(data.get("signatures") or []):
        sig = _mapping(path, f"signatures[{i}]", raw)
        if not isinstance(sig.get("title"), str):
            raise _fail(path, f"signatures[{i}].title", _("cần tiêu đề"))
        signatures.append(SignatureSpec(sig["title"], str(sig.get("caption", "")), str(sig.get("name", "")),
                                        bool(sig.get("stamp", False))))
    if not 1 <= len(signatures) <= 3:
        raise _fail(path, "signatures", _("cần từ 1 đến 3 khối chữ ký"))
    if not isinstance(data.get("title"), str):
        raise _fail(path, "title", _("cần tên phiếu"))
    return DocumentTemplate(
        doc_type=doc_type,
        title=data["title"],
        blocks=tuple(_load_block(path, i, raw) for i, raw in enumerate(blocks_raw)),
        signatures=tuple(signatures),
        qr_caption=str(data.get("qr_caption", "")),
        source=path,
    )


def load_templates(folder: Path | None = None) -> TemplateSet:
    """Read forms.yaml and one ``<doc_type>.yaml`` per document type from ``folder``."""
    folder = folder or resource("templates")
    forms_path = folder / "forms.yaml"
    data = _read_yaml(forms_path)
    fonts_raw = _mapping(forms_path, "fonts", data.get("fonts"))
    fonts: dict[str, Path] = {}
    for style in ("regular", "bold", "italic", "bold_italic"):
        name = fonts_raw.get(style)
        if not isinstance(name, str):
            raise _fail(forms_path, f"fonts.{style}", _("thiếu tệp phông chữ"))
        path = Path(name) if Path(name).is_absolute() else resource("fonts", name)
        if not path.is_file():
            raise _fail(forms_path, f"fonts.{style}", _("không thấy tệp phông chữ {path}", path=str(path)))
        fonts[style] = path
    forms_raw = _mapping(forms_path, "forms", data.get("forms"))
    forms = {name: _load_form(forms_path, name, raw) for name, raw in forms_raw.items()}
    missing = [f for f in FORMS if f not in forms]
    if missing:
        raise _fail(forms_path, "forms", _("thiếu khổ giấy: {forms}", forms=", ".join(missing)))
    documents: dict[str, DocumentTemplate] = {}
    for doc_type in DOC_TYPES:
        documents[doc_type] = _load_document(folder / f"{doc_type}.yaml")
    return TemplateSet(fonts, forms, documents)


@lru_cache(maxsize=1)
def default_templates() -> TemplateSet:
    """The shipped templates, read once per process."""
    return load_templates()
