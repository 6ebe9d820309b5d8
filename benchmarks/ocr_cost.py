#!/usr/bin/env python3
"""The OCR work of a whole check against one raw Tesseract pass. Run: .venv/bin/python benchmarks/ocr_cost.py

For each scanned sample bundle given (default S04: eight documents, each a 200-dpi scan), the CPU
time of everything `dsreview check --json` runs with an empty cache (the CLI, its parse children,
every Tesseract process: both page passes and every crop read again) against the CPU time of one
raw `tesseract IMAGE stdout -l kor --psm 4` over each page image the bundle holds (the JPEGs in its
PDFs, taken out with `pdfimages -j`, or the image files as they are). Prints figures only; the
issue's target is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "samples" / "cases"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _images(files: list[Path], out: Path) -> list[Path]:
    images: list[Path] = []
    for i, f in enumerate(files):
        if f.suffix.lower() == ".pdf":
            subprocess.run(["pdfimages", "-j", str(f), str(out / f"f{i}")], check=True)
        else:
            images.append(f)
    images += sorted(p for p in out.iterdir() if p.suffix in (".jpg", ".ppm", ".pbm", ".png"))
    return images


def measure(case: str, settings_env: dict[str, str]) -> dict[str, float]:
    truth = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    files = [CASES / case / name for name in truth["files"]]
    with tempfile.TemporaryDirectory() as tmp:
        images = _images(files, Path(tmp))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        before = _children_cpu()
        for image in images:
            subprocess.run(
                ["tesseract", str(image), "stdout", "-l", "kor", "--psm", "4"],
                capture_output=True,
                check=True,
                env=env,
            )
        raw = _children_cpu() - before
        env = {**os.environ, **settings_env, "DSREVIEW_DATA_DIR": str(Path(tmp) / "data")}
        before = _children_cpu()
        run = subprocess.run(
            [sys.executable, "-m", "dsreview.cli.app", "check", "--json", *map(str, files)],
            capture_output=True,
            env=env,
            check=False,
        )
        check = _children_cpu() - before
        if run.returncode != 0:
            raise SystemExit(run.stderr.decode()[-500:])
    return {"pages": len(images), "raw": raw, "check": check}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=["S04"])
    parser.add_argument(
        "--set", action="append", default=[], help="a setting for the check, NAME=VALUE (env form)"
    )
    a = parser.parse_args()
    extra = dict(s.split("=", 1) for s in a.set)
    print(f"OCR work of a check vs one raw `tesseract -l kor` pass, load {os.getloadavg()[0]:.1f}")
    if extra:
        print("    settings:", " ".join(f"{k}={v}" for k, v in extra.items()))
    for case in a.cases:
        m = measure(case, extra)
        pages = m["pages"]
        print(
            f"    {case}: {pages} page images; raw kor {m['raw'] / pages:.2f} s/page CPU; whole check "
            f"{m['check'] / pages:.2f} s/page CPU; ratio {m['check'] / m['raw']:.2f} (target ≤ 2)"
        )


if __name__ == "__main__":
    main()
