"""The reading entry point: files in, `FileReading`s out.

Two stages. (1) Each file is parsed in its own forked, limited child (`sandbox`), up to
`settings.ocr_workers` at a time: text-layer words come back directly, pages to OCR come back as
an image written to the OCR cache folder. (2) Those images go to Tesseract, pages in parallel
(`ocr_pages`). The parent process never parses a vendor's file itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import FileReading
from dsreview.errors import UsageError
from dsreview.extractors.reading.child import read_file_json, warm_up
from dsreview.extractors.reading.context import ChildContext
from dsreview.extractors.reading.ocr_pages import ocr_pages
from dsreview.extractors.reading.payload import reading_from_child
from dsreview.extractors.reading.preload import preload_if_threaded
from dsreview.extractors.reading.problems import make_problem
from dsreview.extractors.reading.sandbox import ChildResult, Task, run_isolated

# (stage, done, total): stage is "read" or "ocr"; called from the calling thread.
ProgressCallback = Callable[[str, int, int], None]


def image_dir(settings: Settings) -> Path:
    """Where page images for OCR are kept (also when the OCR result cache is off)."""
    return (settings.cache_dir / "ocr" / "images").resolve()


_warm = False


def _warm_up_once(ctx: ChildContext) -> None:
    global _warm
    if not _warm:
        warm_up(ctx)
        _warm = True


def _precheck(path: Path, settings: Settings) -> tuple[str | None, int]:
    """A reason to refuse the file without opening it (missing, empty, too large), and its size."""
    try:
        if not path.is_file():
            return "unreadable", 0
        size = path.stat().st_size
    except OSError:
        return "unreadable", 0
    if size == 0:
        return "empty", 0
    if size > settings.limits.max_file_bytes:
        return "too_large", size
    return None, size


def _finish(reading: FileReading, failed_pages: list[int], settings: Settings) -> FileReading:
    limits = settings.limits
    if failed_pages:
        detail = {"pages": ", ".join(map(str, sorted(failed_pages)))}
        reading.problems.append(make_problem("ocr_failed", detail, limits))
    damaged = any(p.reason == "damaged" for p in reading.problems)
    if damaged and not any(page.words for page in reading.pages):
        return FileReading(
            source=reading.source, problems=[make_problem("corrupt", {"what": "nothing"}, limits)]
        )
    return reading


def read_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
) -> list[FileReading]:
    """Read every file (PDF, PNG, JPEG, TIFF) into pages of words, one `FileReading` per path.

    `names` are the `source` names to report (default: each path's file name). A file that cannot
    be read gets a `FileReading` whose `problems` say why (never an exception).
    """
    sources = list(names) if names is not None else [p.name for p in paths]
    if len(sources) != len(paths):
        raise UsageError(f"names: {len(sources)} names for {len(paths)} files")
    limits = settings.limits
    images = image_dir(settings)
    ctx = ChildContext(limits=limits, image_dir=images, render_dpi=settings.ocr_render_dpi)
    readings: list[FileReading] = [FileReading(source=s) for s in sources]
    tasks: list[Task] = []
    owners: list[int] = []
    read = 0

    def report_read() -> None:
        nonlocal read
        read += 1
        if progress is not None:
            progress("read", read, len(paths))

    for i, path in enumerate(paths):
        reason, size = _precheck(path, settings)
        if reason is None:
            tasks.append(functools.partial(read_file_json, path.resolve(), ctx))
            owners.append(i)
            continue
        readings[i].problems.append(make_problem(reason, {"size": size}, limits))
        report_read()

    def on_done(k: int, result: ChildResult) -> None:
        i = owners[k]
        readings[i] = reading_from_child(result, source=sources[i], limits=limits, image_dir=images)
        report_read()

    if tasks:
        preload_if_threaded()
        _warm_up_once(ctx)
    run_isolated(tasks, limits=limits, workers=settings.ocr_workers, on_done=on_done)

    to_ocr = [page for reading in readings for page in reading.pages if page.ocr]
    owner_of = {id(page): i for i, reading in enumerate(readings) for page in reading.pages}
    failed: dict[int, list[int]] = {}
    for page in ocr_pages(to_ocr, settings=settings, progress=progress):
        failed.setdefault(owner_of[id(page)], []).append(page.number)
    return [_finish(r, failed.get(i, []), settings) for i, r in enumerate(readings)]
