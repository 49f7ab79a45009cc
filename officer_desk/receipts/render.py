"""Renders the one-stop documents to PDF (reportlab canvas) from the templates in resources/templates/.

Every page flows the template's blocks from the top; the bottom zone (QR symbol and signature
blocks) sits on the bottom margin of the last page. Because the zone's geometry depends only on the
paper form and the template, :func:`signature_box` is known before anything is rendered; the PAdES
signer places its visible stamp there.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.receipts.context import build_context
from officer_desk.receipts.layout import (
    FONT_NAMES,
    Item,
    Line,
    Run,
    draw_line,
    draw_text,
    expand,
    fit_or_wrap,
    fit_size,
    paragraph_items,
    plain,
    register_fonts,
    text_lines_item,
    text_width,
    wrap,
    wrap_balanced,
)
from officer_desk.receipts.model import data_for
from officer_desk.receipts.qr import dark_runs, qr_symbol
from officer_desk.receipts.templates import (
    Block,
    DocumentTemplate,
    FormSpec,
    SignatureSpec,
    TemplateSet,
    default_templates,
)

Box = tuple[float, float, float, float]
"""(x1, y1, x2, y2) in PDF points from the page's bottom-left corner."""

MM = 72.0 / 25.4
PAYLOAD_INFO_KEY = "OfficerDeskQR"
DOCTYPE_INFO_KEY = "OfficerDeskDocType"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
BOLD = FONT_NAMES[(True, False)]
ITALIC = FONT_NAMES[(False, True)]
REGULAR = FONT_NAMES[(False, False)]


class ReceiptError(DeskError):
    """A document could not be produced; the message says what to change."""

    code = "receipt"


@dataclass(frozen=True)
class SignatureColumn:
    spec: SignatureSpec
    x1: float
    x2: float
    top: float
    title_lines: tuple[Line, ...]
    title_size: float
    caption_lines: tuple[Line, ...]
    stamp_box: Box
    name_baseline: float


