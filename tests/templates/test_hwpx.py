"""HWPX (한글): every kind from its sample and the edge cases, OWPML-valid, every value in its text."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import pytest
from hwpx.tools.package_validator import validate_package
from hwpx.tools.validator import validate_document
from lxml import etree

from dsreview.config import Settings
from dsreview.errors import DataValidationError
from dsreview.templates.hwpx import hwpx_text
from dsreview.templates.render import render, render_hwpx
from tests.templates.conftest import GOLDEN, KINDS, docx_text, sample, squeeze
from tests.templates.edge import CASES, SPECIAL
from tests.templates.planted import expected

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


def _section(hwpx: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(hwpx)) as z:
        return etree.fromstring(z.read("Contents/section0.xml"))


def assert_valid(hwpx: bytes) -> None:
    """The library's OWPML schema validation and its package validation, errors and warnings alike."""
    report = validate_document(hwpx)
    problems = [f"{i.part_name}: {i.message}" for i in report.issues]
    assert report.ok, problems
    assert not problems, problems
    package = validate_package(hwpx)
    errors = [str(i) for i in package.issues if getattr(i, "severity", "error") == "error"]
    assert package.ok, errors


@pytest.mark.parametrize("kind", KINDS)
def test_the_sample_renders_to_a_valid_hwpx_with_every_value(kind: str, settings: Settings) -> None:
    data = sample(kind)
    hwpx = render_hwpx(kind, data, settings=settings)
    assert_valid(hwpx)
    text = squeeze(hwpx_text(hwpx))
    missing = [value for value in expected(data) if squeeze(value) not in text]
    assert not missing


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_edge_cases_render_to_valid_hwpx(kind: str, case: str, settings: Settings) -> None:
    data = CASES[case](kind)
    hwpx = render_hwpx(kind, data, settings=settings)
    assert_valid(hwpx)
    text = squeeze(hwpx_text(hwpx))
    missing = [value for value in expected(data) if squeeze(value) not in text]
    assert not missing


@pytest.mark.parametrize("kind", KINDS)
def test_golden_text(kind: str, settings: Settings) -> None:
    text = hwpx_text(render_hwpx(kind, sample(kind), settings=settings))
    golden = GOLDEN / f"{kind}.hwpx.txt"
    if os.environ.get("DSREVIEW_UPDATE_GOLDEN") == "1":  # regenerate after a reviewed template change
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_the_hwpx_says_what_the_docx_says(kind: str, settings: Settings) -> None:
    doc = render(kind, sample(kind), settings=settings, hwpx=True)
    assert doc.hwpx is not None
    assert squeeze(hwpx_text(doc.hwpx)) == squeeze(docx_text(doc.docx))


def test_special_characters_print_as_written(settings: Settings) -> None:
    data = CASES["special"]("selection_notice")
    assert SPECIAL in hwpx_text(render_hwpx("selection_notice", data, settings=settings))


def test_two_hundred_rows_are_rows_of_one_table_with_its_header_repeated(settings: Settings) -> None:
    data = CASES["many_rows"]("selection_notice")
    root = _section(render_hwpx("selection_notice", data, settings=settings))
    tables = [t for t in root.iter(f"{HP}tbl") if len(t.findall(f"{HP}tr")) > 100]
    assert len(tables) == 1
    table = tables[0]
    rows = table.findall(f"{HP}tr")
    assert table.get("rowCnt") == str(len(rows)) == str(1 + 200)
    assert table.get("repeatHeader") == "1"
    assert all(tc.get("header") == "1" for tc in rows[0].findall(f"{HP}tc"))
    addresses = [int(tr.find(f"{HP}tc/{HP}cellAddr").get("rowAddr")) for tr in rows]
    assert addresses == list(range(len(rows)))
    first_cells = ["".join(tr.find(f"{HP}tc").itertext()) for tr in rows[1:]]
    assert first_cells == [str(i) for i in range(1, 201)]


def test_a_line_break_in_a_value_is_a_line_break(settings: Settings) -> None:
    data = CASES["long_text"]("supplement_request")
    root = _section(render_hwpx("supplement_request", data, settings=settings))
    broken = [t for t in root.iter(f"{HP}t") if t.find(f"{HP}lineBreak") is not None]
    assert any("둘째 줄" in "".join(t.itertext()) for t in broken)


def test_invalid_data_is_refused_as_for_docx(settings: Settings) -> None:
    data = sample("selection_notice")
    data["services"][0]["selection_date"] = "2024-13-01"
    with pytest.raises(DataValidationError) as caught:
        render_hwpx("selection_notice", data, settings=settings)
    assert caught.value.pointer == "/services/0/selection_date"


def test_the_preview_and_title_are_the_documents(settings: Settings) -> None:
    hwpx = render_hwpx("selection_notice", sample("selection_notice"), settings=settings)
    with zipfile.ZipFile(io.BytesIO(hwpx)) as z:
        assert z.namelist()[0] == "mimetype"
        assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        preview = z.read("Preview/PrvText.txt").decode("utf-8")
        hpf = z.read("Contents/content.hpf").decode("utf-8")
    assert "디지털서비스 선정 결과 통보" in preview
    assert "{{" not in preview
    assert "디지털서비스 선정 통보서 AI클라우드혁신팀-1042" in hpf


def test_the_hwpx_carries_its_provenance(settings: Settings) -> None:
    data = sample("contract_info")
    doc = render("contract_info", data, settings=settings, hwpx=True)
    assert doc.hwpx is not None
    with zipfile.ZipFile(io.BytesIO(doc.hwpx)) as z:
        hpf = z.read("Contents/content.hpf").decode("utf-8")
    assert f"input-sha256={doc.input_sha256}" in hpf
    assert "template=contract_info/" in hpf
    assert settings.organisation.agency in hpf
    assert "synthetic-fixture-author" not in hpf
    assert f"{data['issue_date']}T00:00:00Z" in hpf
    assert_valid(doc.hwpx)
