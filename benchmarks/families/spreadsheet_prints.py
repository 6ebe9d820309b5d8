"""Documents made in a spreadsheet (Excel / LibreOffice Calc / 한셀) and printed or exported to PDF.

Vendors and small issuers lay their documents out on a worksheet: every cell bordered or the
gridlines printed, a label in one column and its value in the next (often two or three label |
value pairs across one row), merged title cells, header rows in a shaded band, landscape pages for
wide tables, 8–10 pt text, numbers right-aligned with the unit in the column header, dates as the
spreadsheet formats them (`2024-03-05`, `2024.3.5`, `2024년 3월 5일`), yes/no as `Y`/`N`, `O`/`X` or
`예`/`아니오` columns, and lists one item per row. The page header and footer are the spreadsheet's own
(`&[파일]`, `&[시트]`, `&[페이지] / &[총 페이지 수]`, print date).

The documents an authority issues are printed in the table layouts of those issuers' *other*
versions: 홈택스 사업자등록증명 (not the 사업자등록증), 인터넷등기소 등기사항일부증명서(현재 유효사항)
(발급용, with 발행번호 and the 전산운영책임관 seal), the credit-rating agencies' 기업신용평가등급확인서 with
the grades in a column table, and KISA's CSAP certificate as issued (bilingual, framed, 인증번호 on top).

LibreOffice Calc is not installed on this machine (only Writer), so the sheets are drawn with reportlab
on a cell grid that reproduces Calc's PDF export: cell borders, merged cells, fills, the print
titles repeated on every page of a long table, and Calc's header/footer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="spreadsheet_prints",
    title="documents made in a spreadsheet (Excel / Calc / 한셀) and printed: cell grids, label|value pairs",
    written="2026-12-02",
    written_by=(
        "helper session spreadsheet_prints; did not read src/dsreview (extractors, forms) nor tests/; "
        "designed from the real issuers' documents and the brief only"
    ),
    imitates={
        "business_registration": (
            "국세청 홈택스 민원증명 '사업자등록증명' (인터넷발급): 발급번호 / 처리기간 즉시 head, 신청인 "
            "block (상호(법인명) | 사업자등록번호, 성명(대표자) | 주민(법인)등록번호, 사업장 소재지, 본점 "
            "소재지, 개업일 | 사업자등록일), 사업의 종류 as 업태 | 종목 rows, 용도 / 제출처, 증명 문구, "
            "○○세무서장 seal, 진위확인 footnote. Menu path 조회/발급 > 민원증명 > 사업자등록증명 from "
            "post001.himeonstory.com/2025/11/blog-post_757.html "
            "and anything.argentdevan.com (search, pages); "
            "the form's rows from my knowledge of the printed 증명"
        ),
        "corporate_registry": (
            "대법원 인터넷등기소 법인 '등기사항일부증명서(현재 유효사항)' 발급용: 등기번호 / 등록번호 boxes, "
            "상호, 본점, 공고방법, 1주의 금액, 발행할 주식의 총수, "
            "발행주식의 총수 | 자본금의 액, 목적 numbered, "
            "임원에 관한 사항 with 취임/등기 dates, 회사성립연월일, '-- 이 하 여 백 --', 관할등기소, 수수료, "
            "법원행정처 등기정보중앙관리소 전산운영책임관 seal, 발행번호, "
            "page x/y. The kinds (현재 유효사항 / "
            "말소사항 포함) from vivid-growth.com and c2.daegusubway.co.kr/?p=8481, fee 700/1,000원 from "
            "studygov.kr/blog/10041-business-issue (search, pages); the rows from my knowledge"
        ),
        "credit_rating": (
            "the agencies' 기업신용평가등급확인서 (공공기관 입찰용) "
            "as NICE평가정보 / 이크레더블 / 한국기업데이터 / "
            "나이스디앤비 print them: 발급번호, 업체 개요 table, grades in one column table (신용등급 | "
            "현금흐름등급 | 결산기준일 | 평가일 | 유효기간), 등급 정의 "
            "table, agency seal. Validity rule from "
            "seoulcredit.co.kr/notice uid=9 and scilk.co.kr (search, pages), 등급 정의 wording after "
            "whereistheblue.co.kr/?p=44374; layout from my knowledge"
        ),
        "csap_certificate": (
            "KISA 클라우드서비스 보안인증서 as issued: framed, bilingual (Cloud Security Assurance Program), "
            "인증번호 on top, a printed table (기업명, "
            "서비스명, 인증범위, 인증유형/등급, 최초인증일, 유효기간), "
            "the 클라우드컴퓨팅법 / 고시 sentence, 한국인터넷진흥원장 seal. Types and 상/중/하 grades from "
            "zdnet.co.kr 20250217161921 and meganad.github.io 2022-04-08 (search, pages)"
        ),
        "sla_policy": (
            "a vendor's SLA kept as a worksheet: "
            "landscape, 구분 | 항목 | 목표 수준 | 단위 | 측정 방법 | 비고 "
            "rows, numbers right-aligned, Y/N columns, 장애등급 table (my knowledge of vendors' Excel SLAs)"
        ),
        "reseller_agreement": (
            "a 공급 및 기술지원 협약서 typed into merged cells of a sheet (조항 per row) and its 명세서 on a "
            "second, landscape sheet with O marks under 원 제공자 | 중개 제공자 | 공동 (my knowledge)"
        ),
        "application_form": (
            "the 심사 신청서 retyped by the vendor in Excel: shaded section bands, 상호 | 값 | 대표자 | 값 "
            "pairs, choices as ■/□ text, an O column, or a drop-down value (no stored source; DOMAIN §11)"
        ),
        "service_overview": "a 개요서 worksheet: 항목 | 내용 rows, 기능 list one per row, 요금 table",
        "capability_evidence": "a 수행실적 worksheet: 사업명 | 발주처 | 기간 | 금액 rows, 인력 현황 table",
        "quality_self_check": "a 자가점검 checklist sheet with 적합 / 부적합 O columns",
    },
    seed=2611,
)

FILE_NAMES = {
    "application_form": ["01_심사신청서.xlsx.pdf", "심사신청서_작성본.pdf", "신청서(엑셀).pdf"],
    "corporate_registry": ["02_등기사항일부증명서.pdf", "법인등기_현재유효.pdf"],
    "business_registration": ["03_사업자등록증명.pdf", "사업자등록증명원.pdf"],
    "credit_rating": ["04_기업신용평가등급확인서.pdf", "신용등급확인서.pdf"],
    "service_overview": ["05_서비스개요서.pdf", "개요서_시트.pdf"],
    "capability_evidence": ["06_수행실적표.pdf", "제공역량_실적.pdf"],
    "csap_certificate": ["07_CSAP인증서.pdf", "보안인증서.pdf"],
    "sla_policy": ["08_SLA_정책표.pdf", "서비스수준정책서.pdf"],
    "reseller_agreement": ["09_협약서_명세서.pdf", "공급및기술지원협약서.pdf"],
    "unknown": ["10_참고자료.pdf"],
}

NANUM = "/usr/share/fonts/truetype/nanum"
FONTS = {
    "gothic": ("NanumGothic", "NanumGothicBold"),
    "barun": ("NanumBarunGothic", "NanumBarunGothicBold"),
    "myeongjo": ("NanumMyeongjo", "NanumMyeongjoBold"),
    "square": ("NanumSquareR", "NanumSquareB"),
}
_fonts_ready = False


def _fonts() -> None:
    global _fonts_ready
    if _fonts_ready:
        return
    for pair in FONTS.values():
        for name in pair:
            try:
                pdfmetrics.getFont(name)
            except KeyError:
                pdfmetrics.registerFont(TTFont(name, f"{NANUM}/{name}.ttf"))
    _fonts_ready = True


GREY_BAND = Color(0.85, 0.85, 0.85)
BLUE_BAND = Color(0.74, 0.84, 0.93)
GREEN_BAND = Color(0.85, 0.92, 0.83)
PALE = Color(0.95, 0.95, 0.95)
GRID = Color(0.75, 0.75, 0.75)
SEAL_RED = Color(0.85, 0.1, 0.1)


# ---------------------------------------------------------------------------------------------
# value formats


def sdate(d: date, style: str) -> str:
    """A date as a spreadsheet cell formats it."""
    return {
        "iso": d.isoformat(),
        "dotnp": f"{d.year}.{d.month}.{d.day}",
        "dot0": f"{d.year}.{d.month:02d}.{d.day:02d}",
        "kor": f"{d.year}년 {d.month}월 {d.day}일",
        "kor0": f"{d.year}년 {d.month:02d}월 {d.day:02d}일",
        "slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "dotsp": f"{d.year}. {d.month}. {d.day}.",
    }[style]


def pick_style(rng: random.Random) -> str:
    return rng.choice(["iso", "dotnp", "dot0", "kor", "slash"])


def yn(value: bool, style: str) -> str:
    return {"YN": ("Y", "N"), "OX": ("O", "X"), "ko": ("예", "아니오"), "yes": ("제공", "미제공")}[style][
        0 if value else 1
    ]


def num(x: float) -> str:
    return str(int(x)) if float(x) == int(x) else f"{x:g}"


CATEGORY = {
    "cloud_computing": "클라우드컴퓨팅서비스",
    "cloud_support": "클라우드 지원서비스",
    "convergence": "융합서비스",
}
SUPPORT = {"consulting": "컨설팅", "operations": "운영관리", "migration": "마이그레이션"}
PROVIDER = {"original": "원 제공자", "reseller": "중개 제공자"}
RESP = {"original": "원 제공자", "reseller": "중개 제공자", "shared": "공동"}


# ---------------------------------------------------------------------------------------------
# the sheet: a grid of cells, paginated like a spreadsheet's print


@dataclass
class C:
    text: Any = ""
    span: int = 1
    align: str = "l"  # l | c | r
    bold: bool = False
    fill: Color | None = None
    size: float | None = None
    border: bool = True
    color: Color | None = None


def L(text: str, span: int = 1, fill: Color | None = None, align: str = "c") -> C:
    """A label cell: shaded, centred, bold."""
    return C(text, span=span, align=align, bold=True, fill=fill or GREY_BAND)


@dataclass
class Item:
    kind: str  # row | gap | draw | break
    cells: list[C] = field(default_factory=list)
    height: float = 0.0
    min_height: float = 0.0
    fn: Callable[..., None] | None = None
    repeat: bool = False


class Sheet:
    def __init__(
        self,
        cols: list[float],
        *,
        land: bool = False,
        font: str = "gothic",
        size: float = 9.0,
        margin: tuple[float, float, float, float] = (40, 40, 50, 50),  # left, right, top, bottom
        header: tuple[str, str, str] = ("", "", ""),
        footer: tuple[str, str, str] = ("", "{p} / {n}", ""),
        gridlines: bool = False,
        grid_color: Color = black,
        line_width: float = 0.5,
    ) -> None:
        _fonts()
        self.page = landscape(A4) if land else A4
        self.margin = margin
        usable = self.page[0] - margin[0] - margin[1]
        total = sum(cols)
        self.cols = [c / total * usable for c in cols]
        self.font, self.bold = FONTS[font]
        self.size = size
        self.header = header
        self.footer = footer
        self.gridlines = gridlines
        self.grid_color = grid_color
        self.line_width = line_width
        self.items: list[Item] = []
        self.repeat_rows: list[Item] = []
        self.page_fns: list[Callable[[Canvas, int, int], None]] = []

    # building
    def row(self, *cells: C | str, h: float = 0.0, repeat: bool = False) -> None:
        cs = [c if isinstance(c, C) else C(c) for c in cells]
        used = sum(c.span for c in cs)
        if used < len(self.cols):
            cs.append(C("", span=len(self.cols) - used, border=False))
        self.items.append(Item("row", cs, min_height=h, repeat=repeat))

    def text(
        self, s: str, *, size: float | None = None, align: str = "l", bold: bool = False, h: float = 0.0
    ) -> None:
        self.items.append(
            Item(
                "row",
                [C(s, span=len(self.cols), align=align, bold=bold, size=size, border=False)],
                min_height=h,
            )
        )

    def band(self, s: str, fill: Color = GREY_BAND, align: str = "l") -> None:
        self.row(C(s, span=len(self.cols), bold=True, fill=fill, align=align))

    def gap(self, h: float = 8) -> None:
        self.items.append(Item("gap", height=h))

    def draw(self, h: float, fn: Callable[[Canvas, float, float, float], None]) -> None:
        self.items.append(Item("draw", height=h, fn=fn))

    def page_break(self) -> None:
        self.items.append(Item("break"))

    def on_page(self, fn: Callable[[Canvas, int, int], None]) -> None:
        self.page_fns.append(fn)

    # measuring
    def _wrap(self, text: str, width: float, font: str, size: float) -> list[str]:
        out: list[str] = []
        for para in str(text).split("\n"):
            line = ""
            for word in para.split(" "):
                cand = f"{line} {word}" if line else word
                if pdfmetrics.stringWidth(cand, font, size) <= width:
                    line = cand
                    continue
                if line:
                    out.append(line)
                line = ""
                for ch in word:
                    if pdfmetrics.stringWidth(line + ch, font, size) > width and line:
                        out.append(line)
                        line = ch
                    else:
                        line += ch
            out.append(line)
        return out

    def _layout(self, item: Item) -> list[tuple[C, float, list[str], float]]:
        placed = []
        col = 0
        for c in item.cells:
            w = sum(self.cols[col : col + c.span])
            size = c.size or self.size
            font = self.bold if c.bold else self.font
            lines = self._wrap(c.text, w - 5, font, size)
            placed.append((c, w, lines, size))
            col += c.span
        return placed

    def _height(self, item: Item) -> float:
        if item.kind != "row":
            return item.height
        h = self.size * 1.75
        for _c, _w, lines, size in self._layout(item):
            h = max(h, len(lines) * size * 1.3 + size * 0.75)
        return max(h, item.min_height)

    # drawing
    def _draw_row(self, cv: Canvas, item: Item, y: float) -> float:
        h = self._height(item)
        x = self.margin[0]
        for c, w, lines, size in self._layout(item):
            if c.fill is not None:
                cv.setFillColor(c.fill)
                cv.rect(x, y - h, w, h, stroke=0, fill=1)
            if c.border:
                cv.setStrokeColor(self.grid_color)
                cv.setLineWidth(self.line_width)
                cv.rect(x, y - h, w, h, stroke=1, fill=0)
            elif self.gridlines:
                cv.setStrokeColor(GRID)
                cv.setLineWidth(0.25)
                cv.rect(x, y - h, w, h, stroke=1, fill=0)
            cv.setFillColor(c.color or black)
            font = self.bold if c.bold else self.font
            cv.setFont(font, size)
            lh = size * 1.3
            top = y - (h - len(lines) * lh) / 2 - size * 1.0
            for i, ln in enumerate(lines):
                ty = top - i * lh
                if c.align == "c":
                    cv.drawCentredString(x + w / 2, ty, ln)
                elif c.align == "r":
                    cv.drawRightString(x + w - 3, ty, ln)
                else:
                    cv.drawString(x + 3, ty, ln)
            x += w
        return h

    def render(self, path: Path) -> int:
        top = self.page[1] - self.margin[2]
        bottom = self.margin[3]
        pages: list[list[tuple[Item, float]]] = [[]]
        y = top
        for item in self.items:
            if item.kind == "break":
                pages.append([])
                y = top
                for r in self.repeat_rows:
                    pages[-1].append((r, y))
                    y -= self._height(r)
                continue
            h = self._height(item)
            if y - h < bottom and pages[-1]:
                pages.append([])
                y = top
                for r in self.repeat_rows:
                    pages[-1].append((r, y))
                    y -= self._height(r)
            pages[-1].append((item, y))
            y -= h
            if item.repeat:
                self.repeat_rows.append(item)
        # a break at the very start of a page leaves no empty page behind
        pages = [p for p in pages if p] or [[]]
        cv = Canvas(str(path), pagesize=self.page)
        cv.setTitle(self.header[1] or "Sheet1")
        cv.setCreator("Microsoft® Excel® 2016")
        n = len(pages)
        for pno, page in enumerate(pages, 1):
            for fn in self.page_fns:
                fn(cv, pno, n)
            for item, iy in page:
                if item.kind == "row":
                    self._draw_row(cv, item, iy)
                elif item.kind == "draw" and item.fn is not None:
                    item.fn(cv, self.margin[0], iy, sum(self.cols))
            self._hf(cv, pno, n)
            cv.showPage()
        cv.save()
        return n

    def _hf(self, cv: Canvas, pno: int, n: int) -> None:
        cv.setFillColor(black)
        cv.setFont(self.font, 7.5)
        w = self.page[0]
        for texts, y in ((self.header, self.page[1] - 26), (self.footer, 24)):
            left, centre, right = (t.format(p=pno, n=n) for t in texts)
            if left:
                cv.drawString(self.margin[0], y, left)
            if centre:
                cv.drawCentredString(w / 2, y, centre)
            if right:
                cv.drawRightString(w - self.margin[1], y, right)


# ---------------------------------------------------------------------------------------------
# drawing helpers


def seal(text: str, *, square: bool = True, size: float = 46, dx: float = 0.0, dy: float = 0.0):
    """A red seal drawn over the right end of the area above."""

    def fn(cv: Canvas, x: float, y: float, w: float) -> None:
        cx = x + w / 2 + dx
        cy = y + dy
        cv.saveState()
        cv.setStrokeColor(SEAL_RED)
        cv.setFillColor(SEAL_RED)
        cv.setLineWidth(1.6)
        if square:
            cv.rect(cx - size / 2, cy - size / 2, size, size, stroke=1, fill=0)
        else:
            cv.circle(cx, cy, size / 2, stroke=1, fill=0)
        chars = text.replace(" ", "")
        per = 2 if len(chars) <= 4 else 3
        rows = [chars[i : i + per] for i in range(0, len(chars), per)]
        fs = size / (max(len(rows), per) + 0.8)
        cv.setFont("NanumMyeongjoBold", fs)
        for i, r in enumerate(rows):
            cv.drawCentredString(cx, cy + (len(rows) / 2 - i - 0.8) * fs, r)
        cv.restoreState()

    return fn


def qr_box(label: str, size: float = 48, right: bool = True):
    def fn(cv: Canvas, x: float, y: float, w: float) -> None:
        bx = x + w - size if right else x
        rng = random.Random(label)
        cv.saveState()
        cell = size / 21
        cv.setFillColor(black)
        for i in range(21):
            for j in range(21):
                finder = (i < 7 and j < 7) or (i < 7 and j > 13) or (i > 13 and j < 7)
                if finder:
                    ii, jj = i % 14 if i > 13 else i, j % 14 if j > 13 else j
                    on = ii in (0, 6) or jj in (0, 6) or (2 <= ii <= 4 and 2 <= jj <= 4)
                else:
                    on = rng.random() < 0.45
                if on:
                    cv.rect(bx + j * cell, y - (i + 1) * cell, cell, cell, stroke=0, fill=1)
        cv.setFont("NanumGothic", 6)
        cv.drawCentredString(bx + size / 2, y - size - 8, label)
        cv.restoreState()

    return fn


def watermark(text: str, size: float = 60, color: Color = Color(0.9, 0.9, 0.9)):
    def fn(cv: Canvas, pno: int, n: int) -> None:
        w, h = cv._pagesize
        cv.saveState()
        cv.setFillColor(color)
        cv.setFont("NanumGothicBold", size)
        cv.translate(w / 2, h / 2)
        cv.rotate(30)
        cv.drawCentredString(0, 0, text)
        cv.restoreState()

    return fn


def logo_band(name: str, sub: str, color: Color):
    def fn(cv: Canvas, x: float, y: float, w: float) -> None:
        cv.saveState()
        cv.setFillColor(color)
        cv.rect(x, y - 26, 110, 26, stroke=0, fill=1)
        cv.setFillColor(white)
        cv.setFont("NanumSquareB", 12)
        cv.drawCentredString(x + 55, y - 17, name)
        cv.setFillColor(color)
        cv.setFont("NanumGothic", 7.5)
        cv.drawString(x + 118, y - 17, sub)
        cv.setLineWidth(1.5)
        cv.setStrokeColor(color)
        cv.line(x, y - 31, x + w, y - 31)
        cv.restoreState()

    return fn


def frame(inset: float = 22, double: bool = True, color: Color = Color(0.2, 0.3, 0.55)):
    def fn(cv: Canvas, pno: int, n: int) -> None:
        w, h = cv._pagesize
        cv.saveState()
        cv.setStrokeColor(color)
        cv.setLineWidth(2.2)
        cv.rect(inset, inset, w - 2 * inset, h - 2 * inset, stroke=1, fill=0)
        if double:
            cv.setLineWidth(0.7)
            cv.rect(inset + 5, inset + 5, w - 2 * inset - 10, h - 2 * inset - 10, stroke=1, fill=0)
        cv.restoreState()

    return fn


def issue_no(rng: random.Random, groups: tuple[int, ...] = (4, 3, 4, 3)) -> str:
    return "-".join("".join(str(rng.randint(0, 9)) for _ in range(g)) for g in groups)


# ---------------------------------------------------------------------------------------------
# 사업자등록증명 (홈택스 민원증명)


def business_registration(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    ds = "kor0" if v != 1 else "dot0"
    no = issue_no(rng)
    s = Sheet(
        [10, 16, 27, 17, 30],
        size=9.5 if v else 9,
        margin=(46, 46, 60, 60),
        header=("", "", "홈택스(www.hometax.go.kr)"),
        footer=(f"발급번호 {no}", "{p}/{n}", "국세청"),
    )
    s.on_page(watermark("국 세 청", 90, Color(0.93, 0.95, 0.98)))
    s.row(
        C(f"발급번호 : {no}", span=3, border=False, size=8),
        C("처리기간 : 즉시", span=2, align="r", border=False, size=8),
    )
    s.gap(6)
    s.text("사 업 자 등 록 증 명", size=19, align="c", bold=True, h=34)
    s.gap(8)
    label_fill = PALE
    rows: list[tuple[str, Any, str, Any]] = []
    rows.append(("상호(법인명)", f.get("company_name"), "사업자등록번호", f.get("registration_number")))
    rows.append(
        (
            "성명(대표자)",
            f.get("representative"),
            "주민(법인)등록번호",
            f.get("corporate_registration_number"),
        )
    )
    first = True
    block = []
    for a, av, b, bv in rows:
        if av is None and bv is None:
            continue
        block.append([L(a, fill=label_fill), C(av or ""), L(b, fill=label_fill), C(bv or "", align="c")])
    if f.get("business_address") is not None:
        block.append([L("사업장 소재지", fill=label_fill), C(f["business_address"], span=3)])
    if f.get("head_office_address") is not None:
        block.append([L("본점 소재지", fill=label_fill), C(f["head_office_address"], span=3)])
    opening = f.get("opening_date")
    reg_day = (opening + timedelta(days=rng.randint(0, 12))) if opening else None
    if opening is not None:
        block.append(
            [
                L("개 업 일", fill=label_fill),
                C(sdate(opening, ds), align="c"),
                L("사업자등록일", fill=label_fill),
                C(sdate(reg_day, ds), align="c") if reg_day else C(""),
            ]
        )
    for cells in block:
        s.row(C("신청인" if first else "", align="c", bold=True, fill=label_fill, border=True), *cells, h=24)
        first = False
    types = list(f.get("business_types") or [])
    items = list(f.get("business_items") or [])
    n = max(len(types), len(items))
    if n:
        s.row(
            C("사업의 종류", align="c", bold=True, fill=label_fill),
            L("업 태", span=2, fill=label_fill),
            L("종 목", span=2, fill=label_fill),
        )
        for i in range(n):
            s.row(
                C("", fill=label_fill),
                C(types[i] if i < len(types) else "", span=2),
                C(items[i] if i < len(items) else "", span=2),
                h=20,
            )
    s.row(C("공동사업자", align="c", bold=True, fill=label_fill), C("해당없음", span=4), h=20)
    s.row(
        L("용 도", fill=label_fill),
        C(rng.choice(["입찰 및 계약용", "관공서 제출용", "디지털서비스 심사 신청"]), span=2),
        L("제 출 처", fill=label_fill),
        C("한국지능정보사회진흥원"),
        h=20,
    )
    s.gap(18)
    s.text("위와 같이 사업자등록 사실을 증명합니다.", size=11, align="c", h=22)
    s.gap(10)
    if f.get("issue_date") is not None:
        s.text(sdate(f["issue_date"], "kor0"), size=11, align="c", h=22)
    s.gap(14)
    if f.get("tax_office"):
        s.text(f"{f['tax_office']}장", size=16, align="c", bold=True, h=30)
        tw = pdfmetrics.stringWidth(f"{f['tax_office']}장", "NanumGothicBold", 16)
        s.draw(4, seal(f"{f['tax_office']}장인", square=True, size=44, dx=tw / 2 + 18, dy=16))
    s.gap(30)
    s.draw(60, qr_box("진위확인", 46))
    s.text(
        "※ 이 증명서는 인터넷으로 발급되었으며, 홈택스(www.hometax.go.kr)의 '민원증명 > 발급문서 진위확인' "
        "메뉴에서 발급번호를 입력하여 위·변조 여부를 확인할 수 있습니다.",
        size=7.5,
    )
    s.text("※ 사업자의 휴업·폐업 여부는 '사업자상태 조회'로 확인하시기 바랍니다.", size=7.5)
    return s


# ---------------------------------------------------------------------------------------------
# 등기사항일부증명서(현재 유효사항)


def _par_value(capital: int) -> int:
    for par in (5000, 1000, 500, 100, 10000):
        if capital % par == 0:
            return par
    return 1


def corporate_registry(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    issue = f.get("issue_date")
    issue_txt = sdate(issue, "slash") if issue else ""
    pub_no = f"{rng.randint(10000, 99999):05d}{rng.randint(100000000, 999999999)}"
    title = "등기사항일부증명서(현재 유효사항)" if v != 2 else "등기사항전부증명서(현재 유효사항)"
    s = Sheet(
        [22, 38, 20, 20],
        font="myeongjo" if v == 0 else "gothic",
        size=9.5,
        margin=(52, 52, 66, 70),
        header=(f"발행번호 {pub_no}", "", f"발행일 {issue_txt}" if issue else ""),
        footer=(f"발행번호 {pub_no}", "{p}/{n}", f"발행일 {issue_txt}" if issue else ""),
    )
    s.on_page(watermark("대 한 민 국 법 원", 44, Color(0.93, 0.93, 0.93)))
    s.text(title, size=16, align="c", bold=True, h=30)
    s.text("[ 법인 ]", size=9, align="c")
    s.gap(6)
    if f.get("registry_number") or f.get("corporate_registration_number"):
        s.row(
            L("등기번호", fill=PALE),
            C(f.get("registry_number") or "", align="c"),
            L("등록번호", fill=PALE),
            C(f.get("corporate_registration_number") or "", align="c"),
            h=20,
        )
    s.gap(6)
    odate = ctx.get("officer_date") or (issue - timedelta(days=400) if issue else date(2022, 3, 2))

    def entry(label: str, value: str, note: str = "") -> None:
        s.row(C(label, align="c"), C(value, span=2), C(note, align="c", size=8), h=22)

    if f.get("company_name") is not None:
        entry("상      호", f["company_name"])
    if f.get("head_office") is not None:
        entry("본      점", f["head_office"])
    entry("공 고 방 법", "서울특별시에서 발행하는 일간 서울신문에 게재한다")
    capital = f.get("capital")
    par = _par_value(capital) if capital else 5000
    entry("1주의 금액", f"금 {par:,} 원")
    entry("발행할 주식의 총수", f"{ctx.get('shares_total', 1_000_000):,} 주")
    if capital is not None:
        shares = capital // par
        s.row(
            L("발행주식의 총수와\n그 종류 및 각각의 수", span=2, fill=None),
            L("자본금의 액", fill=None),
            C("변경연월일\n등기연월일", align="c", size=8),
        )
        s.row(
            C(f"발행주식의 총수        {shares:,} 주\n  보통주식              {shares:,} 주", span=2),
            C(f"금 {capital:,} 원", align="r"),
            C("", align="c"),
            h=34,
        )
    purposes = f.get("purposes") or []
    if purposes:
        s.row(C("목      적", span=4, align="c", bold=True))
        for i, p in enumerate(purposes, 1):
            s.row(C(f"{i}. {p}", span=4), h=16)
    s.row(C("임원에 관한 사항", span=4, align="c", bold=True))
    officers: list[str] = []
    reps = list(f.get("representatives") or [])
    births: dict[str, str] = {}

    def born(name: str) -> str:
        if name not in births:
            births[name] = f"{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******"
        return births[name]

    for d in ctx.get("directors", []):
        officers.append(f"사내이사  {d}  {born(d)}")
    for r in reps:
        officers.append(f"사내이사  {r}  {born(r)}")
    for r in reps:
        officers.append(f"대표이사  {r}  {born(r)}")
    if ctx.get("auditor"):
        officers.append(f"감사  {ctx['auditor']}  {born(ctx['auditor'])}")
    for o in officers:
        s.row(
            C(o, span=2),
            C(
                f"{sdate(odate, 'kor0')} 취임\n{sdate(odate + timedelta(days=9), 'kor0')} 등기",
                span=2,
                size=8.5,
            ),
            h=30,
        )
    inc = f.get("incorporation_date")
    if inc is not None:
        entry("회사성립연월일", sdate(inc, "kor0"))
        entry("등기기록의 개설\n사유 및 연월일", f"설립\n{sdate(inc, 'kor0')} 등기")
    s.gap(8)
    s.text("-- 이 하 여 백 --", align="c", size=9.5)
    s.gap(8)
    if f.get("registry_office"):
        s.text(f"관할등기소  {f['registry_office']}", size=9.5)
    s.text(
        "*실선으로 그어진 부분은 말소사항을 표시함.     "
        "*등기기록에 기록된 사항이 없는 갑구 또는 을구는 생략함.",
        size=7.5,
    )
    s.gap(8)
    s.text("수수료  1,000원  영수함", size=9, align="r")
    s.text(
        "이 증명서는 등기기록의 내용과 틀림없음을 증명합니다. [다만 신청이 없는 지점, 지배인에 관한 사항 및 "
        "기타사항란의 기재는 생략함]",
        size=9,
    )
    s.gap(4)
    if issue is not None:
        s.text(f"서기 {sdate(issue, 'kor0')}", size=10.5, align="c", h=20)
    s.gap(4)
    s.text("법원행정처 등기정보중앙관리소        전산운영책임관", size=11, align="c", bold=True, h=24)
    tw = pdfmetrics.stringWidth("법원행정처 등기정보중앙관리소        전산운영책임관", s.bold, 11)
    s.draw(6, seal("전산운영책임관인", square=True, size=40, dx=tw / 2 + 16, dy=14))
    s.gap(16)
    s.text(
        f"* 증명서는 컬러 또는 흑백으로 출력 가능함.   발급확인번호 {issue_no(rng, (4, 4, 4, 4))}   "
        "(인터넷등기소 www.iros.go.kr 에서 발급확인번호로 진위 확인 가능)",
        size=7,
    )
    return s


# ---------------------------------------------------------------------------------------------
# 기업신용평가등급확인서


AGENCY_COLORS = {
    "NICE평가정보": Color(0.0, 0.33, 0.65),
    "이크레더블": Color(0.0, 0.55, 0.45),
    "한국기업데이터": Color(0.1, 0.25, 0.5),
    "나이스디앤비": Color(0.55, 0.1, 0.2),
}
AGENCY_SUB = {
    "NICE평가정보": "NICE평가정보 기업신용평가 | 공공기관 입찰용",
    "이크레더블": "e-credible  기업신용평가 전문기관",
    "한국기업데이터": "KED  Korea Enterprise Data",
    "나이스디앤비": "NICE D&B  기업신용평가",
}
GRADE_DEFS = [
    ("AAA", "상거래를 위한 신용능력이 최우량급이며, 환경변화에 충분한 대처가 가능한 기업"),
    ("AA", "상거래를 위한 신용능력이 우량하며, 환경변화에 적절한 대처가 가능한 기업"),
    ("A", "상거래를 위한 신용능력이 양호하며, 환경변화에 대한 대처능력이 제한적인 기업"),
    ("BBB", "상거래를 위한 신용능력이 양호하나, 경제여건 및 환경악화에 따라 거래안정성 저하가 우려되는 기업"),
    ("BB", "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시에는 거래안정성 저하가 우려되는 기업"),
    (
        "B",
        "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시에는 거래안정성 저하 가능성이 높은 기업",
    ),
    ("CCC", "상거래를 위한 신용능력이 보통 이하이며, 거래안정성 저하가 예상되어 주의를 요하는 기업"),
    ("CC", "상거래를 위한 신용능력이 매우 낮으며, 거래의 안정성이 낮은 기업"),
    ("C", "상거래를 위한 신용능력이 최하위 수준이며, 거래위험 발생가능성이 매우 높은 기업"),
    ("D", "현재 신용위험이 실제 발생하였거나 신용위험에 준하는 상태에 처해 있는 기업"),
]


def _grade(g: str, zero: bool) -> str:
    if zero and g not in ("AAA", "CC", "C", "D", "NR", "NCR", "R") and g[-1] not in "+-":
        return g + "0"
    return g


def credit_rating(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    agency = f.get("agency") or ""
    color = AGENCY_COLORS.get(agency, Color(0.2, 0.2, 0.4))
    ds = ["dot0", "iso", "kor0"][v % 3]
    zero = bool(ctx.get("grade_zero")) or agency in ("이크레더블", "나이스디앤비")
    s = Sheet(
        [18, 32, 18, 32],
        font="gothic" if v != 2 else "barun",
        size=9,
        margin=(44, 44, 52, 56),
        header=("", "", f"발급번호 : {ctx.get('cert_no', '')}"),
        footer=(agency, "- {p} -", "본 확인서는 공공기관 입찰용으로만 사용할 수 있습니다."),
    )
    if agency:
        s.draw(40, logo_band(agency, AGENCY_SUB.get(agency, ""), color))
    s.text("기업신용평가등급확인서", size=18, align="c", bold=True, h=36)
    s.text("(공공기관 입찰용)", size=9, align="c")
    s.gap(8)
    band = Color(0.88, 0.92, 0.97) if v != 1 else GREEN_BAND
    s.band("1. 업체 개요", fill=band)
    s.row(
        L("업 체 명", fill=PALE),
        C(f.get("company_name") or ""),
        L("대 표 자", fill=PALE),
        C(ctx.get("representative", "")),
        h=20,
    )
    s.row(
        L("사업자등록번호", fill=PALE),
        C(f.get("business_registration_number") or "", align="c"),
        L("법인등록번호", fill=PALE),
        C(ctx.get("crn", ""), align="c"),
        h=20,
    )
    s.row(L("주    소", fill=PALE), C(ctx.get("address", ""), span=3), h=20)
    s.gap(8)
    s.band("2. 평가 결과", fill=band)
    heads = ["신용등급", "현금흐름등급", "결산기준일", "평가일", "유효기간"]
    cols_vals = [
        _grade(f["rating"], zero) if f.get("rating") else None,
        f.get("cash_flow_grade"),
        sdate(f["settlement_date"], ds) if f.get("settlement_date") else None,
        sdate(f["evaluation_date"], ds) if f.get("evaluation_date") else None,
    ]
    vf, vu = f.get("valid_from"), f.get("valid_until")
    if vf or vu:
        cols_vals.append(f"{sdate(vf, ds) if vf else ''} ~ {sdate(vu, ds) if vu else ''}")
    else:
        cols_vals.append(None)
    pairs = [(h, val) for h, val in zip(heads, cols_vals, strict=True) if val is not None]
    if v == 0:
        # one header row, one value row: the grade table as the agencies print it
        # four grid columns: fold to two rows of pairs when there are more than four
        for i in range(0, len(pairs), 2):
            chunk = pairs[i : i + 2]
            cells: list[C] = []
            for h, val in chunk:
                cells += [
                    L(h, fill=PALE),
                    C(val, align="c", bold=h == "신용등급", size=12 if h == "신용등급" else None),
                ]
            s.row(*cells, h=26)
    else:
        # 5 columns in a 4-col grid: header band then values, last one spanning
        hdr = pairs[:2]
        s.row(*[L(h, fill=PALE) for h, _ in hdr], *[L(h, fill=PALE) for h, _ in pairs[2:4]])
        s.row(
            *[
                C(val, align="c", bold=h == "신용등급", size=12 if h == "신용등급" else None)
                for h, val in pairs[:4]
            ],
            h=26,
        )
        if len(pairs) > 4:
            s.row(L(pairs[4][0], fill=PALE), C(pairs[4][1], span=3, align="c"), h=22)
    if agency:
        s.row(L("평가기관", fill=PALE), C(agency, span=3), h=20)
    s.gap(8)
    s.band("3. 등급 정의", fill=band)
    s.row(L("등급", fill=PALE), L("정 의", span=3, fill=PALE))
    for g, d in GRADE_DEFS:
        s.row(C(g, align="c", size=8), C(d, span=3, size=8), h=15)
    s.text(
        "※ AA등급부터 CCC등급까지는 +, 0, - 부호를 부가하여 동일 등급 내에서의 우열을 나타냅니다. "
        "※ 유효기간은 결산기준일로부터 18개월을 초과하지 않는 범위 내에서 평가일로부터 1년입니다.",
        size=7.5,
    )
    s.gap(10)
    s.text("위 기업의 신용평가등급을 위와 같이 확인합니다.", size=10.5, align="c", h=22)
    if ctx.get("issue_date"):
        s.text(sdate(ctx["issue_date"], "kor"), size=10.5, align="c", h=22)
    s.gap(6)
    s.text(
        f"{ctx.get('agency_full', agency)}   대표이사  {ctx.get('agency_ceo', '')}",
        size=13,
        align="c",
        bold=True,
        h=28,
    )
    tw = pdfmetrics.stringWidth(
        f"{ctx.get('agency_full', agency)}   대표이사  {ctx.get('agency_ceo', '')}", s.bold, 13
    )
    s.draw(4, seal("대표이사인", square=False, size=42, dx=tw / 2 + 8, dy=16))
    return s


# ---------------------------------------------------------------------------------------------
# CSAP 인증서 (KISA)


def csap_certificate(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    ds = "dotsp" if ctx.get("date_style") == "dot" or v == 0 else "kor"
    s = Sheet(
        [26, 74],
        font="myeongjo" if v != 1 else "barun",
        size=10.5,
        margin=(70, 70, 80, 70),
    )
    s.on_page(frame())
    if f.get("certificate_number"):
        s.text(f"인증번호 (Certificate No.) : {f['certificate_number']}", size=9.5, h=20)
    s.gap(14)
    s.text("클라우드서비스 보안인증서", size=24, align="c", bold=True, h=42)
    s.text("Cloud Security Assurance Program Certificate", size=11, align="c", h=20)
    s.gap(18)

    def r(label: str, en: str, value: Any) -> None:
        if value is None or value == "":
            return
        s.row(C(f"{label}\n{en}", align="c", bold=True, fill=PALE, size=9.5), C(value), h=34)

    r("기 업 명", "Company", f.get("company_name"))
    r("서 비 스 명", "Service", f.get("service_name"))
    r("인 증 범 위", "Scope", ctx.get("scope"))
    t, g = f.get("certification_type"), f.get("grade")
    if t:
        if g in ("상", "중", "하"):
            kind = f"{t} / {g}등급"
        elif g:
            kind = f"{t} {g}등급"
        else:
            kind = t
        r("인 증 유 형", "Type", kind)
    if f.get("issue_date"):
        r("최초인증일", "Date of Issue", sdate(f["issue_date"], ds))
    vf, vu = f.get("valid_from"), f.get("valid_until")
    if vf or vu:
        r("유 효 기 간", "Validity", f"{sdate(vf, ds) if vf else ''} ~ {sdate(vu, ds) if vu else ''}")
    s.gap(24)
    s.text(
        "위 클라우드서비스는 「클라우드컴퓨팅 발전 및 이용자 "
        "보호에 관한 법률」 제23조의2 및 「클라우드컴퓨팅서비스 "
        "보안인증에 관한 고시」에 따른 보안인증 기준에 적합하므로 이 인증서를 발급합니다.",
        size=11,
        h=50,
    )
    s.gap(24)
    if f.get("issue_date"):
        s.text(sdate(f["issue_date"], "kor"), size=12, align="c", h=26)
    s.gap(20)
    issuer = f.get("issuer")
    if issuer:
        s.text(f"{issuer}장", size=18, align="c", bold=True, h=34)
        tw = pdfmetrics.stringWidth(f"{issuer}장", s.bold, 18)
        s.draw(4, seal(f"{issuer}장인", square=True, size=50, dx=tw / 2 + 20, dy=18))
    s.gap(40)
    s.text(
        "※ 인증의 유효성은 KISA 정보보호 인증 누리집(isms.kisa.or.kr)의 인증현황에서 확인할 수 있습니다.",
        size=7.5,
    )
    return s


# ---------------------------------------------------------------------------------------------
# vendor worksheets


def _vendor_sheet(rng: random.Random, cols: list[float], v: int, fname: str, sheet: str, **kw: Any) -> Sheet:
    style = v % 3
    header = [
        (f"{fname}.xlsx", sheet, "{p} 페이지"),
        ("", "", ""),
        ("", f"&{sheet}", ""),
    ][style]
    header = (header[0], header[1].lstrip("&"), header[2])
    footer = [("", "{p} / {n}", ""), ("", "- {p} -", ""), (sheet, "{p}/{n} 페이지", "")][style]
    return Sheet(
        cols,
        font=["gothic", "barun", "gothic"][style],
        size=kw.pop("size", [9, 8.5, 9.5][style]),
        header=header,
        footer=footer,
        margin=kw.pop("margin", (36, 36, 48, 46)),
        gridlines=kw.pop("gridlines", style == 1),
        **kw,
    )


def application_form(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    ds = ctx.get("sp_date") or pick_style(rng)
    s = _vendor_sheet(rng, [17, 33, 17, 33], v, "디지털서비스_심사신청서", "신청서")
    band = [BLUE_BAND, GREY_BAND, GREEN_BAND][v % 3]
    s.row(C("디지털서비스 심사 신청서", span=4, align="c", bold=True, size=16, fill=band), h=36)
    s.row(C("※ [ ]에는 해당되는 곳에 √ 표시 또는 선택값을 입력합니다.", span=4, size=7.5, border=False))
    s.gap(4)

    def pair_rows(pairs: list[tuple[str, Any]]) -> None:
        pairs = [(a, b) for a, b in pairs if b is not None]
        for i in range(0, len(pairs), 2):
            chunk = pairs[i : i + 2]
            cells: list[C] = []
            for a, b in chunk:
                cells += [L(a, fill=PALE), C(b)]
            if len(chunk) == 1:
                cells[-1].span = 3
            s.row(*cells, h=22)

    s.band("1. 신청기업", fill=band)
    pair_rows(
        [
            ("상      호", f.get("company_name")),
            ("대 표 자", f.get("representative")),
            ("사업자등록번호", f.get("business_registration_number")),
        ]
    )
    if f.get("address") is not None:
        s.row(L("주      소", fill=PALE), C(f["address"], span=3), h=22)
    s.band("2. 담당자", fill=band)
    pair_rows(
        [
            ("성      명", f.get("contact_name")),
            ("전화번호", f.get("contact_phone")),
            ("전자우편", f.get("contact_email")),
        ]
    )
    s.band("3. 신청 서비스", fill=band)
    if f.get("service_name") is not None:
        s.row(L("서 비 스 명", fill=PALE), C(f["service_name"], span=3), h=22)

    def choice(label: str, options: dict[str, str], value: Any) -> None:
        if v == 0:
            text = "   ".join(("■ " if k == value else "□ ") + lab for k, lab in options.items())
            s.row(L(label, fill=PALE), C(text, span=3), h=22)
        elif v == 1:
            s.row(
                L(label, fill=PALE),
                *[C(("O " if k == value else "  ") + lab, align="c") for k, lab in list(options.items())[:3]],
                h=22,
            )
        else:
            s.row(
                L(label, fill=PALE), C(options.get(value, "해당없음") if value else "해당없음", span=3), h=22
            )

    if f.get("service_category") is not None:
        choice("서비스 구분", CATEGORY, f["service_category"])
    if f.get("service_category") == "cloud_computing" or f.get("service_model"):
        choice("서비스 유형", {"IaaS": "IaaS", "PaaS": "PaaS", "SaaS": "SaaS"}, f.get("service_model"))
    if f.get("service_category") == "cloud_support" or f.get("support_type"):
        choice("지원 유형", SUPPORT, f.get("support_type"))
    if f.get("provider_type") is not None:
        opts = dict(PROVIDER)
        if v == 1:
            opts = {"original": "원 제공자", "reseller": "중개 제공자", "_": "-"}
        choice("제공자 구분", opts, f["provider_type"])
    if f.get("education_exempt") is not None:
        style = ["YN", "OX", "ko"][v % 3]
        s.row(
            L("교육 목적 서비스", fill=PALE),
            C("학교의 학생 교육용으로 제공되는 서비스 여부 (보안인증 제출 면제)", span=2, size=8),
            C(yn(f["education_exempt"], style), align="c", bold=True),
            h=24,
        )
    s.gap(10)
    s.row(
        C(
            "「디지털서비스 심사·선정 등에 관한 고시」에 따라 위와 같이 디지털서비스 심사를 신청합니다.",
            span=4,
            border=False,
            align="c",
        ),
        h=26,
    )
    if f.get("application_date") is not None:
        s.row(
            C("", span=2, border=False),
            L("신 청 일", fill=PALE),
            C(sdate(f["application_date"], ds), align="c"),
            h=22,
        )
    s.row(
        C("", span=2, border=False),
        L("신 청 인", fill=PALE),
        C(f"{f.get('company_name') or ''}  대표  {f.get('representative') or ''} (인)", align="c", size=8.5),
        h=26,
    )
    s.draw(4, seal("대표이사인", square=False, size=28, dx=sum(s.cols) / 2 - 12, dy=13))
    s.gap(10)
    s.text("과학기술정보통신부장관 귀하", size=11, bold=True, h=22)
    s.gap(6)
    s.row(
        L("첨부서류", fill=PALE),
        C(
            "법인 등기사항증명서, 사업자등록증명, 신용평가등급확인서, 디지털서비스개요서, "
            "제공역량 증명자료, 클라우드 보안인증서(해당 시), 서비스 수준 정책서(해당 시), 협약서(해당 시)",
            span=3,
            size=8,
        ),
        h=30,
    )
    return s


def sla_policy(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    s = _vendor_sheet(
        rng, [12, 22, 16, 9, 27, 14], v, "SLA_정책표", "SLA", land=True, size=[9, 8.5, 9][v % 3]
    )
    band = [BLUE_BAND, GREY_BAND, GREEN_BAND][v % 3]
    s.row(C("서비스 수준 정책서 (SLA)", span=6, align="c", bold=True, size=15, border=False), h=32)
    if f.get("service_name") is not None:
        s.row(
            L("서비스명", fill=PALE),
            C(f["service_name"], span=2),
            L("제공기업", fill=PALE),
            C(ctx.get("company", ""), span=2),
            h=20,
        )
    else:
        s.row(L("제공기업", fill=PALE), C(ctx.get("company", ""), span=5), h=20)
    s.gap(6)
    s.row(
        *[L(h, fill=band) for h in ["구분", "항목", "목표 수준", "단위", "측정 방법 / 기준", "비고"]],
        h=22,
        repeat=True,
    )
    yes = ["YN", "OX", "ko"][v % 3]
    rows: list[tuple[str, str, Any, str, str, str]] = []
    if f.get("availability_percent") is not None:
        rows.append(
            (
                "운영안정성",
                "서비스 가용성",
                f"{f['availability_percent']:g}",
                "%",
                "(월 총 시간 - 장애 시간) ÷ 월 총 시간 × 100",
                "월 단위",
            )
        )
    if f.get("monitoring") is not None:
        rows.append(
            (
                "운영안정성",
                "모니터링 정보 제공",
                yn(f["monitoring"], yes),
                "-",
                "이용자 대시보드로 자원·장애 현황 제공",
                "실시간",
            )
        )
    if f.get("backup_frequency") is not None:
        rows.append(
            ("운영안정성", "백업 주기", f["backup_frequency"], "-", "전체 데이터 백업, 30일 보관", "")
        )
    if f.get("rto_hours") is not None:
        rows.append(
            (
                "운영안정성",
                "목표 복구 시간 (RTO)",
                num(f["rto_hours"]),
                "시간",
                "장애 발생 시점부터 서비스 재개까지",
                "",
            )
        )
    if f.get("rpo_hours") is not None:
        rows.append(
            (
                "운영안정성",
                "목표 복구 시점 (RPO)",
                num(f["rpo_hours"]),
                "시간",
                "복구 시 허용되는 최대 데이터 손실 구간",
                "",
            )
        )
    if f.get("support_hours") is not None:
        rows.append(
            (
                "지원체계",
                "고객지원 시간",
                f["support_hours"],
                "-",
                "콜센터·이메일·원격지원",
                "법정공휴일 별도",
            )
        )
    if f.get("response_time_hours") is not None:
        rows.append(
            (
                "지원체계",
                "장애 접수 후 응답 시간",
                num(f["response_time_hours"]),
                "시간",
                "장애 접수 시점부터 최초 응답까지",
                "1등급 장애 기준",
            )
        )
    rows.append(("지원체계", "정기 점검 사전 공지", "7", "일", "점검 7일 전 공지", ""))
    prev = None
    for g, item, val, unit, how, note in rows:
        right = unit not in ("-",)
        s.row(
            C(g if g != prev else "", align="c"),
            C(item),
            C(val, align="r" if right else "c", bold=True),
            C(unit, align="c"),
            C(how, size=8),
            C(note, align="c", size=8),
            h=22,
        )
        prev = g
    s.gap(10)
    s.row(C("장애 등급 기준", span=6, bold=True, border=False))
    s.row(
        *[L(h, fill=PALE) for h in ["등급", "정의"]],
        L("예시", span=2, fill=PALE),
        L("조치 목표", span=2, fill=PALE),
    )
    for g, d, e, t in [
        ("1등급", "서비스 전체 중단", "접속 불가, 데이터 손상", "즉시 대응, 복구 계획 공유"),
        ("2등급", "주요 기능 장애", "일부 기능 사용 불가", "당일 조치"),
        ("3등급", "경미한 오류", "화면 표시 오류 등", "정기 배포 시 반영"),
    ]:
        s.row(C(g, align="c", size=8), C(d, size=8), C(e, span=2, size=8), C(t, span=2, size=8))
    s.gap(8)
    s.text(
        "※ 목표 수준 미달 시 서비스 크레딧: 가용성 99.0% 이상 목표 미만 월 요금의 10%, 99.0% 미만 25%.",
        size=7.5,
    )
    s.text(f"작성: {ctx.get('company', '')} 서비스운영팀", size=8, align="r")
    return s


def reseller_agreement(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    ds = pick_style(rng)
    s = _vendor_sheet(rng, [16, 34, 16, 34], v, "공급및기술지원협약서", "협약서", size=9)
    band = [BLUE_BAND, GREY_BAND, GREEN_BAND][v % 3]
    s.row(C("디지털서비스 공급 및 기술지원 협약서", span=4, align="c", bold=True, size=15, fill=band), h=34)
    s.gap(6)
    s.row(
        L("구 분", fill=PALE),
        L("원 제공자 (갑)", fill=PALE),
        L("구 분", fill=PALE),
        L("중개 제공자 (을)", fill=PALE),
    )
    s.row(
        L("상 호", fill=None),
        C(f.get("original_provider_name") or ""),
        L("상 호", fill=None),
        C(f.get("reseller_name") or ""),
        h=22,
    )
    s.row(
        L("사업자번호", fill=None),
        C(f.get("original_provider_brn") or "", align="c"),
        L("사업자번호", fill=None),
        C(f.get("reseller_brn") or "", align="c"),
        h=22,
    )
    s.row(
        L("대 표 자", fill=None),
        C(ctx.get("original_rep", "")),
        L("대 표 자", fill=None),
        C(ctx.get("reseller_rep", "")),
        h=22,
    )
    if f.get("service_name") is not None:
        s.row(L("대상 서비스", fill=PALE), C(f["service_name"], span=3), h=22)
    vf, vu = f.get("valid_from"), f.get("valid_until")
    if vf or vu:
        s.row(
            L("협약 기간", fill=PALE),
            C(f"{sdate(vf, ds) if vf else ''} ~ {sdate(vu, ds) if vu else ''}", span=3),
            h=22,
        )
    s.gap(6)
    arts = [
        (
            "제1조(목적)",
            "이 협약은 갑이 개발·운영하는 디지털서비스를 을이 공공기관에 공급하고, "
            "갑과 을이 기술지원을 분담하는 데 필요한 사항을 정함을 목적으로 한다.",
        ),
        (
            "제2조(공급)",
            "갑은 을에게 대상 서비스의 판매 및 공급 권한을 부여하며, "
            "을은 디지털서비스 이용지원시스템에 중개 제공자로 등록한다.",
        ),
        (
            "제3조(기술지원)",
            "갑과 을은 별첨 「원 제공자-중개 제공자 간 제공 "
            "역량 항목별 구분 명세서」에 따라 역할을 분담한다.",
        ),
        (
            "제4조(보안 및 품질)",
            "갑은 클라우드 보안인증을 유지하고, 을은 이용기관의 요청을 갑에게 지체 없이 전달한다.",
        ),
        (
            "제5조(협약기간)",
            "이 협약의 기간은 위 협약 기간란에 적은 바에 따르며, 어느 "
            "일방의 해지 통보가 없으면 같은 조건으로 1년씩 연장된다.",
        ),
        (
            "제6조(기타)",
            "이 협약에서 정하지 않은 사항은 관계 법령과 상관례에 "
            "따르며, 분쟁은 갑의 본점 소재지 관할 법원에서 해결한다.",
        ),
    ]
    for a, t in arts:
        s.row(C(a, bold=True, align="c", size=8.5), C(t, span=3, size=8.5), h=30)
    s.gap(8)
    s.text(
        "위 협약을 증명하기 위하여 협약서 2부를 작성하여 갑과 을이 기명날인한 후 각 1부씩 보관한다.",
        size=9,
        align="c",
    )
    if f.get("agreement_date") is not None:
        s.row(
            C("", span=2, border=False),
            L("협 약 일", fill=PALE),
            C(sdate(f["agreement_date"], ds), align="c"),
            h=22,
        )
    s.row(
        L("(갑)", fill=PALE),
        C(f"{f.get('original_provider_name') or ''}\n대표이사 {ctx.get('original_rep', '')} (인)", align="c"),
        L("(을)", fill=PALE),
        C(f"{f.get('reseller_name') or ''}\n대표이사 {ctx.get('reseller_rep', '')} (인)", align="c"),
        h=40,
    )
    split = f.get("capability_split") or []
    if split:
        s.page_break()
        # the 명세서 sheet
        s.row(
            C(
                "[별첨] 원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서",
                span=4,
                bold=True,
                size=12,
                border=False,
            ),
            h=28,
        )
        if f.get("service_name"):
            s.row(L("대상 서비스", fill=PALE), C(f["service_name"], span=3), h=20)
        if v % 2 == 0:
            s.row(
                L("No", fill=band),
                L("제공 역량 항목", fill=band),
                L("책임 주체", fill=band),
                L("비고", fill=band),
                h=22,
            )
            for i, it in enumerate(split, 1):
                s.row(
                    C(str(i), align="c"),
                    C(it["item"]),
                    C(RESP[it["responsible"]], align="c", bold=True),
                    C(""),
                    h=20,
                )
        else:
            s.row(
                L("제공 역량 항목", fill=band),
                L("원 제공자", fill=band),
                L("중개 제공자", fill=band),
                L("공동", fill=band),
                h=22,
            )
            for it in split:
                r = it["responsible"]
                s.row(
                    C(it["item"]),
                    C("O" if r == "original" else "", align="c", bold=True),
                    C("O" if r == "reseller" else "", align="c", bold=True),
                    C("O" if r == "shared" else "", align="c", bold=True),
                    h=20,
                )
        s.text("※ 책임 주체란의 '공동'은 갑과 을이 함께 수행함을 뜻함.", size=7.5)
    return s


def service_overview(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    s = _vendor_sheet(rng, [18, 42, 18, 22], v, "디지털서비스개요서", "개요서")
    band = [BLUE_BAND, GREY_BAND, GREEN_BAND][v % 3]
    s.row(C("디지털서비스 개요서", span=4, align="c", bold=True, size=15, fill=band), h=34)
    s.row(L("서비스명", fill=PALE), C(ctx.get("service_name", ""), span=3), h=22)
    s.row(
        L("제공기업", fill=PALE),
        C(ctx.get("company", "")),
        L("서비스 분야", fill=PALE),
        C(ctx.get("category_label", "")),
        h=22,
    )
    s.band("1. 서비스 개요", fill=band)
    s.row(
        C(
            f"{ctx.get('service_name', '')}은(는) "
            f"공공기관이 별도 구축 없이 인터넷으로 이용하는 서비스로, 업무 처리 "
            "자동화와 데이터 관리, 통계·보고 기능을 제공한다.",
            span=4,
        ),
        h=40,
    )
    s.band("2. 주요 기능", fill=band)
    s.row(L("No", fill=PALE), L("기능", fill=PALE), L("설명", span=2, fill=PALE))
    for i, (a, b) in enumerate(
        [
            ("사용자·권한 관리", "기관별 조직도 연동, 역할 기반 접근 통제"),
            ("전자결재 연계", "기관 전자결재 시스템과 API 연계"),
            ("대시보드", "업무 처리 현황, 통계 차트"),
            ("데이터 내보내기", "CSV·XLSX 다운로드, 개방 API"),
            ("감사 로그", "접속·변경 이력 1년 보관"),
        ],
        1,
    ):
        s.row(C(str(i), align="c"), C(a), C(b, span=2), h=18)
    s.band("3. 요금", fill=band)
    s.row(L("상품", fill=PALE), L("구성", fill=PALE), L("단위", fill=PALE), L("월 요금(원)", fill=PALE))
    for a, b, c, d in [
        ("Basic", "50 사용자", "기관", 300000),
        ("Standard", "200 사용자", "기관", 900000),
        ("Enterprise", "무제한", "기관", 2500000),
    ]:
        s.row(C(a), C(b), C(c, align="c"), C(f"{d:,}", align="r"))
    return s


def capability_evidence(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    s = _vendor_sheet(rng, [6, 34, 20, 22, 18], v, "제공역량_증명자료", "수행실적", land=v == 1)
    band = [BLUE_BAND, GREY_BAND, GREEN_BAND][v % 3]
    s.row(C("디지털서비스 제공역량 증명자료", span=5, align="c", bold=True, size=15, border=False), h=32)
    s.row(
        L("서비스명", fill=PALE),
        C(ctx.get("service_name", ""), span=2),
        L("제공기업", fill=PALE),
        C(ctx.get("company", "")),
        h=22,
    )
    s.band("1. 유사 서비스 제공 실적", fill=band)
    s.row(*[L(h, fill=PALE) for h in ["No", "사업명", "발주처", "수행 기간", "계약금액(원)"]], repeat=True)
    year = 2021
    for i in range(1, rng.randint(5, 8)):
        a = date(year + i // 3, 1 + (i * 3) % 12, 1)
        s.row(
            C(str(i), align="c"),
            C(f"{rng.choice(['민원', '통계', '문서', '협업', '교육'])}업무 클라우드 전환 사업 ({i}차)"),
            C(rng.choice(["○○시청", "△△공사", "□□교육청", "◇◇연구원"])),
            C(f"{a.isoformat()} ~ {(a + timedelta(days=300)).isoformat()}", size=8),
            C(f"{rng.randint(30, 900) * 1_000_000:,}", align="r"),
        )
    s.band("2. 인력 현황", fill=band)
    s.row(*[L(h, fill=PALE) for h in ["No", "직무", "인원(명)", "주요 자격", "평균 경력(년)"]])
    for i, (a, b, c) in enumerate(
        [("개발", 12, "정보처리기사"), ("운영", 6, "AWS SAA"), ("보안", 3, "CISSP, ISMS-P 인증심사원")], 1
    ):
        s.row(C(str(i), align="c"), C(a), C(str(b), align="r"), C(c), C(str(rng.randint(4, 12)), align="r"))
    return s


def quality_self_check(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, v: int) -> Sheet:
    ds = pick_style(rng)
    s = _vendor_sheet(rng, [8, 52, 10, 10, 20], v, "품질적합성_자가점검", "자가점검")
    s.row(C("품질적합성 자가점검 보고서", span=5, align="c", bold=True, size=15, fill=GREY_BAND), h=34)
    for a, key in [
        ("기업명", "company_name"),
        ("사업자등록번호", "business_registration_number"),
        ("서비스명", "service_name"),
        ("선정번호", "selection_number"),
    ]:
        if f.get(key) is not None:
            s.row(L(a, span=2, fill=PALE), C(f[key], span=3), h=20)
    if f.get("report_date") is not None:
        s.row(L("작성일", span=2, fill=PALE), C(sdate(f["report_date"], ds), span=3), h=20)
    s.row(
        L("No", fill=PALE),
        L("점검항목", fill=PALE),
        L("적합", fill=PALE),
        L("부적합", fill=PALE),
        L("비고", fill=PALE),
    )
    for i, it in enumerate(f.get("items") or [], 1):
        ok = it.get("result") == "conform"
        s.row(
            C(str(i), align="c"),
            C(it.get("item", "")),
            C("O" if ok else "", align="c"),
            C("" if ok else "O", align="c"),
            C(""),
        )
    if f.get("overall_result") is not None:
        s.row(
            L("종합 결과", span=2, fill=PALE),
            C("적합" if f["overall_result"] == "conform" else "부적합", span=3, bold=True),
            h=22,
        )
    s.text(
        "위와 같이 디지털서비스 선정기준 유지 여부를 자가점검하였음을 확인합니다.", size=9, align="c", h=24
    )
    s.text(f"{f.get('company_name') or ''}  대표이사 (인)", size=10, align="r", h=22)
    return s


BUILDERS: dict[str, Callable[[dict[str, Any], dict[str, Any], random.Random, int], Sheet]] = {
    "application_form": application_form,
    "corporate_registry": corporate_registry,
    "business_registration": business_registration,
    "credit_rating": credit_rating,
    "csap_certificate": csap_certificate,
    "sla_policy": sla_policy,
    "reseller_agreement": reseller_agreement,
    "service_overview": service_overview,
    "capability_evidence": capability_evidence,
    "quality_self_check": quality_self_check,
}


def draw(spec: DocSpec, path: Path, rng: random.Random) -> int:
    build = BUILDERS.get(spec.type)
    if build is None:
        return int(generate.draw(spec, path, rng))
    sheet = build(spec.fields, spec.ctx, rng, spec.variant)
    return sheet.render(path)
