"""Corrections for what OCR does to scanned forms: garbled labels, split cells, misread marks and
letters, and names and addresses voted on across the bundle."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, FileReading, Page, Word
from dsreview.domain.names import company_key, misread_variant
from dsreview.extractors import normalize as nz
from dsreview.extractors.labels import PageLines, page_lines
from dsreview.extractors.pipeline import extract_readings, merge_readings
from dsreview.extractors.reading import read_files
from dsreview.extractors.repair import repair_labels
from dsreview.extractors.snap import snap_bundle
from dsreview.extractors.text import squash
from dsreview.extractors.types import EXTRACTORS
from dsreview.services.check import SandboxTools
from tests.corpus import CASES

Cell = tuple[str, float]  # text, left edge in points


def scanned(*rows: list[Cell], heights: dict[str, float] | None = None, spacing: float = 20) -> PageLines:
    """A page of OCR'd words: each row a line `spacing` pt below the last, 7 pt a character."""
    words: list[Word] = []
    for i, row in enumerate(rows):
        top = 100.0 + spacing * i
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
        [("사업장 소재지", 60), ("광주광역시 북구 첨단과기로", 160), ("119, 10층", 265)],
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
    tools = SandboxTools(settings)
    before = page_lines(page, tools=tools)
    # the tools batch their looks: the first pass asks, flush() reads, the second pass has the answer
    assert repair_labels(before, page.words) is before
    assert tools.flush()
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


def test_a_header_row_cell_that_wraps_is_read_whole() -> None:
    # a text layer too: `2024 년 12 월` on the row, `31 일` on the line under it
    page = scanned(
        [("신용평가등급", 60), ("A", 200)],
        [("결산기준일", 60), ("평가일", 200), ("유효기간", 340)],
        [("2024 년 12 월", 60), ("2025 년 04 월", 200), ("2025 년 04 월 14 일 ~ 2026 년", 340)],
        [("31 일", 60), ("14 일", 200), ("04 월 13 일", 340)],
        spacing=14,
    )
    fields = extract("credit_rating", page)
    assert (fields["settlement_date"], fields["evaluation_date"]) == (date(2024, 12, 31), date(2025, 4, 14))
    assert (fields["valid_from"], fields["valid_until"]) == (date(2025, 4, 14), date(2026, 4, 13))


def _file(source: str, *rows: list[Cell]) -> FileReading:
    pl = scanned(*rows)
    page = pl.page
    page.source = source
    return FileReading(source=source, pages=[page])


def test_a_document_scanned_page_by_page_into_files_is_read_whole() -> None:
    first = _file(
        "08_SLA_1.jpg",
        [("서비스 수준 정책서", 200)],
        [("서비스명", 60), ("누리 호스팅", 160)],
        [("가용성", 60), ("99.9%", 160)],
    )
    second = _file(
        "08_SLA_2.jpg",
        [("4. 백업 및 복구", 60)],
        [("RTO(복구목표시간)", 60), (": 4 시간", 240)],
        [("RPO(복구목표시점)", 60), (": 24 시간", 240)],
    )
    documents, _ = extract_readings([first, second])
    assert [(d.type, d.source) for d in documents] == [
        ("sla_policy", "08_SLA_1.jpg"),
        ("sla_policy", "08_SLA_2.jpg"),
    ]
    whole = documents[0].fields
    assert (whole["service_name"], whole["availability_percent"], whole["rto_hours"], whole["rpo_hours"]) == (
        "누리 호스팅",
        99.9,
        4,
        24,
    )
    # evidence stays with the file a value was read on
    assert "rto_hours" not in documents[0].evidence
    assert "rto_hours" in documents[1].evidence


def test_two_documents_of_one_type_with_titles_of_their_own_stay_apart() -> None:
    def certificate(source: str, service: str) -> FileReading:
        return _file(source, [("클라우드 보안인증서", 200)], [("서비스명", 60), (service, 160)])

    documents, _ = extract_readings([certificate("csap.pdf", "누리 호스팅"), certificate("other.pdf", "")])
    assert documents[0].fields["service_name"] == "누리 호스팅"
    assert documents[1].fields["service_name"] is None


