"""Many small regions of page images read by one Tesseract run: their crops stacked into one image.

Starting Tesseract and loading its Korean model costs more than reading a line, so second looks
(a line the first pass read with low confidence, a doubtful date, a garbled label) are not read one
process each: the crops of every region asked for with the same settings are stacked top to bottom
with white space between them, read once (`--psm 6`, a block of lines), and each word goes back to
the region whose strip it lies in. Results are cached per crop, so a region read before is not read
again whatever it is stacked with.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from dsreview.config import Settings
from dsreview.domain import Page
from dsreview.extractors.reading.crop import GrayCrop, gray_crops
from dsreview.extractors.reading.ocr import (
    OcrCache,
    OcrRequest,
    PixelWord,
    TesseractError,
    run_tesseract,
    tesseract_version,
)

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]
GAP = 30  # white rows between two strips
MARGIN = 16
_MAX_STACK_PIXELS = 24_000_000  # one stacked image at most (Tesseract's memory grows with it)


@dataclass(frozen=True, slots=True)
class Region:
    """A part of an OCR'd page to read again: its box in points, grown by `pad` points."""

    page: Page
    box: Box
    pad: float = 0.0


@dataclass(frozen=True, slots=True)
class Look:
    """How to read: models, a character whitelist, and the page segmentation of the stack."""

    lang: str
    whitelist: str | None = None
    psm: int = 6


def _stack(crops: Sequence[GrayCrop]) -> tuple[GrayCrop, list[tuple[int, int]]]:
    """One image of the crops, left-aligned under each other; each crop's (top, bottom) rows."""
    width = max(c.width for c in crops) + 2 * MARGIN
    blank = b"\xff" * width
    rows: list[bytes] = [blank * MARGIN]
    spans: list[tuple[int, int]] = []
    y = MARGIN
    for n, c in enumerate(crops):
        right = b"\xff" * (width - MARGIN - c.width)
        side = b"\xff" * MARGIN
        rows.append(
            b"".join(side + c.pixels[r * c.width : (r + 1) * c.width] + right for r in range(c.height))
        )
        spans.append((y, y + c.height))
        y += c.height
        gap = GAP if n + 1 < len(crops) else MARGIN
        rows.append(blank * gap)
        y += gap
    return GrayCrop(width, y, b"".join(rows)), spans


def _unstack(words: Sequence[PixelWord], spans: list[tuple[int, int]]) -> list[list[PixelWord]]:
    """The stack's words per crop, in that crop's pixel coordinates."""
    out: list[list[PixelWord]] = [[] for _ in spans]
    for text, left, top, w, h, conf in words:
        centre = top + h / 2
        for i, (y0, y1) in enumerate(spans):
            if y0 - GAP / 2 <= centre < y1 + GAP / 2:
                out[i].append((text, left - MARGIN, top - y0, w, h, conf))
                break
    return out


def _request(how: Look, dpi: int) -> OcrRequest:
    config = (("tessedit_char_whitelist", how.whitelist),) if how.whitelist else ()
    return OcrRequest(how.lang, how.psm, dpi, config)


def _crop_key(crop: GrayCrop, req: OcrRequest, settings: Settings) -> str:
    return req.key(
        "stitch:" + hashlib.sha256(crop.pgm()).hexdigest(), tesseract_version(settings.tesseract_cmd)
    )


def read_regions(regions: Sequence[Region], how: Look, *, settings: Settings) -> list[list[PixelWord]]:
    """The words Tesseract reads in each region, in pixels of its crop (padded box). Regions whose
    crop could not be made or read get no words."""
    crops: list[GrayCrop] = [GrayCrop(0, 0, b"")] * len(regions)
    by_page: dict[int, list[int]] = {}
    for i, r in enumerate(regions):
        by_page.setdefault(id(r.page), []).append(i)
    for indexes in by_page.values():  # each page image decoded once, in a child
        page = regions[indexes[0]].page
        boxes = [regions[i].box for i in indexes]
        found = gray_crops(page, boxes, settings=settings, pad=[regions[i].pad for i in indexes])
        for i, crop in zip(indexes, found, strict=True):
            crops[i] = crop
    cache = OcrCache(settings)
    out: list[list[PixelWord]] = [[] for _ in regions]
    todo: dict[int, list[int]] = {}  # dpi → regions to read
    for i, (r, crop) in enumerate(zip(regions, crops, strict=True)):
        if not crop.pixels:
            continue
        dpi = max(1, round(r.page.image_scale * 72))
        cached = cache.get(_crop_key(crop, _request(how, dpi), settings))
        if cached is not None:
            out[i] = cached
        else:
            todo.setdefault(dpi, []).append(i)
    for dpi, indexes in todo.items():
        req = _request(how, dpi)
        for chunk in _chunks(indexes, crops):
            stacked, spans = _stack([crops[i] for i in chunk])
            try:
                words = run_tesseract(req, settings, None, stdin=stacked.pgm())
            except TesseractError as exc:
                log.warning("reading %d stacked regions failed: %s", len(chunk), exc)
                continue
            for i, read in zip(chunk, _unstack(words, spans), strict=True):
                out[i] = read
                cache.put(_crop_key(crops[i], req, settings), read)
    return out


def _chunks(indexes: list[int], crops: Sequence[GrayCrop]) -> list[list[int]]:
    chunks: list[list[int]] = [[]]
    pixels = 0
    for i in indexes:
        size = (crops[i].width + 2 * MARGIN) * (crops[i].height + GAP)
        if chunks[-1] and pixels + size > _MAX_STACK_PIXELS:
            chunks.append([])
            pixels = 0
        chunks[-1].append(i)
        pixels += size
    return chunks
