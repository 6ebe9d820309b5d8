"""python-docx helpers for building the DOCX templates (used by `templates/build.py` only).

The templates are generated from code so that they are reviewable and reproducible: A4 with the
margins of the official-document rules, one set of named styles with the East-Asian font set on
every style, fixed-layout tables whose header row repeats on each page, and docxtpl tags
(`{{ … }}`, `{%p … %}` paragraph tags, `{%tr … %}` row tags) written in single runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

# Government fonts; fonts.conf maps them to Nanum where they are not installed.
SERIF = "휴먼명조"
SANS = "맑은 고딕"
HEADLINE = "HY헤드라인M"

# The official-document rules' margins (위 30, 왼쪽 20, 오른쪽 15, 아래 15 mm) on A4.
PAGE_WIDTH_MM = 210.0
TEXT_WIDTH_MM = 210.0 - 20.0 - 15.0
# Each item level is indented two Hangul characters (about 2 × 12 pt) from the one above.
LEVEL_INDENT_PT = 22.0
LABEL_HANG_PT = 20.0

Styled = Any  # a python-docx Document, or a table cell: anything with add_paragraph()


def set_fonts(rpr: Any, latin: str, east_asian: str) -> None:
    """Set every script's font on a run-properties element and drop theme fonts that would win."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "ko-KR")


def _style_rpr(style: Any) -> Any:
    return style.element.get_or_add_rPr()


def _paragraph_style(doc: Any, name: str, *, font: str, size: float, bold: bool = False) -> Any:
    styles = doc.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(_style_rpr(style), font, font)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    return style


def _docdefaults(doc: Any) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    set_fonts(rpr, SERIF, SERIF)


def setup_styles(doc: Any) -> None:
    """Named styles of every template, and the East-Asian font on every style of the document."""
    _docdefaults(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = 1.3
    fmt.widow_control = False

    _paragraph_style(
        doc, "DS Org", font=HEADLINE, size=20, bold=True
    ).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(
        doc, "DS Title", font=HEADLINE, size=18, bold=True
    ).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head = _paragraph_style(doc, "DS Head", font=SERIF, size=12)
    head.paragraph_format.left_indent = Pt(48)
    head.paragraph_format.first_line_indent = Pt(-48)
    head.paragraph_format.tab_stops.add_tab_stop(Pt(48))
    _paragraph_style(
        doc, "DS Body", font=SERIF, size=12
    ).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level in range(1, 7):
        style = _paragraph_style(doc, f"DS Item {level}", font=SERIF, size=12)
        pf = style.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        left = (level - 1) * LEVEL_INDENT_PT + LABEL_HANG_PT
        pf.left_indent = Pt(left)
        pf.first_line_indent = Pt(-LABEL_HANG_PT)
        pf.tab_stops.add_tab_stop(Pt(left))
        pf.space_before = Pt(3)
    sender = _paragraph_style(doc, "DS Sender", font=HEADLINE, size=18, bold=True)
    sender.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sender.paragraph_format.space_before = Pt(30)
    sender.paragraph_format.space_after = Pt(12)
    _paragraph_style(doc, "DS Closing", font=SANS, size=9)
    _paragraph_style(doc, "DS Table", font=SANS, size=9.5)
    table_head = _paragraph_style(doc, "DS Table Head", font=SANS, size=9.5, bold=True)
    table_head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(doc, "DS Caption", font=SANS, size=10, bold=True).paragraph_format.space_before = Pt(6)

    # Every other style (headings, lists, Table Grid, character styles …): the same fonts, so
    # nothing an editor picks later falls back to a Latin-only face.
    for style in doc.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            continue
        if style.name.startswith("DS "):
            continue
        rpr = _style_rpr(style)
        current = rpr.find(qn("w:rFonts"))
        is_heading = style.name.startswith(("Heading", "Title", "Subtitle"))
        font = SANS if is_heading or style.type == WD_STYLE_TYPE.TABLE else SERIF
        if current is not None and current.get(qn("w:eastAsia")):
            font = current.get(qn("w:eastAsia"))
        set_fonts(rpr, font, font)


def new_document(title: str) -> Any:
    """An empty A4 document with the styles set up and fixed core properties."""
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(297)
    section.top_margin = Mm(30)
    section.bottom_margin = Mm(15)
    section.left_margin = Mm(20)
    section.right_margin = Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(8)
    setup_styles(doc)
    props = doc.core_properties
    props.title = title
    props.subject = title
    props.author = "dsreview"
    props.last_modified_by = "dsreview"
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    props.language = "ko-KR"
    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    return doc


def para(
    where: Styled,
    text: str | Sequence[tuple[str, bool]] = "",
    style: str = "DS Body",
    *,
    align: str | None = None,
    keep_next: bool = False,
    space_before: float | None = None,
) -> Any:
    """A paragraph of one run per segment; `text` may be [(text, bold), …]."""
    p = where.add_paragraph(style=style)
    segments = [(text, False)] if isinstance(text, str) else list(text)
    for chunk, bold in segments:
        if chunk:
            run = p.add_run(chunk)
            if bold:
                run.bold = True
    if align is not None:
        p.alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]
    if keep_next:
        p.paragraph_format.keep_with_next = True
    if space_before is not None:
        p.paragraph_format.space_before = Pt(space_before)
    return p