@dataclass(frozen=True)
class ZoneGeometry:
    """Where the QR symbol and the signature blocks go (absolute page coordinates)."""

    height: float
    qr_box: Box
    qr_caption_lines: tuple[Line, ...]
    columns: tuple[SignatureColumn, ...]
    stamp_index: int

    @property
    def stamp_box(self) -> Box:
        return self.columns[self.stamp_index].stamp_box


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered (unsigned) document and what the signer and the printer need to know about it."""

    pdf: bytes
    doc_type: str
    form: str
    page_count: int
    page_size: tuple[float, float]
    signature_page: int
    signature_box: Box
    qr_payload: str | None


class _DeskInfo(PDFInfo):
    """The document information dictionary, plus the QR payload so that a PDF can be verified
    without rasterising its QR symbol (officer_desk.receipts.verify_receipt)."""

    def __init__(self, extra: Mapping[str, str]) -> None:
        super().__init__()
        self.extra = dict(extra)

    def format(self, document: Any) -> bytes:
        base = super().format(document)
        if not self.extra:
            return base
        # Re-emit with the additional keys (PDFInfo.format builds its dictionary internally).
        d = PDFDictionary({k: PDFString(v) for k, v in self.extra.items()})
        extra = d.format(document)
        return base[: base.rindex(b">>")] + extra[2: extra.rindex(b">>")] + b">>"


# --------------------------------------------------------------------------------------------
# Geometry


def _centered(canvas: Canvas, text: str, font: str, size: float, x: float, width: float, baseline: float) -> None:
    draw_text(canvas, text, font, size, x, width, baseline, "center")


def zone_geometry(template: DocumentTemplate, form: FormSpec) -> ZoneGeometry:
    """The bottom zone of ``template`` on ``form``; independent of the document's data."""
    zone, sig = form.zone, form.zone.signature
    left, right = form.margin.left, form.width - form.margin.right
    width = right - left
    box = zone.qr_box_mm * MM
    caption_lines = tuple(wrap(plain(template.qr_caption, italic=True), box, zone.qr_caption_size))
    qr_block = box + (len(caption_lines) * zone.qr_caption_size * 1.15 if template.qr_caption else 0.0)

    n = len(template.signatures)
    if zone.arrangement == "side":
        area_x1, area_x2 = left + box + zone.gap, right
    else:
        area_x1, area_x2 = left, right
    area_w = area_x2 - area_x1
    if n > 1 or zone.arrangement == "stacked":
        col_w, first_x = area_w / n, area_x1
    else:
        # A single signature sits at the right, as on the official forms.
        col_w = min(area_w, width * 0.55)
        first_x = area_x2 - col_w

    title_step, caption_step = sig.title_size * 1.18, sig.caption_size * 1.18
    specs: list[tuple[SignatureSpec, float, tuple[Line, ...], float, tuple[Line, ...]]] = []
    col_height = 0.0
    for i, spec in enumerate(template.signatures):
        x1 = first_x + i * col_w
        inner = col_w - 2 * sig.padding
        t_lines = tuple(wrap_balanced(plain(spec.title, bold=True), inner, sig.title_size)[0])
        title_size = sig.title_size
        if len(t_lines) > 1:
            # A title a little too wide for its column is set slightly smaller rather than broken.
            fitted, title_size = fit_or_wrap(plain(spec.title, bold=True), inner, sig.title_size)
            if len(fitted) == 1:
                t_lines = tuple(fitted)
            else:
                title_size = sig.title_size
        c_lines = tuple(wrap(plain(spec.caption, italic=True), inner, sig.caption_size)) if spec.caption else ()
        specs.append((spec, x1, t_lines, title_size, c_lines))
        h = len(t_lines) * title_step + len(c_lines) * caption_step
        col_height = max(col_height, h)
    col_height += sig.padding * 2 + sig.stamp_height + sig.name_size * 1.25

    if zone.arrangement == "side":
        height = max(qr_block, col_height)
        top = form.margin.bottom + height
        qr_box: Box = (left, top - box, left + box, top)
        cols_top = top
    else:
        height = qr_block + zone.gap + col_height
        top = form.margin.bottom + height
        qx = left + (width - box) / 2
        qr_box = (qx, top - box, qx + box, top)
        cols_top = top - qr_block - zone.gap

    columns: list[SignatureColumn] = []
    for spec, x1, t_lines, title_size, c_lines in specs:
        # The stamp starts below the tallest title+caption so all stamp boxes line up.
        stamp_top = cols_top - (col_height - sig.padding * 2 - sig.stamp_height - sig.name_size * 1.25) - sig.padding
        stamp_box: Box = (x1 + sig.padding, stamp_top - sig.stamp_height, x1 + col_w - sig.padding, stamp_top)
        name_baseline = stamp_top - sig.stamp_height - sig.padding - sig.name_size * 0.95
        columns.append(SignatureColumn(spec, x1, x1 + col_w, cols_top, t_lines, title_size, c_lines, stamp_box,
                                       name_baseline))
    return ZoneGeometry(height, qr_box, caption_lines, tuple(columns), template.stamp_index)


# --------------------------------------------------------------------------------------------
# Flow


