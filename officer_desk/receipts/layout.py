"""A small layout engine over the reportlab canvas: template markup, line wrapping, flowing items.

Markup in template texts: ``**bold**``, ``*italic*``, ``\\*`` for a literal asterisk, ``{name}``
placeholders, ``[[ … ]]`` for a part printed only when every placeholder inside has a value, and
``\\n`` line breaks. Placeholders are filled after the markup is parsed, so data containing ``*`` or
``[[`` is printed as it is.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from officer_desk.i18n import _
from officer_desk.receipts.fonts import DocumentFont
from officer_desk.receipts.templates import TemplateError

FONT_FAMILY = "DeskSerif"
FONT_NAMES: dict[tuple[bool, bool], str] = {
    (False, False): FONT_FAMILY,
    (True, False): f"{FONT_FAMILY}-Bold",
    (False, True): f"{FONT_FAMILY}-Italic",
    (True, True): f"{FONT_FAMILY}-BoldItalic",
}
_STYLE_FILES = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold_italic"}
NBSP = "\u00a0"
MAX_JUSTIFY_STRETCH = 0.3
"""Most extra space per gap, in ems, that justification may add."""
_OPTIONAL_RE = re.compile(r"\[\[(.*?)\]\]", re.S)
_SPACES_RE = re.compile(r"( +)")
_FORMATTER = string.Formatter()


def register_fonts(fonts: Mapping[str, Path]) -> None:
    """Register the four faces of the document font with reportlab (once per set of files)."""
    _register(tuple(sorted((k, str(v)) for k, v in fonts.items())))


_registrations = 0
"""Bumped whenever the faces behind FONT_NAMES change: pre-encoded lines hold codes of particular files."""


@lru_cache(maxsize=4)
def _register(fonts: tuple[tuple[str, str], ...]) -> None:
    global _registrations
    _registrations += 1
    paths = dict(fonts)
    for (bold, italic), name in FONT_NAMES.items():
        pdfmetrics.registerFont(DocumentFont(name, paths[_STYLE_FILES[(bold, italic)]]))
        addMapping(FONT_FAMILY, int(bold), int(italic), name)


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


# --------------------------------------------------------------------------------------------
# Markup


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face."""

    text: str
    bold: bool = False
    italic: bool = False

    @property
    def font(self) -> str:
        return FONT_NAMES[(self.bold, self.italic)]


class _Values:
    """The document's values for ``str.format_map`` (a view, not a copy); a missing name is a template error."""

    __slots__ = ("values", "where")

    def __init__(self, values: Mapping[str, Any], where: str) -> None:
        self.values, self.where = values, where

    def __getitem__(self, key: str) -> Any:
        try:
            return self.values[key]
        except KeyError:
            raise TemplateError(_("{where}: không có dữ liệu tên {name}", where=self.where, name=key)) from None


def _placeholders(text: str) -> list[str]:
    return [name for _lit, name, _spec, _conv in _FORMATTER.parse(text) if name]


def _has_value(values: Mapping[str, Any], name: str) -> bool:
    value = values.get(name)
    return value is not None and str(value).strip() != ""


def expand(template: str, values: Mapping[str, Any], where: str = "") -> list[Run]:
    """The runs of ``template`` with its placeholders filled from ``values``."""
    if "[[" in template:
        template = _OPTIONAL_RE.sub(
            lambda m: m.group(1) if all(_has_value(values, n) for n in _placeholders(m.group(1))) else "", template
        )
    mapping = _Values(values, where)
    try:
        return [Run(r.text.format_map(mapping), r.bold, r.italic) if "{" in r.text or "}" in r.text else r
                for r in _markup(template)]
    except (ValueError, IndexError) as exc:
        raise TemplateError(_("{where}: văn bản mẫu sai cú pháp: {detail}", where=where, detail=str(exc))) from exc


@lru_cache(maxsize=1024)
def _markup(template: str) -> tuple[Run, ...]:
    """The runs of a template's markup, placeholders still unfilled (parsed once per template text)."""
    runs: list[Run] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(Run("".join(buffer), bold, italic))
            buffer.clear()

    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "\\" and template[i + 1:i + 2] == "*":
            buffer.append("*")
            i += 2
            continue
        if template.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        if ch == "*":
            flush()
            italic = not italic
            i += 1
            continue
        buffer.append(ch)
        i += 1
    flush()
    return tuple(runs)


def plain(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    return [Run(text, bold, italic)]


# --------------------------------------------------------------------------------------------
# Wrapping


@dataclass(frozen=True)
class Piece:
    text: str
    font: str
    width: float
    space: bool = False


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)
    width: float = 0.0
    last: bool = True
    """Last line of its paragraph (never justified)."""


