"""A staff correction is judged by the engine: the corrected value changes the findings and criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsreview.services import checking
from dsreview.services.corrections import Correction
from dsreview.store import BlobStore
from tests.services.support import case_files, make_settings


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


def _input(blobs: BlobStore, case: str, corrections: list[Correction]) -> checking.CheckInput:
    files = [(blobs.put_bytes(p.read_bytes()).sha256, p.name) for p in case_files(case)]
    return checking.CheckInput(
        application_id=1,
        generation=1,
        files=files,
        application_date=None,
        sanctions_sha256=None,
        corrections=corrections,
    )


def test_a_corrected_grade_is_judged_again(tmp_path: Path, blobs: BlobStore) -> None:
    settings = make_settings(tmp_path / "data")
    as_read = checking.run(_input(blobs, "S13", []), settings=settings, blobs=blobs)
    assert as_read.criteria["2-1"].value == "fail"
    assert "credit_rating_below_threshold" in {f.code for f in as_read.findings}
    fixed = checking.run(
        _input(
            blobs, "S13", [Correction(document_type="credit_rating", index=0, field="rating", value="BBB")]
        ),
        settings=settings,
        blobs=blobs,
    )
    credit = next(d for d in fixed.documents if d.type == "credit_rating")
    assert credit.fields["rating"] == "BBB"
    assert "rating" not in credit.evidence  # a person's value, not read from the page
    assert fixed.criteria["2-1"].value == "pass"
    assert "credit_rating_below_threshold" not in {f.code for f in fixed.findings}
    assert [d.source for d in fixed.documents] == [d.source for d in as_read.documents]
