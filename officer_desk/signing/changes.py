"""What a later revision changed in what the pages SHOW, compared with the revision a signature covers.

pyHanko's difference analysis answers "is this change permitted by the document's policy?"; filling
a form field is permitted by default, so a signed amount changed from 1,000,000 to 9,000,000 passes
it (issue 16). The desk asks a different question: does any page look different from what was
signed? Each page of both revisions is reduced to a canonical value - its content streams (decoded),
resources, boxes and annotations with their appearance streams, objects resolved inside their own
revision \u2014 together with the form fields' values, the optional-content settings and the Info entries
the desk relies on (the receipt's QR payload). Any difference is listed; the only difference that is
not a change of the document is a signature added in a later revision (its widget and field).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from officer_desk.i18n import _

DESK_INFO_KEYS = ("/OfficerDeskQR", "/OfficerDeskDocType")
"""Info entries the desk reads back (verify-receipt): changing them after signing is tampering."""
_BACK_POINTERS = frozenset({"/Parent", "/P", "/Prev", "/Next", "/First", "/Last", "/Dest", "/StructParent",
                            "/StructParents"})
_MAX_NODES = 200_000
_MAX_DEPTH = 64


class AnalysisTooLarge(Exception):
    """The document is too large or too deep to compare: counted as changed."""


@dataclass
class ChangeReport:
    """Changes found after one signature: ``altering`` alter what is shown; ``allowed`` do not."""

    altering: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)


@dataclass
class _Canon:
    budget: int = _MAX_NODES

    def value(self, obj: Any, path: tuple[tuple[int, int], ...] = (), depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0 or depth > _MAX_DEPTH:
            raise AnalysisTooLarge()
        if isinstance(obj, generic.IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in path:
                return ("cycle", path.index(key))
            return self.value(obj.get_object(), (*path, key), depth + 1)
        if isinstance(obj, generic.StreamObject):
            header = tuple(sorted(
                (str(k), self.value(v, path, depth + 1)) for k, v in obj.items()
                if k not in ("/Length", "/Filter", "/DecodeParms") and k not in _BACK_POINTERS
            ))
            try:
                data = obj.data
            except (PdfError, ValueError, NotImplementedError, KeyError, TypeError):
                data = obj.encoded_data or b""
            return ("stream", header, hashlib.sha256(data).hexdigest())
        if isinstance(obj, generic.DictionaryObject):
            return ("dict", tuple(sorted(
                (str(k), self.value(v, path, depth + 1)) for k, v in obj.items() if k not in _BACK_POINTERS
            )))
        if isinstance(obj, generic.ArrayObject):
            return ("array", tuple(self.value(v, path, depth + 1) for v in obj))
        if isinstance(obj, generic.NullObject) or obj is None:
            return None
        return (type(obj).__name__, str(obj))


def _get(node: Any, key: str, default: Any = None) -> Any:
    """``node[key]`` resolved (pyHanko's ``dict.get`` returns indirect references unresolved)."""
    if not isinstance(node, generic.DictionaryObject) or key not in node:
        return default
    value = node.raw_get(key)
    return value.get_object() if isinstance(value, generic.IndirectObject) else value


def _pages(root: Any) -> list[Any]:
    """The leaf pages of a page tree, in order (a loop or an absurd tree raises AnalysisTooLarge)."""
    found: list[Any] = []
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Any, int]] = [(root.raw_get("/Pages"), 0)]
    while stack:
        ref, depth = stack.pop()
        if isinstance(ref, generic.IndirectObject):
            key = (ref.idnum, ref.generation)
            if key in seen:
                raise AnalysisTooLarge()
            seen.add(key)
        node = ref.get_object() if isinstance(ref, generic.IndirectObject) else ref
        if depth > _MAX_DEPTH or len(seen) > _MAX_NODES:
            raise AnalysisTooLarge()
        if not isinstance(node, generic.DictionaryObject):
            continue
        if _get(node, "/Type") == "/Pages" or "/Kids" in node:
            kids = _get(node, "/Kids")
            if isinstance(kids, generic.ArrayObject):
                stack.extend((kid, depth + 1) for kid in reversed(kids))
        else:
            found.append(node)
    return found


