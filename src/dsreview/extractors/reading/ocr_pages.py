"""OCR of every page that needs it, across `settings.ocr_workers` threads driving Tesseract.

First pass (`settings.ocr_languages`) over the whole page into `Page.words`, at `--psm
settings.ocr_psm` and the image's true resolution; when `settings.ocr_second_pass`, the lines it
read with doubt are read again by `settings.ocr_alt_languages` into `Page.alt_words`.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import Page, Word
from dsreview.extractors.layout import Line, build_lines
from dsreview.extractors.reading.crop import crop_origin
from dsreview.extractors.reading.ocr import OcrCache, OcrRequest, PixelWord, TesseractError, ocr_image
from dsreview.extractors.reading.stitch import Look, Region, read_regions

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


def to_words(pixel_words: Sequence[PixelWord], page: Page) -> list[Word]:
    """Tesseract's pixel boxes as page points (top-left origin), text NFC."""
    scale = page.image_scale
    ox, oy = page.image_origin
    out = []
    for text, left, top, width, height, conf in pixel_words:
        out.append(
            Word(
                unicodedata.normalize("NFC", text),
                round(ox + left / scale, 2),
                round(oy + top / scale, 2),
                round(ox + (left + width) / scale, 2),
                round(oy + (top + height) / scale, 2),
                conf,
            )
        )
    return out


def requests(page: Page, settings: Settings) -> list[OcrRequest]:
    dpi = max(1, round(page.image_scale * 72))
    out = [OcrRequest(settings.ocr_languages, settings.ocr_psm, dpi)]
    if settings.ocr_second_pass and settings.ocr_second_pass_scope == "page":
        out.append(OcrRequest(settings.ocr_alt_languages, settings.ocr_psm, dpi))
    return out


# A line is read again by the second model when the first read it with doubt.
_DOUBT_MEAN = 0.86
_DOUBT_WORST = 0.65


def _doubtful(line: Line) -> bool:
    confidences = [w.confidence for w in line.words]
    return min(confidences) < _DOUBT_WORST or sum(confidences) / len(confidences) < _DOUBT_MEAN


def second_pass(pages: Sequence[Page], settings: Settings) -> None:
    """`alt_words` of each page: the first pass's words, with every line it read with doubt read
    again by the second model (`settings.ocr_alt_languages`), all such lines of all pages stacked
    into one Tesseract run. A page whose lines were all read with confidence has no second reading."""
    regions: list[Region] = []
    owners: list[tuple[Page, Line]] = []
    for page in pages:
        for line in build_lines(page.words):
            if _doubtful(line):
                box = (min(w.x0 for w in line.words), line.top, max(w.x1 for w in line.words), line.bottom)
                regions.append(Region(page, box, 0.25 * max(line.height, 1.0)))
                owners.append((page, line))
    if not regions:
        return
    found = read_regions(regions, Look(settings.ocr_alt_languages), settings=settings)
    replaced: dict[int, list[Word]] = {}
    dropped: dict[int, set[int]] = {}
    for region, (page, line), words in zip(regions, owners, found, strict=True):
        left, top = crop_origin(page, region.box, region.pad)
        shifted = [(t, left + x, top + y, w, h, c) for t, x, y, w, h, c in words]
        replaced.setdefault(id(page), []).extend(to_words(shifted, page))
        dropped.setdefault(id(page), set()).update(id(w) for w in line.words)
    for page in pages:
        if id(page) in replaced:
            gone = dropped[id(page)]
            page.alt_words = [w for w in page.words if id(w) not in gone] + replaced[id(page)]


def ocr_pages(pages: Sequence[Page], *, settings: Settings, progress: Progress | None = None) -> list[Page]:
    """Fill `words` and `alt_words` of each page; returns the pages whose first pass failed."""
    cache = OcrCache(settings)
    total = len(pages)
    remaining = {id(page): len(requests(page, settings)) for page in pages}
    failed: dict[int, Page] = {}
    done = 0

    def apply(page: Page, index: int, words: list[PixelWord] | None) -> None:
        nonlocal done
        if words is None:
            if index == 0:  # without its second reading a page is still read
                failed[id(page)] = page
        elif index == 0:
            page.words = to_words(words, page)
        else:
            page.alt_words = to_words(words, page)
        remaining[id(page)] -= 1
        if remaining[id(page)] == 0:
            done += 1
            if progress is not None:
                progress("ocr", done, total)

    if not pages:
        return []
    with ThreadPoolExecutor(max_workers=max(1, settings.ocr_workers), thread_name_prefix="ocr") as pool:
        # One run per distinct (image, request): a page attached twice is read once.
        runs: dict[tuple[str, OcrRequest], Future[list[PixelWord]]] = {}
        waiting: dict[Future[list[PixelWord]], list[tuple[Page, int]]] = {}
        # Page by page, so that pages finish (and progress moves) in order.
        for page in pages:
            image = page.image_path or ""
            for index, req in enumerate(requests(page, settings)):
                future = runs.get((image, req))
                if future is None:
                    future = runs[(image, req)] = pool.submit(ocr_image, req, settings, Path(image), cache)
                waiting.setdefault(future, []).append((page, index))
        for future in as_completed(waiting):
            try:
                words = future.result()
            except (TesseractError, OSError) as exc:
                first, _ = waiting[future][0]
                log.warning("OCR of %s page %d failed: %s", first.source, first.number, exc)
                words = None
            for page, index in waiting[future]:
                apply(page, index, words)
    if settings.ocr_second_pass and settings.ocr_second_pass_scope == "doubtful":
        second_pass([p for p in pages if id(p) not in failed and p.words], settings)
    return list(failed.values())
