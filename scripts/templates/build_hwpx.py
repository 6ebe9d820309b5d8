"""Lay out the first HWPX templates from the DOCX ones: `python scripts/templates/build_hwpx.py OUT_DIR`.

Each paragraph and table of `templates/docx/<kind>.docx` becomes a paragraph or table of
`<kind>.hwpx` (python-hwpx), with the same placeholders and the same control lines (`{%p … %}`
paragraphs, `{%tr … %}` rows), alignment, bold, size and indentation from the DOCX styles, table
column widths, merged cells and repeated header rows. After that the HWPX templates are files of
their own, edited in 한글; this script is kept to start the HWPX template of a new kind.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from hwpx import HwpxDocument
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "dsreview" / "templates"
TWIP_TO_HWPUNIT = 5  # 1/1440 inch → 1/7200 inch


def _styles(docx: bytes) -> dict[str, dict[str, Any]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/styles.xml"))
    out: dict[str, dict[str, Any]] = {}
    for style in root.iter(f"{W}style"):
        out[style.get(f"{W}styleId")] = _format(style)
    return out


def _format(element: Any) -> dict[str, Any]:
    fmt: dict[str, Any] = {}
    jc = element.find(f"{W}pPr/{W}jc")
    if jc is not None:
        fmt["align"] = {"center": "center", "right": "right", "both": "justify"}.get(
            jc.get(f"{W}val"), "left"
        )
    ind = element.find(f"{W}pPr/{W}ind")
    if ind is not None and ind.get(f"{W}left"):
        fmt["indent"] = int(ind.get(f"{W}left")) / 56.693
    if element.find(f"{W}rPr/{W}b") is not None:
        fmt["bold"] = True
    sz = element.find(f"{W}rPr/{W}sz")
    if sz is not None:
        fmt["size"] = int(sz.get(f"{W}val")) / 2
    return fmt


def _paragraph_format(p: Any, styles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    style = p.find(f"{W}pPr/{W}pStyle")
    fmt = dict(styles.get(style.get(f"{W}val"), {})) if style is not None else {}
    fmt.update(_format(p))
    run = p.find(f"{W}r")
    if run is not None:
        fmt.update({k: v for k, v in _format(run).items() if k in ("bold", "size")})
    return fmt


def _text(p: Any) -> str:
    parts = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("  ")
    return "".join(parts)


class _Builder:
    def __init__(self, styles: dict[str, dict[str, Any]]) -> None:
        self.doc = HwpxDocument.new()
        self.styles = styles
        self.count = 0
        self.doc.set_page_margins(left=5669, right=4252, top=8504, bottom=4252)  # 20 15 30 15 mm
        first = self.doc.paragraphs[0] if self.doc.paragraphs else None
        self.reuse = first  # the skeleton's first paragraph carries the section properties

    def char_style(self, fmt: dict[str, Any]) -> str | None:
        if not fmt.get("bold") and not fmt.get("size"):
            return None
        return self.doc.ensure_run_style(bold=bool(fmt.get("bold")), size=fmt.get("size"))

    def paragraph(self, text: str, fmt: dict[str, Any], page_break: bool = False) -> None:
        self.doc.add_paragraph(text, char_pr_id_ref=self.char_style(fmt))
        index = len(self.doc.paragraphs) - 1
        self.doc.set_paragraph_format(
            paragraph_index=index,
            alignment=fmt.get("align", "justify"),
            indent_left_mm=fmt.get("indent"),
            page_break_before=page_break or None,
        )

    def table(self, tbl: Any) -> None:
        widths = [int(c.get(f"{W}w")) for c in tbl.iter(f"{W}gridCol")]
        rows = tbl.findall(f"{W}tr")
        total = sum(widths) * TWIP_TO_HWPUNIT
        table = self.doc.add_table(len(rows), len(widths), width=total)
        table.set_column_widths(widths)
        header_rows = 0
        merges = []
        for r, tr in enumerate(rows):
            if tr.find(f"{W}trPr/{W}tblHeader") is not None and r == header_rows:
                header_rows += 1
            c = 0
            for tc in tr.findall(f"{W}tc"):
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                span = int(span_el.get(f"{W}val")) if span_el is not None else 1
                paragraphs = tc.findall(f"{W}p")
                texts = [_text(p) for p in paragraphs] or [""]
                formats = [_paragraph_format(p, self.styles) for p in paragraphs] or [{}]
                self._cell(table, r, c, texts, formats, shaded=tc.find(f"{W}tcPr/{W}shd") is not None)
                if span > 1:
                    merges.append((r, c, c + span - 1))
                c += span
        for r, c1, c2 in merges:
            table.merge_cells(r, c1, r, c2)
        if header_rows:
            table.element.set("repeatHeader", "1")
            for tr in table.element.findall(f"{HP}tr")[:header_rows]:
                for tc in tr.findall(f"{HP}tc"):
                    tc.set("header", "1")
        table.mark_dirty()

    def _cell(
        self, table: Any, r: int, c: int, texts: list[str], formats: list[dict[str, Any]], shaded: bool
    ) -> None:
        cell = table.cell(r, c)
        cell.text = texts[0]
        sub = cell.element.find(f"{HP}subList")
        first = sub.find(f"{HP}p")
        self._style_cell_paragraph(first, formats[0])
        for text, fmt in zip(texts[1:], formats[1:], strict=True):
            p = etree.fromstring(etree.tostring(first))
            for t in p.iter(f"{HP}t"):
                t.text = text
            self._style_cell_paragraph(p, fmt)
            sub.append(p)
        if shaded:
            table.set_cell_shading(r, c, "#E7E6E6")

    def _style_cell_paragraph(self, p: Any, fmt: dict[str, Any]) -> None:
        ref = self.char_style(fmt)
        if ref is not None:
            for run in p.iter(f"{HP}run"):
                run.set("charPrIDRef", str(ref))
        if fmt.get("align") in ("center", "right"):
            p.set("paraPrIDRef", self.center_id if fmt["align"] == "center" else self.right_id)

    def finish(self) -> bytes:
        return bytes(self.doc.to_bytes())


def build(kind: str) -> bytes:
    docx = (SHIPPED / "docx" / f"{kind}.docx").read_bytes()
    styles = _styles(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    builder = _Builder(styles)
    # paragraph properties for centred and right-aligned table cells, made once
    builder.doc.add_paragraph("")
    builder.doc.set_paragraph_format(paragraph_index=len(builder.doc.paragraphs) - 1, alignment="center")
    builder.center_id = builder.doc.paragraphs[-1].element.get("paraPrIDRef")
    builder.doc.add_paragraph("")
    builder.doc.set_paragraph_format(paragraph_index=len(builder.doc.paragraphs) - 1, alignment="right")
    builder.right_id = builder.doc.paragraphs[-1].element.get("paraPrIDRef")
    for _ in range(2):
        builder.doc.remove_paragraph(builder.doc.paragraphs[-1])
    page_break = False
    for element in body:
        if element.tag == f"{W}p":
            if element.find(f".//{W}br[@{W}type='page']") is not None and not _text(element).strip():
                page_break = True
                continue
            builder.paragraph(_text(element), _paragraph_format(element, styles), page_break)
            page_break = False
        elif element.tag == f"{W}tbl":
            builder.table(element)
    return builder.finish()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python scripts/templates/build_hwpx.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    kinds = sorted(p.stem for p in (SHIPPED / "docx").glob("*.docx"))
    for kind in kinds:
        path = out / f"{kind}.hwpx"
        path.write_bytes(build(kind))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