def _inherited(page: generic.DictionaryObject, key: str) -> Any:
    node: Any = page
    for _step in range(_MAX_DEPTH):
        if node is None:
            return None
        value = node.raw_get(key) if key in node else None
        if value is not None:
            return value
        parent = _get(node, "/Parent")
        node = parent if isinstance(parent, generic.DictionaryObject) else None
    return None


def _is_signature_widget(annot: Any) -> bool:
    """A widget of a signature field that holds a signature (or document timestamp) value."""
    node = annot
    for _step in range(8):
        if not isinstance(node, generic.DictionaryObject):
            return False
        if _get(node, "/FT") == "/Sig":
            value = _get(node, "/V")
            return isinstance(value, generic.DictionaryObject) and _get(value, "/Type") in (
                "/Sig", "/DocTimeStamp", None) and "/ByteRange" in value
        parent = _get(node, "/Parent")
        node = parent if parent is not None else None
    return False


def _annotations(page: generic.DictionaryObject, canon: _Canon) -> dict[Any, tuple[str, bool, Any]]:
    """Canonical annotations of a page, keyed by their canonical value: (label, is signature, value)."""
    annots = _get(page, "/Annots")
    result: dict[Any, tuple[str, bool, Any]] = {}
    if not isinstance(annots, generic.ArrayObject):
        return result
    for raw in annots:
        annot = raw.get_object() if isinstance(raw, generic.IndirectObject) else raw
        if not isinstance(annot, generic.DictionaryObject):
            continue
        value = canon.value(raw)
        subtype = str(_get(annot, "/Subtype", "?")).lstrip("/")
        title = _get(annot, "/T")
        if title is None and isinstance(_get(annot, "/Parent"), generic.DictionaryObject):
            title = _get(annot["/Parent"], "/T")
        label = f"{subtype} {title}" if title is not None else subtype
        result[value] = (label, _is_signature_widget(annot), value)
    return result


def _field_values(root: Any, canon: _Canon) -> dict[str, Any]:
    """name -> canonical value of every non-signature terminal form field."""
    acroform = _get(root, "/AcroForm")
    if not isinstance(acroform, generic.DictionaryObject):
        return {}
    values: dict[str, Any] = {}
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Any, str, Any, int]] = [(f, "", None, 0) for f in reversed(_get(acroform, "/Fields") or [])]
    while stack:
        ref, prefix, inherited_type, depth = stack.pop()
        if isinstance(ref, generic.IndirectObject):
            key = (ref.idnum, ref.generation)
            if key in seen:
                continue
            seen.add(key)
        if depth > _MAX_DEPTH or len(seen) > _MAX_NODES:
            raise AnalysisTooLarge()
        node = ref.get_object() if isinstance(ref, generic.IndirectObject) else ref
        if not isinstance(node, generic.DictionaryObject):
            continue
        title = _get(node, "/T")
        name = f"{prefix}.{title}" if prefix and title is not None else str(title if title is not None else prefix)
        field_type = _get(node, "/FT", inherited_type)
        kids = [k for k in (_get(node, "/Kids") or []) if isinstance(k.get_object(), generic.DictionaryObject)
                and "/T" in k.get_object()]
        if kids:
            stack.extend((kid, name, field_type, depth + 1) for kid in reversed(kids))
        elif field_type != "/Sig":
            values[name] = (canon.value(node.raw_get("/V")) if "/V" in node else None,
                            canon.value(node.raw_get("/DV")) if "/DV" in node else None)
    return values


def _info(trailer: Any) -> dict[str, str | None]:
    info = _get(trailer, "/Info") if trailer is not None else None
    if not isinstance(info, generic.DictionaryObject):
        return dict.fromkeys(DESK_INFO_KEYS)
    return {key: (str(info[key]) if key in info else None) for key in DESK_INFO_KEYS}


def _page_state(page: generic.DictionaryObject, canon: _Canon) -> tuple[Any, Any, Any]:
    contents = canon.value(page.raw_get("/Contents")) if "/Contents" in page else None
    resources = canon.value(_inherited(page, "/Resources"))
    geometry = tuple(canon.value(_inherited(page, key)) for key in ("/MediaBox", "/CropBox", "/Rotate"))
    return contents, resources, geometry


