"""Tesseract through its command line: TSV words of page images, pages in parallel, cached.

Each run is `prlimit --as=<limit> -- env OMP_THREAD_LIMIT=1 tesseract IMAGE stdout -l L --psm P
--dpi D tsv` with a timeout: one thread per run (parallelism comes from running pages side by side,
which is faster than OpenMP inside one page), an address-space limit and a wall-time limit, so a
hostile image cannot take the machine. Results are cached by (image hash, languages, psm, dpi,
config, Tesseract version) as JSON under `<cache_dir>/ocr/results`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dsreview.config import Settings

# text, left, top, width, height (pixels), confidence 0..1
PixelWord = tuple[str, int, int, int, int, float]

_BORDER_ONLY = frozenset("|¦│┃_—─")


class TesseractError(Exception):
    """Tesseract could not read an image (missing, crashed, timed out, over its memory limit)."""


@dataclass(frozen=True, slots=True)
class OcrRequest:
    lang: str
    psm: int
    dpi: int
    config: tuple[tuple[str, str], ...] = ()  # -c name=value

    def key(self, image_sha: str, version: str) -> str:
        config = ",".join(f"{k}={v}" for k, v in self.config)
        raw = f"{image_sha}|{self.lang}|{self.psm}|{self.dpi}|{config}|{version}"
        return hashlib.sha256(raw.encode()).hexdigest()


@lru_cache(maxsize=8)
def tesseract_version(cmd: str) -> str:
    """First line of `tesseract --version` (part of the cache key)."""
    try:
        proc = subprocess.run([cmd, "--version"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unavailable"
    out = (proc.stdout or proc.stderr).decode("utf-8", "replace").strip()
    return out.splitlines()[0] if out else "unknown"


def command(req: OcrRequest, settings: Settings, image: str) -> list[str]:
    config = [arg for name, value in req.config for arg in ("-c", f"{name}={value}")]
    limit = settings.limits.memory_bytes
    return [
        *("prlimit", f"--as={limit}:{limit}", "--", "env", "OMP_THREAD_LIMIT=1"),
        *(settings.tesseract_cmd, image, "stdout", "-l", req.lang, "--psm", str(req.psm)),
        *("--dpi", str(req.dpi), *config, "tsv"),
    ]


def parse_tsv(text: str) -> list[PixelWord]:
    """Word rows (level 5) of Tesseract's TSV with their boxes and confidence (0..1)."""
    words: list[PixelWord] = []
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) != 12 or parts[0] != "5":
            continue
        word = parts[11].strip()
        try:
            conf = float(parts[10])
            left, top, width, height = (int(v) for v in parts[6:10])
        except ValueError:
            continue
        if not word or conf < 0 or set(word) <= _BORDER_ONLY:
            continue
        words.append((word, left, top, width, height, round(conf / 100, 4)))
    return words


def run_tesseract(
    req: OcrRequest, settings: Settings, image: Path | None, stdin: bytes | None = None
) -> list[PixelWord]:
    """One limited Tesseract run on an image file (or PNG bytes on stdin)."""
    cmd = command(req, settings, str(image) if image is not None else "stdin")
    try:
        proc = subprocess.run(
            cmd, input=stdin, capture_output=True, timeout=settings.limits.timeout_seconds, check=False
        )
    except subprocess.TimeoutExpired:
        raise TesseractError(f"timed out after {settings.limits.timeout_seconds:.0f} s") from None
    except OSError as exc:
        raise TesseractError(f"cannot run tesseract: {exc}") from None
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise TesseractError(f"exit {proc.returncode}: {tail[0][:200]}")
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


class OcrCache:
    """OCR results as JSON files named by their key; a no-op when the cache is off."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.ocr_cache
        self.root = settings.cache_dir / "ocr" / "results"

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[PixelWord] | None:
        if not self.enabled:
            return None
        try:
            rows = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(rows, list):
            return None
        try:
            return [(str(t), int(x), int(y), int(w), int(h), float(c)) for t, x, y, w, h, c in rows]
        except (TypeError, ValueError):
            return None

    def put(self, key: str, words: Sequence[PixelWord]) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{id(words)}.tmp")
        tmp.write_text(json.dumps(list(words), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)


def ocr_image(req: OcrRequest, settings: Settings, image: Path, cache: OcrCache) -> list[PixelWord]:
    """Words of an image file from the cache, else from Tesseract (then cached)."""
    key = req.key(image.stem, tesseract_version(settings.tesseract_cmd))
    words = cache.get(key)
    if words is None:
        words = run_tesseract(req, settings, image)
        cache.put(key, words)
    return words