def tag(where: Styled, statement: str) -> Any:
    """A docxtpl paragraph tag (`{%p … %}`): the paragraph is replaced by the Jinja statement."""
    return where.add_paragraph("{%p " + statement + " %}", style="DS Body")


def border(paragraph: Any, side: str = "bottom", size_eighths: int = 12) -> None:
    """A rule above or below a paragraph (the lines of the official-document form)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), "4")
    edge.set(qn("w:color"), "000000")
    borders.append(edge)


def page_break(doc: Any) -> None:
    p = doc.add_paragraph(style="DS Body")
    p.paragraph_format.page_break_before = True


def _cell_width(cell: Any, width_mm: float) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is None:
        tcw = OxmlElement("w:tcW")
        tcpr.insert(0, tcw)
    tcw.set(qn("w:w"), str(int(width_mm * 56.6929)))
    tcw.set(qn("w:type"), "dxa")


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _valign(cell: Any) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    va = OxmlElement("w:vAlign")
    va.set(qn("w:val"), "center")
    tcpr.append(va)


class Grid:
    """A fixed-layout table: columns in mm, rows of text or docxtpl tags, header rows that repeat."""

    def __init__(self, where: Any, widths_mm: Sequence[float]) -> None:
        self.widths = list(widths_mm)
        self.table = where.add_table(rows=0, cols=len(self.widths))
        self.table.style = "Table Grid"
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        tblpr = self.table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblpr.append(layout)
        tblw = tblpr.find(qn("w:tblW"))
        if tblw is None:
            tblw = OxmlElement("w:tblW")
            tblpr.append(tblw)
        tblw.set(qn("w:w"), str(int(sum(self.widths) * 56.6929)))
        tblw.set(qn("w:type"), "dxa")
        for col, width in zip(self.table.columns, self.widths, strict=True):
            col.width = Mm(width)

    def row(
        self,
        cells: Sequence[str | Sequence[str] | None],
        *,
        header: bool = False,
        shade: str | None = None,
        min_height_mm: float | None = None,
        spans: Sequence[int] | None = None,
        styles: Sequence[str] | None = None,
        labels: Sequence[int] | None = None,
        aligns: Sequence[str | None] | None = None,
        splits: bool = False,
    ) -> Any:
        """Add a row. A cell is text or a list of paragraphs. `splits`: the row may break across pages."""
        row = self.table.add_row()
        trpr = row._tr.get_or_add_trPr()
        if header or not splits:
            # A row that may hold free text (up to 4,000 characters) must be allowed to split:
            # LibreOffice clips a row taller than a page that it may not split.
            trpr.append(OxmlElement("w:cantSplit"))
        if header:
            trpr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
        if min_height_mm is not None:
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), str(int(min_height_mm * 56.6929)))
            height.set(qn("w:hRule"), "atLeast")
            trpr.append(height)
        spans = list(spans) if spans is not None else [1] * len(cells)
        col = 0
        for index, (content, span) in enumerate(zip(cells, spans, strict=True)):
            cell = row.cells[col]
            if span > 1:
                cell = cell.merge(row.cells[col + span - 1])
            _cell_width(cell, sum(self.widths[col : col + span]))
            if styles:
                style = styles[index]
            elif header or (labels is not None and index in labels):
                style = "DS Table Head"
            else:
                style = "DS Table"
            paragraphs = [content] if isinstance(content, str) or content is None else list(content)
            first = cell.paragraphs[0]
            first.style = style
            align = aligns[index] if aligns else None
            for i, text in enumerate(paragraphs):
                p = first if i == 0 else cell.add_paragraph(style=style)
                if text and text.startswith("{%p"):
                    p.style = "DS Table"
                if text:
                    p.add_run(text)
                if align == "center":
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if header or shade or (labels is not None and index in labels):
                _shade(cell, shade or "E7E6E6")
            _valign(cell)
            col += span
        return row

    def keep_together(self) -> None:
        """Keep the table on one page (it moves whole to the next page rather than split)."""
        for row in list(self.table.rows)[:-1]:
            for p in row._tr.iter(qn("w:p")):
                ppr = p.get_or_add_pPr()
                if ppr.find(qn("w:keepNext")) is None:
                    ppr.insert(0, OxmlElement("w:keepNext"))

    def fields(
        self, cells: Sequence[str | Sequence[str]], spans: Sequence[int] | None = None, **opts: Any
    ) -> Any:
        """A row of label/value pairs: the even cells are shaded labels."""
        return self.row(cells, spans=spans, labels=range(0, len(cells), 2), **opts)

    def loop(
        self,
        statement: str,
        cells: Sequence[str | Sequence[str]],
        aligns: Sequence[str] = (),
        **row_options: Any,
    ) -> None:
        """`{%tr for … %}` / the row / `{%tr endfor %}`: one row per item."""
        self.marker("{%tr " + statement + " %}")
        full = [*aligns, *([None] * (len(cells) - len(aligns)))]
        self.row(cells, aligns=full, **row_options)
        self.marker("{%tr endfor %}")

    def marker(self, text: str) -> None:
        """A row holding only a docxtpl row tag (removed when rendered)."""
        row = self.table.add_row()
        row.cells[0].paragraphs[0].add_run(text)


def preserve_spaces(doc: Any) -> None:
    """Mark every text node xml:space="preserve": rendered values may begin or end with spaces."""
    for t in doc.element.body.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