class _Flow:
    """Builds the flow items of one document on one form."""

    def __init__(self, template: DocumentTemplate, form: FormSpec, values: dict[str, Any],
                 rows: Mapping[str, list[dict[str, str]]]) -> None:
        self.t, self.f, self.values, self.rows = template, form, values, rows
        self.width = form.content_width
        self.size = float(form.text["size"])
        self.leading = float(form.text.get("leading", 1.2))
        self.align = str(form.text.get("align", "left"))

    def items(self) -> list[Item]:
        items: list[Item] = []
        for block in self.t.blocks:
            if not block.on(self.f.name):
                continue
            if block.when and not self._has(block.when):
                continue
            items.extend(getattr(self, f"_block_{block.type}")(block))
        return items

    def _has(self, name: str) -> bool:
        if name in self.rows:
            return bool(self.rows[name])
        value = self.values.get(name)
        return value is not None and str(value).strip() != ""

    def _num(self, block: Block, key: str, default: float) -> float:
        value = block.get(key, self.f.name, default)
        return float(default if value is None else value)

    # -- blocks ------------------------------------------------------------------------------

    def _block_header(self, block: Block) -> list[Item]:
        h = self.f.header
        agency: list[str] = list(self.values["agency_header"])
        date_line = str(self.values["date_line"]) if block.get("date_line", self.f.name, False) else ""
        agency_size, motto_size, date_size = (float(h[k]) for k in ("agency_size", "motto_size", "date_size"))
        rule_w, share = float(h.get("rule_width", 0.6)), float(h.get("rule_share", 0.4))
        stacked = h["arrangement"] == "stacked"
        gap = float(h.get("gap", 6))
        if stacked:
            left_w = right_w = self.width
        else:
            left_w = self.width * float(h["left_width"])
            right_w = self.width - left_w - gap

        agency_lines: list[tuple[Line, float]] = []
        for i, text in enumerate(agency):
            lines, line_size = fit_or_wrap(plain(text, bold=i == len(agency) - 1), left_w, agency_size)
            agency_lines += [(line, line_size) for line in lines]
        a_step = agency_size * 1.18
        left_h = len(agency_lines) * a_step + 3 + rule_w
        motto_sizes = [fit_size(MOTTO[0], BOLD, motto_size, right_w), fit_size(MOTTO[1], BOLD, motto_size, right_w)]
        m_step = max(motto_sizes) * 1.2
        right_h = 2 * m_step + 3 + rule_w
        date_lines = wrap(plain(date_line, italic=True), right_w, date_size) if date_line else []
        d_step = date_size * 1.2
        if date_lines:
            right_h += 5 + len(date_lines) * d_step
        height = left_h + gap + right_h if stacked else max(left_h, right_h)

        def draw(canvas: Canvas, x: float, top: float) -> None:
            baseline = top - agency_size * 0.93
            for line, line_size in agency_lines:
                draw_line(canvas, line, x, baseline, left_w, line_size, "center")
                baseline -= a_step
            rule_y = baseline + a_step - agency_size * 0.93 - 3
            canvas.setLineWidth(rule_w)
            rule_len = left_w * share
            canvas.line(x + (left_w - rule_len) / 2, rule_y, x + (left_w + rule_len) / 2, rule_y)
            if stacked:
                rx, rtop = x, rule_y - gap
            else:
                rx, rtop = x + left_w + gap, top
            baseline = rtop - motto_sizes[0] * 0.93
            _centered(canvas, MOTTO[0], BOLD, motto_sizes[0], rx, right_w, baseline)
            baseline -= m_step
            _centered(canvas, MOTTO[1], BOLD, motto_sizes[1], rx, right_w, baseline)
            motto_w = text_width(MOTTO[1], BOLD, motto_sizes[1])
            rule_y = baseline - 3
            canvas.line(rx + (right_w - motto_w) / 2, rule_y, rx + (right_w + motto_w) / 2, rule_y)
            baseline = rule_y - 5 - date_size * 0.93
            for line in date_lines:
                draw_line(canvas, line, rx, baseline, right_w, date_size, "center")
                baseline -= d_step

        return [Item(height=height, draw=draw)]

    def _block_title(self, block: Block) -> list[Item]:
        spec = self.f.title
        size = self._num(block, "size", float(spec["size"]))
        text = str(block.options.get("text") or self.t.title)
        runs = [Run(r.text, True, r.italic) for r in expand(text, self.values, block.where)]
        lines, _width = wrap_balanced(runs, self.width, size)
        item = text_lines_item(lines, self.width, size, float(spec.get("leading", 1.2)), "center",
                               float(spec.get("space_before", 6)))
        item.height += float(spec.get("space_after", 0))
        item.keep_with_next = True
        return [item]

    def _block_text(self, block: Block) -> list[Item]:
        size = self._num(block, "size", self.size)
        runs = expand(str(block.options["text"]), self.values, block.where)
        space = self._num(block, "space_before", float(self.f.text.get("paragraph_space", 0)))
        items = paragraph_items(runs, self.width, size, self.leading, str(block.options.get("align", self.align)),
                                space, self._num(block, "indent", 0.0))
        items[-1].height += self._num(block, "space_after", 0.0)
        return items

    def _block_spacer(self, block: Block) -> list[Item]:
        return [Item(height=self._num(block, "height", 6.0), draw=lambda c, x, y: None)]

    def _block_list(self, block: Block) -> list[Item]:
        spec = self.f.list
        indent = self._num(block, "indent", float(spec.get("indent", 10)))
        number_w = self._num(block, "number_width", float(spec.get("number_width", 16)))
        space = self._num(block, "space", float(spec.get("space", 1)))
        size, step, align = self.size, self.size * self.leading, self.align
        body_w = self.width - indent - number_w
        items: list[Item] = []
        for row in self.rows.get(str(block.options["rows"]), []):
            merged = {**self.values, **row}
            number = expand(str(block.options.get("number", "{n}.")), merged, block.where)
            lines = wrap(expand(str(block.options["text"]), merged, block.where), body_w, size)
            number_lines = wrap(number, number_w + indent, size)

            def draw(canvas: Canvas, x: float, top: float, lines: list[Line] = lines,
                     number_lines: list[Line] = number_lines) -> None:
                baseline = top - size * 0.93
                draw_line(canvas, number_lines[0], x + indent, baseline, number_w, size, "left")
                for line in lines:
                    draw_line(canvas, line, x + indent + number_w, baseline, body_w, size, align)
                    baseline -= step

            items.append(Item(height=step * len(lines), draw=draw, space_before=space))
        return items

    def _block_table(self, block: Block) -> list[Item]:
        spec = self.f.table
        size = self._num(block, "size", float(spec["size"]))
        step = size * float(spec.get("leading", 1.15))
        pad, line_w = float(spec.get("padding", 2.5)), float(spec.get("line_width", 0.5))
        min_h = self._num(block, "min_row_height", 0.0)
        columns = list(block.options["columns"])
        widths = [self.width * float(c["width"]) for c in columns]
        widths[-1] = self.width - sum(widths[:-1])

        def row_item(cells: list[list[Line]], aligns: list[str], minimum: float, header: bool) -> Item:
            height = max(max(len(c) for c in cells) * step + 2 * pad, minimum)

            def draw(canvas: Canvas, x: float, top: float) -> None:
                canvas.setLineWidth(line_w)
                cx = x
                for lines, w, align in zip(cells, widths, aligns, strict=True):
                    canvas.rect(cx, top - height, w, height, stroke=1, fill=0)
                    text_h = len(lines) * step
                    start = top - (height - text_h) / 2 if header else top - pad
                    baseline = start - size * 0.93
                    for line in lines:
                        draw_line(canvas, line, cx + pad, baseline, w - 2 * pad, size, align)
                        baseline -= step
                    cx += w

            return Item(height=height, draw=draw)

        header_cells = [wrap(plain(str(c["header"]), bold=True), w - 2 * pad, size) for c, w in zip(columns, widths,
                                                                                                   strict=True)]
        header = row_item(header_cells, ["center"] * len(columns), 0.0, header=True)
        header.space_before = float(spec.get("space_before", 2))
        header.keep_with_next = True
        items = [header]
        for row in self.rows.get(str(block.options["rows"]), []):
            merged = {**self.values, **row}
            cells = [wrap(expand(str(c["text"]), merged, block.where), w - 2 * pad, size)
                     for c, w in zip(columns, widths, strict=True)]
            item = row_item(cells, [str(c.get("align", "left")) for c in columns], min_h, header=False)
            item.repeat = header
            items.append(item)
        items[-1].height += float(spec.get("space_after", 2))
        return items