def test_csap_numbers_as_ocr_misreads_them() -> None:
    def number(text: str, model: str) -> object:
        page = scanned([(f"제 {text} 호", 200)], [("인증유형", 60), (model, 160)])
        return extract("csap_certificate", page)["certificate_number"]

    assert number("6540-2022-5-160", "SaaS") == "CSAP-2022-S-160"
    assert number("C5AP-2022-1-209", "IaaS") == "CSAP-2022-I-209"
    assert number("KISA-2022-S-160", "SaaS") == "KISA-2022-S-160"  # another form: as read
    assert number("CSAP-2022-1-085", "1805") == "CSAP-2022-I-085"  # the model unread: a digit can't be it


def test_a_date_with_its_units_read_as_characters() -> None:
    assert nz.parse_date("20224 128 194", ocr=True) == date(2022, 12, 19)
    assert nz.parse_date("20224 128 194") is None
    assert nz.parse_date("20224 138 194", ocr=True) is None


def test_an_empty_box_read_as_the_hangul_letter_is_empty() -> None:
    # ㅁ (U+3141) becomes U+1106 under NFKC: still an empty box, so the other option is ticked
    page = scanned([("모니터링 정보 제공", 60), (": BAS ㅁ 미 제 공", 200)])
    assert extract("sla_policy", page)["monitoring"] is True


def test_parties_of_an_agreement_in_prose_however_ocr_spaced_it() -> None:
    page = scanned(
        [("디 지 털 서비스 공급 및 기 술 지원 협약서", 100)],
        [('원 제공자 주식회사 글 로 벌 클 라 우 드 ( 사 업 자 등 록 번호 543-81-14295, 이하 " 갑 ") 와', 40)],
        [('중개 제공자 주식회사 코 어 브 릿 지 ( 사 업 자 등 록 번호 487-86-54406, 이하 " 을 ") 는', 40)],
    )
    fields = extract("reseller_agreement", page)
    assert (fields["original_provider_name"], fields["original_provider_brn"]) == (
        "주식회사 글로벌클라우드",
        "543-81-14295",
    )
    assert (fields["reseller_name"], fields["reseller_brn"]) == ("주식회사 코어브릿지", "487-86-54406")


def test_a_credit_agency_with_latin_letters_misread() -> None:
    page = scanned([("신용평가등급", 60), ("A", 200)], [("N1E 평 가 정 보 주식회사", 200)])
    assert extract("credit_rating", page)["agency"] == "NICE평가정보"


def test_a_company_name_cut_at_a_gap_with_its_mark_misread() -> None:
    page = scanned([("기업명", 60), ("( 쥐 코 어 브", 160), ("릿지", 218), ("대표자", 340), ("정태윤", 400)])
    fields = extract("credit_rating", page)
    assert isinstance(fields["company_name"], str)
    assert company_key(fields["company_name"]) == "코어브릿지"
    assert fields["company_name"].startswith("(주)")
    page = scanned([("상호", 60), ("( 쥐 코 어 브", 160), ("릿지", 218), ("대표자", 340), ("정태윤", 400)])
    fields = extract("business_registration", page)  # the next label ends the name
    assert isinstance(fields["company_name"], str)
    assert (company_key(fields["company_name"]), fields["representative"]) == ("코어브릿지", "정태윤")


def test_each_side_of_a_period_is_read_on_its_own() -> None:
    # the start misread beyond recognition must not turn the end into the start
    assert nz.parse_period("202244 08 월 20 일 ~ 2027 년 08 월 19 일", ocr=True) == (None, date(2027, 8, 19))
    assert nz.parse_period("2024-01-10 - 2025-01-09") == (date(2024, 1, 10), date(2025, 1, 9))
    words = "2024년 1월 1일부터 2025년 12월 31일까지"
    assert nz.parse_period(words) == (date(2024, 1, 1), date(2025, 12, 31))


def test_labels_as_ocr_garbles_them() -> None:
    page = scanned(
        [("신청 서비스 ㅣ 서 비 스 명", 60), ("빛가 인사관리", 240)],  # ㅣ: a table rule
        [("현 금 흐 등급 름", 60), ("CF2", 240)],  # a syllable out of order
        [("인 증 유", 60), (":", 150), ("SaaS ( 간 편 등급", 170)],  # the last syllable lost
    )
    assert extract("application_form", page)["service_name"] == "빛가 인사관리"
    assert extract("credit_rating", page)["cash_flow_grade"] == "CF2"
    csap = extract("csap_certificate", page)
    assert (csap["certification_type"], csap["grade"]) == ("SaaS", "간편")


