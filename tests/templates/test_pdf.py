"""PDF through real LibreOffice: values visible, fonts embedded, nothing off the page, converters managed."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pdfplumber
import pytest

from dsreview.config import Settings
from dsreview.errors import ConversionError
from dsreview.templates.pdf import ConverterPool
from dsreview.templates.render import render, render_docx
from dsreview.templates.soffice import convert_once, fontconfig_file
from tests.templates.conftest import KINDS, pdf_content, pdf_fonts, sample, squeeze, visible
from tests.templates.edge import long_text, many_rows, special
from tests.templates.planted import expected

MM = 72 / 25.4
A4 = (595.3, 841.9)
LEFT, RIGHT = 20 * MM, A4[0] - 15 * MM  # the text area of the template's margins


def _check_layout(pdf: bytes) -> int:
    """Every character lies inside the text area of an A4 page; returns the page count."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            assert (round(page.width, 1), round(page.height, 1)) == A4
            outside = [c["text"] for c in page.chars if c["x0"] < LEFT - 2 or c["x1"] > RIGHT + 2]
            assert not outside, f"page {page.page_number}: {''.join(outside)[:80]}"
        return len(doc.pages)


def _check_fonts(pdf: bytes, tmp_path: Path) -> None:
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts
    # Hangul and Latin alike come from Nanum: no fallback face (DejaVu …) and no boxes.
    assert all("Nanum" in name for name, _ in fonts), fonts


@pytest.mark.parametrize("kind", KINDS)
def test_sample_pdf_shows_every_value_with_fonts_embedded(
    kind: str, pool: ConverterPool, render_settings: Settings, tmp_path: Path
) -> None:
    data = sample(kind)
    doc = render(kind, data, settings=render_settings)
    pdf = pool.convert(doc.docx)
    text = pdf_content(pdf, doc.docx, tmp_path)
    missing = [value for value in expected(data) if squeeze(value) not in text]
    assert not missing
    _check_fonts(pdf, tmp_path)
    _check_layout(pdf)
    path = tmp_path / "meta.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"input-sha256={doc.input_sha256}" in info
    assert f"template={doc.template_version}" in info


def test_two_hundred_rows_break_across_pages_with_the_header_repeated(
    pool: ConverterPool, render_settings: Settings, tmp_path: Path
) -> None:
    data = many_rows("selection_notice", 200)
    docx = render_docx("selection_notice", data, settings=render_settings)
    pdf = pool.convert(docx)
    pages = _check_layout(pdf)
    assert pages > 5
    text = pdf_content(pdf, docx, tmp_path)
    missing = [value for value in expected(data) if not visible(value, text)]
    assert not missing
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            words = page.extract_text() or ""
            if "DS-2024-0" in words:
                assert "선정번호" in words, f"page {page.page_number} lacks the header row"


@pytest.mark.parametrize("case", [long_text, special])
@pytest.mark.parametrize("kind", KINDS)
def test_long_text_and_special_characters_stay_on_the_page(
    kind: str, case: object, pool: ConverterPool, render_settings: Settings, tmp_path: Path
) -> None:
    assert callable(case)
    data = case(kind)
    docx = render_docx(kind, data, settings=render_settings)
    pdf = pool.convert(docx)
    _check_layout(pdf)
    _check_fonts(pdf, tmp_path)
    text = pdf_content(pdf, docx, tmp_path)
    missing = [value for value in expected(data) if not visible(value, text)]
    assert not missing


def test_one_shot_conversion_needs_no_server(render_settings: Settings, tmp_path: Path) -> None:
    pdf = convert_once(
        render_docx("contract_info", sample("contract_info"), settings=render_settings),
        settings=render_settings,
    )
    assert pdf.startswith(b"%PDF")
    _check_fonts(pdf, tmp_path)


def test_a_dead_converter_is_restarted(pool: ConverterPool, render_settings: Settings) -> None:
    docx = render_docx("nonconformance_posting", sample("nonconformance_posting"), settings=render_settings)
    pool.convert(docx)
    before = pool.restarts
    for pid in pool.pids():
        os.killpg(pid, signal.SIGKILL)  # our own converter's process group
    assert pool.convert(docx).startswith(b"%PDF")
    assert pool.restarts == before + 1


def test_a_conversion_that_runs_too_long_is_stopped(render_settings: Settings) -> None:
    heavy = render_docx("supplement_request", many_rows("supplement_request", 1000), settings=render_settings)
    light = render_docx("selection_notice", sample("selection_notice"), settings=render_settings)
    with ConverterPool(
        render_settings, size=1, timeout=1, base_port=render_settings.unoserver_base_port + 50
    ) as own:
        with pytest.raises(ConversionError, match="시간"):
            own.convert(heavy)
        assert own.convert(light).startswith(b"%PDF")  # restarted for the next document
        assert own.restarts >= 1
    assert own.pids() == []


def test_the_pool_stops_its_processes(render_settings: Settings) -> None:
    with ConverterPool(render_settings, size=1, base_port=render_settings.unoserver_base_port + 70) as own:
        own.wait_ready()
        pids = own.pids()
        assert len(pids) == 1
    deadline = time.monotonic() + 10
    while _group_alive(pids[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _group_alive(pids[0])


def _group_alive(pgid: int) -> bool:
    """A process of the group other than a zombie."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


@pytest.mark.parametrize(
    "family",
    [
        "휴먼명조",
        "한컴바탕",
        "맑은 고딕",
        "굴림",
        "돋움",
        "바탕",
        "궁서",
        "HY견고딕",
        "HY헤드라인M",
        "함초롬바탕",
    ],
)
def test_government_fonts_map_to_nanum(family: str) -> None:
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}
    out = subprocess.run(["fc-match", family], capture_output=True, text=True, env=env, check=True).stdout
    assert out.startswith("Nanum"), out