def _tokens(runs: list[Run], size: float) -> list[list[Piece] | str]:
    """Words (lists of glued pieces), one-piece space lists, ``"\\n"`` for a hard break."""
    tokens: list[list[Piece] | str] = []
    word: list[Piece] = []

    def end_word() -> None:
        nonlocal word
        if word:
            tokens.append(word)
            word = []

    for run in runs:
        font = run.font
        for n, segment in enumerate(run.text.split("\n")):
            if n:
                end_word()
                tokens.append("\n")
            for part in _SPACES_RE.split(segment):
                if not part:
                    continue
                if part[0] == " ":
                    end_word()
                    tokens.append([Piece(part, font, text_width(part, font, size), space=True)])
                else:
                    # A no-break space glues words (a time, a name) and prints as a plain space.
                    part = part.replace(NBSP, " ")
                    word.append(Piece(part, font, text_width(part, font, size)))
    end_word()
    return tokens


def _split_long(word: list[Piece], width: float, size: float) -> list[list[Piece]]:
    """A word wider than the line (a long e-mail address or code), cut between characters."""
    chunks: list[list[Piece]] = []
    current: list[Piece] = []
    used = 0.0
    for piece in word:
        text = piece.text
        while text:
            room = width - used
            cut = len(text)
            while cut > 1 and text_width(text[:cut], piece.font, size) > room:
                cut -= 1
            if text_width(text[:cut], piece.font, size) > room and current:
                chunks.append(current)
                current, used = [], 0.0
                continue
            part = text[:cut]
            w = text_width(part, piece.font, size)
            current.append(Piece(part, piece.font, w))
            used += w
            text = text[cut:]
            if text:
                chunks.append(current)
                current, used = [], 0.0
    if current:
        chunks.append(current)
    return chunks


def wrap(runs: list[Run], width: float, size: float) -> list[Line]:
    """Greedy line breaking at spaces; hard breaks end a paragraph.

    Memoised per process: a template's fixed text (agency, titles, notes, captions) is wrapped to the
    same widths on every document, so each receipt after the first only wraps its own data. The
    caller gets fresh Line objects (pieces are shared, never changed in place)."""
    return [Line(list(line.pieces), line.width, line.last) for line in _wrap_memo(tuple(runs), width, size)]


@lru_cache(maxsize=2048)
def _wrap_memo(runs: tuple[Run, ...], width: float, size: float) -> tuple[Line, ...]:
    return tuple(_wrap(list(runs), width, size))


def _wrap(runs: list[Run], width: float, size: float) -> list[Line]:
    lines: list[Line] = []
    line = Line()
    pending: list[Piece] = []
    for token in _tokens(runs, size):
        if isinstance(token, str):  # hard break
            line.last = True
            lines.append(line)
            line, pending = Line(), []
            continue
        if token[0].space:
            pending = token if line.pieces else []
            continue
        word_width = sum(p.width for p in token)
        space_width = sum(p.width for p in pending)
        if line.pieces and line.width + space_width + word_width > width:
            line.last = False
            lines.append(line)
            line, pending, space_width = Line(), [], 0.0
        chunks = [token] if word_width <= width or line.pieces else _split_long(token, width, size)
        for i, chunk in enumerate(chunks):
            if i:
                line.last = False
                lines.append(line)
                line = Line()
            if pending and line.pieces:
                line.pieces.extend(pending)
                line.width += space_width
            line.pieces.extend(chunk)
            line.width += sum(p.width for p in chunk)
            pending = []
    line.last = True
    lines.append(line)
    return lines


def wrap_balanced(runs: list[Run], width: float, size: float) -> tuple[list[Line], float]:
    """Wrapped into as few lines as ``wrap`` needs, but as evenly long as possible (for centred titles).

    Returns the lines and the width they were wrapped to.
    """
    lines = wrap(runs, width, size)
    if len(lines) < 2:
        return lines, width
    lo, hi = width / len(lines), width
    for _step in range(12):
        mid = (lo + hi) / 2
        if len(wrap(runs, mid, size)) > len(lines):
            lo = mid
        else:
            hi = mid
    return wrap(runs, hi, size), hi


def fit_or_wrap(runs: list[Run], width: float, size: float, shrink: float = 0.88) -> tuple[list[Line], float]:
    """One line, in a slightly smaller size if that is enough, else balanced lines: (lines, size)."""
    total = sum(text_width(r.text.replace(NBSP, " "), r.font, size) for r in runs)
    if width < total <= width / shrink:
        size = size * width / total * 0.995
    return wrap_balanced(runs, width, size)[0], size


@dataclass(frozen=True)
class _Show:
    """One string of a drawn line: its face and its offset from the line's start."""

    text: str
    font: str
    dx: float


@lru_cache(maxsize=4096)
def _line_shows(pieces: tuple[Piece, ...], last: bool, width: float, size: float, align: str) -> tuple[_Show, ...]:
    """Where the strings of one wrapped line go (alignment and justification), relative to its start."""
    while pieces and pieces[-1].space:
        pieces = pieces[:-1]
    used = sum(p.width for p in pieces)
    x = extra = 0.0
    if align == "center":
        x = (width - used) / 2
    elif align == "right":
        x = width - used
    elif align == "justify" and not last:
        spaces = sum(1 for p in pieces if p.space)
        if spaces and width > used:
            extra = (width - used) / spaces
            if extra > size * MAX_JUSTIFY_STRETCH:
                extra = 0.0  # a line with few spaces looks better ragged than torn apart
    if extra == 0.0:
        # Consecutive pieces in one face become one string: fewer text objects, shorter output.
        merged: list[Piece] = []
        for p in pieces:
            if merged and merged[-1].font == p.font:
                merged[-1] = Piece(merged[-1].text + p.text, p.font, merged[-1].width + p.width)
            else:
                merged.append(p)
        pieces = tuple(merged)
    shows: list[_Show] = []
    for p in pieces:
        if not p.space:
            shows.append(_Show(p.text, p.font, x))
        x += p.width + (extra if p.space else 0.0)
    return tuple(shows)


