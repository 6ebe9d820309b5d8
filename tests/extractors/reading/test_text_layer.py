"""Text-layer PDFs: words with positions, and the pages whose text layer must not be trusted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dsreview.config import Limits, Settings
from dsreview.domain import Page, Word
from dsreview.extractors.reading import read_files
from dsreview.extractors.reading.context import ChildContext
from dsreview.extractors.reading.pdf import read_pdf
from tests.extractors.reading.builders import (
    A4_H,
    CID_FONT_OBJECTS,
    DOCS,
    FONT,
    HELVETICA,
    PUA_CMAP,
    _register_font,
    cid_text_ops,
    image_page_pdf,
    jpeg_bytes,
    one_page_pdf,
    pdf_stream,
)

# "서울특별시 강남구" in CP949 bytes, which a WinAnsi font shows as "¼­¿ïÆ¯º°½Ã °­³²±¸"
MOJIBAKE = "서울특별시 강남구".encode("cp949")


def _find(page: Page, text: str) -> Word:
    matches = [w for w in page.words if w.text == text]
    assert matches, f"{text!r} not among {[w.text for w in page.words]}"
    return matches[0]


def test_words_keep_korean_text_and_positions(docs_pdf: Path, settings: Settings) -> None:
    (reading,) = read_files([docs_pdf], settings=settings)
    assert reading.readable
    assert not reading.problems
    assert [p.number for p in reading.pages] == [1, 2, 3, 4]
    page = reading.pages[0]
    assert not page.ocr
    assert page.image_path is None
    assert not page.alt_words
    assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.01)
    # Each label and value is its own word: table cells do not run together.
    for label, value in DOCS[0].rows:
        assert label.split()[0] in page.text
        for part in value.split():
            _find(page, part)
    # drawn by builders.draw_doc: first row label at x=68, value at x=198, baseline 150 pt from the top
    label, value = _find(page, "등록번호"), _find(page, "134-86-72607")
    assert (label.x0, value.x0) == pytest.approx((68, 198), abs=0.5)
    for word in (label, value):
        assert word.top < 150 < word.bottom
        assert word.bottom - word.top < 16
        assert word.confidence == 1.0
    assert value.x1 - value.x0 == pytest.approx(12 * 11 * 0.55, rel=0.25)  # 12 digits and dashes at 11 pt
    # the spaced title of the first page is read as printed: one word a syllable
    assert [w.text for w in page.words[:5]] == ["사", "업", "자", "등", "록"]
    assert "(주)바다소프트" in reading.pages[1].text


def test_progress_and_names(docs_pdf: Path, settings: Settings) -> None:
    calls: list[tuple[str, int, int]] = []
    readings = read_files(
        [docs_pdf, docs_pdf],
        settings=settings,
        names=["a.pdf", "b.pdf"],
        progress=lambda *a: calls.append(a),
    )
    assert [r.source for r in readings] == ["a.pdf", "b.pdf"]
    assert {p.source for r in readings for p in r.pages} == {"a.pdf", "b.pdf"}
    assert calls == [("read", 1, 2), ("read", 2, 2)]  # no OCR stage: nothing to OCR


def test_compatibility_characters_are_kept(tmp_path: Path, settings: Settings) -> None:
    _register_font()
    path = tmp_path / "compat.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    c.drawString(72, 700, "㈜하늘클라우드 (주)바다 가나다")
    c.drawString(72, 680, "가나다")
    c.drawString(72 + 3 * 12 + 6, 680, "라마")  # half an em after the first cell: another word
    c.save()
    (reading,) = read_files([path], settings=settings)
    words = [w.text for w in reading.pages[0].words]
    assert words == ["㈜하늘클라우드", "(주)바다", "가나다", "가나다", "라마"]


def test_rotated_page_coordinates(tmp_path: Path, settings: Settings) -> None:
    pdf = one_page_pdf(
        b"BT /F1 24 Tf 100 700 Td (Rotated) Tj ET", resources=b"/Font << /F1 5 0 R >>", extra=[HELVETICA]
    ).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /Rotate 90")
    path = tmp_path / "rotated.pdf"
    path.write_bytes(pdf)
    (reading,) = read_files([path], settings=settings)
    page = reading.pages[0]
    assert (page.width, page.height) == (842, 595)
    (word,) = page.words
    assert word.text == "Rotated"
    # Turned a quarter clockwise, the baseline y=700 becomes x=700 and the text runs down from y=100.
    assert word.x0 == pytest.approx(700 - 24 * 0.22, abs=2)
    assert word.x1 == pytest.approx(700 + 24 * 0.95, abs=3)
    assert word.top == pytest.approx(100, abs=1)
    assert word.bottom > 160


# --- which text layers are trusted (checked in-process on the child's code, no OCR) -------------


@pytest.fixture
def ctx(tmp_path: Path) -> ChildContext:
    return ChildContext(limits=Limits(), image_dir=tmp_path / "images", render_dpi=300)


def _scan_jpeg() -> bytes:
    img = Image.new("L", (1654, 2339), 255)
    return jpeg_bytes(img, quality=60)


def _cid_pdf(*, tounicode: bool) -> bytes:
    font, descendant, descriptor = CID_FONT_OBJECTS
    font = font % 6
    if tounicode:
        font = font.replace(b">>", b" /ToUnicode 9 0 R >>", 1)
    extra = [font, descendant % 7, descriptor]
    if tounicode:
        extra.append(pdf_stream(b"", PUA_CMAP))
    return one_page_pdf(
        cid_text_ops(), resources=b"/Font << /F1 5 0 R >>", extra=[HELVETICA, *extra]
    ).replace(b"/F1 5 0 R", b"/F1 6 0 R")


@pytest.mark.parametrize(
    ("name", "pdf"),
    [
        ("cid glyph ids without a ToUnicode map", _cid_pdf(tounicode=False)),
        ("private-use code points", _cid_pdf(tounicode=True)),
        (
            "mojibake: CP949 bytes shown as Latin-1",
            one_page_pdf(
                b"BT /F1 14 Tf "
                + b"".join(b"1 0 0 1 60 %d Tm (%s) Tj " % (y, MOJIBAKE) for y in range(780, 200, -30))
                + b"ET",
                resources=b"/Font << /F1 5 0 R >>",
                extra=[HELVETICA.replace(b">>", b" /Encoding /WinAnsiEncoding >>")],
            ),
        ),
        ("no text at all", one_page_pdf(b"0 0 1 rg 100 100 200 200 re f")),
    ],
)
def test_untrusted_text_layers_go_to_ocr(name: str, pdf: bytes, ctx: ChildContext) -> None:
    (page,) = read_pdf(pdf, ctx)["pages"]
    assert page["words"] == [], name
    assert page["image"]["dpi"] == 300  # rendered: vector content, no scan to hand over
    assert (ctx.image_dir / page["image"]["file"]).stat().st_size > 0


def test_good_text_layer_is_trusted(ctx: ChildContext) -> None:
    ops = (
        b"BT /F1 11 Tf "
        + b"".join(
            b"1 0 0 1 60 %d Tm (Line %d of a born-digital page) Tj " % (800 - 14 * i, i) for i in range(40)
        )
        + b"ET"
    )
    (page,) = read_pdf(one_page_pdf(ops, resources=b"/Font << /F1 5 0 R >>", extra=[HELVETICA]), ctx)["pages"]
    assert "image" not in page
    assert len(page["words"]) == 40 * 6


def test_thin_text_over_a_scan_goes_to_ocr(ctx: ChildContext) -> None:
    header = b"BT /F1 9 Tf 40 820 Td (Issue no. 2024-0001) Tj ET\n"
    pdf = image_page_pdf([_scan_jpeg()], overlay=header, fonts=b"/F1 3 0 R", extra=[HELVETICA])
    (page,) = read_pdf(pdf, ctx)["pages"]
    assert page["words"] == []
    assert page["image"]["dpi"] == 300  # text drawn over the image: rendered, not handed over


def test_invisible_garbage_over_a_scan_hands_the_jpeg_over(ctx: ChildContext) -> None:
    jpg = _scan_jpeg()
    font, descendant, descriptor = CID_FONT_OBJECTS
    pdf = image_page_pdf(
        [jpg],
        overlay=cid_text_ops(invisible=True),
        fonts=b"/F1 3 0 R",
        extra=[font % 4, descendant % 5, descriptor],
    )
    (page,) = read_pdf(pdf, ctx)["pages"]
    assert page["words"] == []
    image = page["image"]
    assert image["dpi"] == 200
    assert image["origin"] == [0.0, 0.0]
    assert (ctx.image_dir / image["file"]).read_bytes() == jpg  # byte for byte


def test_text_over_a_background_image_is_trusted(tmp_path: Path, ctx: ChildContext) -> None:
    _register_font()
    background = tmp_path / "bg.jpg"
    background.write_bytes(_scan_jpeg())
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(str(background), 0, 0, width=A4[0], height=A4[1])
    c.setFont(FONT, 11)
    for i, (label, value) in enumerate(DOCS[0].rows):
        c.drawString(60, A4_H - 100 - 20 * i, f"{label} {value}")
    c.save()
    (page,) = read_pdf(buf.getvalue(), ctx)["pages"]
    assert "image" not in page
    assert [w[0] for w in page["words"] if w[0] == "134-86-72607"] == ["134-86-72607"]


def test_filled_form_fields_are_read(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 750, "Company:")
    c.acroForm.textfield(
        name="company", value="Haneul Cloud", x=150, y=740, width=200, height=20, borderWidth=0
    )
    c.save()
    (reading,) = read_files([path], settings=settings)
    assert reading.pages[0].text == "Company: Haneul Cloud"


def _ruled_pdf(path: Path, *, filled: bool) -> None:
    """A 2×2 table at x 100..400, y(top) 100..160, drawn as strokes or as thin filled boxes (as
    browsers and office suites draw borders), inside a form XObject when `filled`."""
    _register_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 10)

    def hline(x0: float, x1: float, top: float) -> None:
        if filled:
            c.rect(x0, A4_H - top - 0.4, x1 - x0, 0.8, stroke=0, fill=1)
        else:
            c.line(x0, A4_H - top, x1, A4_H - top)

    def vline(x: float, top0: float, top1: float) -> None:
        if filled:
            c.rect(x - 0.4, A4_H - top1, 0.8, top1 - top0, stroke=0, fill=1)
        else:
            c.line(x, A4_H - top0, x, A4_H - top1)

    if filled:
        c.beginForm("table")
    for top in (100, 130, 160):
        hline(100, 400, top)
    for x in (100, 200, 400):
        vline(x, 100, 160)
    if filled:
        c.endForm()
        c.doForm("table")
    c.drawString(110, A4_H - 120, "상호")
    c.drawString(210, A4_H - 120, "주식회사 하늘클라우드")
    c.circle(300, 300, 20)  # a seal's curve is no rule
    c.save()


@pytest.mark.parametrize("filled", [False, True], ids=["stroked", "filled-in-a-form"])
def test_table_rules_come_with_the_text_layer(tmp_path: Path, settings: Settings, filled: bool) -> None:
    path = tmp_path / "ruled.pdf"
    _ruled_pdf(path, filled=filled)
    page = read_files([path], settings=settings)[0].pages[0]
    horizontal = sorted((round(y0), round(x0), round(x1)) for x0, y0, x1, y1 in page.rules if y0 == y1)
    vertical = sorted((round(x0), round(y0), round(y1)) for x0, y0, x1, y1 in page.rules if x0 == x1)
    assert horizontal == [(100, 100, 400), (130, 100, 400), (160, 100, 400)]
    assert vertical == [(100, 100, 160), (200, 100, 160), (400, 100, 160)]