def _paginate(items: list[Item], top: float, bottom: float) -> tuple[list[list[tuple[Item, float]]], float]:
    """Place items top-down; returns the pages (item, top y) and the y where the last page's flow ends."""
    pages: list[list[tuple[Item, float]]] = [[]]
    y = top
    available = top - bottom
    for i, item in enumerate(items):
        space = item.space_before if pages[-1] else 0.0
        need = space + item.height
        j, extra = i, 0.0
        while items[j].keep_with_next and j + 1 < len(items):
            extra += items[j + 1].space_before + items[j + 1].height
            j += 1
        if need + extra > available:
            extra = 0.0
        if pages[-1] and y - need - extra < bottom:
            pages.append([])
            y, space = top, 0.0
            if item.repeat is not None:
                pages[-1].append((item.repeat, y))
                y -= item.repeat.height
        y -= space
        pages[-1].append((item, y))
        y -= item.height
    return pages, y


# --------------------------------------------------------------------------------------------
# Renderer


class ReceiptRenderer:
    """Renders documents from a template set (the shipped one by default)."""

    def __init__(self, templates: TemplateSet | None = None) -> None:
        self.templates = templates or default_templates()
        register_fonts(self.templates.fonts)
        self._zones: dict[tuple[str, str], ZoneGeometry] = {}

    def zone(self, doc_type: str, form: str) -> ZoneGeometry:
        key = (doc_type, form)
        if key not in self._zones:
            self._zones[key] = zone_geometry(self.templates.document(doc_type), self.templates.form(form))
        return self._zones[key]

    def signature_box(self, doc_type: str, form: str = "a5") -> tuple[int, Box]:
        """(page, box) of the signature stamp: page -1 = the last page (as pyHanko's ``on_page``)."""
        return -1, self.zone(doc_type, form).stamp_box

    def render(self, doc_type: str, data: object, form: str = "a5", *, qr_payload: str | None = None
               ) -> RenderedDocument:
        document = data_for(doc_type, data)
        template = self.templates.document(doc_type)
        spec = self.templates.form(form)
        values, rows = build_context(doc_type, document)
        zone = self.zone(doc_type, form)
        items = _Flow(template, spec, values, rows).items()

        if spec.height is None:
            # A roll: one page exactly as long as the content.
            pages, end = _paginate(items, 0.0, -math.inf)
            height = spec.margin.top - end + spec.zone.gap + zone.height + spec.margin.bottom
            shift = height - spec.margin.top
            pages = [[(item, y + shift) for item, y in page] for page in pages]
        else:
            height = spec.height
            top = height - spec.margin.top
            pages, end = _paginate(items, top, spec.margin.bottom)
            if end - spec.zone.gap - zone.height < spec.margin.bottom:
                pages.append([])

        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(spec.width, height), pageCompression=1, initialFontName=REGULAR)
        extra = {DOCTYPE_INFO_KEY: doc_type}
        if qr_payload:
            extra[PAYLOAD_INFO_KEY] = qr_payload
        canvas._doc.info = _DeskInfo(extra)  # reportlab keeps the Info dictionary on its document
        canvas.setTitle(f"{template.title} - {values['dossier_code']}")
        canvas.setAuthor(str(values["agency_name"]))
        canvas.setSubject(template.title)
        canvas.setKeywords(str(values["dossier_code"]))
        canvas.setCreator("Officer Desk")
        x = spec.margin.left
        for number, page in enumerate(pages, start=1):
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setStrokeColorRGB(0, 0, 0)
            for item, y in page:
                item.draw(canvas, x, y)
            if number == len(pages):
                self._draw_zone(canvas, zone, spec, values, qr_payload)
            if len(pages) > 1:
                _centered(canvas, f"Trang {number}/{len(pages)}", REGULAR, spec.page_number_size, 0, spec.width,
                          spec.margin.bottom * 0.4)
            canvas.showPage()
        canvas.save()
        return RenderedDocument(
            pdf=buffer.getvalue(),
            doc_type=doc_type,
            form=form,
            page_count=len(pages),
            page_size=(spec.width, height),
            signature_page=len(pages) - 1,
            signature_box=zone.stamp_box,
            qr_payload=qr_payload,
        )

    def _draw_zone(self, canvas: Canvas, zone: ZoneGeometry, spec: FormSpec, values: Mapping[str, Any],
                   payload: str | None) -> None:
        sig = spec.zone.signature
        x1, y1, x2, y2 = zone.qr_box
        if payload:
            _draw_qr(canvas, payload, zone.qr_box, spec)
        else:
            # Not issuable without its QR code: the box says so instead of staying blank.
            canvas.setDash(2, 2)
            canvas.setLineWidth(0.5)
            canvas.rect(x1, y1, x2 - x1, y2 - y1, stroke=1, fill=0)
            canvas.setDash()
            _centered(canvas, "(chưa có mã QR)", ITALIC, spec.zone.qr_caption_size, x1, x2 - x1, (y1 + y2) / 2)
        baseline = y1 - spec.zone.qr_caption_size * 1.05
        for line in zone.qr_caption_lines:
            draw_line(canvas, line, x1, baseline, x2 - x1, spec.zone.qr_caption_size, "center")
            baseline -= spec.zone.qr_caption_size * 1.15
        for col in zone.columns:
            inner_x, inner_w = col.x1 + sig.padding, col.x2 - col.x1 - 2 * sig.padding
            baseline = col.top - sig.title_size * 0.93
            for line in col.title_lines:
                draw_line(canvas, line, inner_x, baseline, inner_w, col.title_size, "center")
                baseline -= sig.title_size * 1.18
            baseline = col.top - len(col.title_lines) * sig.title_size * 1.18 - sig.caption_size * 0.93
            for line in col.caption_lines:
                draw_line(canvas, line, inner_x, baseline, inner_w, sig.caption_size, "center")
                baseline -= sig.caption_size * 1.18
            name = "".join(r.text for r in expand(col.spec.name, values, "signatures"))
            if name:
                size = fit_size(name, BOLD, sig.name_size, inner_w)
                _centered(canvas, name, BOLD, size, inner_x, inner_w, col.name_baseline)


