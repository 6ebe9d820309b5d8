"""official_forms: the official issuers' current forms, as their web services print them.

국세청 홈택스 사업자등록증 (법인사업자), 인터넷등기소 등기사항전부증명서(현재 유효사항), NICE평가정보
기업신용평가등급확인서, KISA 클라우드서비스 보안인증서, the 고시's [별지 제1호서식] 심사 신청서 — drawn with
reportlab as the issuers' report designers draw them (ruled tables, shaded label cells, letter-spaced
labels, seals, barcodes, page footers); the vendors' own SLA and 공급 및 기술지원 협약서 written in Word
(python-docx) and converted by LibreOffice, as vendors produce them.
"""

from __future__ import annotations

import io
import math
import random
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="official_forms",
    title="the official issuers' current forms, as their web services print them",
    written="2026-12-02",
    written_by="helper session official_forms; did not read src/dsreview/extractors or forms/documents",
    imitates={
        "business_registration": "국세청 홈택스 사업자등록증 (법인사업자) reprint: title with (법인사업자), "
        "'등록번호 :' under it, letter-spaced 'label : value' lines, 개업연월일 and 법인등록번호 "
        "on one line, "
        "a borderless 업태/종목 block, 발급 사유, 공동사업자, 사업자 단위 과세 여부 여( ) 부(V), "
        "전자세금계산서 "
        "전용 전자우편주소, the date alone, ○○세무서장 with a square red seal, 국세청 mark and the 홈택스 "
        "진위확인 footer. Stored sources (search: pages) only gave the BRN structure "
        "(dahanaccount.tistory.com, "
        "daouoffice manual); the layout follows the real reprint as known.",
        "corporate_registry": "인터넷등기소 등기사항전부증명서(현재 유효사항) of a 주식회사, 2 "
        "pages: 등기번호/등록번호 "
        "box, ruled full-width tables (상호, 본점, 공고방법, 1주의 금액, 발행할 주식의 총수, "
        "발행주식의 총수… / 자본금의 "
        "액 / 변경·등기 dates, 목적 numbered, 임원에 관한 사항 with masked 주민번호 and 취임/등기 "
        "dates, the 대표이사's "
        "address, 회사성립연월일, 등기기록의 개설 사유), -- 이하 여백 --, 수수료 1,000원 영수함, "
        "관할/발행등기소, "
        "issue date and time, 전산운영책임관 seal, [인터넷 발급] 발급확인번호 footer with a "
        "2D-barcode block, "
        "page 1/2. Registered items follow 상법 제317조② (taxnet.co.kr, lawnb.com 상법 제289조); "
        "layout as known.",
        "credit_rating": "NICE평가정보 기업신용평가등급확인서 (공공기관 입찰용): 발급번호, boxed "
        "업체명/대표자/사업자번호/"
        "법인(주민)번호/주소 table, 평가 결과 table (신용등급 printed with 0 for middle grades, "
        "현금흐름등급, "
        "결산기준일, 평가일, 유효기간 'YYYY.MM.DD ~ YYYY.MM.DD'), 용도, grade definition box, '위와 같이 "
        "신용평가등급을 확인합니다', date, 'NICE평가정보주식회사 대표이사' with a round seal, "
        "barcode. Validity rule "
        "(18 months from settlement, 1 year from evaluation) from scilk.co.kr and seoulcredit.co.kr notices. "
        "Every certificate of this family is NICE's: truth 'agency' is set to NICE평가정보.",
        "csap_certificate": "KISA 클라우드서비스 보안인증서: '제 CSAP-… 호', centered title, "
        "framed list 인증번호/업체명/"
        "서비스명/인증범위/인증유형 ('SaaS 표준등급' in one cell)/유효기간; for 상/중/하 grades "
        "(2023 reform: "
        "zdnet.co.kr, KISA notice on isms.kisa.or.kr) a separate 인증등급 line; statutory sentence, date, "
        "letter-spaced '한국인터넷진흥원장' with a square seal, guilloche border.",
        "sla_policy": "a vendor's 서비스 수준 협약서 (SLA) written in Word and converted by "
        "LibreOffice: cover table "
        "(서비스명, 서비스 제공자), a 구분 | 항목 | 목표 수준 | 측정 방법 table with merged 구분 "
        "cells (가용성, "
        "모니터링, 백업, 복구 RTO/RPO '4시간 이내', 고객지원 지원시간 / 장애 접수 후 초기 대응 "
        "'30분 이내'), a "
        "service-credit table, exclusions, signature block. Items as in openmaru.io/sla and SLA "
        "guides in the "
        "stored pages; no stored public-sector template was found.",
        "reseller_agreement": "디지털서비스 공급 및 기술지원 협약서 in 갑/을 prose (Word → "
        "LibreOffice): preamble "
        '\'주식회사 ○○(이하 "갑"이라 한다)와 …(이하 "을"이라 한다)는\', '
        "articles 제1조(목적) … 제8조(협약기간: '본 "
        "협약의 기간은 … 부터 … 까지로 한다'), signature block with "
        "상호/사업자등록번호/주소/대표이사 (인) and seals, "
        "appendix 원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서 (○ marks, or 책임 주체 "
        "wording). Written "
        "from the usual Korean 협약서 form; no stored example.",
        "application_form": "[별지 제1호서식] 디지털서비스 심사 신청서 drawn as a 법령 서식: "
        "접수번호/접수일자/처리기간 "
        "bar, open-sided ruled table with thick rules, caption-in-cell fields (상호(법인명), 대표자 성명, "
        "사업자등록번호, 주소, 담당자 성명/전화번호/전자우편 in one row), ■/□ options for 서비스 "
        "구분, 서비스 유형, "
        "지원서비스, 제공자 구분, 교육 목적 여부, declaration citing the 고시, date '2024 년 3 월 15 일', "
        "신청인 (서명 또는 인), 과학기술정보통신부장관 귀하, 첨부서류, 처리절차 boxes and the '210mm×297mm"
        "[백상지 80g/㎡]' foot. The form's text is not in the stored sources (DOMAIN §11); modelled on 법령 "
        "별지 서식.",
        "service_overview": "a vendor's 디지털서비스개요서 exported from PowerPoint (landscape "
        "slides with a title bar: "
        "서비스 개요, 주요 기능 table, 구성도 with layers, 도입 효과).",
        "capability_evidence": "a vendor's 디지털서비스 제공역량 증명자료 (portrait report: 기업 "
        "일반 현황, 수행 실적 "
        "표, 전담 인력 현황, 기술지원 체계, 보유 인증).",
    },
    seed=7101,
)

FILE_NAMES = {
    "application_form": ["디지털서비스_심사신청서.pdf", "별지1_심사신청서_서명본.pdf", "01_심사신청서.pdf"],
    "corporate_registry": [
        "등기사항전부증명서_현재유효사항.pdf",
        "법인등기부등본.pdf",
        "02_법인등기사항전부증명서.pdf",
    ],
    "business_registration": ["사업자등록증.pdf", "사업자등록증_홈택스발급.pdf", "03_사업자등록증.pdf"],
    "credit_rating": [
        "기업신용평가등급확인서_NICE.pdf",
        "신용평가등급확인서.pdf",
        "04_신용평가등급확인서.pdf",
    ],
    "service_overview": ["디지털서비스개요서.pdf", "05_디지털서비스개요서.pdf"],
    "capability_evidence": ["제공역량_증명자료.pdf", "06_디지털서비스_제공역량_증명자료.pdf"],
    "csap_certificate": ["클라우드서비스_보안인증서.pdf", "CSAP_인증서_사본.pdf"],
    "sla_policy": ["서비스수준협약서(SLA).pdf", "SLA_서비스수준협약서.pdf"],
    "reseller_agreement": ["공급및기술지원협약서.pdf", "디지털서비스_공급_및_기술지원_협약서.pdf"],
}

W, H = A4
NANUM = "/usr/share/fonts/truetype/nanum"
FONTS = {
    "G": "NanumGothic",
    "GB": "NanumGothicBold",
    "M": "NanumMyeongjo",
    "MB": "NanumMyeongjoBold",
    "B": "NanumBarunGothic",
    "BB": "NanumBarunGothicBold",
    "S": "NanumSquareR",
    "SB": "NanumSquareB",
}
SHADE = Color(0.9, 0.9, 0.9)
LIGHT = Color(0.95, 0.95, 0.95)
RED = Color(0.82, 0.12, 0.12)
_registered: set[str] = set()


def _font(key: str) -> str:
    name = f"OF-{FONTS[key]}"
    if name not in _registered:
        pdfmetrics.registerFont(TTFont(name, f"{NANUM}/{FONTS[key]}.ttf"))
        _registered.add(name)
    return name


# --- how values are printed ---
def d_sp(d: date) -> str:  # 홈택스 / 등기소: 2011 년 02 월 26 일
    return f"{d.year} 년 {d.month:02d} 월 {d.day:02d} 일"


def d_form(d: date) -> str:  # 법령 서식: 2024 년 3 월 15 일
    return f"{d.year} 년 {d.month} 월 {d.day} 일"


