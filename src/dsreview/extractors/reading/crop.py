"""Re-read one word of an OCR'd page from a crop of its image (e.g. a credit grade with
`-l eng --psm 7` and a whitelist of grade letters).

The page image may be a vendor's JPEG byte for byte, so cropping it (decoding) happens in a
limited child like any other parsing; the parent only pipes the crop's PNG bytes to Tesseract.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
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

Box = tuple[float, float, float, float]
_MARGIN_PX = 12  # white border around the crop: Tesseract reads a line better with some space


def crop_box(page: Page, bbox: Box, pad: float) -> tuple[int, int, int, int]:
    """The pixel box of the image under a page box (points), grown by `pad` points."""
    scale = page.image_scale
    ox, oy = page.image_origin
    x0, top, x1, bottom = bbox
    return (
        math.floor((x0 - pad - ox) * scale),
        math.floor((top - pad - oy) * scale),
        math.ceil((x1 + pad - ox) * scale),
        math.ceil((bottom + pad - oy) * scale),
    )


def _crop_png(image_path: Path, box: tuple[int, int, int, int], max_pixels: int) -> bytes:
    """Runs in the child: decode the page image, cut the box out, return it as PNG."""
    from PIL import Image, ImageOps  # in the child: see api.preload

    Image.MAX_IMAGE_PIXELS = max_pixels
    with Image.open(image_path) as im:
        width, height = im.size
        if width * height > max_pixels:
            raise ValueError("page image over the pixel limit")
        left, top, right, bottom = box
        left, top = max(0, left), max(0, top)
        right, bottom = min(width, right), min(height, bottom)
        if right <= left or bottom <= top:
            return b""
        region = im.crop((left, top, right, bottom)).convert("L")
    region = ImageOps.expand(region, border=_MARGIN_PX, fill=255)
    buf = io.BytesIO()
    region.save(buf, "PNG")
    return buf.getvalue()


def ocr_crop(
    page: Page,
    bbox: Box,
    *,
    settings: Settings,
    lang: str = "eng",
    psm: int = 7,
    whitelist: str | None = None,
) -> tuple[str, float]:
    """(text, confidence 0..1) of the page image under `bbox` (points, top-left origin).

    The box is padded by a fifth of its height. Returns ("", 0.0) when nothing could be read.
    Raises `ReadError` if the page was not OCR'd (it has no image).
    """
    if not page.image_path:
        raise ReadError(
            f"{page.source} {page.number}쪽은 OCR 이미지가 없어 다시 읽을 수 없습니다.", reason="no_image"
        )
    pad = 0.2 * max(bbox[3] - bbox[1], 1.0)
    box = crop_box(page, bbox, pad)
    path, limit = Path(page.image_path), settings.limits.max_image_pixels
    preload_if_threaded()
    (result,) = run_isolated([lambda: _crop_png(path, box, limit)], limits=settings.limits, workers=1)
    if not result.ok or not result.output.startswith(b"\x89PNG"):
        log.warning("cropping %s page %d failed (exit %s)", page.source, page.number, result.exit_code)
        return "", 0.0
    png = result.output
    config = (("tessedit_char_whitelist", whitelist),) if whitelist else ()
    req = OcrRequest(lang, psm, max(1, round(page.image_scale * 72)), config)
    cache = OcrCache(settings)
    key = req.key(hashlib.sha256(png).hexdigest(), tesseract_version(settings.tesseract_cmd))
    words = cache.get(key)
    if words is None:
        try:
            words = run_tesseract(req, settings, None, stdin=png)
        except TesseractError as exc:
            log.warning("re-reading a crop of %s page %d failed: %s", page.source, page.number, exc)
            return "", 0.0
        cache.put(key, words)
    if not words:
        return "", 0.0
    text = " ".join(w[0] for w in words)
    return text, round(sum(w[5] for w in words) / len(words), 4)
