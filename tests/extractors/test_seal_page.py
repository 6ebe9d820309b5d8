"""A certified copy's last page — the court's seal page of a registry, with no title of its own —
belongs to its document, not an unclassified page to remove (issue 10)."""

from __future__ import annotations

from dsreview.domain import FileReading, Page, Word
from dsreview.extractors.pipeline import extract_readings


def _page(number: int, lines: list[tuple[str, float, float]]) -> Page:
    """A text-layer page: (text, left edge, height) per line, 22 pt apart."""
    words: list[Word] = []
    for i, (text, x0, height) in enumerate(lines):
        top, x = 80.0 + 26 * i, x0
        for token in text.split():
            width = 0.9 * height * len(token)
            words.append(Word(token, x, top, x + width, top + height))
            x += width + 0.4 * height
    return Page(source="registry.pdf", number=number, width=595, height=842, words=words)


def test_the_seal_page_of_a_registry_belongs_to_the_registry() -> None:
    first = _page(
        1,
        [
            ("등기사항전부증명서 (말소사항 포함)", 170, 18),
            ("등기번호 012345", 60, 10),
            ("등록번호 110111-1234568", 60, 10),
            ("상호 주식회사 하늘정보", 60, 10),
            ("본점 서울특별시 강남구 테헤란로 1", 60, 10),
            ("목적 1. 소프트웨어 개발 및 공급업", 60, 10),
            ("2. 위 각호에 관련된 부대사업 일체", 95, 10),
            ("임원에 관한 사항", 200, 10),
            ("대표이사 김하늘 2020 년 01 월 01 일 취임", 60, 10),
        ],
    )
    seal = _page(
        2,
        [
            ("-- 이 하 여 백 --", 250, 10),
            ("관할등기소 서울중앙지방법원 등기국", 60, 10),
            ("수수료 1,000원 영수함", 60, 10),
            ("이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", 150, 10),
            ("서기 2024 년 03 월 04 일", 230, 10),
            ("법원행정처 등기정보중앙관리소 전산운영책임관", 140, 12),
        ],
    )
    documents, findings = extract_readings([FileReading(source="registry.pdf", pages=[first, seal])])
    assert [(d.type, d.pages) for d in documents] == [("corporate_registry", [1, 2])]
    assert not [f for f in findings if f.code == "unclassified_document"]
