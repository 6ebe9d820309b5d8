"""Pixels of an OCR'd page under word boxes: to re-read a word (`ocr_crop`, e.g. a credit grade
with `-l eng --psm 7` and a whitelist) or to measure ink (`gray_crops`, e.g. a ticked box).

The page image may be a vendor's JPEG byte for byte, so decoding it happens in a limited child
like any other parsing. The child sends raw 8-bit gray pixels back; the parent never decodes an
image format, it only counts pixels or wraps them in a PGM header for Tesseract.
"""

from __future__ import annotations

import hashlib
import logging
import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import Page
from dsreview.errors import ReadError
from dsreview.extractors.reading.ocr import (
    OcrCache,
    OcrRequest,
    TesseractError,
    run_tesseract,
    tesseract_version,
)
from dsreview.extractors.reading.preload import preload_if_threaded
from dsreview.extractors.reading.sandbox import run_isolated

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in page points
PixelBox = tuple[int, int, int, int]
_HEADER = struct.Struct("<II")
_MARGIN_PX = 12  # white border around a crop to OCR: Tesseract reads a line better with space


@dataclass(frozen=True, slots=True)
class GrayCrop:
    """8-bit gray pixels (0 black .. 255 white), row by row, of a part of a page image."""

    width: int
    height: int
    pixels: bytes

    def dark_share(self, threshold: int = 110) -> float:
        """Share of pixels darker than `threshold` (0 for an empty crop)."""
        if not self.pixels:
            return 0.0
        light = self.pixels.translate(None, bytes(range(threshold)))  # drops the dark pixels, in C
        return (len(self.pixels) - len(light)) / len(self.pixels)

    def with_margin(self, margin: int) -> GrayCrop:
        width = self.width + 2 * margin
        side = b"\xff" * margin
        rows = [side + self.pixels[y * self.width : (y + 1) * self.width] + side for y in range(self.height)]
        blank = [b"\xff" * width] * margin
        return GrayCrop(width, self.height + 2 * margin, b"".join(blank + rows + blank))

    def pgm(self) -> bytes:
        return b"P5\n%d %d\n255\n" % (self.width, self.height) + self.pixels


def pixel_box(page: Page, bbox: Box, pad: float = 0.0) -> PixelBox:
    """The pixel box of the page image under a page box (points), grown by `pad` points."""
    scale = page.image_scale
    ox, oy = page.image_origin
    x0, top, x1, bottom = bbox
    return (
        math.floor((x0 - pad - ox) * scale),
        math.floor((top - pad - oy) * scale),
        math.ceil((x1 + pad - ox) * scale),
        math.ceil((bottom + pad - oy) * scale),
    )


def crop_origin(page: Page, bbox: Box, pad: float = 0.0) -> tuple[int, int]:
    """The image pixel of a crop's top-left corner (as `gray_crops` cuts it: inside the image)."""
    left, top, _, _ = pixel_box(page, bbox, pad)
    return max(0, left), max(0, top)


def _crop_in_child(image_path: Path, boxes: Sequence[PixelBox], max_pixels: int) -> bytes:
    """Runs in the child: decode the page image once, return each box as (w, h, gray pixels)."""
    from PIL import Image  # in the child: see preload.py

    Image.MAX_IMAGE_PIXELS = None  # checked just below, before decoding
    out = bytearray()
    with Image.open(image_path) as im:
        width, height = im.size
        if width * height > max_pixels:
            raise ValueError("page image over the pixel limit")
        gray = im.convert("L")
    for left, top, right, bottom in boxes:
        box = (max(0, left), max(0, top), min(width, right), min(height, bottom))
        if box[2] <= box[0] or box[3] <= box[1]:
            out += _HEADER.pack(0, 0)
            continue
        region = gray.crop(box)
        out += _HEADER.pack(*region.size) + region.tobytes()
    return bytes(out)


def _parse(data: bytes, count: int) -> list[GrayCrop] | None:
    crops, pos = [], 0
    for _ in range(count):
        if pos + _HEADER.size > len(data):
            return None
        width, height = _HEADER.unpack_from(data, pos)
        pos += _HEADER.size
        if width * height > len(data) - pos:
            return None
        crops.append(GrayCrop(width, height, data[pos : pos + width * height]))
        pos += width * height
    return crops if pos == len(data) else None


def gray_crops(
    page: Page, boxes: Sequence[Box], *, settings: Settings, pad: float | Sequence[float] = 0.0
) -> list[GrayCrop]:
    """The gray pixels under each box (page points, top-left origin) of an OCR'd page, padded by
    `pad` points (one for all, or one per box); the image is decoded once, in a limited child.
    Empty crops where that fails.

    Raises `ReadError` if the page was not OCR'd (it has no image).
    """
    if not page.image_path:
        raise ReadError(
            f"{page.source} {page.number}쪽은 OCR 이미지가 없어 다시 읽을 수 없습니다.", reason="no_image"
        )
    empty = [GrayCrop(0, 0, b"") for _ in boxes]
    if not boxes:
        return empty
    pads = [pad] * len(boxes) if isinstance(pad, int | float) else list(pad)
    pixel_boxes = [pixel_box(page, box, p) for box, p in zip(boxes, pads, strict=True)]
    path, limit = Path(page.image_path), settings.limits.max_image_pixels
    preload_if_threaded()
    (result,) = run_isolated(
        [lambda: _crop_in_child(path, pixel_boxes, limit)], limits=settings.limits, workers=1
    )
    crops = _parse(result.output, len(boxes)) if result.ok else None
    if crops is None:
        log.warning("cropping %s page %d failed (exit %s)", page.source, page.number, result.exit_code)
        return empty
    return crops


def ocr_crop(
    page: Page,
    bbox: Box,
    *,
    settings: Settings,
    lang: str = "eng",
    psm: int = 7,
    whitelist: str | None = None,
) -> tuple[str, float]:
    """(text, mean word confidence 0..1) of the page image under `bbox` (points, top-left origin).

    The box is padded by a fifth of its height. Returns ("", 0.0) when nothing could be read.
    Raises `ReadError` if the page was not OCR'd (it has no image).
    """
    (crop,) = gray_crops(page, [bbox], settings=settings, pad=0.2 * max(bbox[3] - bbox[1], 1.0))
    if not crop.pixels:
        return "", 0.0
    image = crop.with_margin(_MARGIN_PX).pgm()
    config = (("tessedit_char_whitelist", whitelist),) if whitelist else ()
    req = OcrRequest(lang, psm, max(1, round(page.image_scale * 72)), config)
    cache = OcrCache(settings)
    key = req.key(hashlib.sha256(image).hexdigest(), tesseract_version(settings.tesseract_cmd))
    words = cache.get(key)
    if words is None:
        try:
            words = run_tesseract(req, settings, None, stdin=image)
        except TesseractError as exc:
            log.warning("re-reading a crop of %s page %d failed: %s", page.source, page.number, exc)
            return "", 0.0
        cache.put(key, words)
    if not words:
        return "", 0.0
    return " ".join(w[0] for w in words), round(sum(w[5] for w in words) / len(words), 4)
