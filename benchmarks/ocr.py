"""Figures of the reading layer. Run: .venv/bin/python benchmarks/ocr.py [--quick]

(a) text-layer reading of an 8-file Korean text bundle: a cold process and warm calls (and
    pdfplumber on the same files, for comparison);
(b) OCR time per page of the pipeline against raw `tesseract` on the same images, pages in
    parallel on `ocr_workers` threads, and the ratio;
(c) peak resident memory of the children (the parser children and Tesseract);
(d) unless --quick: share of true field values found verbatim (spaces ignored) in the OCR text of
    degraded 200-dpi scans, for the OCR options we compared.

Every fixture is built here from code (tests/extractors/reading/builders.py). Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image  # noqa: E402
from tests.extractors.reading.builders import (  # noqa: E402
    DOCS,
    image_page_pdf,
    jpeg_bytes,
    one_page_pdf,
    scan_images,
    text_pdf,
)

from dsreview.config import Settings  # noqa: E402
from dsreview.extractors.reading import read_files  # noqa: E402
from dsreview.extractors.reading.child import read_file_json  # noqa: E402
from dsreview.extractors.reading.context import ChildContext  # noqa: E402
from dsreview.extractors.reading.sandbox import run_isolated  # noqa: E402

WORKERS = 2
ROUNDS = 5


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract, the parser children)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def text_bundle(folder: Path) -> list[Path]:
    """8 files of 1–2 A4 pages each: Korean text in ruled tables."""
    paths = []
    for i in range(8):
        docs = [DOCS[i % 4], DOCS[(i + 1) % 4]] if i % 2 else [DOCS[i % 4]]
        paths.append(text_pdf(folder / f"{i + 1:02d}.pdf", docs, repeat=2))
    return paths


def bench_text(folder: Path) -> None:
    paths = text_bundle(folder)
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in paths)
    settings = Settings(data_dir=folder / "data", ocr_workers=WORKERS)
    code = (
        "import sys, time; t0 = time.perf_counter(); from pathlib import Path; "
        "from dsreview.config import Settings; from dsreview.extractors.reading import read_files; "
        "t1 = time.perf_counter(); "
        "read_files([Path(p) for p in sys.argv[2:]], settings=Settings(data_dir=Path(sys.argv[1]))); "
        "print(t1 - t0, time.perf_counter() - t1)"
    )
    colds, imports, reads = [], [], []
    for _ in range(5):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code, str(folder / "data"), *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
        colds.append(time.perf_counter() - t)
        imp, rd = map(float, out.stdout.split())
        imports.append(imp)
        reads.append(rd)
    read_files(paths, settings=settings)
    warm = _median_time(lambda: read_files(paths, settings=settings), 15)
    empty = _median_time(lambda: run_isolated([lambda: b""] * 8, limits=settings.limits, workers=WORKERS), 15)
    print(f"(a) text bundle: {len(paths)} files, {pages} pages, {WORKERS} children at a time")
    ms = {
        name: statistics.median(v) * 1000 for name, v in (("cold", colds), ("imp", imports), ("read", reads))
    }
    print(f"    cold process, whole run (interpreter, imports, read, exit): {ms['cold']:5.0f} ms")
    print(f"      of which importing the reader:                            {ms['imp']:5.0f} ms")
    print(f"      of which read_files on the 8 files:                       {ms['read']:5.0f} ms")
    print(f"    warm read_files (median of 15):                             {warm * 1000:5.0f} ms")
    print(f"      of which forking and reaping 8 children that do nothing:  {empty * 1000:5.0f} ms")
    try:
        import pdfplumber
    except ImportError:
        return

    def plumber() -> None:
        for p in paths:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_words()

    ctx = ChildContext(settings.limits, folder / "img", 300)
    in_process = _median_time(lambda: [read_file_json(p, ctx) for p in paths], 5)
    print(f"    for comparison, in one process: pypdfium2 reader {in_process * 1000:.0f} ms, ", end="")
    print(f"pdfplumber extract_words {_median_time(plumber, 3) * 1000:.0f} ms")


def scanned_pages(
    folder: Path, *, strength: float, seeds: tuple[int, ...]
) -> tuple[Path, list[bytes], list[list[str]]]:
    """A scanned PDF (plain DCT, 200 dpi), its JPEGs and the values each page prints."""
    source = text_pdf(folder / "docs.pdf", DOCS)
    jpegs, values = [], []
    for seed in seeds:
        for doc, img in zip(DOCS, scan_images(source, dpi=200, seed=seed, strength=strength), strict=True):
            jpegs.append(jpeg_bytes(img, quality=60))
            values.append(doc.values)
    path = folder / f"scan-{strength}.pdf"
    path.write_bytes(image_page_pdf(jpegs, dpi=200))
    return path, jpegs, values


def _tesseract(image: str, lang: str, psm: int, dpi: int | None, extra: tuple[str, ...] = ()) -> str:
    cmd = ["tesseract", image, "stdout", "-l", lang, "--psm", str(psm)]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run([*cmd, *extra], capture_output=True, text=True, env=env, check=True).stdout


def bench_ocr(folder: Path) -> None:
    path, jpegs, _ = scanned_pages(folder, strength=1.0, seeds=(1, 2))
    files = []
    for i, jpg in enumerate(jpegs):
        files.append(folder / f"page-{i}.jpg")
        files[-1].write_bytes(jpg)
    n = len(files)
    print(f"(b) OCR of {n} scanned A4 pages (200 dpi JPEG in the PDF), {WORKERS} pages at a time")
    for second in (False, True):
        langs = ["kor+eng", "Hangul+eng"] if second else ["kor+eng"]
        jobs = [(str(f), lang) for f in files for lang in langs]
        raws, pipes, raw_cpu, pipe_cpu = [], [], [], []
        for _ in range(ROUNDS):  # alternate, so that a busy moment of the machine hits both
            with ThreadPoolExecutor(WORKERS) as pool:
                t, c = time.perf_counter(), _cpu()
                list(pool.map(lambda job: _tesseract(job[0], job[1], 4, 200, ("tsv",)), jobs))
                raws.append((time.perf_counter() - t) / n)
                raw_cpu.append((_cpu() - c) / n)
            data = Path(tempfile.mkdtemp(dir=folder))
            settings = Settings(data_dir=data, ocr_workers=WORKERS, ocr_cache=False, ocr_second_pass=second)
            t, c = time.perf_counter(), _cpu()
            (reading,) = read_files([path], settings=settings)
            pipes.append((time.perf_counter() - t) / n)
            pipe_cpu.append((_cpu() - c) / n)
            assert all(p.ocr and p.words for p in reading.pages)
        raw, pipe = statistics.median(raws), statistics.median(pipes)
        cpu_raw, cpu_pipe = sum(raw_cpu) / ROUNDS, sum(pipe_cpu) / ROUNDS
        label = "kor+eng, then Hangul+eng" if second else "kor+eng only"
        print(f"    {label}, {ROUNDS} alternating rounds:")
        print(
            f"      wall (median): pipeline {pipe:5.2f} s/page, raw {raw:5.2f} s/page, ratio {pipe / raw:.2f}"
        )
        print(f"      CPU (mean):    pipeline {cpu_pipe:5.2f} s/page, raw {cpu_raw:5.2f} s/page, ", end="")
        print(f"ratio {cpu_pipe / cpu_raw:4.2f} (all processes: what a busy machine does not blur)")
    cached = Settings(data_dir=folder / "cached", ocr_workers=WORKERS)
    read_files([path], settings=cached)
    t = time.perf_counter()
    read_files([path], settings=cached)
    print(f"    re-check from the OCR cache: {(time.perf_counter() - t) * 1000:.0f} ms for the {n} pages")


def bench_memory(folder: Path) -> None:
    scan, jpegs, _ = scanned_pages(folder, strength=1.0, seeds=(3,))
    big = folder / "big.png"
    # a 6000 x 6000 grayscale page (36 megapixels, under the 40 MP limit) needing a PNG re-encode
    Image.new("L", (6000, 6000), 255).save(big, dpi=(300, 300), optimize=False)
    # a vector-only poster page: rendered for OCR at the pixel limit (40 MP)
    poster = folder / "poster.pdf"
    poster.write_bytes(
        one_page_pdf(b"0 0 1 rg 100 100 2000 2000 re f").replace(b"[0 0 595 842]", b"[0 0 3000 3000]")
    )
    files = {
        "text bundle file": text_bundle(folder)[0],
        "scanned PDF": scan,
        "36 MP PNG": big,
        "poster page": poster,
    }
    settings = Settings(data_dir=folder / "mem", ocr_workers=WORKERS)
    ctx = ChildContext(settings.limits, settings.cache_dir / "ocr" / "images", settings.ocr_render_dpi)
    results = run_isolated(
        [partial(read_file_json, p, ctx) for p in files.values()], limits=settings.limits, workers=WORKERS
    )
    print(f"(c) peak resident memory (limit {settings.limits.memory_bytes >> 20} MiB address space a child)")
    print(f"    parent before forking: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10} MiB")
    for (name, _), result in zip(files.items(), results, strict=True):
        print(f"    child reading the {name:17s}: {result.max_rss >> 20:4d} MiB")
    jpg = folder / "page.jpg"
    jpg.write_bytes(jpegs[0])
    for lang in ("kor+eng", "Hangul+eng"):
        print(f"    Tesseract {lang:10s} on a 200-dpi A4 page:  {_tesseract_peak(jpg, lang) >> 10:4d} MiB")


def _tesseract_peak(image: Path, lang: str) -> int:
    """Peak RSS (KiB) of one Tesseract run, measured from a fresh interpreter (its only child)."""
    code = (
        "import resource, subprocess, sys; "
        "cmd = ['tesseract', sys.argv[1], 'stdout', '-l', sys.argv[2], '--psm', '4', '--dpi', '200', 'tsv']; "
        "subprocess.run(cmd, capture_output=True, env={'OMP_THREAD_LIMIT': '1', 'PATH': '/usr/bin:/bin'}); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(image), lang], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def bench_accuracy(folder: Path) -> None:
    print("(d) true field values found verbatim (spaces ignored) in the OCR text, 8 pages a level")
    options: dict[str, tuple[str, list[str], int | None, int]] = {
        "render 300 dpi, kor --psm 3": ("render", ["kor"], None, 3),
        "page JPEG, kor+eng --psm 4, no --dpi": ("jpeg", ["kor+eng"], None, 4),
        "page JPEG, kor+eng --psm 4 --dpi (words)": ("jpeg", ["kor+eng"], 200, 4),
        "page JPEG, Hangul+eng --psm 4 --dpi (alt_words)": ("jpeg", ["Hangul+eng"], 200, 4),
        "page JPEG, both joined (words + alt_words)": ("jpeg", ["kor+eng", "Hangul+eng"], 200, 4),
        "render 300 dpi, kor+eng --psm 4 --dpi 300": ("render", ["kor+eng"], 300, 4),
        "page JPEG, kor+eng --psm 11 --dpi": ("jpeg", ["kor+eng"], 200, 11),
    }
    for strength in (1.0, 2.0):
        sub = folder / f"acc-{strength}"
        sub.mkdir()
        path, jpegs, values = scanned_pages(sub, strength=strength, seeds=(1, 2))
        images: dict[str, list[str]] = {"jpeg": [], "render": []}
        pdf = pdfium.PdfDocument(str(path))
        for i, jpg in enumerate(jpegs):
            (sub / f"{i}.jpg").write_bytes(jpg)
            images["jpeg"].append(str(sub / f"{i}.jpg"))
            pdf[i].render(scale=300 / 72, grayscale=True).to_pil().save(sub / f"{i}.r.jpg", quality=92)
            images["render"].append(str(sub / f"{i}.r.jpg"))
        print(f"    scan strength {strength} (1: a fair office scan, 2: a poor one)")
        for name, (source, langs, dpi, psm) in options.items():
            jobs = [(img, lang) for img in images[source] for lang in langs]
            t = time.perf_counter()
            with ThreadPoolExecutor(WORKERS) as pool:
                outs = list(pool.map(lambda job, d=dpi, p=psm: _tesseract(job[0], job[1], p, d), jobs))
            per_page = (time.perf_counter() - t) * WORKERS / len(images[source])
            texts = ["".join(outs[i * len(langs) : (i + 1) * len(langs)]) for i in range(len(images[source]))]
            hits = total = 0
            for text, vals in zip(texts, values, strict=True):
                flat = re.sub(r"\s+", "", text)
                for v in vals:
                    total += 1
                    hits += re.sub(r"\s+", "", v) in flat
            print(f"      {name:50s} {hits / total:5.2f}   {per_page:4.2f} s/page (1 core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip (d), the OCR option comparison")
    parser.add_argument("--parts", default="abcd", help="which parts to run, e.g. 'ab'")
    args = parser.parse_args()
    parts = args.parts.replace("d", "") if args.quick else args.parts
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False)
    first_line = (version.stdout or version.stderr).splitlines()[0]
    print(f"dsreview reading layer — {first_line}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        steps = {"a": bench_text, "b": bench_ocr, "c": bench_memory, "d": bench_accuracy}
        for part in parts:
            sub = root / part
            sub.mkdir()
            steps[part](sub)


if __name__ == "__main__":
    main()
