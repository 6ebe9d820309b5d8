"""What a child process needs to read one file, and how it gives up on a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dsreview.config import Limits


@dataclass(frozen=True, slots=True)
class ChildContext:
    limits: Limits
    image_dir: Path  # where page images for OCR are written (the OCR cache's image folder)
    render_dpi: int  # resolution of pages that must be rendered for OCR


class Fatal(Exception):
    """The file cannot be read: `reason` is a stable key (see problems.py), `detail` its numbers."""

    def __init__(self, reason: str, detail: Mapping[str, object] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = dict(detail or {})
