"""Corrections for what OCR does to scanned forms: garbled labels, split cells, misread marks and
letters, and names and addresses voted on across the bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, Page, Word
from dsreview.domain.names import misread_variant
from dsreview.extractors.labels import PageLines, page_lines
from dsreview.extractors.reading import read_files
from dsreview.extractors.repair import repair_labels
from dsreview.extractors.snap import snap_bundle
from dsreview.extractors.text import squash
from dsreview.extractors.types import EXTRACTORS
from dsreview.services.check import SandboxTools
from tests.corpus import CASES

Cell = tuple[str, float]  # text, left edge in points


def scanned(*rows: list[Cell], heights: dict[str, float] | None = None) -> PageLines:
    """A page of OCR'd words: each row a line 20 pt below the last, each word 7 pt a syllable."""
    words: list[Word] = []
    for i, row in enumerate(rows):
        top = 100.0 + 20 * i
        for text, x0 in row:
            x = x0
            for token in text.split():
                h = (heights or {}).get(token, 10.0)
                words.append(Word(token, x, top, x + 7 * len(token), top + h, 0.9))
                x += 7 * len(token) + 3
    return page_lines(Page(source="scan.pdf", number=1, width=595, height=842, words=words, ocr=True))


def extract(doc_type: str, page: PageLines) -> dict[str, object]:
    return {k: (fv.value if fv else None) for k, fv in EXTRACTORS[doc_type].extract([page]).items()}


def test_an_address_split_across_cells_is_read_whole() -> None:
    page = scanned(
        [("상호", 60), ("주식회사 누리데이터", 160)],
        [("사업장 소재지", 60), ("광주광역시 북구 첨단과기로", 160), ("119, 10층", 380)],
        [("대표자", 60), ("조성민", 160), ("개업연월일", 300), ("2016-03-26", 380)],
    )
    fields = extract("business_registration", page)
    assert fields["business_address"] == "광주광역시 북구 첨단과기로 119, 10층"
    assert fields["representative"] == "조성민"


def test_a_colon_read_as_a_sliver_of_letters_is_not_the_value() -> None:
    words = [
        Word("담당자", 60, 100, 81, 110, 0.97),
        Word("soe", 174.2, 101.5, 175.3, 106.5, 0.28),  # a colon, 1 pt wide
        Word("윤영수", 185, 100, 212, 110, 0.9),
    ]
    page = page_lines(Page(source="s.pdf", number=1, width=595, height=842, words=words, ocr=True))
    assert extract("application_form", page)["contact_name"] == "윤영수"


def test_a_label_in_parentheses_after_a_misread_one_is_found_on_a_tall_line() -> None:
    # `RPO(복구목표시점)` read as `800(복구목표시점)`, its boxes as tall as the parenthesis
    tall = dict.fromkeys(("800(", "복", "구", "목", "표", "시점)"), 18.4)
    page = scanned(
        [("서비스명", 60), ("누리 호스팅", 160)],
        [("800( 복 구 목 표 시점)", 60), ("= 24 시간", 200)],
        [("가용성", 60), ("99.9%", 160)],
        [("지원 시간", 60), ("평일 09:00~18:00", 160)],
        heights=tall,
    )
    assert extract("sla_policy", page)["rpo_hours"] == 24


def test_the_model_letter_of_a_csap_number_follows_the_certified_model() -> None:
    page = scanned(
        [("제 CSAP~2021-1-093 호", 200)],
        [("인증유형", 60), ("IaaS", 160)],
        [("서비스명", 60), ("한빛 회의록", 160)],
    )
    assert extract("csap_certificate", page)["certificate_number"] == "CSAP-2021-I-093"
    page = scanned([("제 CSAP-2021-1-093 호", 200)], [("인증유형", 60), ("SaaS", 160)])
    # a 1 is no look-alike of S: left as read, for a person to see
    assert extract("csap_certificate", page)["certificate_number"] == "CSAP-2021-1-093"


def test_a_cash_flow_grade_with_a_letter_for_its_digit() -> None:
    page = scanned([("신용평가등급", 60), ("BB+", 200)], [("현금흐름등급", 60), ("CFI", 200)])
    fields = extract("credit_rating", page)
    assert (fields["rating"], fields["cash_flow_grade"]) == ("BB+", "CF1")


def _doc(doc_type: str, field: str, value: str, readings: list[str]) -> ExtractedDocument:
    doc = ExtractedDocument(type=doc_type, source="bundle.pdf", pages=[1], ocr=True, fields={field: value})
    doc.readings = {field: readings}
    return doc


def test_a_scanned_bundle_votes_on_its_address() -> None:
    whole, misread = "광주광역시 북구 첨단과기로 119, 10층", "광주광역시 북구 첨단과기로 119, 108"
    docs = [
        _doc("application_form", "address", whole, [whole]),
        _doc("corporate_registry", "head_office", misread, [misread]),
        _doc("business_registration", "business_address", misread, [misread, whole]),
        _doc("business_registration", "head_office_address", misread, [misread, whole]),
    ]
    snap_bundle(docs)
    assert [next(iter(d.fields.values())) for d in docs] == [whole] * 4


def test_a_road_name_read_as_latin_letters_is_snapped_to_the_bundle() -> None:
    whole = "부산광역시 남구 문현금융로 247, 13층"
    docs = [
        _doc("application_form", "address", whole, [whole]),
        _doc("business_registration", "business_address", whole, [whole]),
        _doc("corporate_registry", "head_office", "부산광역시 남구 BASSE 247, 13층", []),
    ]
    snap_bundle(docs)
    assert docs[2].fields["head_office"] == whole


def test_names_are_not_voted_on() -> None:
    # the models misread 빛 as 빚 on most pages: a majority of scans is no evidence for a name
    docs = [
        _doc("application_form", "company_name", "주식회사 별빚소프트", ["주식회사 별빚소프트"]),
        _doc("business_registration", "company_name", "주식회사 별빚소프트", ["주식회사 별빚소프트"]),
        _doc("credit_rating", "company_name", "주식회사 별빛소프트", ["주식회사 별빛소프트"]),
    ]
    snap_bundle(docs)
    assert docs[2].fields["company_name"] == "주식회사 별빛소프트"


def test_misread_variants_differ_in_one_letter_of_one_syllable() -> None:
    assert misread_variant("별빛소프트", "별빚소프트")
    assert misread_variant("해온정보", "해몬정보")
    assert not misread_variant("하늘소프트", "하나소프트")  # two letters: another name
    assert not misread_variant("별빛소프트", "별빛소프트")
    assert not misread_variant("가나다라", "가나다")
    assert not misread_variant("ab", "ac")


@pytest.mark.slow
def test_a_garbled_label_cell_is_read_again(tmp_path: Path) -> None:
    """S04's form prints 서비스명 on a shaded cell; the page OCR reads it as Latin letters."""
    settings = Settings(data_dir=tmp_path)
    (reading,) = read_files([CASES / "S04" / "application_form.pdf"], settings=settings)
    page = reading.pages[0]
    before = page_lines(page, tools=SandboxTools(settings))
    after = repair_labels(before, page.words)

    def cells(pl: PageLines) -> set[str]:
        return {squash(seg.text) for ln in pl.lines for seg in ln.segments}

    assert "서비스명" not in cells(before)
    assert "서비스명" in cells(after)
    assert len(after.lines) == len(before.lines)
    assert extract("application_form", after)["service_name"] == "해온전자결재 서비스"
    # without a way to look again (no tools) the lines are left as they are
    plain = page_lines(page)
    assert repair_labels(plain, page.words) is plain
