"""Bilingual prints: a label's English beside it or first, options named in English with their
Korean in brackets, dates written in English, and terms a text defines in brackets."""

from __future__ import annotations

from datetime import date

from dsreview.domain import Page, Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.labels import page_lines
from tests.extractors.test_layouts import extract, text_page


def test_a_label_with_its_english_after_a_slash_is_one_label() -> None:
    page = text_page(
        [("사업자등록증", 250)],
        [("법인명(단체명) / Name of Company", 60), ("주식회사 가람테크", 300)],
        [("대표자 / Representative", 60), ("강미경", 300)],
    )
    got = extract("business_registration", page)
    assert got["company_name"] == "주식회사 가람테크"
    assert got["representative"] == "강미경"


def test_an_english_label_first_with_the_korean_in_brackets() -> None:
    page = text_page(
        [("기업신용등급확인서", 250)],
        [("Company Name (기업명)", 60), ("(주)다온시스템", 300)],
        [("Credit Rating (신용등급)", 60), ("BB+", 300)],
        [("Certificate No. (확인서 번호) : 2024-585973", 60)],
    )
    got = extract("credit_rating", page)
    assert got["company_name"] == "(주)다온시스템"
    assert got["rating"] == "BB+"


def test_a_box_before_an_english_option_ticks_its_korean_words() -> None:
    page = text_page(
        [("디지털서비스 심사 신청서", 200)],
        [
            ("제공자 구분 / Provider Type", 60),
            ("□ Original Provider (원 제공자) ■ Reseller (중개 제공자)", 250),
        ],
        [("교육용 서비스 여부", 60), ("□ Yes (예) ■ No (아니오)", 250)],
    )
    got = extract("application_form", page)
    assert got["provider_type"] == "reseller"
    assert got["education_exempt"] is False


def test_dates_written_in_english_and_a_date_alone_with_its_translation() -> None:
    assert nz.dates_in("March 5, 2024") == [date(2024, 3, 5)]
    assert nz.dates_in("5 March 2024 (2024년 3월 5일)") == [date(2024, 3, 5)]
    assert nz.parse_period("Feb. 16, 2022 ~ Feb. 15, 2027") == (date(2022, 2, 16), date(2027, 2, 15))
    assert nz.dates_in("Mayday 12, 2024") == []
    page = text_page(
        [("사업자등록증", 250)],
        [("등록번호", 60), ("416-86-49008", 300)],
        [("2024-02-13 (February 13, 2024)", 250)],
        [("북대전세무서장", 250)],
    )
    assert extract("business_registration", page)["issue_date"] == date(2024, 2, 13)


def test_a_term_defined_in_brackets_is_no_name() -> None:
    assert nz.quoted_names_at('This Service Level Agreement ("SLA") applies to 하늘 문서') == []
    assert nz.quoted_names_at('(the "Covered Service")') == []
    assert nz.quoted_names_at("서비스 「하늘 문서 클라우드」를 제공한다") == [(4, "하늘 문서 클라우드")]


def test_a_watermark_in_the_text_layer_is_no_word_of_the_page() -> None:
    words = [Word("1.", 60, 100, 70, 110), Word("전자상거래업", 75, 100, 135, 110)]
    words += [
        Word(ch, 150 + 40 * i, 300 - 30 * i, 205 + 40 * i, 360 - 30 * i)
        for i, ch in enumerate("대한민국법원")
    ]
    words += [
        Word("2.", 60, 122, 70, 132),
        Word("교육", 75, 122, 95, 132),
        Word("서비스업", 98, 122, 138, 132),
    ]
    # the rest of the page: ordinary lines of ordinary words
    words += [
        Word(f"줄{i}", 60 + 30 * k, 500 + 20 * i, 85 + 30 * k, 510 + 20 * i)
        for i in range(8)
        for k in range(3)
    ]
    lines = page_lines(Page(source="a.pdf", number=1, width=595, height=842, words=words)).lines
    assert [line.text for line in lines][:2] == ["1. 전자상거래업", "2. 교육 서비스업"]
    assert not any(ch in line.text for line in lines for ch in "대한민국법원")


def test_a_title_in_english_with_its_korean_under_it_names_the_document() -> None:
    from dsreview.extractors.classify import classify_page

    words = [Word("Capability", 200, 80, 290, 104), Word("Statement", 295, 80, 380, 104)]
    words += [Word("디지털서비스", 210, 108, 270, 120), Word("제공역량", 273, 108, 313, 120)]
    words += [Word("증명자료", 316, 108, 356, 120)]
    words += [
        Word(f"본문{i}", 60 + 40 * k, 200 + 16 * i, 95 + 40 * k, 210 + 16 * i)
        for i in range(10)
        for k in range(4)
    ]
    page = page_lines(Page(source="c.pdf", number=1, width=595, height=842, words=words))
    found = classify_page(page)
    assert found.title_type == "capability_evidence"
    assert found.title_score >= 0.9
