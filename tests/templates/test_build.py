"""The shipped DOCX templates (files staff edit): A4, fonts on every style, tables that behave."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from dsreview.templates.filters import ganada, kdate, label, number, won
from dsreview.templates.render import template_bytes
from tests.templates.conftest import KINDS, W


def _part(kind: str, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(template_bytes(kind))) as z:
        return etree.fromstring(z.read(name))


@pytest.mark.parametrize("kind", KINDS)
def test_every_style_sets_the_east_asian_font(kind: str) -> None:
    styles = _part(kind, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None
    assert defaults.get(f"{W}eastAsia")
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") == "numbering":
            continue
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None, style.get(f"{W}styleId")
        assert fonts.get(f"{W}eastAsia"), style.get(f"{W}styleId")
        assert not any(k.endswith("Theme") for k in fonts.attrib), style.get(f"{W}styleId")


@pytest.mark.parametrize("kind", KINDS)
def test_a4_with_the_official_margins(kind: str) -> None:
    body = _part(kind, "word/document.xml").find(f"{W}body")
    assert body is not None
    size = body.find(f"{W}sectPr/{W}pgSz")
    margins = body.find(f"{W}sectPr/{W}pgMar")
    assert size is not None
    assert margins is not None
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    mm = {k: round(int(margins.get(f"{W}{k}") or 0) / 56.693) for k in ("top", "left", "right", "bottom")}
    assert mm == {"top": 30, "left": 20, "right": 15, "bottom": 15}


@pytest.mark.parametrize("kind", KINDS)
def test_tables_are_fixed_and_repeat_their_header(kind: str) -> None:
    document = _part(kind, "word/document.xml")
    for table in document.iter(f"{W}tbl"):
        layout = table.find(f"{W}tblPr/{W}tblLayout")
        assert layout is not None
        assert layout.get(f"{W}type") == "fixed"
        rows = table.findall(f"{W}tr")
        looped = any("{%tr for" in "".join(r.itertext()) for r in rows)
        if looped:
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None


def test_filters() -> None:
    assert kdate("2024-04-05") == "2024. 4. 5."
    assert kdate(None) == "—"
    assert won(120000000) == "금120,000,000원(금일억이천만원)"
    assert number(1234567) == "1,234,567"
    assert [ganada(i) for i in (1, 2, 3, 14, 15, 16)] == ["가", "나", "다", "하", "거", "너"]
    assert label("catalog", "contract_method") == "카탈로그계약"
    assert label(True, "submitted") == "제출"
    assert label(None, "status") == "—"
