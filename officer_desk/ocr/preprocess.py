"""Scans and phone photos made fit for OCR: straightened, cropped to the document, evened out, denoised.

Everything is Pillow + numpy on a downscaled copy for the measurements (skew, document edges, noise), so
a page costs tens of milliseconds. ``Prepared.to_page`` maps a box found on the prepared image back to
the page as loaded, so regions shown to the officer sit on the image they see.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from officer_desk.ocr.model import Box

# Cards are read at about 1,200 px wide (x-height ~20 px); pages keep their 300 dpi.
CARD_WIDTH = 1200
PAGE_WIDTH = 1800
_MEASURE_SIDE = 900


@dataclass(frozen=True)
class Prepared:
    """The image to read and how it relates to the loaded page (rotation, crop, scale)."""

    image: Image.Image
    page_size: tuple[int, int]
    angle: float  # degrees the page was rotated (counter-clockwise) to straighten it
    crop: tuple[int, int, int, int]  # left, top, right, bottom on the straightened page
    scale: float  # prepared pixels per straightened-page pixel
    is_card: bool

    def to_page(self, box: Box) -> Box:
        """A box on the prepared image as a box on the loaded page (the rotated corners' bounding box)."""
        x, y, w, h = box
        cx, cy = self.page_size[0] / 2, self.page_size[1] / 2
        theta = math.radians(self.angle)
        cos, sin = math.cos(theta), math.sin(theta)
        xs: list[float] = []
        ys: list[float] = []
        for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
            sx = px / self.scale + self.crop[0] - cx
            sy = py / self.scale + self.crop[1] - cy
            # Undo PIL's counter-clockwise rotation (y axis points down).
            xs.append(cx + sx * cos - sy * sin)
            ys.append(cy + sx * sin + sy * cos)
        left = max(0, round(min(xs)))
        top = max(0, round(min(ys)))
        right = min(self.page_size[0], round(max(xs)))
        bottom = min(self.page_size[1], round(max(ys)))
        return (left, top, max(0, right - left), max(0, bottom - top))


def prepare(page: Image.Image, card_hint: bool | None = None) -> Prepared:
    """Straighten, crop and even out one grayscale page; ``card_hint`` None = decide from the shape."""
    gray = page if page.mode == "L" else page.convert("L")
    angle = estimate_skew(gray)
    straight = gray
    if abs(angle) >= 0.3:
        straight = gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False,
                               fillcolor=_border_level(gray))
    crop = document_bounds(straight)
    cropped = straight.crop(crop) if crop != (0, 0, straight.width, straight.height) else straight
    aspect = cropped.width / max(1, cropped.height)
    is_card = card_hint if card_hint is not None else (1.35 < aspect < 1.85 and cropped.width < 2600)
    scale = 1.0
    if is_card and abs(cropped.width - CARD_WIDTH) > 150:
        scale = CARD_WIDTH / cropped.width
    elif not is_card and cropped.width < 1500:
        scale = 1500 / cropped.width  # a low-resolution photo of a page
    elif not is_card and cropped.width > PAGE_WIDTH:
        # About 220 dpi for A4: body text keeps a 20-pixel x-height and the engine works half as long.
        scale = PAGE_WIDTH / cropped.width
    if scale != 1.0:
        cropped = cropped.resize((max(1, round(cropped.width * scale)), max(1, round(cropped.height * scale))),
                                 Image.Resampling.LANCZOS)
    return Prepared(clean(cropped), gray.size, angle, crop, scale, is_card)


def _small(gray: Image.Image, side: int = _MEASURE_SIDE) -> tuple[Image.Image, float]:
    factor = min(1.0, side / max(gray.size))
    if factor >= 1.0:
        return gray, 1.0
    return gray.resize((max(1, round(gray.width * factor)), max(1, round(gray.height * factor))),
                       Image.Resampling.BILINEAR), factor


def _border_level(gray: Image.Image) -> int:
    small, _factor = _small(gray, 300)
    pixels = np.asarray(small, dtype=np.uint8)
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return int(np.median(border))