def d_kor(d: date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def d_kor0(d: date) -> str:
    return f"{d.year}년 {d.month:02d}월 {d.day:02d}일"


def d_dot(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def d_dots(d: date) -> str:
    return f"{d.year}. {d.month:02d}. {d.day:02d}."


def hours(h: float) -> str:
    if h < 1:
        return f"{round(h * 60)}분"
    return f"{int(h)}시간" if h == int(h) else f"{h}시간"


def grade0(g: str) -> str:
    """NICE prints the middle grade of a class with 0: BBB → BBB0."""
    if g in ("AAA", "CC", "C", "D", "NR", "NCR", "R") or g[-1] in "+-":
        return g
    return g + "0"


def sp(label: str, n: int = 1) -> str:
    """Letter-spaced label: 대표자 → 대 표 자."""
    return (" " * n).join(label.replace(" ", ""))


# --- drawing toolkit ---
@dataclass
class C:
    """A table cell: text, column span, row span, shaded label, alignment, font, caption above the text."""

    t: str = ""
    span: int = 1
    rs: int = 1
    sh: bool = False
    al: str = "l"
    va: str = "m"
    f: str | None = None
    sz: float | None = None
    cap: str | None = None


class P:
    """A reportlab canvas with the few primitives the issuers' forms need."""

    def __init__(self, path: Path, title: str, *, size: tuple[float, float] = A4) -> None:
        self.c = Canvas(str(path), pagesize=size, pageCompression=1, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.w, self.h = size
        self.pages = 1

    def new_page(self) -> None:
        self.c.showPage()
        self.pages += 1

    def finish(self) -> int:
        self.c.showPage()
        self.c.save()
        return self.pages

    # text
    def width(self, s: str, f: str = "G", size: float = 10, cs: float = 0) -> float:
        return pdfmetrics.stringWidth(s, _font(f), size) + cs * max(len(s) - 1, 0)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        f: str = "G",
        size: float = 10,
        al: str = "l",
        color: Color = black,
        cs: float = 0,
    ) -> float:
        w = self.width(s, f, size, cs)
        if al == "c":
            x -= w / 2
        elif al == "r":
            x -= w
        self.c.setFillColor(color)
        t = self.c.beginText(x, y)
        t.setFont(_font(f), size)
        t.setCharSpace(cs)  # the text state outlives the text object: always set it
        t.textOut(s)
        self.c.drawText(t)
        self.c.setFillColor(black)
        return w

    def wrap(self, s: str, width: float, f: str = "G", size: float = 10) -> list[str]:
        out: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for word in para.split(" "):
                cand = f"{cur} {word}" if cur else word
                if self.width(cand, f, size) <= width:
                    cur = cand
                    continue
                if cur:
                    out.append(cur)
                cur = ""
                for ch in word:  # a word wider than the line breaks between characters
                    if self.width(cur + ch, f, size) > width and cur:
                        out.append(cur)
                        cur = ""
                    cur += ch
            out.append(cur)
        return out

    def para(
        self,
        x: float,
        y: float,
        s: str,
        width: float,
        f: str = "G",
        size: float = 10,
        lead: float = 1.6,
        indent: float = 0,
    ) -> float:
        """A wrapped paragraph from baseline y; returns the baseline after it."""
        for i, line in enumerate(self.wrap(s, width - indent, f, size)):
            self.text(x + (indent if i else 0), y, line, f, size)
            y -= size * lead
        return y

    # tables
    def table(
        self,
        x: float,
        y: float,
        widths: list[float],
        rows: list[list[C | str]],
        *,
        f: str = "G",
        size: float = 9.5,
        pad: float = 4.0,
        lead: float = 1.3,
        min_h: float = 0.0,
        lw: float = 0.5,
        open_sides: bool = False,
        outer: float = 0.0,
        shade: Color = SHADE,
        dry: bool = False,
    ) -> float:
        """A ruled grid from top y; cells may span columns (span) and rows (rs). Returns the bottom y."""
        occupied: set[tuple[int, int]] = set()
        placed: list[tuple[int, int, C]] = []
        for r, row in enumerate(rows):
            col = 0
            for raw in row:
                cell = raw if isinstance(raw, C) else C(str(raw))
                while (r, col) in occupied:
                    col += 1
                placed.append((r, col, cell))
                for rr in range(r, r + cell.rs):
                    for cc in range(col, col + cell.span):
                        occupied.add((rr, cc))
                col += cell.span
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)

        def layout(col: int, cell: C) -> tuple[list[str], float]:
            fs = cell.sz or size
            fk = cell.f or f
            inner = xs[col + cell.span] - xs[col] - 2 * pad
            lines = self.wrap(cell.t, inner, fk, fs) if cell.t else []
            hgt = len(lines) * fs * lead + 2 * pad
            if cell.cap:
                hgt += (fs - 1.5) * lead + 1
            return lines, hgt

        heights = [min_h] * len(rows)
        laid = {}
        for r, col, cell in placed:
            laid[(r, col)] = layout(col, cell)
            if cell.rs == 1:
                heights[r] = max(heights[r], laid[(r, col)][1])
        for r, col, cell in placed:
            if cell.rs > 1:
                need, have = laid[(r, col)][1], sum(heights[r : r + cell.rs])
                if need > have:
                    heights[r + cell.rs - 1] += need - have
        tops = [y]
        for hgt in heights:
            tops.append(tops[-1] - hgt)
        if dry:
            return tops[-1]
        c = self.c
        c.setLineWidth(lw)
        for r, col, cell in placed:
            x0, x1 = xs[col], xs[col + cell.span]
            y0, y1 = tops[r], tops[r + cell.rs]
            if cell.sh:
                c.setFillColor(shade)
                c.rect(x0, y1, x1 - x0, y0 - y1, stroke=0, fill=1)
                c.setFillColor(black)
            if open_sides:
                c.line(x0, y0, x1, y0)
                c.line(x0, y1, x1, y1)
                if col > 0:
                    c.line(x0, y0, x0, y1)
                if col + cell.span < len(widths):
                    c.line(x1, y0, x1, y1)
            else:
                c.rect(x0, y1, x1 - x0, y0 - y1, stroke=1, fill=0)
            lines, _ = laid[(r, col)]
            fs = cell.sz or size
            fk = cell.f or f
            ty = y0 - pad - fs * 0.85
            if cell.cap:
                self.text(x0 + pad - 1, ty + 1, cell.cap, fk, fs - 1.5)
                ty -= (fs - 1.5) * lead + 1
            block = len(lines) * fs * lead
            if cell.va == "m" and not cell.cap:
                ty = (y0 + y1) / 2 + block / 2 - fs * 0.95
            for line in lines:
                if cell.al == "c":
                    self.text((x0 + x1) / 2, ty, line, fk, fs, "c")
                elif cell.al == "r":
                    self.text(x1 - pad, ty, line, fk, fs, "r")
                else:
                    self.text(x0 + pad + (6 if cell.cap else 0), ty, line, fk, fs)
                ty -= fs * lead
        if outer:
            c.setLineWidth(outer)
            if open_sides:
                c.line(xs[0], tops[0], xs[-1], tops[0])
                c.line(xs[0], tops[-1], xs[-1], tops[-1])
            else:
                c.rect(xs[0], tops[-1], xs[-1] - xs[0], tops[0] - tops[-1])
            c.setLineWidth(lw)
        return tops[-1]

    # marks
    def seal(self, cx: float, cy: float, text: str, *, square: bool, size: float = 46) -> None:
        self.c.drawImage(
            seal_image(text, square), cx - size / 2, cy - size / 2, width=size, height=size, mask="auto"
        )

    def barcode(self, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
        c = self.c
        c.setFillColor(black)
        pos = x
        bar = True
        while pos < x + w:
            step = rng.choice([0.7, 0.7, 1.4, 2.1])
            if bar:
                c.rect(pos, y, step, h, stroke=0, fill=1)
            pos += step
            bar = not bar

    def block_code(self, x: float, y: float, cols: int, rows: int, cell: float, rng: random.Random) -> None:
        """A 2D barcode (PDF417-like) as the 인터넷등기소 prints under its certificates."""
        c = self.c
        c.setFillColor(black)
        for r in range(rows):
            for k in range(cols):
                if k < 3 or k > cols - 4 or rng.random() < 0.5:
                    c.rect(x + k * cell, y + r * cell * 1.6, cell, cell * 1.6, stroke=0, fill=1)

    def emblem(self, cx: float, cy: float, radius: float, color: Color) -> None:
        """A faint round emblem behind the text (the issuer's watermark)."""
        c = self.c
        c.setStrokeColor(color)
        c.setLineWidth(2.2)
        c.circle(cx, cy, radius, stroke=1, fill=0)
        c.setLineWidth(1)
        c.circle(cx, cy, radius * 0.82, stroke=1, fill=0)
        for k in range(12):
            a = k * math.pi / 6
            c.line(cx, cy, cx + radius * 0.82 * math.cos(a), cy + radius * 0.82 * math.sin(a))
        c.setStrokeColor(black)

    def guilloche(self, x: float, y: float, w: float, h: float, color: Color) -> None:
        """The certificate's ornamental border band."""
        c = self.c
        c.setStrokeColor(color)
        c.setLineWidth(0.35)
        for k in range(0, int(w), 9):
            c.ellipse(x + k, y + h - 14, x + k + 18, y + h, stroke=1, fill=0)
            c.ellipse(x + k, y, x + k + 18, y + 14, stroke=1, fill=0)
        for k in range(0, int(h), 9):
            c.ellipse(x, y + k, x + 14, y + k + 18, stroke=1, fill=0)
            c.ellipse(x + w - 14, y + k, x + w, y + k + 18, stroke=1, fill=0)
        c.setLineWidth(1.2)
        c.rect(x + 18, y + 18, w - 36, h - 36)
        c.setLineWidth(0.5)
        c.rect(x + 22, y + 22, w - 44, h - 44)
        c.setStrokeColor(black)


_SEALS: dict[tuple[str, bool], bytes] = {}


def seal_png(text: str, square: bool) -> bytes:
    """A red seal as ink on the page (a raster image, as real seals are): square 관인 or round 회사 직인."""
    key = (text, square)
    if key not in _SEALS:
        n = 240
        img = Image.new("RGBA", (n, n), (255, 255, 255, 0))
        draw = ImageDraw.Draw(img)
        red = (205, 25, 30, 215)
        chars = text.replace(" ", "").replace("|", "")
        if square:
            draw.rectangle((10, 10, n - 10, n - 10), outline=red, width=12)
            cols = math.ceil(math.sqrt(len(chars)))
            rows = math.ceil(len(chars) / cols)
            fs = int((n - 50) / max(cols, rows) * 0.9)
            font = ImageFont.truetype(f"{NANUM}/NanumMyeongjoBold.ttf", fs)
            cell_w, cell_h = (n - 44) / cols, (n - 44) / rows
            # read top to bottom, right to left, as 관인 are cut
            for i, ch in enumerate(chars):
                col = cols - 1 - i // rows
                row = i % rows
                cx = 22 + col * cell_w + cell_w / 2
                cy = 22 + row * cell_h + cell_h / 2
                draw.text((cx, cy), ch, font=font, fill=red, anchor="mm")
        else:
            draw.ellipse((8, 8, n - 8, n - 8), outline=red, width=11)
            draw.ellipse((34, 34, n - 34, n - 34), outline=red, width=4)
            half = (len(chars) + 1) // 2
            parts = [chars[:half], chars[half:]] if len(chars) > 4 else [chars]
            if "|" in text:  # the seal's own line breaks
                parts = [part.replace(" ", "") for part in text.split("|")]
            fs = int(min(60, (n - 90) / max(len(p) for p in parts) * 1.05))
            font = ImageFont.truetype(f"{NANUM}/NanumGothicBold.ttf", fs)
            for i, part in enumerate(parts):
                cy = n / 2 + (i - (len(parts) - 1) / 2) * fs * 1.15
                draw.text((n / 2, cy), part, font=font, fill=red, anchor="mm")
        buf = io.BytesIO()
        img.save(buf, "PNG")
        _SEALS[key] = buf.getvalue()
    return _SEALS[key]


def seal_image(text: str, square: bool) -> ImageReader:
    return ImageReader(io.BytesIO(seal_png(text, square)))


def fake_address(rng: random.Random) -> str:
    city, streets = rng.choice(
        [
            ("서울특별시", ["강남구 테헤란로", "중구 세종대로", "서초구 강남대로", "금천구 가산디지털2로"]),
            ("경기도 성남시", ["분당구 판교로", "분당구 정자일로"]),
            ("경기도 안양시", ["동안구 시민대로"]),
            ("인천광역시", ["연수구 송도과학로"]),
        ]
    )
    return f"{city} {rng.choice(streets)} {rng.randint(5, 400)}, {rng.randint(2, 20)}층"


def person(rng: random.Random) -> str:
    return rng.choice("김이박최정강조윤장임한오서신권황안송") + rng.choice(
        ["상철", "재훈", "경호", "은정", "정민", "태호", "수진", "영길", "민석", "현주", "병철", "진우"]
    )


def rrn_masked(rng: random.Random) -> str:
    return f"{rng.randint(58, 92)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******"


def spread(p: P, x: float, y: float, label: str, width: float, f: str = "G", size: float = 11) -> None:
    """A label spread evenly over a fixed width (균등 분할), as 홈택스 prints its labels."""
    chars = label.replace(" ", "")
    if len(chars) < 2:
        p.text(x, y, chars, f, size)
        return
    gap = (width - p.width(chars, f, size)) / (len(chars) - 1)
    p.text(x, y, chars, f, size, cs=max(gap, 0))


# --- 국세청 홈택스 사업자등록증 (법인사업자) ---
def business_registration(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f = spec.fields
    p = P(path, "사업자등록증")
    c = p.c
    c.setLineWidth(1.8)
    c.rect(34, 34, W - 68, H - 68)
    c.setLineWidth(0.6)
    c.rect(39, 39, W - 78, H - 78)
    p.emblem(W / 2, H / 2 - 20, 165, Color(0.9, 0.94, 0.9))
    y = H - 112
    p.text(W / 2, y, "사업자등록증", "MB", 30, "c", cs=12)
    y -= 30
    p.text(W / 2, y, "( 법인사업자 )", "G", 13, "c")
    y -= 40
    p.text(W / 2, y, f"등록번호 : {f['registration_number']}", "GB", 15, "c")
    y -= 52
    lx, lw, colon, vx, size = 60, 98, 164, 176, 11.5

    def row(label: str, value: str, *, gap: float = 27) -> None:
        nonlocal y
        spread(p, lx, y, label, lw, "G", size)
        p.text(colon, y, ":", "G", size)
        lines = p.wrap(value, W - 58 - vx, "G", size) if value else [""]
        for i, line in enumerate(lines):
            p.text(vx, y - i * 16, line, "G", size)
        y -= gap + 16 * (len(lines) - 1)

    p.text(lx, y, "법인명(단체명)", "G", size)
    p.text(colon, y, ":", "G", size)
    p.text(vx, y, f.get("company_name") or "", "G", size)
    y -= 27
    row("대표자", f["representative"] or "")
    opening = d_sp(f["opening_date"]) if f.get("opening_date") else ""
    spread(p, lx, y, "개업연월일", lw, "G", size)
    p.text(colon, y, ":", "G", size)
    p.text(vx, y, opening, "G", size)
    if f.get("corporate_registration_number"):
        p.text(338, y, f"법인등록번호 : {f['corporate_registration_number']}", "G", size)
    y -= 27
    row("사업장 소재지", f["business_address"] or "")
    row("본점 소재지", f["head_office_address"] or "")
    types, items = f.get("business_types") or [], f.get("business_items") or []
    spread(p, lx, y, "사업의 종류", lw, "G", size)
    p.text(colon, y, ":", "G", size)
    p.text(vx, y, "업태", "G", size)
    p.text(316, y, "종목", "G", size)
    for i in range(max(len(types), len(items), 1)):
        if i < len(types):
            p.text(vx + 32, y, types[i], "G", size)
        if i < len(items):
            p.text(316 + 32, y, items[i], "G", size - 0.5)
        y -= 18
    y -= 11
    row("발급 사유", rng.choice(["재발급", "재발급(분실)", "신규", "정정(사업장 이전)"]))
    row("공동사업자", "")
    p.text(lx, y, "사업자 단위 과세 적용사업자 여부 :", "G", size)
    p.text(lx + p.width("사업자 단위 과세 적용사업자 여부 : ", "G", size) + 4, y, "여( )   부(V)", "G", size)
    y -= 27
    p.text(lx, y, "전자세금계산서 전용 전자우편주소 :", "G", size)
    y = 238
    if f.get("issue_date"):
        p.text(W / 2, y, d_sp(f["issue_date"]), "G", 13, "c")
    if f.get("tax_office"):
        name = f"{f['tax_office']}장"
        w = p.text(W / 2, y - 48, name, "GB", 20, "c", cs=3)
        p.seal(W / 2 + w / 2 - 2, y - 42, f"{name}인", square=True, size=60)
    # 국세청 mark
    p.emblem(W / 2 - 44, 112, 11, Color(0.2, 0.45, 0.3))
    p.text(W / 2 - 26, 108, "국세청", "GB", 13)
    p.text(W / 2 + 20, 108, "National Tax Service", "G", 8, color=Color(0.3, 0.3, 0.3))
    p.text(
        W / 2,
        62,
        "※ 이 사업자등록증은 국세청 홈택스(www.hometax.go.kr)에서 발급되었으며, "
        "홈택스 > 민원증명 > 발급문서 진위확인 메뉴에서 위·변조 여부를 확인할 수 있습니다.",
        "G",
        7.2,
        "c",
    )
    return p.finish()


# --- 인터넷등기소 등기사항전부증명서(현재 유효사항) ---
def _registry_footer(p: P, page: int, total: int, code: str, issued: date, rng: random.Random) -> None:
    p.block_code(45, 34, 34, 7, 2.1, rng)
    p.text(
        130,
        64,
        "[인터넷 발급] 문서 하단의 바코드로 내용의 위·변조 여부를 확인할 수 있습니다. 발급확인번호를 통해",
        "M",
        7.3,
    )
    p.text(130, 54, "발급일부터 3개월까지 5회에 한하여 발급내용을 확인할 수 있습니다.", "M", 7.3)
    p.text(130, 40, f"발급확인번호  {code}", "M", 7.8)
    p.text(300, 40, f"발행일 {issued.year}/{issued.month:02d}/{issued.day:02d}", "M", 7.8)
    p.text(550, 40, f"{page}/{total}", "M", 9, "r")


def corporate_registry(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    p = P(path, "등기사항전부증명서")
    code = "-".join(
        "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4)) for _ in range(3)
    )
    issued: date = f.get("issue_date") or date(2024, 1, 2)
    x, full = 45.0, 505.0
    y = H - 62
    p.text(W / 2, y, "등기사항전부증명서(현재 유효사항)", "MB", 18, "c")
    y -= 26
    rows: list[list[C | str]] = []
    if f.get("registry_number"):
        rows.append([C("등기번호", sh=True, al="c"), C(f["registry_number"])])
    if f.get("corporate_registration_number"):
        rows.append([C("등록번호", sh=True, al="c"), C(f["corporate_registration_number"])])
    if rows:
        y = p.table(x, y, [70, 150], rows, f="M", size=10, min_h=20, shade=LIGHT) - 16
    changed = rng.random() < 0.5
    moved = d_dot(issued - timedelta(days=rng.randint(200, 900)))
    main: list[list[C | str]] = []
    if f.get("company_name"):
        main.append([C(sp("상호", 3), al="c", sh=True), C(f["company_name"]), ""])
    if f.get("head_office"):
        note = f"{moved} 변경\n{moved} 등기" if changed else ""
        main.append([C(sp("본점", 3), al="c", sh=True), C(f["head_office"]), C(note, sz=8, al="r")])
    notice = rng.choice(
        [
            "서울특별시에서 발행하는 일간 매일경제신문에 게재한다",
            "회사의 인터넷 홈페이지에 게재한다. 다만, 전산장애 또는 그 밖의 부득이한 사유로 인터넷 "
            "홈페이지에 공고를 할 수 없을 때에는 서울특별시에서 발행되는 일간 한국경제신문에 게재한다.",
        ]
    )
    main += [
        [C("공고방법", al="c", sh=True), C(notice), ""],
        [C("1주의 금액", al="c", sh=True), C("금 5,000 원"), ""],
        [C("발행할 주식의 총수", al="c", sh=True, sz=9), C(f"{ctx.get('shares_total', 1_000_000):,} 주"), ""],
    ]
    y = p.table(x, y, [100, 295, 110], main, f="M", size=10, min_h=24, shade=LIGHT) - 12
    if f.get("capital") is not None:
        shares = f["capital"] // 5000
        inc = d_dot(issued - timedelta(days=rng.randint(120, 700)))
        y = (
            p.table(
                x,
                y,
                [255, 140, 110],
                [
                    [
                        C("발행주식의 총수와\n그 종류 및 각각의 수", al="c", sh=True),
                        C("자본금의 액", al="c", sh=True),
                        C("변 경 연 월 일\n등 기 연 월 일", al="c", sh=True, sz=9),
                    ],
                    [
                        C(f"발행주식의 총수        {shares:,} 주\n보통주식              {shares:,} 주"),
                        C(f"금 {f['capital']:,} 원", al="c"),
                        C(f"{inc} 변경\n{inc} 등기" if rng.random() < 0.5 else "", sz=8, al="r"),
                    ],
                ],
                f="M",
                size=10,
                min_h=24,
                shade=LIGHT,
            )
            - 12
        )
    purposes = f.get("purposes") or []
    if purposes:
        body = "\n".join(f"{i}. {item}" for i, item in enumerate(purposes, 1))
        y = p.table(
            x, y, [full], [[C(sp("목적", 5), al="c", sh=True)], [C(body)]], f="M", size=10, shade=LIGHT
        )
    _registry_footer(p, 1, 2, code, issued, rng)
    p.new_page()
    y = H - 48
    if f.get("registry_number"):
        p.text(x, y, f"등기번호   {f['registry_number']}", "M", 9)
    y -= 18
    officer_date: date = ctx.get("officer_date") or issued - timedelta(days=500)
    reg_date = officer_date + timedelta(days=rng.randint(3, 12))
    officers: list[tuple[str, str, bool]] = [("사내이사", n, False) for n in ctx.get("directors", [])]
    reps = f.get("representatives") or []
    if reps and rng.random() < 0.6:
        officers += [("사내이사", n, False) for n in reps]
    officers += [("대표이사", n, True) for n in reps]
    if ctx.get("auditor"):
        officers.append(("감사", ctx["auditor"], False))
    orows: list[list[C | str]] = [[C("임원에 관한 사항", al="c", sh=True)]]
    for role, name, rep in officers:
        head = f"{role}   {name}   {rrn_masked(rng)}"
        if rep:
            head += f"   {fake_address(rng)}"
        orows.append([C(f"{head}\n{d_sp(officer_date)} 취임          {d_sp(reg_date)} 등기")])
    y = p.table(x, y, [full], orows, f="M", size=9.8, pad=5, shade=LIGHT) - 12
    if f.get("incorporation_date"):
        inc_s = d_sp(f["incorporation_date"])
        y = (
            p.table(
                x,
                y,
                [160, 345],
                [
                    [C("회사성립연월일", al="c", sh=True), C(inc_s)],
                    [C("등기기록의 개설 사유 및\n연월일", al="c", sh=True), C(f"설립\n{inc_s} 등기")],
                ],
                f="M",
                size=10,
                min_h=24,
                shade=LIGHT,
            )
            - 20
        )
    p.text(W / 2, y, "-- 이    하    여    백 --", "M", 10, "c")
    y -= 40
    p.text(x + 10, y, "수수료 1,000원 영수함", "M", 9.5)
    if f.get("registry_office"):
        p.text(
            550,
            y,
            f"관할등기소  {f['registry_office']}  /  발행등기소  법원행정처 등기정보중앙관리소",
            "M",
            9,
            "r",
        )
    y -= 34
    p.text(W / 2, y, "이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", "M", 11, "c")
    y -= 30
    t = f"{rng.randint(9, 17):02d}시 {rng.randint(0, 59):02d}분"
    p.text(W / 2, y, f"서기 {issued.year}년 {issued.month:02d}월 {issued.day:02d}일 {t}", "M", 11, "c")
    y -= 38
    w = p.text(W / 2, y, "법원행정처 등기정보중앙관리소       전산운영책임관", "MB", 12.5, "c")
    p.seal(W / 2 + w / 2 - 8, y + 4, "전산운영책임관인", square=True, size=52)
    y -= 40
    for note in (
        "* 실선으로 그어진 부분은 말소사항을 표시함.    * 등기기록에 기록된 사항이 없는 항목은 생략함.",
        "* 증명서는 컬러 또는 흑백으로 출력 가능함.",
    ):
        p.text(x + 10, y, note, "M", 8)
        y -= 12
    _registry_footer(p, 2, 2, code, issued, rng)
    return p.finish()


# --- NICE평가정보 기업신용평가등급확인서 ---
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
    ("C", "상거래를 위한 신용능력이 최하위 수준이며, 거래위험 발생 가능성이 매우 높은 기업"),
    ("D", "현재 신용위험이 실제 발생하였거나 신용위험에 준하는 상태에 처해 있는 기업"),
]


def credit_rating(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    f["agency"] = "NICE평가정보"  # every certificate of this family is NICE's own print
    p = P(path, "기업신용평가등급확인서")
    c = p.c
    x = 45.0
    blue = Color(0.0, 0.25, 0.55)
    p.text(x, H - 56, "NICE", "BB", 22, color=blue)
    p.text(x + 58, H - 56, "평가정보", "BB", 14, color=blue)
    p.text(550, H - 52, f"발급번호 : 제 {ctx.get('cert_no', '2024-000000')} 호", "B", 9, "r")
    y = H - 112
    w = p.text(W / 2, y, "기업신용평가등급확인서", "BB", 22, "c", cs=2)
    c.setLineWidth(0.8)
    c.line(W / 2 - w / 2 - 6, y - 8, W / 2 + w / 2 + 6, y - 8)
    c.line(W / 2 - w / 2 - 6, y - 11, W / 2 + w / 2 + 6, y - 11)
    y -= 40
    ident: list[list[C | str]] = [
        [
            C(sp("업체명", 2), sh=True, al="c"),
            C(f.get("company_name") or ""),
            C(sp("대표자", 2), sh=True, al="c"),
            C(ctx.get("representative", "")),
        ],
        [
            C("사업자번호", sh=True, al="c"),
            C(f.get("business_registration_number") or ""),
            C("법인(주민)번호", sh=True, al="c", sz=9),
            C(ctx.get("crn", "")),
        ],
        [C(sp("주소", 4), sh=True, al="c"), C(ctx.get("address", ""), span=3)],
    ]
    y = p.table(x, y, [82, 170, 88, 165], ident, f="B", size=10, min_h=25, outer=1.3) - 24
    p.text(x, y, "■ 평가 결과", "BB", 11)
    y -= 10

    def dt(k: str) -> str:
        return d_dot(f[k]) if f.get(k) else ""

    period = f"{dt('valid_from')} ~ {dt('valid_until')}" if f.get("valid_until") else ""
    result: list[list[C | str]] = [
        [C(h, sh=True, al="c") for h in ("신용등급", "현금흐름등급", "결산기준일", "평가일", "유효기간")],
        [
            C(grade0(f["rating"]) if f.get("rating") else "", al="c", f="BB", sz=12),
            C(f.get("cash_flow_grade") or "", al="c"),
            C(dt("settlement_date"), al="c"),
            C(dt("evaluation_date"), al="c"),
            C(period, al="c"),
        ],
        [C(sp("용도", 4), sh=True, al="c"), C("공공기관 입찰용", span=4)],
    ]
    y = p.table(x, y, [78, 86, 92, 92, 157], result, f="B", size=10, min_h=26, outer=1.3) - 24
    p.text(x, y, "■ 등급 정의", "BB", 11)
    y -= 10
    defs: list[list[C | str]] = [[C("등급", sh=True, al="c"), C("정          의", sh=True, al="c")]]
    defs += [[C(g, al="c"), C(d)] for g, d in GRADE_DEFS]
    y = p.table(x, y, [60, 445], defs, f="B", size=8.3, pad=3, lead=1.25) - 12
    for note in (
        "※ AA등급부터 CCC등급까지는 +, 0, - 부호를 부가하여 동일 등급 내에서의 우열을 나타냅니다.",
        "※ 현금흐름등급 : CF1(현금흐름 창출능력 최우량) ~ CF6(현금흐름 창출능력 매우 취약), NCF(평가제외)",
        "※ 유효기간은 평가일로부터 1년, 결산기준일로부터 18개월을 초과하지 않습니다.",
    ):
        p.text(x + 4, y, note, "B", 8.2)
        y -= 12
    y -= 26
    p.text(W / 2, y, "위와 같이 신용평가등급을 확인합니다.", "B", 12, "c")
    y -= 36
    issued = ctx.get("issue_date")
    if isinstance(issued, date):
        p.text(W / 2, y, d_kor0(issued), "B", 12, "c")
    y -= 46
    ceo = ctx.get("agency_ceo", "")
    w = p.text(W / 2, y, f"NICE평가정보주식회사   대표이사   {ceo}", "BB", 14, "c")
    p.seal(W / 2 + w / 2 + 14, y + 4, "NICE|평가정보|대표이사", square=False, size=56)
    p.barcode(x, 48, 150, 22, rng)
    p.text(x + 165, 64, "※ 본 확인서의 진위 여부는 NICE평가정보 기업평가 홈페이지에서 발급번호로", "B", 7.5)
    p.text(x + 165, 54, "확인하실 수 있습니다. 본 확인서는 유효기간이 경과하면 효력이 없습니다.", "B", 7.5)
    return p.finish()


# --- KISA 클라우드서비스 보안인증서 ---
def csap_certificate(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    p = P(path, "클라우드서비스 보안인증서")
    p.guilloche(26, 26, W - 52, H - 52, Color(0.55, 0.68, 0.82))
    p.emblem(W / 2, H / 2 - 10, 120, Color(0.93, 0.95, 0.98))
    if f.get("certificate_number"):
        p.text(70, H - 92, f"제 {f['certificate_number']} 호", "M", 12)
    y = H - 178
    p.text(W / 2, y, "클라우드서비스 보안인증서", "MB", 27, "c", cs=1.5)
    y -= 62
    grade = f.get("grade")
    kind = f.get("certification_type") or ""
    if grade in ("표준", "간편"):
        kind = f"{kind} {grade}등급"
    items = [("인증번호", f.get("certificate_number"))]
    items += [("업체명", f.get("company_name")), ("서비스명", f.get("service_name"))]
    items.append(("인증범위", ctx.get("scope", "")))
    items.append(("인증유형", kind))
    if grade in ("상", "중", "하"):
        items.append(("인증등급", f"{grade}등급"))
    if f.get("valid_from") and f.get("valid_until"):
        items.append(("유효기간", f"{d_dots(f['valid_from'])} ~ {d_dots(f['valid_until'])}"))
    box_top = y + 20
    lx, vx, size = 92, 196, 12.5
    for label, value in items:
        if not value:
            continue
        spread(p, lx, y, label, 76, "M", size)
        p.text(lx + 84, y, ":", "M", size)
        lines = p.wrap(value, 500 - vx, "M", size)
        for i, line in enumerate(lines):
            p.text(vx, y - i * 19, line, "M", size)
        y -= 34 + 19 * (len(lines) - 1)
    p.c.setLineWidth(0.8)
    p.c.rect(74, y + 12, W - 148, box_top - y - 12)
    y -= 30
    sentence = (
        "위 클라우드서비스는 「클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률」 제23조의2 및 "
        "「클라우드컴퓨팅서비스 보안인증에 관한 고시」에 따른 보안인증 기준에 적합하므로 이 "
        "인증서를 발급합니다."
    )
    y = p.para(82, y, sentence, W - 164, "M", 12.5, lead=1.9)
    y -= 50
    if f.get("issue_date"):
        p.text(W / 2, y, d_kor0(f["issue_date"]), "M", 14, "c")
    y -= 80
    if f.get("issuer"):
        w = p.text(W / 2, y, f"{f['issuer']}장", "MB", 22, "c", cs=5)
        p.seal(W / 2 + w / 2 + 4, y + 6, f"{f['issuer']}장인", square=True, size=64)
    p.text(W / 2, 70, "KISA  Korea Internet & Security Agency", "MB", 9, "c", color=Color(0.2, 0.35, 0.6))
    return p.finish()


# --- [별지 제1호서식] 디지털서비스 심사 신청서 ---
CATEGORIES = [("cloud_computing", "클라우드컴퓨팅서비스"), ("cloud_support", "클라우드 지원서비스")]
CATEGORIES.append(("convergence", "융합서비스"))
MODELS = [("IaaS", "IaaS"), ("PaaS", "PaaS"), ("SaaS", "SaaS")]
SUPPORTS = [("consulting", "컨설팅"), ("operations", "운영관리"), ("migration", "마이그레이션")]
PROVIDERS = [("original", "원 제공자"), ("reseller", "중개 제공자")]


def boxes(options: list[tuple[str, str]], value: Any) -> str:
    return "     ".join(("■ " if key == value else "□ ") + label for key, label in options)


def application_form(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f = spec.fields
    p = P(path, "디지털서비스 심사 신청서")
    x = 40.0
    p.text(x, H - 38, "■ 디지털서비스 심사·선정 등에 관한 고시 [별지 제1호서식]", "G", 8.5)
    p.text(W / 2, H - 80, "디지털서비스 심사 신청서", "GB", 19, "c", cs=1)
    p.text(x, H - 100, "※ 해당되는 곳의 □에 ■ 표시를 하시기 바랍니다.", "G", 8)
    p.text(555, H - 100, "(앞쪽)", "G", 8, "r")
    y = H - 106
    y = p.table(
        x,
        y,
        [62, 140, 62, 125, 62, 64],
        [
            [
                C("접수번호", sh=True, al="c"),
                "",
                C("접수일자", sh=True, al="c"),
                "",
                C("처리기간", sh=True, al="c"),
                C("60일", al="c"),
            ]
        ],
        size=9,
        min_h=22,
        open_sides=True,
        outer=1.6,
        shade=LIGHT,
    )
    y -= 5
    v = {k: (f.get(k) or "") for k in f}
    y = p.table(
        x,
        y,
        [62, 150, 150, 153],
        [
            [
                C("신청인", rs=4, al="c", sh=True, f="GB"),
                C(v["company_name"], cap="상호(법인명)", span=2, sz=10.5),
                C(v["representative"], cap="대표자 성명", sz=10.5),
            ],
            [C(v["business_registration_number"], cap="사업자등록번호", span=3, sz=10.5)],
            [C(v["address"], cap="주소", span=3, sz=10.5)],
            [
                C(v["contact_name"], cap="담당자 성명", sz=10.5),
                C(v["contact_phone"], cap="전화번호", sz=10.5),
                C(v["contact_email"], cap="전자우편", sz=10.5),
            ],
        ],
        size=10,
        min_h=36,
        open_sides=True,
        outer=1.6,
        shade=LIGHT,
    )
    edu = f.get("education_exempt")
    edu_s = f"{'■' if edu else '□'} 예     {'□' if edu else '■'} 아니오"
    edu_s += "      (학교에서 학생 교육 목적으로 이용하는 서비스)"
    y = p.table(
        x,
        y - 5,
        [62, 120, 333],
        [
            [
                C("신청\n서비스", rs=6, al="c", sh=True, f="GB"),
                C("서비스명", sh=True),
                C(v["service_name"], sz=10.5),
            ],
            [C("서비스 구분", sh=True), C(boxes(CATEGORIES, f.get("service_category")))],
            [
                C("서비스 유형\n(클라우드컴퓨팅서비스)", sh=True, sz=8.5),
                C(boxes(MODELS, f.get("service_model"))),
            ],
            [
                C("지원서비스 유형\n(클라우드 지원서비스)", sh=True, sz=8.5),
                C(boxes(SUPPORTS, f.get("support_type"))),
            ],
            [C("제공자 구분", sh=True), C(boxes(PROVIDERS, f.get("provider_type")))],
            [C("교육 목적 여부", sh=True), C(edu_s)],
        ],
        size=10,
        min_h=27,
        open_sides=True,
        outer=1.6,
        shade=LIGHT,
    )
    y -= 30
    p.text(
        x + 14,
        y,
        "「디지털서비스 심사·선정 등에 관한 고시」 제5조에 따라 위와 같이 디지털서비스 심사를 신청합니다.",
        "G",
        10.5,
    )
    y -= 34
    if f.get("application_date"):
        p.text(540, y, d_form(f["application_date"]), "G", 11, "r")
    y -= 34
    p.text(300, y, "신청인", "G", 10.5)
    p.text(350, y, v["company_name"], "G", 11)
    y -= 22
    p.text(350, y, f"대표이사   {v['representative']}", "G", 11)
    w = p.text(540, y, "(서명 또는 인)", "G", 9, "r", color=Color(0.35, 0.35, 0.35))
    p.seal(540 - w / 2, y + 3, "대표이사인", square=False, size=40)
    y -= 40
    p.text(x, y, "과학기술정보통신부장관  귀하", "GB", 13)
    y -= 16
    attach = (
        "1. 법인 등기사항전부증명서 1부\n2. 사업자등록증 사본 1부\n3. 신용평가등급확인서 1부\n"
        "4. 디지털서비스개요서 1부\n5. 디지털서비스 제공역량 증명자료 1부\n"
        "6. 클라우드서비스 보안인증서 사본 1부(클라우드컴퓨팅서비스인 경우)\n"
        "7. 서비스 수준 정책서 1부(클라우드컴퓨팅서비스인 경우)\n"
        "8. 디지털서비스 공급 및 기술지원 협약서 1부(중개 제공자인 경우)"
    )
    y = p.table(
        x,
        y,
        [62, 383, 70],
        [[C("첨부서류", al="c", sh=True), C(attach, sz=8.6), C("수수료\n없음", al="c")]],
        size=9,
        open_sides=True,
        outer=1.6,
        shade=LIGHT,
    )
    y -= 6
    y = p.table(
        x, y, [515], [[C("처 리 절 차", al="c", sh=True)]], size=9.5, min_h=18, open_sides=True, shade=LIGHT
    )
    steps = ["신청서 작성", "접수", "서류 확인", "심사", "선정 및 통보"]
    who = ["신청인", "처리기관", "처리기관", "심사위원회", "처리기관"]
    bw, gap = 84, 23
    bx = x + (515 - (5 * bw + 4 * gap)) / 2
    for i, step in enumerate(steps):
        p.c.setLineWidth(0.7)
        p.c.rect(bx, y - 34, bw, 24)
        p.text(bx + bw / 2, y - 25, step, "G", 9, "c")
        p.text(bx + bw / 2, y - 47, who[i], "G", 7.8, "c")
        if i < 4:
            p.text(bx + bw + gap / 2, y - 25, "→", "G", 10, "c")
        bx += bw + gap
    p.text(x, y - 64, "※ 처리기관: 과학기술정보통신부(한국지능정보사회진흥원)", "G", 7.8)
    p.c.setLineWidth(1.6)
    p.c.line(x, y - 72, x + 515, y - 72)
    p.text(555, 30, "210mm×297mm[백상지 80g/㎡]", "G", 7.5, "r")
    return p.finish()


# --- the vendors' free-text documents ---
FEATURES = [
    ("통합 대시보드", "기관별 이용 현황과 처리 지표를 한 화면에서 조회"),
    ("전자결재 연동", "기관 전자결재 시스템과 표준 API로 문서 결재 연계"),
    ("권한 관리", "부서·직급별 역할 기반 접근 통제(RBAC) 및 감사 로그"),
    ("모바일 지원", "안드로이드·iOS 앱과 반응형 웹으로 업무 처리"),
    ("통합 검색", "첨부파일 본문까지 포함하는 형태소 분석 기반 검색"),
    ("데이터 이관", "기존 시스템 데이터의 일괄 이관 도구와 검증 리포트 제공"),
    ("알림 서비스", "메일·문자·메신저로 처리 기한 및 장애 알림 발송"),
    ("보고서 생성", "월간 이용 통계와 처리 실적 보고서 자동 생성"),
]


def service_overview(spec: DocSpec, path: Path, rng: random.Random) -> int:
    """A PowerPoint deck exported to PDF: landscape slides with a coloured title bar."""
    ctx = spec.ctx
    size = landscape(A4)
    p = P(path, "디지털서비스개요서", size=size)
    sw, sh = size
    accent = rng.choice([Color(0.1, 0.3, 0.6), Color(0.0, 0.45, 0.45), Color(0.35, 0.2, 0.55)])
    company = ctx.get("company", "")
    svc = ctx.get("service_name", "")

    def slide(title: str, n: int) -> float:
        p.c.setFillColor(accent)
        p.c.rect(0, sh - 62, sw, 62, stroke=0, fill=1)
        p.text(36, sh - 40, title, "SB", 20, color=Color(1, 1, 1))
        p.text(sw - 36, sh - 40, "디지털서비스개요서", "S", 10, "r", color=Color(1, 1, 1))
        p.c.setFillColor(accent)
        p.c.rect(0, 0, sw, 4, stroke=0, fill=1)
        p.text(36, 16, company, "S", 8.5, color=Color(0.4, 0.4, 0.4))
        p.text(sw - 36, 16, str(n), "S", 8.5, "r", color=Color(0.4, 0.4, 0.4))
        return sh - 100

    y = sh / 2 + 60
    p.c.setFillColor(accent)
    p.c.rect(0, 0, 24, sh, stroke=0, fill=1)
    p.text(80, y, "디지털서비스개요서", "SB", 34)
    p.text(80, y - 44, svc, "S", 22, color=accent)
    p.text(80, y - 80, f"{ctx.get('category_label', '')}  |  디지털서비스 전문계약제도 심사 제출용", "S", 12)
    p.text(80, 90, company, "SB", 16)
    p.new_page()
    y = slide("1. 서비스 개요", 2)
    y = p.table(
        36,
        y,
        [150, sw - 72 - 150],
        [
            [C("서비스명", sh=True, al="c"), svc],
            [C("제공 기업", sh=True, al="c"), company],
            [C("서비스 분야", sh=True, al="c"), ctx.get("category_label", "")],
            [
                C("제공 방식", sh=True, al="c"),
                "인터넷 기반 구독형 (웹 브라우저 · 모바일 앱), 기관별 논리적 분리",
            ],
            [
                C("주요 이용 대상", sh=True, al="c"),
                rng.choice(["중앙행정기관 및 지방자치단체", "공공기관 전 부서", "교육청 및 소속 기관"]),
            ],
        ],
        f="S",
        size=11,
        min_h=30,
        shade=Color(0.9, 0.93, 0.97),
    )
    y -= 30
    p.para(
        36,
        y,
        f"{svc}은(는) 별도의 서버 구축 없이 계약 즉시 이용할 수 있는 서비스로, 기관의 업무 절차에 "
        "맞춘 설정과 "
        "표준 연계 기능을 제공합니다. 공급사가 인프라·보안·업데이트를 일괄 관리하여 기관의 운영 "
        "부담을 줄입니다.",
        sw - 72,
        "S",
        12,
        lead=1.7,
    )
    p.new_page()
    y = slide("2. 주요 기능", 3)
    feats = rng.sample(FEATURES, 5)
    rows: list[list[C | str]] = [[C("기능", sh=True, al="c"), C("설명", sh=True, al="c")]]
    rows += [[C(a, al="c"), b] for a, b in feats]
    p.table(36, y, [180, sw - 72 - 180], rows, f="S", size=11, min_h=32, shade=Color(0.9, 0.93, 0.97))
    p.new_page()
    y = slide("3. 서비스 구성도", 4)
    layers = [
        "이용기관 사용자 (웹 · 모바일)",
        "보안 관문 (WAF · DDoS 대응 · SSL)",
        "애플리케이션 서버 (이중화)",
    ]
    layers += ["데이터베이스 (암호화 저장) · 백업 스토리지"]
    for i, layer in enumerate(layers):
        top = y - i * 70
        p.c.setFillColor(Color(0.93, 0.95, 0.98))
        p.c.setStrokeColor(accent)
        p.c.roundRect(160, top - 48, sw - 320, 48, 8, stroke=1, fill=1)
        p.c.setStrokeColor(black)
        p.text(sw / 2, top - 29, layer, "S", 13, "c")
        if i < len(layers) - 1:
            p.text(sw / 2, top - 64, "▼", "S", 11, "c", color=accent)
    p.para(
        36,
        y - 300,
        "구성도 설명: 모든 구간은 TLS로 암호화되며, 인증된 IaaS 위에서 기관별 테넌트를 분리하여 운영합니다.",
        sw - 72,
        "S",
        11,
    )
    p.new_page()
    y = slide("4. 도입 효과 및 이용 절차", 5)
    for item in (
        "• 구축형 대비 초기 비용 절감 및 도입 기간 단축",
        "• 공급사 상시 모니터링과 정기 업데이트로 보안 수준 유지",
        "• 이용량 기반 요금으로 예산 집행의 유연성 확보",
        "• 이용 절차: 이용 신청 → 기관 환경 설정 → 사용자 교육 → 운영 개시",
    ):
        p.text(48, y, item, "S", 13)
        y -= 34
    return p.finish()


def capability_evidence(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx = spec.ctx
    p = P(path, "디지털서비스 제공역량 증명자료")
    x, full = 50.0, W - 100
    company = ctx.get("company", "")
    p.c.setLineWidth(2)
    p.c.line(x, H - 60, x + full, H - 60)
    p.text(W / 2, H - 92, "디지털서비스 제공역량 증명자료", "GB", 19, "c")
    p.text(W / 2, H - 114, f"( {company} )", "G", 11, "c")
    y = H - 150
    p.text(x, y, "1. 기업 일반 현황", "GB", 12)
    y = p.table(
        x,
        y - 8,
        [90, full / 2 - 90, 90, full / 2 - 90],
        [
            [
                C("기업명", sh=True, al="c"),
                company,
                C("임직원 수", sh=True, al="c"),
                f"{rng.randint(25, 180)}명",
            ],
            [C("주요 사업", sh=True, al="c"), C("클라우드 서비스 개발·운영, 공공 정보화", span=3)],
            [C("서비스명", sh=True, al="c"), C(ctx.get("service_name", ""), span=3)],
        ],
        size=9.5,
        min_h=22,
    )
    y -= 26
    p.text(x, y, "2. 최근 3년 주요 수행 실적", "GB", 12)
    rows: list[list[C | str]] = [
        [C(h, sh=True, al="c") for h in ("번호", "사업명", "발주기관", "수행기간", "계약금액(원)", "역할")]
    ]
    orgs = ["○○광역시청", "△△공단", "□□도교육청", "◇◇연구원", "☆☆공사", "○○구청"]
    for i in range(5):
        year = rng.randint(2021, 2024)
        kind = rng.choice(["클라우드 기반", "차세대", "통합", "SaaS 전환"])
        name = f"{kind} {rng.choice(['민원', '행정', '학사', '문서'])}"
        rows.append(
            [
                C(str(i + 1), al="c"),
                f"{name} 시스템 {rng.choice(['구축', '운영', '고도화'])}",
                C(rng.choice(orgs), al="c"),
                C(f"{year}.{rng.randint(1, 6):02d}~{year}.{rng.randint(7, 12):02d}", al="c"),
                C(f"{rng.randint(3, 90) * 10_000_000:,}", al="r"),
                C(rng.choice(["주관", "단독", "공동수급"]), al="c"),
            ]
        )
    y = p.table(x, y - 8, [30, 142, 78, 100, 80, full - 430], rows, size=8.8, min_h=20) - 26
    p.text(x, y, "3. 전담 인력 현황", "GB", 12)
    staff = [
        ("서비스 개발", rng.randint(6, 30), "정보처리기사, 클라우드 아키텍트"),
        ("인프라 운영", rng.randint(3, 12), "AWS/NCP 자격, 리눅스 마스터"),
        ("정보보호", rng.randint(1, 5), "CISA, 정보보안기사"),
        ("고객지원", rng.randint(2, 10), "ITIL Foundation"),
    ]
    rows = [[C(h, sh=True, al="c") for h in ("구분", "인원", "주요 자격 및 경력")]]
    rows += [[C(a, al="c"), C(f"{b}명", al="c"), c] for a, b, c in staff]
    y = p.table(x, y - 8, [110, 60, full - 170], rows, size=9.5, min_h=20) - 26
    p.text(x, y, "4. 기술지원 및 장애대응 체계", "GB", 12)
    y = p.para(
        x + 8,
        y - 20,
        "고객 문의는 헬프데스크에서 접수하여 1차 대응하고, 기술적 문제는 운영팀과 개발팀으로 단계적으로 "
        "이관합니다. 중대 장애는 상황실을 즉시 구성하여 이용기관에 경과를 공유합니다.",
        full - 8,
        "G",
        9.8,
    )
    y -= 14
    p.text(x, y, "5. 보유 인증 및 지식재산권", "GB", 12)
    y -= 20
    for item in (
        "• GS인증 1등급 (소프트웨어 품질인증)",
        "• ISO/IEC 27001 정보보호 경영시스템",
        "• 관련 특허 등록 2건",
    ):
        p.text(x + 8, y, item, "G", 9.8)
        y -= 16
    p.text(W / 2, 40, "- 1 -", "G", 9, "c")
    return p.finish()


# --- the vendors' Word documents (python-docx → LibreOffice) ---
def _docx() -> Any:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    return docx, WD_ALIGN_PARAGRAPH, OxmlElement, qn, Cm, Pt


class Word:
    """A small python-docx writer: paragraphs with an East-Asian font, ruled tables, shaded cells."""

    def __init__(self, font: str, size: float) -> None:
        docx, self.align, self.el, self.qn, self.cm, self.pt = _docx()
        self.d = docx.Document()
        self.font = font
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = self.cm(21.0), self.cm(29.7)
        sec.left_margin = sec.right_margin = self.cm(2.3)
        sec.top_margin, sec.bottom_margin = self.cm(2.0), self.cm(2.0)
        normal = self.d.styles["Normal"]
        normal.font.name = font
        normal.font.size = self.pt(size)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(self.qn("w:eastAsia"), font)
        normal.paragraph_format.space_after = self.pt(3)
        normal.paragraph_format.line_spacing = 1.35

    def run(self, par: Any, text: str, *, bold: bool = False, size: float | None = None) -> Any:
        r = par.add_run(text)
        r.bold = bold
        r.font.name = self.font
        r._element.get_or_add_rPr().get_or_add_rFonts().set(self.qn("w:eastAsia"), self.font)
        if size:
            r.font.size = self.pt(size)
        return r

    def p(
        self,
        text: str = "",
        *,
        bold: bool = False,
        size: float | None = None,
        al: str = "l",
        before: float = 0,
    ) -> Any:
        par = self.d.add_paragraph()
        par.alignment = {
            "l": self.align.LEFT,
            "c": self.align.CENTER,
            "r": self.align.RIGHT,
            "j": self.align.JUSTIFY,
        }[al]
        if before:
            par.paragraph_format.space_before = self.pt(before)
        if text:
            self.run(par, text, bold=bold, size=size)
        return par

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def shade(self, cell: Any, fill: str = "D9D9D9") -> None:
        shd = self.el("w:shd")
        shd.set(self.qn("w:val"), "clear")
        shd.set(self.qn("w:color"), "auto")
        shd.set(self.qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)

    def cell(
        self, cell: Any, text: str, *, bold: bool = False, al: str = "l", size: float | None = None
    ) -> None:
        cell.text = ""
        lines = text.split("\n")
        for i, line in enumerate(lines):
            par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            par.alignment = {"l": self.align.LEFT, "c": self.align.CENTER, "r": self.align.RIGHT}[al]
            par.paragraph_format.space_before = self.pt(2)
            par.paragraph_format.space_after = self.pt(2)
            par.paragraph_format.line_spacing = 1.15
            self.run(par, line, bold=bold, size=size)

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        *,
        header: bool = True,
        label_cols: tuple[int, ...] = (),
        center_cols: tuple[int, ...] = (),
        size: float | None = None,
        borders: bool = True,
    ) -> Any:
        t = self.d.add_table(rows=len(rows), cols=len(widths))
        if borders:
            t.style = "Table Grid"
        self.widths(t, widths)
        for r, row in enumerate(rows):
            for k, text in enumerate(row):
                cell = t.cell(r, k)
                cell.width = self.cm(widths[k])
                head = header and r == 0
                self.cell(cell, text, bold=head, al="c" if head or k in center_cols else "l", size=size)
                if head or k in label_cols:
                    self.shade(cell, "D9D9D9" if head else "F2F2F2")
        return t

    def widths(self, t: Any, widths: list[float]) -> None:
        t.autofit = False
        for k, w in enumerate(widths):
            t.columns[k].width = self.cm(w)  # the grid LibreOffice lays out by
            for cell in t.columns[k].cells:
                cell.width = self.cm(w)

    def merge_down(self, t: Any, col: int, r0: int, r1: int, text: str) -> None:
        merged = t.cell(r0, col).merge(t.cell(r1, col))
        self.cell(merged, text, bold=True, al="c")
        self.shade(merged, "F2F2F2")

    def footer_page_numbers(self) -> None:
        par = self.d.sections[0].footer.paragraphs[0]
        par.alignment = self.align.CENTER
        self.run(par, "- ", size=9)
        fld = self.el("w:fldSimple")
        fld.set(self.qn("w:instr"), "PAGE")
        r = self.el("w:r")
        t = self.el("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        par._p.append(fld)
        self.run(par, " -", size=9)

    def header_text(self, text: str) -> None:
        par = self.d.sections[0].header.paragraphs[0]
        par.alignment = self.align.RIGHT
        self.run(par, text, size=8.5)

    def save_pdf(self, path: Path) -> int:
        with tempfile.TemporaryDirectory(prefix="official_forms-") as tmp:
            src = Path(tmp) / "doc.docx"
            self.d.save(str(src))
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "-env:UserInstallation=file:///tmp/official_forms-lo",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    tmp,
                    str(src),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            out = Path(tmp) / "doc.pdf"
            path.write_bytes(out.read_bytes())
        pdf = pdfium.PdfDocument(str(path))
        n = len(pdf)
        pdf.close()
        return n


def _seal_name(company: str) -> str:
    stem = company.replace("주식회사", "").replace("(주)", "").replace("㈜", "").strip()
    return f"{stem[:6]}|대표이사"


def sla_policy(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    doc = Word(rng.choice(["NanumBarunGothic", "NanumGothic"]), 10)
    company = ctx.get("company", "")
    doc.header_text(f"{company}  |  서비스 수준 협약서")
    doc.footer_page_numbers()
    doc.p("서비스 수준 협약서", bold=True, size=22, al="c", before=10)
    doc.p("(Service Level Agreement, SLA)", size=11, al="c")
    doc.p()
    version = f"v{rng.randint(1, 3)}.{rng.randint(0, 4)}"
    doc.table(
        [
            ["서비스명", f.get("service_name") or ""],
            ["서비스 제공자", company],
            ["적용 대상", '본 서비스를 이용하는 공공기관(이하 "이용기관")'],
            ["문서 버전", version],
        ],
        [4.0, 12.4],
        header=False,
        label_cols=(0,),
    )
    doc.p("1. 목적", bold=True, size=12, before=12)
    doc.p(
        f'본 협약서는 {company}(이하 "제공자")가 이용기관에 제공하는 서비스의 품질 수준과 그 측정 방법, '
        "수준 미달 시의 조치를 정함을 목적으로 한다.",
        al="j",
    )
    doc.p("2. 서비스 수준 항목 및 목표", bold=True, size=12, before=10)
    rows: list[list[str]] = [["구분", "항목", "목표 수준", "측정 방법"]]
    groups: list[tuple[str, int, int]] = []

    def group(name: str, items: list[list[str]]) -> None:
        if not items:
            return
        start = len(rows)
        rows.extend([name, *item] for item in items)
        groups.append((name, start, len(rows) - 1))

    a = f.get("availability_percent")
    group(
        "가용성",
        [
            [
                "서비스 가용률",
                f"월 {a}% 이상",
                "(총 운영시간 - 장애시간) ÷ 총 운영시간 × 100, 계획된 점검 시간 제외",
            ]
        ]
        if a is not None
        else [],
    )
    mon = f.get("monitoring")
    if mon is not None:
        group(
            "모니터링",
            [
                [
                    "모니터링 정보 제공",
                    "실시간 대시보드 제공" if mon else "미제공",
                    "이용기관 관리자 포털에서 자원 사용률·응답시간·장애 이력 조회" if mon else "-",
                ]
            ],
        )
    if f.get("backup_frequency"):
        group("백업", [["데이터 백업 주기", f["backup_frequency"], "백업 작업 로그 확인, 백업본 30일 보관"]])
    rec = []
    if f.get("rto_hours") is not None:
        rec.append(
            ["목표 복구 시간(RTO)", f"{hours(f['rto_hours'])} 이내", "장애 선언 시점부터 서비스 정상화까지"]
        )
    if f.get("rpo_hours") is not None:
        rec.append(
            [
                "목표 복구 시점(RPO)",
                f"{hours(f['rpo_hours'])} 이내",
                "장애 발생 시점 기준 데이터 손실 허용 범위",
            ]
        )
    group("복구", rec)
    sup = []
    if f.get("support_hours"):
        sup.append(["지원시간", f["support_hours"], "헬프데스크(전화·전자우편·원격지원) 운영"])
    if f.get("response_time_hours") is not None:
        sup.append(
            [
                "장애 접수 후 초기 대응",
                f"{hours(f['response_time_hours'])} 이내",
                "장애 접수 시각부터 담당자 배정·회신까지",
            ]
        )
    group("고객지원", sup)
    t = doc.table(rows, [2.3, 4.0, 3.6, 6.5], size=9.5, center_cols=(2,))
    for name, r0, r1 in groups:
        if r1 > r0:
            doc.merge_down(t, 0, r0, r1, name)
        else:
            doc.cell(t.cell(r0, 0), name, bold=True, al="c")
            doc.shade(t.cell(r0, 0), "F2F2F2")
    doc.p("3. 측정 및 보고", bold=True, size=12, before=12)
    doc.p(
        "제공자는 서비스 수준을 매월 측정하여 다음 달 10일까지 이용기관에 서비스 수준 보고서를 제출한다. "
        "이용기관은 보고서의 근거 자료를 요청할 수 있다.",
        al="j",
    )
    doc.p("4. 서비스 수준 미달 시 조치", bold=True, size=12, before=10)
    if a is not None:
        lows = [b for b in (99.9, 99.5, 99.0, 95.0) if b < a][:2]
        credit = [["월 가용률", "감면율"]]
        upper = a
        for pct, low in zip(("10%", "25%"), lows, strict=False):
            credit.append([f"{low}% 이상 ~ {upper}% 미만", f"해당 월 이용요금의 {pct}"])
            upper = low
        credit.append([f"{upper}% 미만", "해당 월 이용요금의 50%"])
        doc.table(credit, [8.2, 8.2], size=9.5, center_cols=(0, 1))
    doc.p(
        "감면은 이용기관의 요청에 따라 다음 달 이용요금에서 차감하며, 감면액은 해당 월 이용요금을 "
        "초과하지 않는다.",
        al="j",
        before=6,
    )
    doc.p("5. 적용 제외", bold=True, size=12, before=10)
    for item in (
        "가. 사전에 공지한 정기 점검 및 긴급 보안 패치 시간",
        "나. 천재지변, 국가 비상사태 등 불가항력에 의한 장애",
        "다. 이용기관의 귀책사유 또는 제3자 통신망의 장애",
    ):
        doc.p(item)
    doc.p("6. 기타", bold=True, size=12, before=10)
    doc.p("본 협약서에 정하지 않은 사항은 이용약관 및 관계 법령에 따른다.")
    doc.p()
    doc.p("년        월        일", al="c", before=18)
    doc.p(f"서비스 제공자 :  {company}   대표이사                (인)", al="r", before=14)
    doc.p("이 용 기 관  :                                             (인)", al="r", before=8)
    return doc.save_pdf(path)


def reseller_agreement(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    doc = Word(rng.choice(["NanumMyeongjo", "NanumGothic"]), 10.5)
    doc.footer_page_numbers()
    orig, res = f.get("original_provider_name") or "", f.get("reseller_name") or ""
    svc = f.get("service_name") or ""
    doc.p("디지털서비스 공급 및 기술지원 협약서", bold=True, size=18, al="c", before=6)
    doc.p()
    doc.p(
        f'{orig}(이하 "갑"이라 한다)와 {res}(이하 "을"이라 한다)는 "갑"이 제공하는 디지털서비스를 "을"이 '
        "공공기관에 공급하고 기술지원하는 것에 관하여 다음과 같이 협약을 체결한다.",
        al="j",
    )
    arts = [
        (
            "목적",
            '본 협약은 「디지털서비스 심사·선정 등에 관한 고시」에 따라 "을"이 중개 제공자로서 "갑"의 '
            '디지털서비스를 공공부문에 공급할 때 "갑"과 "을"의 권리와 의무를 정함을 목적으로 한다.',
        ),
        (
            "대상 서비스",
            f'본 협약의 대상 서비스(이하 "본 서비스"라 한다)는 "갑"이 개발·운영하는 「{svc}」로 한다.',
        ),
        (
            "갑의 의무",
            '① "갑"은 본 서비스의 개발, 기능 개선, 인프라 운영 및 보안인증 유지를 책임진다.\n'
            '② "갑"은 "을"이 이용기관에 대한 기술지원을 원활히 수행할 수 있도록 기술 자료와 교육을 제공한다.',
        ),
        (
            "을의 의무",
            '① "을"은 이용기관에 대한 영업, 계약 체결 및 1차 기술지원을 수행한다.\n'
            '② "을"은 이용기관으로부터 접수한 장애와 요청을 지체 없이 "갑"에게 전달한다.',
        ),
        (
            "역할 분담",
            '"갑"과 "을"의 제공 역량 항목별 책임은 별첨 「원 제공자-중개 제공자 간 제공 역량 항목별 '
            "구분 명세서」에 따른다.",
        ),
        (
            "비밀유지",
            '"갑"과 "을"은 본 협약의 이행 과정에서 알게 된 상대방 및 이용기관의 정보를 제3자에게 '
            "누설하여서는 아니 된다.",
        ),
        (
            "선정기준의 유지",
            '"갑"과 "을"은 디지털서비스 선정기준을 유지하며, 보안인증 또는 서비스 수준에 변동이 '
            "있는 경우 지체 없이 상대방에게 통보한다.",
        ),
    ]
    period = ""
    if f.get("valid_from") and f.get("valid_until"):
        period = (
            f"본 협약의 기간은 {d_kor(f['valid_from'])}부터 {d_kor(f['valid_until'])}까지로 한다. "
            "다만, 기간 만료 "
            "1개월 전까지 어느 일방의 서면 해지 통보가 없으면 같은 조건으로 1년씩 연장된 것으로 본다."
        )
    arts.append(("협약기간", period))
    arts += [
        (
            "협약의 해지",
            '"갑" 또는 "을"이 본 협약을 위반하여 상대방이 14일 이상의 기간을 정하여 시정을 요구하였음에도 '
            "이를 이행하지 아니한 경우 상대방은 본 협약을 해지할 수 있다.",
        ),
        (
            "분쟁의 해결",
            '본 협약에 관한 분쟁은 상호 협의하여 해결하며, 협의가 이루어지지 않을 경우 "갑"의 본점 소재지를 '
            "관할하는 법원을 관할 법원으로 한다.",
        ),
    ]
    n = 0
    for title, body in arts:
        if not body:
            continue
        n += 1
        doc.p(f"제{n}조({title})", bold=True, before=8)
        for line in body.split("\n"):
            doc.p(line, al="j")
    doc.p(
        '본 협약의 체결을 증명하기 위하여 협약서 2부를 작성하여 "갑"과 "을"이 '
        "기명날인한 후 각 1부씩 보관한다.",
        al="j",
        before=10,
    )
    if f.get("agreement_date"):
        doc.p(d_kor(f["agreement_date"]), al="c", before=14, size=11.5)
    doc.p()
    sign = [
        (
            "갑",
            orig,
            f.get("original_provider_brn") or "",
            fake_address(rng),
            ctx.get("original_rep", person(rng)),
        ),
        ("을", res, f.get("reseller_brn") or "", fake_address(rng), ctx.get("reseller_rep", person(rng))),
    ]
    t = doc.d.add_table(rows=4, cols=2)
    doc.widths(t, [8.2, 8.2])
    for k, (who, name, brn, addr, rep) in enumerate(sign):
        cell = t.cell(0, k)
        doc.cell(cell, f'"{who}"', bold=True)
        doc.cell(t.cell(1, k), f"상      호 : {name}\n사업자등록번호 : {brn}")
        doc.cell(t.cell(2, k), f"주      소 : {addr}", size=9.5)
        c = t.cell(3, k)
        doc.cell(c, f"대표이사 : {rep}   (인)")
        c.paragraphs[0].add_run().add_picture(
            io.BytesIO(seal_png(_seal_name(name), False)), width=doc.cm(1.5)
        )
    doc.page_break()
    doc.p("[별첨]", bold=True)
    doc.p("원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서", bold=True, size=13, al="c")
    doc.p(f"대상 서비스 : {svc}", before=6)
    split = f.get("capability_split") or []
    if rng.random() < 0.5:
        rows = [["구분", "원 제공자", "중개 제공자", "비고"]]
        for item in split:
            r = item["responsible"]
            rows.append(
                [
                    item["item"],
                    "○" if r in ("original", "shared") else "",
                    "○" if r in ("reseller", "shared") else "",
                    "공동 수행" if r == "shared" else "",
                ]
            )
        doc.table(rows, [7.0, 2.8, 2.8, 3.8], size=10, center_cols=(1, 2, 3))
    else:
        words = {"original": "원 제공자(갑)", "reseller": "중개 제공자(을)", "shared": "갑·을 공동"}
        rows = [["제공 역량 항목", "책임 주체", "세부 내용"]]
        for item in split:
            rows.append([item["item"], words[item["responsible"]], "협약서 제3조·제4조에 따름"])
        doc.table(rows, [7.0, 4.2, 5.2], size=10, center_cols=(1,))
    doc.p("※ ○ 표시는 해당 항목의 수행 책임이 있음을 뜻한다.", size=9, before=6)
    doc.p(f"{orig} (갑)        {res} (을)", al="r", before=14)
    return doc.save_pdf(path)


DRAWERS: dict[str, Callable[[DocSpec, Path, random.Random], int]] = {
    "application_form": application_form,
    "corporate_registry": corporate_registry,
    "business_registration": business_registration,
    "credit_rating": credit_rating,
    "service_overview": service_overview,
    "capability_evidence": capability_evidence,
    "csap_certificate": csap_certificate,
    "sla_policy": sla_policy,
    "reseller_agreement": reseller_agreement,
}


def draw(spec: DocSpec, path: Path, rng: random.Random) -> int:
    fn = DRAWERS.get(spec.type)
    if fn is None:
        return int(generate.draw(spec, path, rng))
    return fn(spec, path, rng)