def test_one_syllable_options_are_not_found_inside_words() -> None:
    # 상/중/하 are in 가상 and 하기: a sentence is no row of grade options
    page = scanned(
        [("인증유형", 60), ("SaaS", 160)],
        [("인증범위", 60), ("아라 가상 데스크톱 및 이를 운영하기 위한 클라우드 인프라", 160)],
    )
    assert extract("csap_certificate", page)["grade"] is None


def test_registry_purposes_and_capital_as_ocr_leaves_them() -> None:
    page = scanned(
        [("등기사항전부증명서", 200)],
        [("발 행 주 식 의 총 수 와 그 종류 및 각 각 의 수 지 분 금 의역", 60)],  # 자본금의 액, garbled
        [("발 행 주 식 의 총수 300,000 주 금 1.500,000,000 원", 60)],
        [("목적", 60)],
        [("해 정 보 통 신 공사업", 120)],  # its `1.` misread
        [("2 소프트웨어 개발 및 공급업", 120)],  # its dot lost
        [("3. 위 각 호 에 관련된 부 대 사업 일체", 120)],
        [("임원에 관한 사항", 60)],
    )
    fields = extract("corporate_registry", page)
    assert fields["capital"] == 1_500_000_000
    purposes = ["정보통신 공사업", "소프트웨어 개발 및 공급업", "위각호에 관련된 부대 사업 일체"]
    assert fields["purposes"] == purposes
    assert nz.parse_money("금 5000,000,000 원", ocr=True) == 5_000_000_000  # a separator lost


def test_a_long_list_of_items_wraps_onto_the_next_line() -> None:
    # a text layer: `종목 …, 응용소프트웨어` / `개발 및 공급업`, then the next field
    page = page_lines(
        Page(
            source="brc.pdf",
            number=1,
            width=595,
            height=842,
            words=[
                *(
                    Word(t, x, 100, x + 7 * len(t), 111)
                    for t, x in [
                        ("업태", 64),
                        ("정보통신업", 100),
                        ("종목", 150),
                        ("소프트웨어", 180),
                        ("자문,", 220),
                        ("응용소프트웨어", 250),
                    ]
                ),
                Word("개발", 64, 113, 78, 124),
                Word("및", 81, 113, 88, 124),
                Word("공급업", 91, 113, 112, 124),
                Word("발급사유", 64, 140, 92, 151),
                Word(":", 200, 140, 202, 151),
                Word("신규", 205, 140, 219, 151),
            ],
        )
    )
    assert extract("business_registration", page)["business_items"] == [
        "소프트웨어 자문",
        "응용소프트웨어 개발 및 공급업",
    ]


def test_dates_and_marks_as_the_korean_models_read_them() -> None:
    assert nz.parse_period("2023 1.1. ㆍ 2027.12. 31:", ocr=True) == (date(2023, 1, 1), date(2027, 12, 31))
    page = scanned([("교육 목적 제공 여부", 60), ("(CO) 해당 [ 뿔 ] 해당없음", 200)])  # ■ as 뿔
    assert extract("application_form", page)["education_exempt"] is False
    page = scanned([("전자우편", 60), ("sales@wapiqupfy.co,kr", 200)], [("연락처", 60), ("02-380-7269", 200)])
    assert extract("application_form", page)["contact_email"] == "sales@wapiqupfy.co.kr"


def test_nothing_ticked_outweighs_a_guess_by_elimination() -> None:
    # one reading lost the first option and guessed it by elimination; the other read every box empty
    guess = scanned([("지원 유형", 60), ("OSs ㅁ 운영관리 ㅁ 마이그레이션", 200)])
    empty = scanned([("지원 유형", 60), ("ㅁ 컨설팅 ㅁ 운영관리 ㅁ 마이그레이션", 200)])
    first = EXTRACTORS["application_form"].extract([guess])
    second = EXTRACTORS["application_form"].extract([empty])
    guessed, read = first["support_type"], second["support_type"]
    assert guessed is not None
    assert read is not None
    assert (guessed.value, read.value) == ("consulting", None)
    for a, b in ((first, second), (second, first)):
        merged = merge_readings(a, b)["support_type"]
        assert merged is not None
        assert merged.value is None


