"""The checker scored on the whole sample corpus by the workplace's scorer, through the CLI.

Targets of issue 2: classification 100 %, fields ≥ 0.98 on text pages and ≥ 0.90 on noisy scans
(held here at the aim, 0.97), dates and identifiers on scans ≥ 0.98, decisions (complete, finding
codes, criterion statuses) ≥ 0.97. Real Tesseract, real files; the OCR
cache starts empty, so this is the slowest test of the suite (a minute or two on two cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.fieldkinds import scanned_field_kinds
from tests.corpus import CASES, ROOT, SANCTIONS

ARTIFACTS = ROOT / "test-artifacts"


@pytest.mark.slow
def test_corpus_meets_the_targets(tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / "accuracy.json"
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(tmp_path / "data")}
    cmd = f"{sys.executable} -m dsreview.cli.app check --json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "score_bundles.py"),
            str(CASES),
            "--cmd",
            cmd,
            "--sanctions",
            str(SANCTIONS),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=1500,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    misses = {
        c["id"]: c["misses"] for c in json.loads(out.read_text(encoding="utf-8"))["cases"] if c["misses"]
    }
    assert summary["cases"] >= 30, run.stdout
    assert summary["errors"] == 0, run.stdout
    assert summary["classification"] == 1.0, misses
    assert summary["fields_text"] >= 0.98, misses
    assert summary["fields_scanned"] >= 0.97, misses  # the target is 0.90, the aim 0.97
    assert summary["decisions"] >= 0.97, misses
    report = json.loads(out.read_text(encoding="utf-8"))
    for kind, (right, total) in scanned_field_kinds(report, CASES).items():
        assert total >= 20, kind
        assert right / total >= 0.98, (kind, misses)
