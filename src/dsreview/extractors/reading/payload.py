"""The parent's side of the child's answer: JSON in, `FileReading` out, checked field by field.

A child that parsed hostile bytes is not trusted: anything that does not have the expected shape
makes the file unreadable ("crash"), it never reaches the rest of the engine.
"""

from __future__ import annotations

import json
import logging
import math
import re
import signal
from pathlib import Path
from typing import Any

from dsreview.config import Limits
from dsreview.domain import FileReading, Page, Word
from dsreview.extractors.reading.problems import make_problem
from dsreview.extractors.reading.sandbox import EXIT_MEMORY, ChildResult

log = logging.getLogger(__name__)

_IMAGE_NAME = re.compile(r"^[0-9a-f]{64}\.(jpg|png)$")
_KNOWN_REASONS = frozenset(
    {
        "empty",
        "too_large",
        "not_supported",
        "corrupt",
        "damaged",
        "encrypted",
        "too_many_pages",
        "image_too_large",
        "decompression_bomb",
        "javascript",
        "embedded_files",
    }
)


class BadPayload(ValueError):
    """The child's answer does not have the expected shape."""


def _num(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadPayload("not a number")
    return float(value)


def _word(row: Any) -> Word:
    if not isinstance(row, list) or len(row) != 5 or not isinstance(row[0], str):
        raise BadPayload("bad word")
    return Word(row[0], _num(row[1]), _num(row[2]), _num(row[3]), _num(row[4]))


def _rule(row: Any) -> tuple[float, float, float, float]:
    if not isinstance(row, list) or len(row) != 4:
        raise BadPayload("bad rule")
    x0, y0, x1, y1 = (_num(v) for v in row)
    if x0 != x1 and y0 != y1:
        raise BadPayload("slanted rule")
    return (x0, y0, x1, y1)


def _page(raw: Any, source: str, image_dir: Path) -> Page:
    if not isinstance(raw, dict) or not isinstance(raw.get("words"), list):
        raise BadPayload("bad page")
    number = raw.get("n")
    if not isinstance(number, int) or number < 1:
        raise BadPayload("bad page number")
    page = Page(source=source, number=number, width=_num(raw.get("w")), height=_num(raw.get("h")))
    page.words = [_word(w) for w in raw["words"]]
    rules = raw.get("rules", [])
    if not isinstance(rules, list):
        raise BadPayload("bad rules")
    page.rules = [_rule(r) for r in rules]
    image = raw.get("image")
    if image is not None:
        if not isinstance(image, dict) or not _IMAGE_NAME.match(str(image.get("file", ""))):
            raise BadPayload("bad image")
        origin = image.get("origin")
        if not isinstance(origin, list) or len(origin) != 2:
            raise BadPayload("bad image origin")
        scale = _num(image.get("scale"))
        if scale <= 0:
            raise BadPayload("bad image scale")
        page.ocr = True
        page.image_path = str(image_dir / str(image["file"]))
        page.image_scale = scale
        page.image_origin = (_num(origin[0]), _num(origin[1]))
    return page


def _problem_detail(raw: Any) -> dict[str, object]:
    detail = raw.get("detail") if isinstance(raw, dict) else None
    if not isinstance(detail, dict):
        return {}
    return {str(k): v for k, v in detail.items() if isinstance(v, str | int | float)}


def reading_from_child(result: ChildResult, *, source: str, limits: Limits, image_dir: Path) -> FileReading:
    """The `FileReading` a child's answer describes, or one saying why there is none."""
    reading = FileReading(source=source)
    if result.timed_out:
        reading.problems.append(make_problem("timeout", None, limits))
        return reading
    if result.exit_code == EXIT_MEMORY:
        reading.problems.append(make_problem("memory", None, limits))
        return reading
    if result.overflow or not result.ok:
        what = f"signal {signal.strsignal(result.signal)}" if result.signal else f"exit {result.exit_code}"
        if result.output.startswith(b"{"):
            what += f" ({result.output[:300].decode('utf-8', 'replace')})"
        log.warning("reading %s failed in its child process: %s", source, what)
        reading.problems.append(make_problem("crash", None, limits))
        return reading
    try:
        data = json.loads(result.output)
        if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
            raise BadPayload("bad answer")
        for raw in data.get("problems", []):
            reason = raw.get("reason") if isinstance(raw, dict) else None
            if reason not in _KNOWN_REASONS:
                raise BadPayload(f"unknown reason {reason!r}")
            reading.problems.append(make_problem(str(reason), _problem_detail(raw), limits))
        reading.pages = [_page(raw, source, image_dir) for raw in data["pages"]]
    except (ValueError, AttributeError) as exc:  # json.JSONDecodeError and BadPayload are ValueErrors
        log.warning("reading %s: the child's answer is malformed: %s", source, exc)
        return FileReading(source=source, problems=[make_problem("crash", None, limits)])
    return reading
