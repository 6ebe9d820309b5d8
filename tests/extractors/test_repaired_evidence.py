"""A value the engine read again is never shown as read: its evidence names the repair and what the
page OCR had read there; born-digital evidence carries no such keys."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dsreview.domain import Evidence
from tests.corpus import CASES


def _check(files: list[Path], data_dir: Path) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-m", "dsreview.cli.app", "check", "--json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        env={"DSREVIEW_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    report: dict[str, object] = json.loads(run.stdout)
    return report


def test_evidence_leaves_out_repairs_it_has_none_of() -> None:
    plain = Evidence(page=1, bbox=(0, 0, 1, 1))
    assert set(plain.model_dump(mode="json")) == {"page", "bbox", "confidence", "text"}
    repaired = Evidence(page=1, bbox=(0, 0, 1, 1), repaired_by="second_look", read_as="HES")
    assert repaired.model_dump(mode="json")["read_as"] == "HES"


@pytest.mark.slow
def test_a_scanned_value_read_again_says_so_and_what_was_read(tmp_path: Path) -> None:
    report = _check([CASES / "S04" / "02_법인등기부등본.pdf"], tmp_path)
    documents = report["documents"]
    assert isinstance(documents, list)
    registry = next(d for d in documents if d["type"] == "corporate_registry")
    evidence = registry["evidence"]["head_office"]
    # the page OCR read the road's name as Latin letters; the value is from a second look at its box
    assert evidence["repaired_by"] == "second_look"
    assert "BASSE" in evidence["read_as"]
    assert "문현금융로" in registry["fields"]["head_office"].replace(" ", "")
    truth = json.loads((CASES / "S01" / "truth.json").read_text(encoding="utf-8"))
    clean = _check([CASES / "S01" / f for f in truth["files"]], tmp_path)
    docs = clean["documents"]
    assert isinstance(docs, list)
    assert not any("repaired_by" in e for d in docs for e in d["evidence"].values())