def analyse(reader: PdfFileReader, signed_revision: int) -> ChangeReport:
    """What the revisions after ``signed_revision`` changed on the pages and in the desk's metadata."""
    report = ChangeReport()
    if signed_revision >= reader.total_revisions - 1:
        return report
    try:
        old = reader.get_historical_resolver(signed_revision)
        _compare(old.root, old.trailer_view, reader.root, reader.trailer_view, report)
    except AnalysisTooLarge:
        report.altering.append(_("T\u00e0i li\u1ec7u qu\u00e1 l\u1edbn ho\u1eb7c l\u1ed3ng "
                                 "qu\u00e1 s\u00e2u \u0111\u1ec3 \u0111\u1ed1i chi\u1ebfu "
                                 "n\u1ed9i dung \u0111\u00e3 k\u00fd"))
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        report.altering.append(_("Kh\u00f4ng \u0111\u1ed1i chi\u1ebfu \u0111\u01b0\u1ee3c "
                                 "n\u1ed9i dung sau khi k\u00fd ({detail})", detail=str(exc)[:80]))
    return report


def _compare(old_root: Any, old_trailer: Any, new_root: Any, new_trailer: Any, report: ChangeReport) -> None:
    old_canon, new_canon = _Canon(), _Canon()
    old_pages, new_pages = _pages(old_root), _pages(new_root)
    if len(old_pages) != len(new_pages):
        report.altering.append(_("S\u1ed1 trang thay \u0111\u1ed5i: {old} \u2192 {new}",
                                 old=len(old_pages), new=len(new_pages)))
    for index, (before, after) in enumerate(zip(old_pages, new_pages, strict=False), start=1):
        old_state, new_state = _page_state(before, old_canon), _page_state(after, new_canon)
        if old_state[0] != new_state[0]:
            report.altering.append(_("Trang {page}: n\u1ed9i dung trang b\u1ecb thay", page=index))
        if old_state[1] != new_state[1]:
            report.altering.append(_("Trang {page}: t\u00e0i nguy\u00ean trang (ph\u00f4ng, "
                                     "h\u00ecnh) b\u1ecb thay", page=index))
        if old_state[2] != new_state[2]:
            report.altering.append(_("Trang {page}: kh\u1ed5 ho\u1eb7c h\u01b0\u1edbng trang "
                                     "b\u1ecb \u0111\u1ed5i", page=index))
        old_annots, new_annots = _annotations(before, old_canon), _annotations(after, new_canon)
        for value, (label, is_signature, _v) in new_annots.items():
            if value in old_annots:
                continue
            if is_signature:
                report.allowed.append(_("Trang {page}: th\u00eam ch\u1eef k\u00fd ({label})", page=index, label=label))
            else:
                report.altering.append(_("Trang {page}: ch\u00fa th\u00edch/\u00f4 bi\u1ec3u m\u1eabu "
                                         "th\u00eam ho\u1eb7c s\u1eeda ({label})",
                                         page=index, label=label))
        for value, (label, _sig, _v) in old_annots.items():
            if value not in new_annots and not any(
                sig and label == new_label for new_label, sig, _x in new_annots.values()
            ):
                report.altering.append(_("Trang {page}: ch\u00fa th\u00edch b\u1ecb x\u00f3a ho\u1eb7c "
                                         "s\u1eeda ({label})", page=index,
                                         label=label))
    old_fields, new_fields = _field_values(old_root, old_canon), _field_values(new_root, new_canon)
    for name in sorted(set(old_fields) | set(new_fields)):
        if old_fields.get(name) != new_fields.get(name):
            report.altering.append(_("\u00d4 bi\u1ec3u m\u1eabu {name}: gi\u00e1 tr\u1ecb b\u1ecb "
                                     "\u0111\u1ed5i", name=name))
    for key in ("/OCProperties",):
        if old_canon.value(old_root.raw_get(key) if key in old_root else None) != new_canon.value(
                new_root.raw_get(key) if key in new_root else None):
            report.altering.append(_("L\u1edbp hi\u1ec3n th\u1ecb (optional content) b\u1ecb \u0111\u1ed5i"))
    old_info, new_info = _info(old_trailer), _info(new_trailer)
    for key in DESK_INFO_KEYS:
        if old_info[key] != new_info[key]:
            report.altering.append(_("Si\u00eau d\u1eef li\u1ec7u {key} b\u1ecb \u0111\u1ed5i", key=key.lstrip("/")))
