"""Templates are files staff edit: checked against their kind's schema, overridable per kind.

The checks read the templates' placeholders and the rendered text, never a template's bytes, so an
edit in Word, LibreOffice or 한글 breaks nothing by itself.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.templates.hwpx import hwpx_text
from dsreview.templates.kinds import kind_specs
from dsreview.templates.render import render, render_docx, render_hwpx, template_version
from dsreview.templates.sources import (
    FORMATS,
    TemplateError,
    check_templates,
    problems,
    template_source,
)
from tests.templates.conftest import KINDS, PROFILE, docx_text, sample
from tests.templates.libreoffice_edit import replace_in_libreoffice

SENTENCE = "귀 사의 무궁한 발전을 기원합니다."
EDITED = "귀 사의 발전을 기원하며, 아래와 같이 알려 드립니다."


def _edit_part(template: bytes, part: str, old: str, new: str) -> bytes:
    """A copy of a template package whose `part` has `old` replaced by `new` (as an editor would)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                assert old in text, f"{old!r} not in {part}"
                data = text.replace(old, new).encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


def _folder(tmp_path: Path) -> Settings:
    folder = tmp_path / "templates"
    folder.mkdir()
    return Settings(data_dir=tmp_path / "data", organisation=PROFILE, templates_dir=folder)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_shipped_template_prints_its_schema_and_nothing_else(kind: str, fmt: str) -> None:
    assert problems(template_source(kind, fmt)) == []


def test_titles_and_kind_names_live_in_the_catalogue() -> None:
    assert set(kind_specs()) == set(KINDS)
    assert kind_specs()["selection_notice"].title == "디지털서비스 선정 통보서"


def test_a_placeholder_the_data_lacks_is_refused_naming_the_template_and_it(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("selection_notice").data
    broken = _edit_part(
        shipped, "word/document.xml", "{{ recipient.company_name }}", "{{ recipient.compnay_name }}"
    )
    (settings.templates_dir / "selection_notice.docx").write_bytes(broken)
    with pytest.raises(TemplateError) as caught:
        check_templates(settings)
    message = caught.value.message
    assert str(settings.templates_dir / "selection_notice.docx") in message
    assert "{{ recipient.compnay_name }}" in message
    assert "/recipient/compnay_name" in message
    # the start-up refuses it too: the service does not come up with a broken template
    with pytest.raises(TemplateError):
        create_app(settings)


def test_a_required_field_the_template_never_prints_is_refused(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("selection_notice").data
    broken = _edit_part(shipped, "word/document.xml", "제{{ committee.round }}차 ", "")
    (settings.templates_dir / "selection_notice.docx").write_bytes(broken)
    with pytest.raises(TemplateError) as caught:
        check_templates(settings)
    assert "committee.round" in caught.value.message
    assert "selection_notice.docx" in caught.value.message


def test_a_broken_tag_is_refused_with_the_template_named(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("contract_info", "hwpx").data
    broken = _edit_part(shipped, "Contents/section0.xml", "{{ contract_name }}", "{{ contract_name }")
    (settings.templates_dir / "contract_info.hwpx").write_bytes(broken)
    with pytest.raises(TemplateError) as caught:
        check_templates(settings)
    assert "contract_info.hwpx" in caught.value.message


def test_an_hwpx_override_is_checked_like_a_docx_one(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("contract_info", "hwpx").data
    broken = _edit_part(shipped, "Contents/section0.xml", "{{ contract_name }}", "{{ contract_title }}")
    (settings.templates_dir / "contract_info.hwpx").write_bytes(broken)
    with pytest.raises(TemplateError) as caught:
        render_hwpx("contract_info", sample("contract_info"), settings=settings)
    assert "{{ contract_title }}" in caught.value.message


def test_an_override_replaces_only_its_kind(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("selection_notice").data
    edited = _edit_part(shipped, "word/document.xml", SENTENCE, EDITED)
    (settings.templates_dir / "selection_notice.docx").write_bytes(edited)
    check_templates(settings)
    text = docx_text(render_docx("selection_notice", sample("selection_notice"), settings=settings))
    assert EDITED in text
    assert SENTENCE not in text
    other = docx_text(render_docx("supplement_request", sample("supplement_request"), settings=settings))
    assert SENTENCE in other  # the shipped template of the other kind
    assert template_version("selection_notice", settings.templates_dir) != template_version(
        "selection_notice"
    )


def test_a_template_edited_in_libreoffice_renders_with_the_change(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    original = tmp_path / "original.docx"
    original.write_bytes(template_source("selection_notice").data)
    target = settings.templates_dir / "selection_notice.docx"
    count = replace_in_libreoffice(original, target, SENTENCE, EDITED, settings=settings, work=tmp_path)
    assert count == 1
    check_templates(settings)  # LibreOffice's own XML: the placeholders still read
    data = sample("selection_notice")
    doc = render("selection_notice", data, settings=settings)
    text = docx_text(doc.docx)
    assert EDITED in text
    assert SENTENCE not in text
    for value in ("주식회사 하늘클라우드", "DS-2024-0413", "2024. 4. 2.", "AI클라우드혁신팀-1042"):
        assert value in text
    assert not re.search(r"\{\{|\{%", text), "a placeholder was left unrendered"


def test_the_hwpx_template_edited_as_a_file_renders_with_the_change(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shipped = template_source("selection_notice", "hwpx").data
    edited = _edit_part(shipped, "Contents/section0.xml", SENTENCE, EDITED)
    (settings.templates_dir / "selection_notice.hwpx").write_bytes(edited)
    text = hwpx_text(render_hwpx("selection_notice", sample("selection_notice"), settings=settings))
    assert EDITED in text
    assert SENTENCE not in text


def test_the_shipped_folder_is_not_needed_for_an_override(tmp_path: Path) -> None:
    settings = _folder(tmp_path)
    assert settings.templates_dir is not None
    shutil.rmtree(settings.templates_dir)
    check_templates(settings)  # a folder that does not exist overrides nothing