def ink_mask(gray: Image.Image) -> np.ndarray:
    """Pixels darker than their neighbourhood (text strokes), robust to uneven light and dark backgrounds."""
    local = gray.filter(ImageFilter.BoxBlur(max(2, min(gray.size) // 40)))
    a = np.asarray(gray, dtype=np.int16)
    b = np.asarray(local, dtype=np.int16)
    return (b - a) > 25


def estimate_skew(gray: Image.Image, limit: float = 10.0) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines horizontal; 0 when unsure."""
    small, _factor = _small(gray)
    mask = ink_mask(small)
    if mask.mean() < 0.002:
        return 0.0
    mask_image = Image.fromarray((mask * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rotated = np.asarray(mask_image.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32)
        rows = rotated.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-limit, limit + 0.01, 1.0), key=score)
    fine = max(np.arange(best - 1.0, best + 1.01, 0.25), key=score)
    base = score(0.0)
    # Keep the page as is unless straightening clearly sharpens the line profile.
    return float(fine) if score(float(fine)) > base * 1.05 else 0.0


def document_bounds(gray: Image.Image) -> tuple[int, int, int, int]:
    """The document's box on a photo or scan (left, top, right, bottom); the whole image when unclear."""
    small, factor = _small(gray, 400)
    pixels = np.asarray(small, dtype=np.int16)
    height, width = pixels.shape
    border = np.concatenate([pixels[:3].ravel(), pixels[-3:].ravel(), pixels[:, :3].ravel(), pixels[:, -3:].ravel()])
    background = float(np.median(border))
    spread = float(np.percentile(np.abs(border - background), 80))
    differs = np.abs(pixels - background) > max(30.0, 3 * spread)
    rows = np.flatnonzero(differs.mean(axis=1) > 0.25)
    cols = np.flatnonzero(differs.mean(axis=0) > 0.25)
    whole = (0, 0, gray.width, gray.height)
    if rows.size == 0 or cols.size == 0:
        return whole
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    area = (bottom - top) * (right - left) / (width * height)
    if area > 0.92 or area < 0.08:
        return whole
    # A document on a desk differs from the desk almost everywhere inside its box; text on a plain page
    # (whose margins were taken for the "background") does not.
    if differs[top:bottom, left:right].mean() < 0.6:
        return whole
    # A paper's edge is a step; uneven light is a slope. Keep the page whole unless the edges are sharp.
    if not _sharp_edges(pixels, int(top), int(bottom), int(left), int(right)):
        return whole
    margin = 2
    box = (
        max(0, round((left - margin) / factor)),
        max(0, round((top - margin) / factor)),
        min(gray.width, round((right + margin) / factor)),
        min(gray.height, round((bottom + margin) / factor)),
    )
    return box


def _sharp_edges(pixels: np.ndarray, top: int, bottom: int, left: int, right: int, step: int = 3) -> bool:
    height, width = pixels.shape
    rows, cols = slice(left, right), slice(top, bottom)
    jumps: list[float] = []
    if top - step >= 0:
        jumps.append(float(np.mean(np.abs(pixels[top + step, rows] - pixels[top - step, rows]))))
    if bottom + step < height:
        jumps.append(float(np.mean(np.abs(pixels[bottom - 1 - step, rows] - pixels[bottom - 1 + step, rows]))))
    if left - step >= 0:
        jumps.append(float(np.mean(np.abs(pixels[cols, left + step] - pixels[cols, left - step]))))
    if right + step < width:
        jumps.append(float(np.mean(np.abs(pixels[cols, right - 1 - step] - pixels[cols, right - 1 + step]))))
    return bool(jumps) and sum(j > 25 for j in jumps) >= max(1, len(jumps) - 1)


def noise_level(gray: Image.Image) -> float:
    """Median absolute difference between neighbouring pixels (sensor noise, JPEG grain), 0-255."""
    small, _factor = _small(gray, 600)
    pixels = np.asarray(small, dtype=np.int16)
    return float(np.median(np.abs(np.diff(pixels, axis=1))))


def clean(gray: Image.Image) -> Image.Image:
    """Even out the light (divide by the paper's brightness) and smooth noise where there is some."""
    small, _factor = _small(gray, 200)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(6))
    paper = paper.resize(gray.size, Image.Resampling.BILINEAR)
    a = np.asarray(gray, dtype=np.float32)
    b = np.maximum(np.asarray(paper, dtype=np.float32), 1.0)
    evened = np.clip(a / b * 245.0, 0, 255).astype(np.uint8)
    out = Image.fromarray(evened)
    if noise_level(out) >= 6:
        out = out.filter(ImageFilter.MedianFilter(3))
    return out
