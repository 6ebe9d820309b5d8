#!/usr/bin/env python3
"""Accuracy on sample corpora the engine was never tuned on: the generator run with other seeds.

  python benchmarks/heldout.py [--seeds 2027 4242]

The committed corpus (samples/cases, seed 2024) is what the tests hold the engine to; a corpus from
another seed has other companies, names, numbers, layouts, scan damage and file splits. Each seed's
corpus is generated into a temporary folder with its own sanctions list, scored by the workplace's
scorer through the CLI with an empty OCR cache, and its figures printed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from fieldkinds import scanned_field_kinds

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "dsreview.cli.app", "check", "--json"]


def score_seed(seed: int, tmp: Path) -> dict[str, object]:
    out = tmp / f"seed{seed}"
    generate = [sys.executable, str(ROOT / "samples" / "generate.py"), "--seed", str(seed)]
    subprocess.run([*generate, "--out", str(out / "cases")], check=True, capture_output=True)
    report = out / "score.json"
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(out / "data")}
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "score_bundles.py"),
            str(out / "cases"),
            "--cmd",
            " ".join(CLI),
            "--sanctions",
            str(out / "sanctions.csv"),
            "--json",
            str(report),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    summary: dict[str, object] = data["summary"]
    summary["scanned_kinds"] = scanned_field_kinds(data, out / "cases")
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[2027, 4242])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            s = score_seed(seed, Path(tmp))
            kinds = s["scanned_kinds"]
            assert isinstance(kinds, dict)
            (dr, dt), (ir, it) = kinds["dates"], kinds["identifiers"]
            print(
                f"seed {seed}: classification {s['classification']:.3f}  "
                f"fields(text) {s['fields_text']:.3f}  fields(scanned) {s['fields_scanned']:.3f}  "
                f"decisions {s['decisions']:.3f}  "
                f"scanned dates {dr}/{dt}, identifiers {ir}/{it}  ({s['seconds']} s)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
