"""The intake use case without a database: read a bundle, extract its documents, check them.

`dsreview check`, the service's check job and the benchmarks all call `check_files`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, Report
from dsreview.extractors.reading import ProgressCallback


def extract_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[list[ExtractedDocument], Report]:
    """Read, split, classify and extract. Returns the documents and a report holding file findings."""
    raise NotImplementedError


def check_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    application_date: date | None = None,
    sanctions_csv: Path | None = None,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Report:
    """The engine's report on one application bundle (DOMAIN §9)."""
    raise NotImplementedError
