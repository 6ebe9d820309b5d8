"""The 공문서 rules as the documents print them, in DOCX, HWPX and PDF alike.

「행정업무의 운영 및 혁신에 관한 규정」 and its 시행규칙 as the 행정업무운영 편람 applies them: `끝.` two
spaces after the last word or the last 붙임 line, `붙임  1. ○○ 1부.`, money with its reading in words,
dates `2024. 4. 5.`; the 검토 결과보고서 carries every reviewer's comment per criterion.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pdfplumber
import pytest

from dsreview.config import Settings
from dsreview.templates.hwpx import hwpx_text
from dsreview.templates.pdf import ConverterPool
from dsreview.templates.render import render
from tests.templates.conftest import GOLDEN, KINDS, docx_text, pdf_text, sample
from tests.templates.edge import CASES

OFFICIAL = ("selection_notice", "supplement_request", "nonconformance_posting")


def _texts(kind: str, data: dict[str, object], settings: Settings) -> dict[str, str]:
    doc = render(kind, data, settings=settings, hwpx=True)
    assert doc.hwpx is not None
    return {"docx": docx_text(doc.docx), "hwpx": hwpx_text(doc.hwpx)}


def test_attachment_lines_end_with_a_period_and_the_last_with_the_end_mark(settings: Settings) -> None:
    for fmt, text in _texts("selection_notice", sample("selection_notice"), settings).items():
        lines = [line.replace("\t", "  ") for line in text.splitlines()]
        first = next(i for i, line in enumerate(lines) if line.startswith("붙임"))
        assert lines[first] == "붙임  1. 디지털서비스 선정 확인서 3부.", fmt
        assert lines[first + 1].strip() == "2. 이용지원시스템 등록 안내 1부.  끝.", fmt
        body = [line for line in lines[:first] if line.strip()]
        assert body[-1].endswith("바랍니다."), fmt  # not `끝.` twice


def test_one_attachment_is_not_numbered(settings: Settings) -> None:
    data = {**sample("selection_notice"), "attachments": ["디지털서비스 선정 확인서 1부."]}
    for fmt, text in _texts("selection_notice", data, settings).items():
        lines = [line.replace("\t", "  ") for line in text.splitlines()]
        assert "붙임  디지털서비스 선정 확인서 1부.  끝." in lines, fmt


@pytest.mark.parametrize("kind", OFFICIAL)
def test_without_attachments_the_last_sentence_carries_the_end_mark(kind: str, settings: Settings) -> None:
    data = CASES["minimal"](kind)
    for fmt, text in _texts(kind, data, settings).items():
        ends = [line for line in text.splitlines() if line.endswith("끝.")]
        assert len(ends) == 1, fmt
        assert re.search(r"[^\s]  끝\.$", ends[0]), (fmt, ends[0])
        assert "붙임" not in text, fmt


def test_money_is_printed_with_its_reading_in_words(settings: Settings) -> None:
    for fmt, text in _texts("contract_info", sample("contract_info"), settings).items():
        assert "금120,000,000원(금일억이천만원)" in text, fmt


@pytest.mark.parametrize("kind", KINDS)
def test_dates_print_the_official_way(kind: str, settings: Settings) -> None:
    for fmt, text in _texts(kind, sample(kind), settings).items():
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), fmt
        assert re.search(r"\b\d{4}\. \d{1,2}\. \d{1,2}\.", text), fmt


def test_the_report_carries_every_reviewers_comment_per_criterion(settings: Settings) -> None:
    data = sample("review_report")
    comments = {
        0: {"2-1": "보완된 신용등급 BB+로 기준 충족", "3-2": "백업 주기 일 1회 확인"},
        1: {"3-2": "RPO가 정책서에 없음: 부적합", "3-3": "24시간 지원 확인"},
        2: {"3-1": "CSAP 인증으로 생략"},
    }
    for index, given in comments.items():
        data["reviewers"][index]["comments"] = given
    for fmt, text in _texts("review_report", data, settings).items():
        for index, given in comments.items():
            block = text.split(data["reviewers"][index]["name"], 1)[1]
            for comment in given.values():
                assert comment in block, (fmt, comment)
            assert data["reviewers"][index]["opinion"] in block, fmt
        # each reviewer's, the heading and the report's row
        assert text.count("종합 의견") == len(data["reviewers"]) + 2, fmt


def _page_texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [re.sub(r"\s+", "", page.extract_text() or "") for page in doc.pages]


@pytest.mark.parametrize("case", ["sample", "minimal", "long_text", "many_rows"])
def test_the_report_has_no_near_empty_last_page(
    case: str, pool: ConverterPool, render_settings: Settings
) -> None:
    data = sample("review_report") if case == "sample" else CASES[case]("review_report")
    pages = _page_texts(pool.convert(render("review_report", data, settings=render_settings).docx))
    closing = re.sub(r"\s+", "", f"{data['report_date'][:4]}.") + "한국지능정보사회진흥원"
    last = pages[-1]
    # the last page carries more than the date, the agency and the page number
    assert len(pages) == 1 or len(last) > len(closing) + 60, (len(pages), last)


@pytest.mark.parametrize("kind", KINDS)
def test_golden_pdf_text(kind: str, pool: ConverterPool, render_settings: Settings, tmp_path: Path) -> None:
    pdf = pool.convert(render(kind, sample(kind), settings=render_settings).docx)
    text = pdf_text(pdf, tmp_path)
    golden = GOLDEN / f"{kind}.pdf.txt"
    if os.environ.get("DSREVIEW_UPDATE_GOLDEN") == "1":  # regenerate after a reviewed template change
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_text_of_the_edge_cases(kind: str, case: str, settings: Settings) -> None:
    """Empty optional sections, 200 rows, long text, special characters: DOCX and HWPX text."""
    texts = _texts(kind, CASES[case](kind), settings)
    for fmt, text in texts.items():
        golden = GOLDEN / "edge" / f"{kind}.{case}.{fmt}.txt"
        if os.environ.get("DSREVIEW_UPDATE_GOLDEN") == "1":
            golden.parent.mkdir(exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), golden.name


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", ["minimal", "special"])
def test_golden_pdf_text_of_the_edge_cases(
    kind: str, case: str, pool: ConverterPool, render_settings: Settings, tmp_path: Path
) -> None:
    pdf = pool.convert(render(kind, CASES[case](kind), settings=render_settings).docx)
    text = pdf_text(pdf, tmp_path)
    golden = GOLDEN / "edge" / f"{kind}.{case}.pdf.txt"
    if os.environ.get("DSREVIEW_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