@dataclass(frozen=True)
class QrPlacement:
    """Where the QR symbol's modules go inside its box."""

    modules: int
    version: int
    module_mm: float
    left: float
    top: float
    """Top-left corner of the first module (quiet zone excluded), in points."""

    @property
    def module_pt(self) -> float:
        return self.module_mm * MM


def qr_placement(payload: str, box: Box, spec: FormSpec) -> tuple[QrPlacement, Any]:
    """The module size (as large as the box allows, snapped to the print head's dot grid) and position."""
    zone = spec.zone
    symbol = qr_symbol(payload, zone.qr_error)
    modules = int(symbol.symbol_size(border=0)[0])
    total = modules + 2 * zone.qr_quiet_modules
    x1, y1, x2, y2 = box
    module_mm = (x2 - x1) / MM / total
    if zone.qr_snap_mm:
        module_mm = math.floor(module_mm / zone.qr_snap_mm + 1e-9) * zone.qr_snap_mm
    if module_mm + 1e-9 < zone.qr_min_module_mm:
        raise ReceiptError(
            _("Mã QR quá lớn cho khung {box} mm (phiên bản {version}); hãy rút ngắn mã hồ sơ hoặc mã quầy",
              box=f"{zone.qr_box_mm:g}", version=symbol.version)
        )
    size = total * module_mm * MM
    left = x1 + ((x2 - x1) - size) / 2 + zone.qr_quiet_modules * module_mm * MM
    top = y2 - ((y2 - y1) - size) / 2 - zone.qr_quiet_modules * module_mm * MM
    return QrPlacement(modules, int(symbol.version), module_mm, left, top), symbol