def test_a_known_agency_is_found_under_a_misread_label_value() -> None:
    page = scanned(
        [("평가기관", 60), ("NICER 7A 주식회사", 200)], [("평 가 기관 NCE 평 가 정 보 주식회사", 60)]
    )
    assert extract("credit_rating", page)["agency"] == "NICE평가정보"


def test_unknown_pages_with_titles_of_their_own_are_documents_of_their_own() -> None:
    def titled(number: int, title: str, text: str) -> Page:
        body = [Word(f"{text}{k}", 60, 120 + 15 * k, 60 + 7 * len(text), 130 + 15 * k) for k in range(4)]
        words = [Word(title, 200, 80, 200 + 14 * len(title), 98), *body]
        return Page(source="b.pdf", number=number, width=595, height=842, words=words)

    pages = [
        titled(1, "개인정보동의서", "동의함 수집 항목 성명"),
        titled(2, "회사소개", "고객과 함께 성장하는 기업"),
    ]
    documents, _ = extract_readings([FileReading(source="b.pdf", pages=pages)])
    assert [(d.type, d.pages) for d in documents] == [("unknown", [1]), ("unknown", [2])]


def test_a_stamp_read_as_letters_inside_a_label() -> None:
    page = scanned([("등 or 록 ke 번호: 130-87-94246", 60)], [("법인명 : (주) 해온정보", 60)])
    assert extract("business_registration", page)["registration_number"] == "130-87-94246"


def test_the_circled_ju_read_as_a_syllable_is_snapped() -> None:
    docs = [
        _doc("business_registration", "company_name", "(주) 해온정보", ["(주) 해온정보"]),
        _doc("credit_rating", "company_name", "준 해 온 정 보", ["준 해 온 정 보"]),
    ]
    snap_bundle(docs)
    assert docs[1].fields["company_name"] == "㈜해온정보"


def test_dates_with_separators_doubled_lost_or_misread() -> None:
    assert nz.parse_date("72023. 12 31.", ocr=True) == date(2023, 12, 31)
    assert nz.parse_period("2024 6..6.~2025. 6.5.", ocr=True) == (date(2024, 6, 6), date(2025, 6, 5))
    assert nz.parse_date("2023 4 12 @31", ocr=True) is None  # the 4 is 년 misread: no guess
    assert nz.parse_date("72023. 12 31.") is None  # a text layer is read as printed


def test_a_label_cut_in_two_cells_and_a_certificate_number_with_a_rule() -> None:
    page = scanned(
        [("제 6540-2024-|-052 호", 200)],
        [("인증유형", 60), ("IaaS", 160)],
        [("유 효", 60), ("기간", 80), (":", 110), ("2021.9.21.~ 2026. 9, 20.", 130)],
    )
    fields = extract("csap_certificate", page)
    assert fields["certificate_number"] == "CSAP-2024-I-052"
    assert (fields["valid_from"], fields["valid_until"]) == (date(2021, 9, 21), date(2026, 9, 20))


def test_options_and_grades_in_the_case_ocr_gives_them() -> None:
    page = scanned([("서비스 모델", 60), ("[DO] laaS [OD] PaaS [#] Saas", 200)])
    assert extract("application_form", page)["service_model"] == "SaaS"
    page = scanned([("신용평가등급", 60), ("A", 200)], [("현금흐름등급", 60), ("CR1", 200)])
    assert extract("credit_rating", page)["cash_flow_grade"] == "CF1"


def test_purposes_under_a_label_misread_beyond_recognition() -> None:
    page = scanned(
        [("등기사항전부증명서", 200)],
        [("bas Stes", 60)],
        [("1. 소프트웨어 개발 및 공급업", 120)],
        [("2. 교육 서비스업", 120)],
        [("임원에 관한 사항", 60)],
    )
    assert extract("corporate_registry", page)["purposes"] == ["소프트웨어 개발 및 공급업", "교육 서비스업"]
