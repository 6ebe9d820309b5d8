"""Normal forms of values as issuers print them and OCR misreads them."""

from __future__ import annotations

from datetime import date

import pytest

from dsreview.domain.names import company_key
from dsreview.extractors import normalize as nz
from dsreview.extractors.text import join_letter_spaced


@pytest.mark.parametrize(
    "text",
    [
        "2024년 3월 5일",
        "2024년 03월 05일",
        "2024 년 03 월 05 일",
        "2024.03.05",
        "2024. 3. 5.",
        "2024-03-05",
        "2024/03/05",
        "발행일 2024/03/05 13:02",
        "20240305",
    ],
)
def test_dates_in_every_printed_form(text: str) -> None:
    assert nz.parse_date(text) == date(2024, 3, 5)


def test_impossible_dates_are_not_dates() -> None:
    assert nz.parse_date("2024.13.05") is None
    assert nz.parse_date("2024.02.30") is None
    assert nz.parse_date("금 500,000,000 원") is None


def test_ocr_look_alikes_are_mapped_only_for_dates_on_scans() -> None:
    assert nz.parse_date("2O24.O3.l5", ocr=True) == date(2024, 3, 15)
    assert nz.parse_date("2O24.O3.l5") is None


def test_period() -> None:
    assert nz.parse_period("2024.01.10 ~ 2025.01.09") == (date(2024, 1, 10), date(2025, 1, 9))
    assert nz.parse_period("2024년 1월 1일부터 2025년 12월 31일까지") == (
        date(2024, 1, 1),
        date(2025, 12, 31),
    )


@pytest.mark.parametrize(
    ("brn", "ok"),
    [
        ("1348672607", True),
        ("2208162517", True),
        ("1208147521", True),
        ("1248100998", True),
        ("1234567890", False),
        ("2208162510", False),
    ],
)
def test_brn_check_digit(brn: str, ok: bool) -> None:
    assert nz.brn_check_ok(brn) is ok


def test_brn_check_digit_uses_the_ninth_digit_carry() -> None:
    # digit 9 = 9: floor(9 × 5 / 10) = 4 is added before the modulus (NTS rule, eGov checkCompNumber)
    head = "10181009"
    for d9 in "0123456789":
        digits9 = head + d9
        total = sum(int(a) * w for a, w in zip(digits9, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True))
        total += int(d9) * 5 // 10
        check = (10 - total % 10) % 10
        assert nz.brn_check_ok(digits9 + str(check))
        assert not nz.brn_check_ok(digits9 + str((check + 1) % 10))


def test_crn_check_digit() -> None:
    digits12 = "110111123456"
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits12))
    good = digits12 + str((10 - total % 10) % 10)
    assert nz.crn_check_ok(good)
    assert not nz.crn_check_ok(good[:-1] + str((int(good[-1]) + 1) % 10))


def test_identifier_readings_let_the_check_digit_choose_never_rewrite() -> None:
    readings = nz.brn_readings("사업자등록번호 22O-81-62517", ocr=True)
    assert nz.pick_identifier(readings, "brn") == ("220-81-62517", True)
    # a wrong digit stays wrong and is flagged, not corrected
    assert nz.pick_identifier(nz.brn_readings("220-81-62518"), "brn") == ("220-81-62518", False)


@pytest.mark.parametrize(
    ("token", "grade"),
    [("BB0", "BB"), ("B0", "B"), ("BBO", "BB"), ("AA+", "AA+"), ("CCC-", "CCC-"), ("NR", "NR")],
)
def test_grades_are_canonical(token: str, grade: str) -> None:
    assert nz.canonical_grade(token) == grade


def test_money_hours_percent() -> None:
    assert nz.parse_money("금 500,000,000 원") == 500_000_000
    assert nz.parse_money("금5,000원") == 5000
    assert nz.parse_hours("접수 후 2시간 이내") == 2
    assert nz.parse_hours("30분 이내") == 0.5
    assert nz.parse_hours("4 시 간") == 4
    assert nz.parse_percent("99.95% 이상") == 99.95


def test_letter_spacing_is_removed_from_names_only() -> None:
    assert join_letter_spaced("김 민 준") == "김민준"
    assert nz.clean_name("김 민 준 (인)") == "김민준"
    assert nz.clean_text("서울특별시  강남구   테헤란로 1") == "서울특별시 강남구 테헤란로 1"


@pytest.mark.parametrize(
    "name",
    [
        "(주)하늘클라우드",
        "㈜하늘클라우드",
        "( 주 )하늘클라우드",
        "주식회사 하늘클라우드",
        "하늘클라우드 주식회사",
        "하늘 클라우드(주)",
    ],
)
def test_company_forms_compare_equal(name: str) -> None:
    assert company_key(name) == company_key("주식회사 하늘클라우드")
    assert company_key(name) != company_key("주식회사 하늘데이터")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(주 누리데이터", "(주) 누리데이터"),  # OCR lost a parenthesis
        ("주) 누리데이터", "(주) 누리데이터"),
        ("(주) 누리데이터", "(주) 누리데이터"),
        ("주성전자", "주성전자"),
        ("주식회사", None),  # nothing but the legal form: the name itself was not read
        ("(주)", None),
    ],
)
def test_company_names_as_ocr_leaves_them(text: str, name: str | None) -> None:
    assert nz.clean_company(text) == name


def test_a_digit_is_never_part_of_a_persons_name() -> None:
    assert nz.clean_name("3") is None
    assert nz.clean_name("김 민 준") == "김민준"