def _draw_qr(canvas: Canvas, payload: str, box: Box, spec: FormSpec) -> None:
    """The QR symbol as filled rectangles (one per horizontal run of dark modules), centred in ``box``."""
    place, symbol = qr_placement(payload, box, spec)
    m, quiet = place.module_pt, spec.zone.qr_quiet_modules
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(place.left - quiet * m, place.top - (place.modules + quiet) * m, (place.modules + 2 * quiet) * m,
                (place.modules + 2 * quiet) * m, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # In module units (y downwards from the symbol's top-left): small integers keep the output short.
    canvas.saveState()
    canvas.transform(m, 0, 0, -m, place.left, place.top)
    # One path of integer rectangles written straight into the page (reportlab's path object formats
    # every number of ~600 rectangles per receipt); the same operators it would write.
    canvas.addLiteral("n " + " ".join([f"{col} {row} {length} 1 re" for row, col, length in dark_runs(symbol)]))
    canvas.addLiteral("f*")
    canvas.restoreState()


@lru_cache(maxsize=1)
def default_renderer() -> ReceiptRenderer:
    return ReceiptRenderer()


def render_document(doc_type: str, data: object, form: str = "a5", *, qr_payload: str | None = None) -> bytes:
    """The PDF of one document (unsigned). ``form``: a5 (default), a4 or thermal80."""
    return default_renderer().render(doc_type, data, form, qr_payload=qr_payload).pdf


def signature_box(doc_type: str, form: str = "a5") -> tuple[int, Box]:
    """(page, (x1, y1, x2, y2)) of the signature stamp; page -1 is the last page."""
    return default_renderer().signature_box(doc_type, form)
