"""A small flow layout on a reportlab canvas: titles, bordered tables, label lines, free text.

Enough variety (fonts, sizes, margins, spacing, table or line layouts) that extraction is not
tuned to one template.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

NANUM = "/usr/share/fonts/truetype/nanum"
FAMILIES = {
    "gothic": ("NanumGothic", "NanumGothicBold"),
    "myeongjo": ("NanumMyeongjo", "NanumMyeongjoBold"),
    "barun": ("NanumBarunGothic", "NanumBarunGothicBold"),
    "square": ("NanumSquareR", "NanumSquareB"),
}
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for regular, bold in FAMILIES.values():
        for name in (regular, bold):
            pdfmetrics.registerFont(TTFont(name, f"{NANUM}/{name}.ttf"))
    _registered = True


def spaced(label: str, sep: str = " ") -> str:
    """Letter-spaced label as Korean forms print them: 대표자 → 대 표 자."""
    return sep.join(label.replace(" ", ""))


@dataclass
class Style:
    family: str = "gothic"
    size: float = 10.0
    margin: float = 56.0
    line_gap: float = 1.55  # line height / font size
    spaced_labels: bool = False
    border: float = 0.6

    @property
    def regular(self) -> str:
        return FAMILIES[self.family][0]

    @property
    def bold(self) -> str:
        return FAMILIES[self.family][1]

    @classmethod
    def random(cls, rng: random.Random) -> Style:
        return cls(
            family=rng.choice(list(FAMILIES)),
            size=rng.choice([9.5, 10.0, 10.5, 11.0]),
            margin=rng.choice([48.0, 56.0, 64.0, 70.0]),
            line_gap=rng.choice([1.45, 1.6, 1.75]),
            spaced_labels=rng.random() < 0.4,
            border=rng.choice([0.5, 0.8, 1.0]),
        )


class Doc:
    """Draws top to bottom, breaking pages when needed; `pages` counts the pages drawn."""

    def __init__(self, canvas: Canvas, style: Style, *, footer: str | None = None) -> None:
        register_fonts()
        self.c = canvas
        self.s = style
        self.width, self.height = A4
        self.left = style.margin
        self.right = self.width - style.margin
        self.y = self.height - style.margin
        self.pages = 1
        self.footer = footer  # e.g. "{page}/{total}" is resolved by the caller; here a fixed text

    # --- primitives -------------------------------------------------------------------------
    def font(self, size: float | None = None, *, bold: bool = False) -> float:
        size = size or self.s.size
        self.c.setFont(self.s.bold if bold else self.s.regular, size)
        return size

    def text_width(self, text: str, size: float | None = None, *, bold: bool = False) -> float:
        return pdfmetrics.stringWidth(text, self.s.bold if bold else self.s.regular, size or self.s.size)

    def ensure(self, height: float) -> None:
        if self.y - height < self.s.margin:
            self.new_page()

    def new_page(self) -> None:
        self._draw_footer()
        self.c.showPage()
        self.pages += 1
        self.y = self.height - self.s.margin

    def finish(self) -> None:
        self._draw_footer()
        self.c.showPage()

    def _draw_footer(self) -> None:
        if self.footer:
            self.c.setFont(self.s.regular, 8)
            self.c.drawCentredString(self.width / 2, 28, self.footer.format(page=self.pages))

    def wrap(self, text: str, width: float, size: float | None = None, *, bold: bool = False) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            current = ""
            for word in para.split(" "):
                candidate = f"{current} {word}".strip()
                if self.text_width(candidate, size, bold=bold) <= width or not current:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
        return lines

    # --- blocks -----------------------------------------------------------------------------
    def space(self, h: float) -> None:
        self.y -= h

    def small(self, text: str, *, align: str = "left", size: float = 8) -> None:
        self.ensure(size * 2)
        self.font(size)
        self._draw(text, align, size)
        self.y -= size * 1.8

    def title(self, text: str, *, size: float = 18, boxed: bool = False, spacing: bool = False) -> None:
        text = spaced(text, "  ") if spacing else text
        self.ensure(size * 3)
        self.y -= size * 0.6
        self.font(size, bold=True)
        self.c.drawCentredString(self.width / 2, self.y - size, text)
        if boxed:
            w = self.text_width(text, size, bold=True) + 30
            self.c.setLineWidth(1.2)
            self.c.rect(self.width / 2 - w / 2, self.y - size * 1.5, w, size * 2.2)
        self.y -= size * 2.4

    def line(
        self,
        text: str,
        *,
        align: str = "left",
        size: float | None = None,
        bold: bool = False,
        indent: float = 0,
    ) -> None:
        size = size or self.s.size
        for part in self.wrap(text, self.right - self.left - indent, size, bold=bold):
            self.ensure(size * self.s.line_gap)
            self.font(size, bold=bold)
            self._draw(part, align, size, indent)
            self.y -= size * self.s.line_gap

    def paragraph(self, text: str, *, indent: float = 0) -> None:
        self.line(text, indent=indent)
        self.y -= self.s.size * 0.4

    def _draw(self, text: str, align: str, size: float, indent: float = 0) -> None:
        base = self.y - size
        if align == "center":
            self.c.drawCentredString(self.width / 2, base, text)
        elif align == "right":
            self.c.drawRightString(self.right, base, text)
        else:
            self.c.drawString(self.left + indent, base, text)

    def label_lines(
        self, rows: list[tuple[str, str]], *, label_width: float = 110, colon: str = ":", indent: float = 0
    ) -> None:
        """`label : value` lines with the values aligned in a column."""
        size = self.s.size
        for label, value in rows:
            shown = spaced(label) if self.s.spaced_labels and len(label) <= 6 else label
            lines = self.wrap(value, self.right - self.left - indent - label_width - 12, size)
            self.ensure(size * self.s.line_gap * len(lines))
            self.font(size)
            self.c.drawString(self.left + indent, self.y - size, shown)
            if colon:
                self.c.drawString(self.left + indent + label_width - 8, self.y - size, colon)
            for i, part in enumerate(lines):
                self.c.drawString(self.left + indent + label_width + 4, self.y - size, part)
                if i < len(lines) - 1:
                    self.y -= size * self.s.line_gap
            self.y -= size * self.s.line_gap

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        *,
        header: bool = False,
        label_cols: tuple[int, ...] = (),
        shade: bool = True,
        align_center: tuple[int, ...] = (),
    ) -> None:
        """A bordered grid; cell text wraps; label columns are shaded and letter-spaced when styled."""
        size = self.s.size
        total = sum(widths)
        scale = (self.right - self.left) / total
        widths = [w * scale for w in widths]
        pad = 5.0
        for r, row in enumerate(rows):
            cells: list[list[str]] = []
            for i, cell in enumerate(row):
                text = cell
                if i in label_cols and self.s.spaced_labels and 1 < len(cell.replace(" ", "")) <= 5:
                    text = spaced(cell)
                cells.append(self.wrap(text, widths[i] - 2 * pad, size, bold=(header and r == 0)))
            n = max(len(c) for c in cells)
            h = n * size * 1.35 + 2 * pad
            self.ensure(h)
            x = self.left
            self.c.setLineWidth(self.s.border)
            for i, lines in enumerate(cells):
                if shade and (i in label_cols or (header and r == 0)):
                    self.c.setFillColor(Color(0.93, 0.93, 0.93))
                    self.c.rect(x, self.y - h, widths[i], h, stroke=0, fill=1)
                    self.c.setFillColor(black)
                self.c.rect(x, self.y - h, widths[i], h, stroke=1, fill=0)
                self.font(size, bold=(header and r == 0))
                ty = self.y - pad - size
                for part in lines:
                    if i in align_center or (header and r == 0):
                        self.c.drawCentredString(x + widths[i] / 2, ty, part)
                    else:
                        self.c.drawString(x + pad, ty, part)
                    ty -= size * 1.35
                x += widths[i]
            self.y -= h
        self.y -= size * 0.8

    def signature(
        self, lines: list[str], *, seal: str | None = None, align: str = "center", size: float | None = None
    ) -> None:
        size = size or self.s.size + 1
        for text in lines:
            self.line(text, align=align, size=size)
        if seal:
            self.seal(seal)

    def seal(self, text: str) -> None:
        """A red round seal at the right end of the line just drawn (the issuer's name or `(인)`).

        Drawn as a raster image, as scanned-in seals are: it is ink on the page, not text.
        """
        size = 44
        centre = self.y + self.s.size * (self.s.line_gap - 0.5)
        self.c.drawImage(
            seal_image(text, self.s.bold),
            self.right - 34,
            centre - size / 2,
            width=size,
            height=size,
            mask="auto",
        )

    def boxes(self, labels: list[str]) -> None:
        """A simple diagram of boxes (service overview's 구성도)."""
        self.ensure(90)
        n = len(labels)
        w = (self.right - self.left - (n - 1) * 20) / n
        for i, label in enumerate(labels):
            x = self.left + i * (w + 20)
            self.c.setLineWidth(1)
            self.c.roundRect(x, self.y - 60, w, 50, 6)
            self.font(self.s.size - 1)
            self.c.drawCentredString(x + w / 2, self.y - 40, label)
            if i < n - 1:
                self.c.line(x + w, self.y - 35, x + w + 20, self.y - 35)
        self.y -= 80


_SEALS: dict[tuple[str, str], ImageReader] = {}


def seal_image(text: str, font: str) -> ImageReader:
    key = (text, font)
    if key not in _SEALS:
        img = Image.new("RGBA", (176, 176), (255, 255, 255, 0))
        draw = ImageDraw.Draw(img)
        red = (210, 30, 30, 230)
        draw.ellipse((6, 6, 170, 170), outline=red, width=9)
        path = f"{NANUM}/{font}.ttf"
        half = (len(text) + 1) // 2
        for i, part in enumerate([text[:half], text[half:]]):
            ft = ImageFont.truetype(path, 40)
            w = draw.textlength(part, font=ft)
            draw.text(((176 - w) / 2, 42 + i * 50), part, font=ft, fill=red)
        buf = io.BytesIO()
        img.save(buf, "PNG")
        buf.seek(0)
        _SEALS[key] = ImageReader(buf)
    return _SEALS[key]


def checkbox_text(options: list[str], selected: set[str], *, style: int = 0) -> str:
    on, off = [("■", "□"), ("■", "□"), ("[■]", "[□]")][style % 3]
    return "  ".join(f"{on if o in selected else off} {o}" for o in options)


def new_canvas(path: str, *, title: str = "") -> Canvas:
    register_fonts()
    c = Canvas(path, pagesize=A4, pageCompression=1, invariant=1)
    c.setTitle(title)
    c.setAuthor("")
    return c
