"""The reading entry point (interface; the implementation lands in this package)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import FileReading

# (stage, done, total): stage is "read" or "ocr"; called from the calling thread.
ProgressCallback = Callable[[str, int, int], None]


def read_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
) -> list[FileReading]:
    """Read every file (PDF, PNG, JPEG, TIFF) into pages of words, one `FileReading` per path.

    `names` are the `source` names to report (default: each path's file name).
    """
    raise NotImplementedError
