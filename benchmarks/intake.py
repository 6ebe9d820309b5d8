#!/usr/bin/env python3
"""Intake figures for the README: accuracy on the sample corpus, speed of a text bundle, peak memory.

  python benchmarks/intake.py [--runs 10] [--skip-accuracy]

1. The workplace's scorer (benchmarks/score_bundles.py) on samples/cases through the CLI, first with
   an empty OCR cache (cold), then again (warm: a re-check costs no OCR).
2. `dsreview check --json` of the 8-file text bundle S01 from a cold process start, N runs.
3. Peak resident memory of the parse children and of the whole check, over every sample.
Prints figures; asserts nothing (the targets are asserted by tests/test_accuracy.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fieldkinds import scanned_field_kinds

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "samples" / "cases"
SANCTIONS = ROOT / "samples" / "sanctions.csv"
CLI = [sys.executable, "-m", "dsreview.cli.app"]


def score(data_dir: Path) -> dict[str, object]:
    out = data_dir / "score.json"
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(data_dir)}
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "score_bundles.py"),
            str(CASES),
            "--cmd",
            " ".join([*CLI, "check", "--json"]),
            "--sanctions",
            str(SANCTIONS),
            "--json",
            str(out),
        ],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    summary: dict[str, object] = report["summary"]
    summary["scanned_kinds"] = scanned_field_kinds(report, CASES)
    return summary


def cold_check_seconds(runs: int, data_dir: Path) -> list[float]:
    files = sorted(str(p) for p in (CASES / "S01").glob("*.pdf"))
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(data_dir)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*CLI, "check", "--json", *files], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def peak_memory(data_dir: Path) -> tuple[float, float]:
    """(largest parse child, the check process itself) in MiB, over every sample bundle."""
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from dsreview.config import Settings\n"
        "from dsreview.services.check import check_files\n"
        "settings = Settings(data_dir=Path(sys.argv[1]))\n"
        "for case in sorted(Path(sys.argv[2]).glob('*/truth.json')):\n"
        "    files = sorted(p for p in case.parent.iterdir() if p.name != 'truth.json')\n"
        "    check_files(files, settings=settings)\n"
        "usage = resource.getrusage\n"
        "print(usage(resource.RUSAGE_CHILDREN).ru_maxrss, usage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(CASES)], check=True, capture_output=True, text=True
    )
    children, own = (int(x) / 1024 for x in run.stdout.split())
    return children, own


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--skip-accuracy", action="store_true")
    args = ap.parse_args()
    print(
        f"dsreview intake benchmark — {os.cpu_count()} cores, "
        f"{len(list(CASES.glob('*/truth.json')))} sample cases"
    )
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        if not args.skip_accuracy:
            cold = score(data / "a")
            warm = score(data / "a")
            print(
                f"accuracy: classification {cold['classification']:.3f}  "
                f"fields(text) {cold['fields_text']:.3f}  "
                f"fields(scanned) {cold['fields_scanned']:.3f}  decisions {cold['decisions']:.3f}"
            )
            kinds = cold["scanned_kinds"]
            assert isinstance(kinds, dict)
            print("scanned dates {}/{}, identifiers {}/{}".format(*kinds["dates"], *kinds["identifiers"]))
            print(f"corpus time: {cold['seconds']} s with an empty OCR cache, {warm['seconds']} s re-checked")
        times = cold_check_seconds(args.runs, data / "b")
        print(
            f"8-file text bundle (S01), cold CLI start: median {statistics.median(times):.3f} s, "
            f"min {min(times):.3f} s over {len(times)} runs"
        )
        children, own = peak_memory(data / "a")
        print(
            f"peak memory: parse children {children:.0f} MiB, check process {own:.0f} MiB "
            f"(limit {1536} MiB a child)"
        )
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