FontSubset = tuple[str, int]
"""A face and one of its subsets: what a ``Tf`` operator names."""


@lru_cache(maxsize=4096)
def _line_operators(shows: tuple[_Show, ...], size: float, _registration: int
                    ) -> tuple[tuple[FontSubset, str], ...] | None:
    """The text operators of a line as (face and subset, what follows its name), or None when a string has
    characters whose codes differ from one document to the next (they take reportlab's own path).

    The document fonts give the fixed alphabet the same codes in every PDF, so a template's fixed lines
    (agency, headings, labels, notes, captions) are encoded once per process; only the ``Tm`` that
    places the line and the fonts' resource names are filled in per document."""
    parts: list[tuple[FontSubset, str]] = []
    size_op = f" {fp_str(size)} Tf"
    at = 0.0
    for show in shows:
        font = pdfmetrics.getFont(show.font)
        chunks = font.fixed_chunks(show.text) if isinstance(font, DocumentFont) else None
        if chunks is None:
            return None
        move = f" {fp_str(show.dx - at)} 0 Td" if show.dx != at else ""
        at = show.dx
        for subset, codes in chunks:
            parts.append(((show.font, subset), f"{size_op}{move} ({escapePDF(codes)}) Tj"))
            move = ""
    return tuple(parts)


def _subset_name(canvas: Canvas, key: FontSubset) -> str:
    """The resource name (``/F1+0``) of a face's subset in the canvas's document, bound on first use."""
    names: dict[FontSubset, str] | None = canvas.__dict__.get("_desk_subset_names")
    if names is None:
        names = canvas.__dict__["_desk_subset_names"] = {}
    name = names.get(key)
    if name is None:
        font = pdfmetrics.getFont(key[0])
        font.splitString("", canvas._doc)  # the document's subsets start with the fixed alphabet
        name = names[key] = font.getSubsetInternalName(key[1], canvas._doc)
    return name


def draw_line(canvas: Canvas, line: Line, x: float, y: float, width: float, size: float, align: str) -> None:
    """Draw one wrapped line with its baseline at ``y``."""
    shows = _line_shows(tuple(line.pieces), line.last, width, size, align)
    operators = _line_operators(shows, size, _registrations)
    if operators is None:
        for show in shows:
            canvas.setFont(show.font, size)
            canvas.drawString(x + show.dx, y, show.text)
        return
    body = "".join([_subset_name(canvas, key) + ops for key, ops in operators])
    canvas.addLiteral(f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm {body} ET")


def draw_text(canvas: Canvas, text: str, font: str, size: float, x: float, width: float, baseline: float,
              align: str = "center") -> None:
    """One line of ``text`` in one face, aligned in ``width`` (no wrapping)."""
    text = text.replace(NBSP, " ")
    line = Line([Piece(text, font, text_width(text, font, size))])
    draw_line(canvas, line, x, baseline, width, size, align)


def fit_size(text: str, font: str, size: float, width: float, minimum: float = 5.0) -> float:
    """``size``, or smaller so that one line of ``text`` fits ``width``."""
    w = text_width(text, font, size)
    if w <= width:
        return size
    return max(minimum, size * width / w * 0.995)


# --------------------------------------------------------------------------------------------
# Flow items


DrawFn = Callable[[Canvas, float, float], None]
"""Draws an item given its left x and its top y."""


@dataclass
class Item:
    """An unbreakable piece of the flow."""

    height: float
    draw: DrawFn
    space_before: float = 0.0
    keep_with_next: bool = False
    repeat: Item | None = None
    """A table header to draw again when this item starts a new page."""


def text_lines_item(
    lines: list[Line], width: float, size: float, leading: float, align: str, space_before: float = 0.0,
    indent: float = 0.0,
) -> Item:
    step = size * leading

    def draw(canvas: Canvas, x: float, top: float) -> None:
        baseline = top - size * 0.93
        for line in lines:
            draw_line(canvas, line, x + indent, baseline, width - indent, size, align)
            baseline -= step

    return Item(height=step * len(lines), draw=draw, space_before=space_before)


def paragraph_items(
    runs: list[Run], width: float, size: float, leading: float, align: str, space_before: float = 0.0,
    indent: float = 0.0, max_together: int = 4,
) -> list[Item]:
    """A paragraph as one item (short ones stay together) or one item per line."""
    lines = wrap(runs, width - indent, size)
    if len(lines) <= max_together:
        return [text_lines_item(lines, width, size, leading, align, space_before, indent)]
    return [
        text_lines_item([line], width, size, leading, align, space_before if i == 0 else 0.0, indent)
        for i, line in enumerate(lines)
    ]
