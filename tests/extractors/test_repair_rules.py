"""The OCR repair rules (extractors/repair.py, extractors/snap.py), each on its own example: what a
rule proposes to read again, and which second readings it takes."""

from __future__ import annotations

from dsreview.domain import ExtractedDocument
from dsreview.domain.documents import Evidence
from dsreview.extractors import repair
from dsreview.extractors.snap import snap_bundle
from tests.extractors.test_layouts import text_page


def _line(*cells: tuple[str, float]) -> repair.Line:
    return text_page(list(cells)).lines[0]


def test_the_rules_run_in_a_fixed_order_under_their_names() -> None:
    assert [r.name for r in repair.LINE_RULES] == [
        "garbled_label_cell",
        "spaced_label_line",
        "spaced_label_cell",
    ]


def test_a_garbled_label_cell_is_read_again_and_only_a_korean_reading_taken() -> None:
    line = _line(("|A HAG", 60), ("해온전자결재 서비스", 200))
    (proposal,) = repair._garbled_label_cell(line)
    assert [w.text for w in proposal.words] == ["|A", "HAG"]
    assert proposal.accept("서비스명", 0.9) == "서비스명"
    assert proposal.accept("AHAG", 0.95) is None  # still Latin
    assert proposal.accept("서비스명", 0.3) == "서비스명"  # weak, but a label of the catalogue
    assert proposal.accept("가나다", 0.3) is None  # weak and no label
    # a line that starts with Korean has no garbled label cell
    assert repair._garbled_label_cell(_line(("서비스명", 60), ("해온", 200))) == []


def test_a_letter_spaced_label_misread_is_read_again_whole() -> None:
    line = _line(("은 점 소 재 자: 대전광역시 유성구 테크노2로 136", 60))
    (proposal,) = repair._spaced_label_line(line)
    assert proposal.words == list(line.words)
    assert proposal.accept("본점소재지 : 대전광역시 유성구", 0.8) == "본점소재지 : 대전광역시 유성구"
    assert proposal.accept("인 중 유 형 : SaaS 간편등급", 0.8) is not None  # one syllable off
    assert proposal.accept("은점소재자 : 대전광역시", 0.8) is None  # two off: no label
    assert proposal.accept("본점소재지 대전광역시", 0.8) is None  # no colon: no label line
    # with Latin letters among them, two letters read apart are enough
    assert repair._spaced_label_line(_line(("사 업 장 A A Al: 서울특별시", 60)))
    # a label read right, or a line without a colon, is left alone
    assert repair._spaced_label_line(_line(("사 업 장 소 재 지 : 서울특별시", 60))) == []
    assert repair._spaced_label_line(_line(("가 나 다 라 마", 60))) == []


def test_a_letter_spaced_label_cell_misread_is_read_again_alone() -> None:
    line = _line(("저 비 스 평", 60), ("해온전자결재 서비스", 200))
    (proposal,) = repair._spaced_label_cell(line)
    assert [w.text for w in proposal.words] == ["저", "비", "스", "평"]
    assert proposal.accept("서 비 스 명", 0.8) == "서 비 스 명"
    assert proposal.accept("저 비 스 평", 0.8) is None
    # a label read right (or one syllable off, which the label matcher takes) is left alone
    assert repair._spaced_label_cell(_line(("서 비 스 명", 60), ("해온", 200))) == []
    assert repair._spaced_label_cell(_line(("저 비 스 명", 60), ("해온", 200))) == []
    assert repair._spaced_label_cell(_line(("저 비 스 평 해온", 60))) == []  # no cell of its own


def _scanned(doc_type: str, field: str, value: str) -> ExtractedDocument:
    return ExtractedDocument(
        type=doc_type,
        source=f"{doc_type}.pdf",
        pages=[1],
        ocr=True,
        fields={field: value},
        evidence={field: Evidence(page=1, bbox=(0, 0, 1, 1), text=value)},
    )


def test_a_bundle_repair_names_itself_and_what_was_read() -> None:
    digital = ExtractedDocument(
        type="application_form",
        source="form.pdf",
        pages=[1],
        fields={"company_name": "주식회사 센텀소프트"},
    )
    scanned = _scanned("business_registration", "company_name", "주식회사 센팀소프트")
    snap_bundle([digital, scanned])
    assert scanned.fields["company_name"] == "주식회사 센텀소프트"
    evidence = scanned.evidence["company_name"]
    assert evidence.repaired_by == "born_digital_match"
    assert evidence.read_as == "주식회사 센팀소프트"
    assert evidence.confidence <= 0.85
    assert digital.evidence == {}


def test_a_name_the_bundle_agrees_on_is_found_where_a_document_prints_it_without_a_label() -> None:
    from dsreview.extractors.snap import fill_from_bundle
    from tests.extractors.test_layouts import text_page

    form = ExtractedDocument(
        type="application_form", source="form.pdf", pages=[1], fields={"service_name": "별빛전자계약 서비스"}
    )
    sla = ExtractedDocument(type="sla_policy", source="sla.pdf", pages=[1], fields={"service_name": None})
    other = ExtractedDocument(
        type="csap_certificate", source="csap.pdf", pages=[1], fields={"service_name": None}
    )
    page = text_page(
        [("Service Level Agreement", 200)],
        [("This SLA applies to 별빛전자계약 서비스 (the Covered Service).", 60)],
    )
    unrelated = text_page([("클라우드 보안인증서", 200)], [("인증범위 : 전자결재", 60)])
    fill_from_bundle([form, sla, other], {id(sla): [page], id(other): [unrelated]})
    assert sla.fields["service_name"] == "별빛전자계약 서비스"
    assert sla.evidence["service_name"].repaired_by == "found_by_bundle"
    assert "applies to" in sla.evidence["service_name"].text
    assert other.fields["service_name"] is None  # not printed there: nothing is made up
