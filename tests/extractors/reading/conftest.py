"""Fixtures of the reading tests: files built from code once per session (per xdist worker)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from dsreview.config import Settings
from tests.extractors.reading.builders import DOCS, scanned_pdf, text_pdf


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reading-fixtures")


@pytest.fixture(scope="session")
def docs_pdf(built: Path) -> Path:
    """Four born-digital Korean documents, one a page."""
    return text_pdf(built / "docs.pdf", DOCS)


@pytest.fixture(scope="session")
def scan_pdf(built: Path, docs_pdf: Path) -> Path:
    """The first two documents scanned at 200 dpi (tilt, blur, grain, specks, JPEG quality 60)."""
    source = text_pdf(built / "two.pdf", DOCS[:2])
    return scanned_pdf(source, built / "scan.pdf", dpi=200, quality=60, seed=7)


def counting_tesseract(directory: Path) -> tuple[str, Path]:
    """A wrapper around the real `tesseract` that logs each OCR run (not `--version`)."""
    log = directory / "tesseract-runs.log"
    script = directory / "tesseract-counted"
    script.write_text(
        f'#!/bin/sh\nif [ "$1" != "--version" ]; then echo "$1" >> "{log}"; fi\nexec tesseract "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), log


def ocr_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, ocr_workers=2, **overrides)  # type: ignore[arg-type]
