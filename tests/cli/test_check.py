"""`dsreview check` and `dsreview extract` as a user runs them (DOMAIN §9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import CASES, ROOT, SANCTIONS, truth

GOLDEN = ROOT / "tests" / "golden"


def dsreview(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "dsreview.cli.app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def case_files(case: str) -> list[str]:
    return [str(CASES / case / f) for f in truth(case)["files"]]


@pytest.mark.parametrize("case", ["S01", "S17", "S26", "S37"])
def test_check_json_matches_the_golden_report(
    case: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    t = truth(case)
    result = dsreview(
        "check",
        "--json",
        "--application-date",
        t["application_date"],
        "--sanctions",
        str(SANCTIONS),
        *case_files(case),
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"application_date", "complete", "documents", "findings", "criteria"}
    golden = GOLDEN / f"{case}.report.json"
    text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_extract_prints_only_documents_with_one_based_pages(tmp_path: Path) -> None:
    result = dsreview("extract", "--json", str(CASES / "S03" / "bundle.pdf"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ["documents"]
    pages = sorted(p for d in out["documents"] for p in d["pages"])
    assert pages == list(range(1, len(pages) + 1))
    assert {d["source"] for d in out["documents"]} == {"bundle.pdf"}


def test_readable_table_in_korean_and_english(tmp_path: Path) -> None:
    files = case_files("S18")
    ko = dsreview("check", *files, data_dir=tmp_path)
    assert ko.returncode == 0, ko.stderr
    assert "서류 미비" in ko.stdout
    assert "missing_document" in ko.stdout
    assert "공급 및 기술지원 협약서" in ko.stdout
    en = dsreview("check", "--lang", "en", *files, data_dir=tmp_path)
    assert "incomplete" in en.stdout
    assert "reseller_agreement" in en.stdout


def test_application_date_defaults_to_the_form(tmp_path: Path) -> None:
    result = dsreview("check", "--json", *case_files("S02"), data_dir=tmp_path)
    assert json.loads(result.stdout)["application_date"] == truth("S02")["application_date"]


def test_a_broken_file_is_a_finding_and_the_rest_is_checked(tmp_path: Path) -> None:
    broken = tmp_path / "첨부.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    result = dsreview("check", "--json", *case_files("S01"), str(broken), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    unreadable = [f for f in report["findings"] if f["code"] == "unreadable_document"]
    assert len(unreadable) == 1
    assert unreadable[0]["source"] == "첨부.pdf"
    assert "첨부.pdf" in unreadable[0]["message"]
    assert len(report["documents"]) == 8
    assert report["complete"] is False


def test_a_malformed_sanctions_list_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "sanctions.csv"
    bad.write_text(
        "business_registration_number,company_name,sanction_start,sanction_end,reason\n"
        "220-81-62517,x,2024-13-01,2024-12-31,y\n",
        encoding="utf-8",
    )
    result = dsreview("check", "--sanctions", str(bad), *case_files("S01"), data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "sanctions.csv:2" in result.stderr
