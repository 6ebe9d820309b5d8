"""A document type without structure of its own is data only: its fields are read by the kinds the
catalogue gives them (forms/documents/*.json), with the catalogue's labels."""

from __future__ import annotations

import pytest

from dsreview.extractors.types import EXTRACTORS
from dsreview.extractors.types.catalogue import READERS, CatalogueExtractor
from dsreview.forms import document_spec
from tests.extractors.test_layouts import extract, text_page


@pytest.mark.parametrize("doc_type", ["application_form", "sla_policy"])
def test_the_plain_types_are_read_from_the_catalogue(doc_type: str) -> None:
    extractor = EXTRACTORS[doc_type]
    assert isinstance(extractor, CatalogueExtractor)
    assert [f.name for f in extractor.fields] == list(document_spec(doc_type).fields)
    assert {f.kind for f in extractor.fields} <= set(READERS)


def test_a_type_with_kinds_of_its_own_needs_its_own_extractor() -> None:
    with pytest.raises(ValueError, match="grade"):
        CatalogueExtractor("credit_rating")


def test_an_sla_is_read_by_kind_under_any_label_the_catalogue_knows() -> None:
    page = text_page(
        [("서비스 수준 정책서", 200)],
        [("서비스명", 60), ("하늘문서 클라우드", 200)],
        [("가용성 목표", 60), ("월 99.95 % 이상", 200)],
        [("복구목표시간(RTO)", 60), ("4시간 이내", 200)],
        [("고객 지원 시간", 60), ("평일 09:00 ~ 18:00", 200)],
    )
    got = extract("sla_policy", page)
    assert got["service_name"] == "하늘문서 클라우드"
    assert got["availability_percent"] == 99.95
    assert got["rto_hours"] == 4.0
    assert got["support_hours"] is not None
    assert got["support_hours"].replace(" ", "") == "평일09:00~18:00"  # type: ignore[union-attr]


def test_a_phone_and_an_email_beside_the_contact_are_found_by_their_form() -> None:
    page = text_page(
        [("디지털서비스 심사 신청서", 200)],
        [("담당자", 60), ("박서연 (전화 02-555-0101 / seoyeon@haneul.co.kr)", 200)],
    )
    got = extract("application_form", page)
    assert got["contact_name"] == "박서연"
    assert got["contact_phone"] == "02-555-0101"
    assert got["contact_email"] == "seoyeon@haneul.co.kr"
