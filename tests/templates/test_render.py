"""DOCX rendering: every kind from its sample and from edge cases, provenance, escaping, golden text."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import jinja2
import pytest
from lxml import etree

from dsreview.config import OrganisationProfile, Settings
from dsreview.templates.engine import PreparedTemplate, render_with_docxtpl
from dsreview.templates.kinds import document_key, kinds
from dsreview.templates.render import (
    input_sha256,
    jinja_env,
    prepare,
    read_provenance,
    render,
    render_docx,
    template_bytes,
    template_version,
)
from tests.templates.conftest import GOLDEN, KINDS, docx_text, sample, squeeze
from tests.templates.edge import CASES, SPECIAL
from tests.templates.planted import expected


def test_the_catalogue_lists_the_six_kinds() -> None:
    assert kinds() == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_every_planted_value_of_the_sample_is_in_the_docx(kind: str, settings: Settings) -> None:
    data = sample(kind)
    text = squeeze(docx_text(render_docx(kind, data, settings=settings)))
    missing = [value for value in expected(data) if squeeze(value) not in text]
    assert not missing


@pytest.mark.parametrize("kind", KINDS)
def test_golden_text(kind: str, settings: Settings) -> None:
    text = docx_text(render_docx(kind, sample(kind), settings=settings))
    golden = GOLDEN / f"{kind}.txt"
    if os.environ.get("DSREVIEW_UPDATE_GOLDEN") == "1":  # regenerate after a reviewed template change
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_edge_cases_render_with_every_value(kind: str, case: str, settings: Settings) -> None:
    data = CASES[case](kind)
    text = squeeze(docx_text(render_docx(kind, data, settings=settings)))
    missing = [value for value in expected(data) if squeeze(value) not in text]
    assert not missing


def test_markup_in_values_prints_as_written(settings: Settings) -> None:
    data = sample("selection_notice")
    data["services"][0]["service_name"] = SPECIAL
    docx = render_docx("selection_notice", data, settings=settings)
    assert SPECIAL in docx_text(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode()
    assert "R&amp;D &lt;AI&gt;" in xml


def test_newlines_in_values_are_line_breaks(settings: Settings) -> None:
    data = sample("supplement_request")
    data["items"][0]["problems"] = ["첫째 줄\n둘째 줄"]
    assert "첫째 줄\n둘째 줄" in docx_text(render_docx("supplement_request", data, settings=settings))


def test_provenance_is_in_the_document_properties(settings: Settings) -> None:
    data = sample("contract_info")
    doc = render("contract_info", data, settings=settings)
    assert doc.input_sha256 == input_sha256(data)
    assert doc.template_version == template_version("contract_info")
    assert doc.template_version.startswith("contract_info/1+")
    assert doc.key == "CI-2024-00318"
    assert read_provenance(doc.docx) == {
        "dsreview.kind": "contract_info",
        "dsreview.key": "CI-2024-00318",
        "dsreview.input_sha256": doc.input_sha256,
        "dsreview.template_version": doc.template_version,
    }
    with zipfile.ZipFile(io.BytesIO(doc.docx)) as z:
        core = z.read("docProps/core.xml").decode()
    assert f"input-sha256={doc.input_sha256}" in core
    assert f"template={doc.template_version}" in core
    assert "2024-03-20T00:00:00Z" in core  # the document's own date


def test_same_input_same_bytes_other_input_other_hash(settings: Settings) -> None:
    data = sample("selection_notice")
    first = render("selection_notice", data, settings=settings)
    assert render("selection_notice", sample("selection_notice"), settings=settings).docx == first.docx
    data["committee"]["round"] = 43
    other = render("selection_notice", data, settings=settings)
    assert other.input_sha256 != first.input_sha256
    assert other.docx != first.docx


def test_the_sender_comes_from_the_organisation_profile(tmp_path: Any) -> None:
    profile = OrganisationProfile(
        agency="과학기술정보통신부",
        head_title="과학기술정보통신부장관",
        drafter="사무관 홍길동",
        phone="044-202-4000",
    )
    settings = Settings(data_dir=tmp_path, organisation=profile)
    text = docx_text(
        render_docx("nonconformance_posting", sample("nonconformance_posting"), settings=settings)
    )
    for value in ("과학기술정보통신부장관", "기안자 사무관 홍길동", "전화 044-202-4000", "(직인생략)"):
        assert value in text


@pytest.mark.parametrize("kind", ["selection_notice", "supplement_request", "nonconformance_posting"])
def test_official_letters_follow_the_layout(kind: str, settings: Settings) -> None:
    data = sample(kind)
    data.pop("attachments", None)
    lines = docx_text(render_docx(kind, data, settings=settings)).splitlines()
    assert lines[0] == settings.organisation.agency
    assert lines[1].startswith("수신\t")
    assert lines[2].startswith("(경유)\t")
    assert lines[3].startswith("제목\t")
    ending = [line for line in lines if line.endswith("끝.")]
    assert len(ending) == 1
    assert ending[0].endswith("  끝.")
    assert not ending[0].endswith("   끝.")
    assert any(line.startswith("시행 ") and data["document_number"] in line for line in lines)


def test_attachments_carry_the_end_mark(settings: Settings) -> None:
    lines = docx_text(
        render_docx("selection_notice", sample("selection_notice"), settings=settings)
    ).splitlines()
    assert lines.count("붙임\t1. 디지털서비스 선정 확인서 3부.") == 1
    assert "\t2. 이용지원시스템 등록 안내 1부.  끝." in lines
    assert sum(line.endswith("끝.") for line in lines) == 1


def test_contract_deadlines_and_whether_they_were_met(settings: Settings) -> None:
    text = docx_text(render_docx("contract_info", sample("contract_info"), settings=settings))
    # signed 2024-02-14 → due 2024-03-15, registered 3/11; changed 6/3 → due 7/3, registered 7/10
    assert "등록 기한\n2024. 3. 15.\n기한 준수\n기한 내 등록" in text
    assert "등록 기한\n2024. 7. 3.\n기한 준수\n기한 경과" in text


def test_review_report_tallies_the_reviewers(settings: Settings) -> None:
    text = docx_text(render_docx("review_report", sample("review_report"), settings=settings))
    assert "3-2\n운영안정성\n2\n1\n0\n적합" in text
    assert "3-1\n보안성\n2\n0\n1\n적합" in text


def test_the_stable_key_is_file_safe() -> None:
    data = sample("review_opinion")
    data["application_number"] = "DS/2024 0123"
    data["reviewer"]["name"] = "김 ../민준"
    assert document_key("review_opinion", data) == "DS_2024_0123_김_.._민준"
    assert "/" not in document_key("review_opinion", data)


@pytest.mark.parametrize("kind", KINDS)
def test_the_fast_path_renders_what_docxtpl_renders(kind: str, settings: Settings) -> None:
    context, _ = prepare(kind, sample(kind), settings=settings)
    ours = PreparedTemplate(template_bytes(kind), jinja_env()).render(context)
    reference = render_with_docxtpl(template_bytes(kind), context, jinja_env())
    assert _shape(ours) == _shape(reference)


def _shape(docx: bytes) -> list[tuple[str, tuple[tuple[str, str], ...], str]]:
    """Every element of the body in document order: tag, attributes, text (namespaces aside)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    return [(e.tag, tuple(sorted(e.attrib.items())), (e.text or "").strip()) for e in body.iter()]


def test_an_unknown_name_in_a_template_is_an_error() -> None:
    env = jinja_env()
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape is True
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ no_such_name }}").render({})
