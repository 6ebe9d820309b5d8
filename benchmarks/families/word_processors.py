"""Documents that came out of word processors (LibreOffice/Word) and older issuer layouts.

The vendor's own papers (application form, SLA, reseller agreement, service overview, capability
evidence) are Word documents built with python-docx and converted to PDF by LibreOffice, as a vendor
who writes them in Word or HWP and "saves as PDF" hands them in. The issuers' certificates are drawn
with reportlab the way the older issuer layouts print them: the pre-2019 사업자등록증 with its
letter-spaced labels, a court kiosk print of the 등기사항전부증명서 as a ruled grid, an 이크레더블
기업신용평가등급 확인서 and a KISA 클라우드컴퓨팅서비스 보안인증서.
"""

from __future__ import annotations

import atexit
import io
import math
import os
import random
import re
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="word_processors",
    title="documents that came out of word processors (LibreOffice/Word) and older issuer layouts",
    written="2026-12-02",
    written_by="helper session word_processors; did not read src/dsreview/extractors or forms/documents",
    imitates={
        "business_registration": (
            "the pre-2019 국세청 사업자등록증 (법인사업자) as printed before the 홈택스 redesign, or "
            "reprinted "
            "by a tax-accounting office: letter-spaced title and labels (법 인 명 (단 체 명), 대   표   자, "
            "개 업 연 월 일 with 법인등록번호 on the same line, 사 업 장 소 재 지, 본 점 소 재 지), 사업의 "
            "종류 "
            "as 업태 … 종목 … on one or two lines, 교 부 사 유, 사업자 단위 과세 적용사업자 여부, "
            "전자세금계산서 "
            "전용 전자우편주소, the date in `2015 년 03 월 05 일` form and ○○세무서장 with a square seal. "
            "From "
            "memory of the paper form (부가가치세법 시행규칙 별지 서식); the stored pages only confirm the "
            "label words (법인명(단체명), 개업연월일, 발급사유, 공동사업자, 사업자 단위 과세 적용사업자 "
            "여부)."
        ),
        "corporate_registry": (
            "a court kiosk/인터넷등기소 print of 등기사항전부증명서 as a ruled grid: 등기번호/등록번호 "
            "header, "
            "letter-spaced labels in a left column (상 호, 본 점, 공고방법, 1주의 금액, 발행할 주식의 "
            "총수), the "
            "발행주식의 총수…|자본금의 액|변경연월일 등기연월일 sub-table, 목 적 items each numbered `1.` "
            "as the "
            "real registry prints them, 임원에 관한 사항 as a sub-table (직위|성명|주민등록번호|취임일), "
            "회사성립연월일, 등기기록의 개설 사유, `-- 이 하 여 백 --`, 관할등기소/발행등기소, 수수료 "
            "1,000원 "
            "영수함, the 전산운영책임관 seal text, 발행번호 with bars, 발급확인번호 and `발행일:2024/06/20` "
            "in the footer, page x/y. Based on OCR transcripts of real prints found in the code corpus "
            "(a court filing's 등기사항전부증명서 pages: `1. 부동산 분양대행업 … 1. 위 각호에 관련된 "
            "부대사업 "
            "일체`, `2024 년 01 월 24 일 취임`, `발급확인번호 7518-AAXU-FAGN 발행일:2024/06/20`)."
        ),
        "credit_rating": (
            "이크레더블 (e-credible) 기업신용평가등급 확인서: bordered certificate with the eCredible logo "
            "text, 확인서 번호, 피평가기업 block (업체명, 사업자등록번호, 대표자, 주소) as label : value "
            "lines, a "
            "평가등급 table with 신용등급|현금흐름등급|평가기준일(결산기준)|평가일|유효기간 as one header "
            "row and "
            "the values below, the middle grade printed with 0 (BB0, B0 — a stored page quotes an 이크레더블 "
            "rating `B0`), a 평가 등급 정의 box, issuer block 주식회사 이크레더블 대표이사 … with a round "
            "seal. "
            "Validity rule (18 months from settlement, at most 1 year) from scilk.co.kr's notice; the rest "
            "from memory of the certificate."
        ),
        "csap_certificate": (
            "KISA 클라우드컴퓨팅서비스 보안인증서 for IaaS, PaaS and SaaS: ornamental border, widely "
            "letter-spaced labels (인 증 번 호, 기 업 명, 서 비 스 명, 인 증 유 형, 인 증 범 위, 유 효 기 "
            "간) "
            "with values after a colon, the type worded with its grade (`IaaS`, `SaaS 간편등급`, `SaaS "
            "(상)`), "
            "the certifying sentence citing 클라우드컴퓨팅법 제23조의2, date and 한국인터넷진흥원장 with a "
            "square "
            "seal. Types and grades from isms.kisa.or.kr/main/csap/intro and zdnet.co.kr (2025-02-17); the "
            "layout follows KISA's ISMS-style certificates from memory."
        ),
        "sla_policy": (
            "a vendor's 서비스 수준 정책서 (SLA) written in Word as numbered headings with bullet lists "
            "(• 목표 가용률: 99.95%, • RTO: 4시간 / RPO: 1시간 on one bullet, • 장애 응답 시간: 접수 후 "
            "1시간 "
            "이내), a version table on top, a page-number footer; python-docx → LibreOffice. No stored "
            "source: "
            "modelled on public SLA pages of Korean cloud vendors from memory."
        ),
        "reseller_agreement": (
            "a Word-made 디지털서비스 공급 및 기술지원 협약서 in 갑/을 prose: the parties introduced in the "
            "first paragraph with their 사업자등록번호 in parentheses, the service named in 제1조, "
            "`협약기간: 2024. 3. 1. ~ 2026. 2. 28.`, the capability split as a numbered list of sentences "
            "(… 갑이 수행한다 / 을이 수행한다 / 갑과 을이 공동으로 수행한다), signatures with seals at the "
            "end. "
            "From the common Korean 갑/을 contract style; no stored example."
        ),
        "application_form": (
            "an HWP-style 디지털서비스 심사 신청서 made in Word: boxed cells, shaded label cells, the "
            "contact "
            "block as a header row 담당자|전화|전자우편 with the values in the row below, checkboxes `☑`/`☐` "
            "or `(O)`/`( )`, date `2024년 03월 15일`, 신청인 … (서명 또는 인), 과학기술정보통신부장관 귀하. "
            "The official form is not in the stored sources (DOMAIN §11); modelled on 별지 서식 of Korean "
            "고시."
        ),
        "service_overview": "a vendor's Word 디지털서비스 개요서 (소개, 기능 표, 구성도 설명, 요금, 지원 "
        "체계)",
        "capability_evidence": (
            "a vendor's Word 디지털서비스 제공역량 증명자료 (일반현황, 수행 실적 표, 기술인력 현황, "
            "인증·특허)"
        ),
    },
    seed=7303,
)

FILE_NAMES = {
    "application_form": ["디지털서비스_심사신청서(날인).pdf", "01_심사신청서.pdf", "심사신청서_최종.pdf"],
    "corporate_registry": ["법인등기부등본(말소사항포함).pdf", "02_등기사항전부증명서.pdf", "등기부등본.pdf"],
    "business_registration": ["사업자등록증 사본.pdf", "03_사업자등록증.pdf", "사업자등록증(원본대조).pdf"],
    "credit_rating": ["기업신용평가등급확인서_이크레더블.pdf", "04_신용평가등급확인서.pdf"],
    "service_overview": ["05_디지털서비스개요서.pdf", "서비스개요서_최종본.pdf"],
    "capability_evidence": ["06_제공역량 증명자료.pdf", "제공역량증명자료(실적).pdf"],
    "csap_certificate": ["07_클라우드보안인증서(CSAP).pdf", "CSAP 인증서 사본.pdf"],
    "sla_policy": ["08_서비스수준정책서(SLA).pdf", "SLA_v2_1.pdf", "서비스 수준 정책서.pdf"],
    "reseller_agreement": ["09_공급 및 기술지원 협약서.pdf", "협약서(날인본).pdf"],
}

NANUM = "/usr/share/fonts/truetype/nanum"
_FONTS = {
    "M": "NanumMyeongjo",
    "MB": "NanumMyeongjoBold",
    "G": "NanumGothic",
    "GB": "NanumGothicBold",
    "B": "NanumBarunGothic",
    "BB": "NanumBarunGothicBold",
    "S": "NanumSquareR",
    "SB": "NanumSquareB",
}
_registered = False
RED = Color(0.82, 0.1, 0.12)
GREY = Color(0.9, 0.9, 0.9)
W, H = A4


def _register() -> None:
    global _registered
    if not _registered:
        for font in _FONTS.values():
            pdfmetrics.registerFont(TTFont(f"WP-{font}", f"{NANUM}/{font}.ttf"))
        _registered = True


def _f(key: str) -> str:
    return f"WP-{_FONTS[key]}"


# --- how these issuers print values ---------------------------------------------------------------


def d_kor0(d: date) -> str:
    return f"{d.year}년 {d.month:02d}월 {d.day:02d}일"


def d_kor(d: date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def d_kor_sp(d: date) -> str:
    return f"{d.year} 년 {d.month:02d} 월 {d.day:02d} 일"


def d_dot(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def d_dots(d: date) -> str:
    return f"{d.year}. {d.month}. {d.day}."


def hours(h: float) -> str:
    if h < 1:
        return f"{round(h * 60)}분"
    return f"{int(h)}시간" if h == int(h) else f"{h}시간"


def spaced(label: str, gap: str = " ") -> str:
    return gap.join(label.replace(" ", ""))


def ecredible_grade(grade: str) -> str:
    """이크레더블 prints the middle grade of AA…B with a 0 (BBB0, B0)."""
    return grade + "0" if grade in ("AA", "A", "BBB", "BB", "B") else grade


# --- seals and bars (raster, as seals are stamped-in images in real PDFs) --------------------------

_SEALS: dict[tuple[str, str, str], Image.Image] = {}


def _seal_image(text: str, shape: str, outer: str = "") -> Image.Image:
    """A red seal: `square` (government offices: text in columns, right to left) or `round` (a company:
    its name around the ring, `text` in the middle)."""
    key = (text, shape, outer)
    if key in _SEALS:
        return _SEALS[key]
    size = 240
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    dr = ImageDraw.Draw(img)
    red = (205, 28, 34, 170)
    bold = f"{NANUM}/NanumMyeongjoBold.ttf"
    if shape == "square":
        dr.rectangle((10, 10, size - 10, size - 10), outline=red, width=12)
        n = math.ceil(math.sqrt(len(text)))
        rows = math.ceil(len(text) / n)
        cell = (size - 44) / max(n, rows)
        ft = ImageFont.truetype(bold, int(cell * 0.9))
        for i, ch in enumerate(text):
            col, row = divmod(i, rows)
            x = size - 22 - (col + 1) * cell + (cell - dr.textlength(ch, font=ft)) / 2
            y = 22 + row * cell
            dr.text((x, y), ch, font=ft, fill=red)
    else:
        dr.ellipse((8, 8, size - 8, size - 8), outline=red, width=10)
        dr.ellipse((62, 62, size - 62, size - 62), outline=red, width=6)
        ft = ImageFont.truetype(bold, 26)
        if outer:
            step = 360 / (len(outer) + 1)
            for i, ch in enumerate(outer):
                angle = -90 + step * (i + 0.5)
                glyph = Image.new("RGBA", (36, 36), (255, 255, 255, 0))
                ImageDraw.Draw(glyph).text((5, 2), ch, font=ft, fill=red)
                glyph = glyph.rotate(-(angle + 90), resample=Image.Resampling.BICUBIC)
                r = 88
                cx = size / 2 + r * math.cos(math.radians(angle)) - 18
                cy = size / 2 + r * math.sin(math.radians(angle)) - 18
                img.alpha_composite(glyph, (int(cx), int(cy)))
        inner = ImageFont.truetype(bold, 34)
        half = (len(text) + 1) // 2
        for i, part in enumerate([text[:half], text[half:]]):
            w = dr.textlength(part, font=inner)
            dr.text(((size - w) / 2, 82 + i * 40), part, font=inner, fill=red)
    _SEALS[key] = img
    return img


def _seal_png(text: str, shape: str, outer: str = "") -> io.BytesIO:
    buf = io.BytesIO()
    _seal_image(text, shape, outer).save(buf, "PNG")
    buf.seek(0)
    return buf


# --- a reportlab sheet -----------------------------------------------------------------------------


class Sheet:
    """Absolute drawing on A4 pages; `footer(sheet)` is drawn on every page before it is closed."""

    def __init__(self, target: Any, footer: Any = None) -> None:
        _register()
        self.c = Canvas(target, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle("")
        self.c.setAuthor("")
        self.page = 1
        self.footer = footer

    def text(
        self,
        x: float,
        y: float,
        s: str,
        font: str = "M",
        size: float = 10,
        align: str = "left",
        color: Color = black,
    ) -> None:
        self.c.setFillColor(color)
        self.c.setFont(_f(font), size)
        if align == "center":
            self.c.drawCentredString(x, y, s)
        elif align == "right":
            self.c.drawRightString(x, y, s)
        else:
            self.c.drawString(x, y, s)
        self.c.setFillColor(black)

    def dist(self, x: float, y: float, label: str, width: float, font: str = "M", size: float = 10) -> None:
        """A label spread evenly over `width` (균등 분할), as forms print their labels."""
        chars = [ch for ch in label if ch != " "]
        self.c.setFont(_f(font), size)
        if len(chars) == 1:
            self.c.drawString(x, y, chars[0])
            return
        widths = [pdfmetrics.stringWidth(ch, _f(font), size) for ch in chars]
        gap = (width - sum(widths)) / (len(chars) - 1)
        for ch, w in zip(chars, widths, strict=True):
            self.c.drawString(x, y, ch)
            x += w + gap

    def width(self, s: str, font: str = "M", size: float = 10) -> float:
        return pdfmetrics.stringWidth(s, _f(font), size)

    def wrap(self, s: str, width: float, font: str = "M", size: float = 10) -> list[str]:
        lines: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for word in para.split(" "):
                cand = f"{cur} {word}" if cur else word
                if self.width(cand, font, size) <= width:
                    cur = cand
                    continue
                if cur:
                    lines.append(cur)
                cur = word
                while self.width(cur, font, size) > width:  # a word longer than the line
                    cut = len(cur)
                    while cut > 1 and self.width(cur[:cut], font, size) > width:
                        cut -= 1
                    lines.append(cur[:cut])
                    cur = cur[cut:]
            lines.append(cur)
        return lines

    def rect(
        self, x: float, y: float, w: float, h: float, lw: float = 0.6, fill: Color | None = None
    ) -> None:
        self.c.setLineWidth(lw)
        if fill is not None:
            self.c.setFillColor(fill)
            self.c.rect(x, y, w, h, stroke=1, fill=1)
            self.c.setFillColor(black)
        else:
            self.c.rect(x, y, w, h, stroke=1, fill=0)

    def line(self, x1: float, y1: float, x2: float, y2: float, lw: float = 0.6) -> None:
        self.c.setLineWidth(lw)
        self.c.line(x1, y1, x2, y2)

    def seal(
        self, x: float, y: float, size: float, text: str, shape: str = "square", outer: str = ""
    ) -> None:
        self.c.drawImage(
            ImageReader(_seal_png(text, shape, outer)), x, y, width=size, height=size, mask="auto"
        )

    def bars(self, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
        """A barcode drawn as bars (no text)."""
        self.c.setFillColor(black)
        pos = x
        while pos < x + w:
            bw = rng.choice([0.6, 0.6, 1.2, 1.8])
            if rng.random() < 0.55:
                self.c.rect(pos, y, bw, h, stroke=0, fill=1)
            pos += bw + rng.choice([0.6, 1.0])

    def new_page(self) -> None:
        if self.footer:
            self.footer(self)
        self.c.showPage()
        self.page += 1

    def close(self) -> int:
        if self.footer:
            self.footer(self)
        self.c.showPage()
        self.c.save()
        return self.page


# --- 사업자등록증 (older layout) ---------------------------------------------------------------------


def business_registration(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    reprint = rng.random() < 0.4  # reprinted by the company's tax-accounting office
    s = Sheet(str(path))
    c = s.c
    # the security paper: a pale frame of fine lines and the 국세청 emblem as a pale ring
    c.setStrokeColor(Color(0.72, 0.84, 0.76))
    for i in range(4):
        s.rect(34 + i * 3, 34 + i * 3, W - 68 - i * 6, H - 68 - i * 6, lw=0.5 if i else 1.6)
    c.setLineWidth(6)
    c.setStrokeColor(Color(0.93, 0.96, 0.94))
    c.circle(W / 2, H / 2 - 20, 120, stroke=1, fill=0)
    c.circle(W / 2, H / 2 - 20, 80, stroke=1, fill=0)
    c.setStrokeColor(black)
    if reprint:
        office = rng.choice(["세무법인 한결", "정도세무회계사무소", "새빛세무회계", "바른세무법인"])
        s.text(W - 60, H - 58, f"{office}  출력", "G", 7.5, "right")
    s.text(W / 2, H - 120, spaced("사업자등록증", "  "), "MB", 26, "center")
    s.text(W / 2, H - 146, "( 법인사업자 )", "M", 13, "center")
    if f.get("registration_number"):
        s.text(W / 2, H - 180, f"등록번호 :  {f['registration_number']}", "MB", 14, "center")
    lx, colon, vx = 78, 208, 218
    size = 11.5
    label_w = colon - lx - 10
    y = H - 230
    step = 29

    def row(label: str, value: str | None, *, dist: bool = True) -> None:
        nonlocal y
        if dist:
            s.dist(lx, y, label, label_w, "M", size)
        else:
            s.text(lx, y, label, "M", size)
        s.text(colon, y, ":", "M", size)
        for i, part in enumerate(s.wrap(value or "", W - 70 - vx, "M", size)):
            s.text(vx, y - i * 16, part, "M", size)
            if i:
                y -= 16
        y -= step

    row("법인명(단체명)", f.get("company_name"))
    row("대표자", f.get("representative"))
    opening = d_kor_sp(f["opening_date"]) if f.get("opening_date") else ""
    s.dist(lx, y, "개업연월일", label_w, "M", size)
    s.text(colon, y, ":", "M", size)
    s.text(vx, y, opening, "M", size)
    if f.get("corporate_registration_number"):
        s.text(362, y, f"법인등록번호 :  {f['corporate_registration_number']}", "M", size)
    y -= step
    row("사업장소재지", f.get("business_address"))
    row("본점소재지", f.get("head_office_address"))
    types = ", ".join(f.get("business_types") or [])
    items = ", ".join(f.get("business_items") or [])
    s.dist(lx, y, "사업의종류", label_w, "M", size)
    s.text(colon, y, ":", "M", size)
    one_line = f"업태  {types}     종목  {items}"
    if s.width(one_line, "M", size) <= W - 70 - vx and rng.random() < 0.6:
        s.text(vx, y, one_line, "M", size)
    else:
        s.text(vx, y, "업태", "M", size)
        s.text(vx + 34, y, types, "M", size)
        y -= 17
        s.text(vx, y, "종목", "M", size)
        for i, part in enumerate(s.wrap(items, W - 70 - vx - 34, "M", size)):
            s.text(vx + 34, y - i * 16, part, "M", size)
            if i:
                y -= 16
    y -= step + 4
    row("교부사유", ctx.get("issue_reason", "신규"))
    row("공동사업자", "")
    s.text(lx, y, "사업자 단위 과세 적용사업자 여부 :  여 (   )   부 ( V )", "M", size)
    y -= step
    s.text(lx, y, "전자세금계산서 전용 전자우편주소 :", "M", size)
    if f.get("issue_date"):
        s.text(W / 2, 212, d_kor_sp(f["issue_date"]), "M", 13, "center")
    if f.get("tax_office"):
        name = f"{f['tax_office']}장"
        s.text(W / 2, 168, name, "MB", 19, "center")
        s.seal(W / 2 + s.width(name, "MB", 19) / 2 - 18, 146, 60, name + "인", "square")
    s.text(W / 2, 66, "국   세   청", "M", 8, "center", Color(0.45, 0.55, 0.5))
    if reprint:
        # an office's 원본대조필 stamp in blue, as an image
        c.setStrokeColor(Color(0.15, 0.25, 0.7))
        c.setFillColor(Color(0.15, 0.25, 0.7))
        c.setLineWidth(1.5)
        c.roundRect(W - 170, 90, 100, 38, 4, stroke=1, fill=0)
        c.setFont(_f("GB"), 12)
        c.drawCentredString(W - 120, 104, "원 본 대 조 필")
        c.setFillColor(black)
        c.setStrokeColor(black)
    return s.close()


# --- 등기사항전부증명서 (court kiosk print, ruled grid) -------------------------------------------------


def corporate_registry(spec: DocSpec, path: Path, rng: random.Random) -> int:
    state = rng.getstate()
    pages = _registry(spec, io.BytesIO(), random.Random(0), total=0)
    rng.setstate(state)
    return _registry(spec, str(path), rng, total=pages)


def _registry(spec: DocSpec, target: Any, rng: random.Random, *, total: int) -> int:
    f, ctx = spec.fields, spec.ctx
    issue = f.get("issue_date")
    issue_no = "".join(str(rng.randint(0, 9)) for _ in range(30))
    confirm = "-".join(
        ["".join(str(rng.randint(0, 9)) for _ in range(4))]
        + ["".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4)) for _ in range(2)]
    )
    bar_seed = rng.random()

    def footer(sh: Sheet) -> None:
        sh.line(40, 78, W - 40, 78, 0.4)
        sh.text(40, 66, f"발행번호 {issue_no}", "G", 6.5)
        sh.bars(40, 38, 250, 22, random.Random(bar_seed + sh.page))
        sh.text(W / 2, 26, f"{sh.page}/{total or sh.page}", "G", 8, "center")
        sh.text(W - 40, 52, f"발급확인번호 {confirm}", "G", 7.5, "right")
        if issue:
            sh.text(W - 40, 40, f"발행일:{issue.year}/{issue.month:02d}/{issue.day:02d}", "G", 7.5, "right")

    s = Sheet(target, footer)
    left, right = 48, W - 48
    lab_w = 104
    size = 9.5
    lead = 13.5
    y = H - 52

    def header() -> None:
        nonlocal y
        s.text(W / 2, H - 66, "등기사항전부증명서(말소사항 포함)", "GB", 15, "center")
        s.text(right, H - 66, "[제출용]", "G", 8.5, "right")
        s.text(W / 2, H - 84, "- 법인 -", "G", 9.5, "center")
        y = H - 96

    def ensure(h: float) -> None:
        nonlocal y
        if y - h < 96:
            s.new_page()
            y = H - 56

    def row(label: str, lines: list[str], *, tail: str = "", struck: int = 0, tails: tuple = ()) -> None:
        """One ruled row: a letter-spaced label on the left, the value lines on the right; the first
        `struck` lines are 말소사항 (struck through), `tails` the 변경/등기 dates of each line."""
        nonlocal y
        h = max(1, len(lines)) * lead + 8
        ensure(h)
        s.rect(left, y - h, lab_w, h, 0.5)
        s.rect(left + lab_w, y - h, right - left - lab_w, h, 0.5)
        n = len(label.replace(" ", ""))
        if n <= 6:
            s.dist(left + 8, y - 4 - size, label, min(lab_w - 16, 14 * n + 4), "G", size)
        else:
            for i, part in enumerate(s.wrap(label, lab_w - 10, "G", size - 0.5)):
                s.text(left + 5, y - 4 - size - i * 12, part, "G", size - 0.5)
        for i, part in enumerate(lines):
            base = y - 4 - size - i * lead
            s.text(left + lab_w + 6, base, part, "G", size)
            if i < struck:
                s.line(
                    left + lab_w + 4,
                    base + 3.2,
                    left + lab_w + 10 + s.width(part, "G", size),
                    base + 3.2,
                    0.7,
                )
            if i < len(tails) and tails[i]:
                s.text(right - 6, base, tails[i], "G", size - 1.5, "right")
        if tail:
            s.text(right - 6, y - 4 - size, tail, "G", size - 1.5, "right")
        y -= h

    def value_lines(value: str, indent: float = 0) -> list[str]:
        return s.wrap(value, right - left - lab_w - 14 - indent, "G", size)

    header()
    # 등기번호 / 등록번호: a small grid at the head
    for label, value in (
        ("등기번호", f.get("registry_number")),
        ("등록번호", f.get("corporate_registration_number")),
    ):
        s.rect(left, y - 20, 70, 20, 0.5, GREY)
        s.rect(left + 70, y - 20, 130, 20, 0.5)
        s.dist(left + 8, y - 14, label, 54, "G", size)
        s.text(left + 78, y - 14, value or "", "G", size)
        y -= 20
    y -= 10
    if f.get("company_name"):
        changed = ctx.get("name_changed")
        row("상호", [f["company_name"]], tail=f"{changed} 변경  {changed} 등기" if changed else "")
    if f.get("head_office"):
        moved = rng.random() < 0.5 and f.get("incorporation_date") and re.search(r"\d+,", f["head_office"])
        if moved:
            # 말소사항 포함: the head office before a move, struck through, then the current one
            old = re.sub(
                r"(\d+),", lambda m: f"{int(m.group(1)) + rng.randint(3, 90)},", f["head_office"], count=1
            )
            when = f["incorporation_date"] + timedelta(days=rng.randint(200, 900))
            olds = value_lines(old.replace(old.split(" ")[-1], f"{rng.randint(2, 12)}층"))
            news = value_lines(f["head_office"])
            tails = ("",) * len(olds) + (f"{d_dot(when)} 이전  {d_dot(when + timedelta(days=4))} 등기",)
            row("본점", olds + news, struck=len(olds), tails=tails)
        else:
            row("본점", value_lines(f["head_office"]))
    row("공고방법", value_lines("서울특별시에서 발행되는 일간 매일경제신문에 게재한다."))
    row("1주의 금액", ["금 5,000 원"])
    row("발행할 주식의 총수", [f"{ctx.get('shares_total', 1_000_000):,} 주"])
    # the share capital sub-table
    ensure(64)
    widths = [250, 130, right - left - 380]
    heads = ["발행주식의 총수와 그 종류 및 각각의 수", "자본금의 액", "변경 연 월 일\n등기 연 월 일"]
    x = left
    for w_, head in zip(widths, heads, strict=True):
        s.rect(x, y - 30, w_, 30, 0.5)
        parts = head.split("\n")
        for i, part in enumerate(parts):
            s.text(
                x + w_ / 2, y - 13 - i * 11 - (5 if len(parts) == 1 else 0), part, "G", size - 0.5, "center"
            )
        x += w_
    y -= 30
    x = left
    shares = (f.get("capital") or 0) // 5000
    cells = [
        [f"발행주식의 총수        {shares:,} 주", f"보통주식                {shares:,} 주"],
        [f"금 {f['capital']:,} 원"] if f.get("capital") is not None else [],
        [],
    ]
    for w_, lines in zip(widths, cells, strict=True):
        s.rect(x, y - 34, w_, 34, 0.5)
        for i, part in enumerate(lines):
            s.text(x + 8, y - 14 - i * 13, part, "G", size)
        x += w_
    y -= 34
    # 목적: every item numbered `1.` as the registry prints them, long items wrapped under their text
    purposes = f.get("purposes") or []
    numbered = rng.random() < 0.3
    lines: list[str] = []
    for i, item in enumerate(purposes, 1):
        mark = f"{i}. " if numbered else "1. "
        for j, part in enumerate(value_lines(item, 16)):
            lines.append((mark if j == 0 else "     ") + part)
    if lines:
        chunk_at = 0
        while chunk_at < len(lines):
            room = max(1, int((y - 96 - 8) // lead))
            if room < 2:
                ensure(10_000)
                continue
            chunk = lines[chunk_at : chunk_at + room]
            row("목적" if chunk_at == 0 else "", chunk)
            chunk_at += len(chunk)
    if spec.variant == 1:
        s.new_page()
        y = H - 56
    # 임원에 관한 사항: a sub-table 직위 | 성명 | 주민등록번호 | 취임일
    officers = [("사내이사", n) for n in ctx.get("directors", [])]
    officers += [("대표이사", n) for n in f.get("representatives") or []]
    if ctx.get("auditor"):
        officers.append(("감사", ctx["auditor"]))
    officer_date = ctx.get("officer_date")
    ensure(22 + 20 * (len(officers) + 1))
    s.rect(left, y - 20, right - left, 20, 0.5, GREY)
    s.dist(W / 2 - 60, y - 14, "임원에관한사항", 120, "GB", size)
    y -= 20
    cols = [80, 90, 120, right - left - 290]
    for r, cells_ in enumerate(
        [["직  위", "성  명", "주민등록번호", "취 임 일"]]
        + [
            [
                role,
                name,
                f"{rng.randint(60, 92)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******",
                f"{d_kor_sp(officer_date)} 취임" if officer_date else "",
            ]
            for role, name in officers
        ]
    ):
        x = left
        for w_, cell in zip(cols, cells_, strict=True):
            s.rect(x, y - 20, w_, 20, 0.5, GREY if r == 0 else None)
            s.text(x + w_ / 2, y - 14, cell, "GB" if r == 0 else "G", size, "center")
            x += w_
        y -= 20
    if officer_date:
        ensure(18)
        s.text(right - 4, y - 12, f"{d_kor_sp(officer_date)} 등기", "G", size - 1.5, "right")
        y -= 18
    y -= 6
    if f.get("incorporation_date"):
        inc = d_kor_sp(f["incorporation_date"])
        row("회사성립연월일", [inc])
        row("등기기록의 개설 사유 및 연월일", ["설립", f"{inc} 등기"])
    ensure(150)
    y -= 20
    s.text(W / 2, y, "-- 이 하 여 백 --", "G", size, "center")
    y -= 26
    if f.get("registry_office"):
        s.text(
            left, y, f"관할등기소 {f['registry_office']} / 발행등기소 법원행정처 등기정보중앙관리소", "G", 8.5
        )
    y -= 14
    s.text(left, y, "수수료 1,000원 영수함", "G", 8.5)
    y -= 26
    s.text(W / 2, y, "이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", "G", 10, "center")
    y -= 22
    if issue:
        s.text(W / 2, y, f"서기 {issue.year}년 {issue.month:02d}월 {issue.day:02d}일", "G", 10, "center")
    y -= 28
    s.text(W / 2 + 60, y, "법원행정처 등기정보중앙관리소    전산운영책임관", "GB", 11, "right")
    s.seal(W / 2 + 46, y - 30, 46, "전산운영책임관인", "square")
    y -= 30
    for note in (
        "* 실선으로 그어진 부분은 말소사항을 표시함.   * 기록사항 없는 갑구, 을구는 '기록사항 없음'으로 "
        "표시함.",
        "* 증명서는 컬러 또는 흑백으로 출력 가능함.",
    ):
        s.text(left, y, note, "G", 7)
        y -= 10
    return s.close()


# --- 이크레더블 기업신용평가등급 확인서 -------------------------------------------------------------------


GRADE_DEFINITIONS = [
    ("AAA", "상거래를 위한 신용능력이 최우량급이며, 환경변화에 충분한 대처가 가능한 기업"),
    ("AA", "상거래를 위한 신용능력이 우량하며, 환경변화에 적절한 대처가 가능한 기업"),
    ("A", "상거래를 위한 신용능력이 양호하며, 환경변화에 대한 대처능력이 제한적인 기업"),
    (
        "BBB",
        "상거래를 위한 신용능력이 양호하나, 경제여건 및 환경악화에 따라 거래안정성 저하 가능성이 있는 기업",
    ),
    ("BB", "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시 거래안정성 저하가 우려되는 기업"),
    ("B", "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시 거래안정성 저하 가능성이 높은 기업"),
    ("CCC", "상거래를 위한 신용능력이 보통 이하이며, 거래안정성 저하가 예상되어 주의를 요하는 기업"),
    ("CC", "상거래를 위한 신용능력이 매우 낮으며, 거래의 안정성이 낮은 기업"),
    ("C", "상거래를 위한 신용능력이 최하위 수준이며, 거래위험 발생 가능성이 매우 높은 기업"),
    ("D", "현재 신용위험이 실제 발생하였거나 신용위험에 준하는 상태에 처해 있는 기업"),
]


def credit_rating(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    # this family's certificates are all 이크레더블's: the issuer is part of the layout
    f["agency"] = "이크레더블"
    ctx["agency_full"] = "주식회사 이크레더블"
    s = Sheet(str(path))
    c = s.c
    s.rect(30, 30, W - 60, H - 60, 2.2)
    s.rect(36, 36, W - 72, H - 72, 0.5)
    # the logo as text: an orange "e" and "Credible"
    c.setFillColor(Color(0.95, 0.45, 0.1))
    c.circle(66, H - 74, 13, stroke=0, fill=1)
    s.text(66, H - 80, "e", "SB", 18, "center", Color(1, 1, 1))
    s.text(84, H - 81, "Credible", "SB", 19, "left", Color(0.1, 0.2, 0.45))
    s.text(84, H - 94, "이크레더블", "G", 7.5, "left", Color(0.3, 0.3, 0.3))
    s.text(W - 56, H - 72, f"확인서 번호 : 제 {ctx.get('cert_no', '')} 호", "G", 9, "right")
    s.text(W / 2, H - 150, "기업신용평가등급 확인서", "GB", 22, "center")
    tw = s.width("기업신용평가등급 확인서", "GB", 22)
    s.line(W / 2 - tw / 2, H - 157, W / 2 + tw / 2, H - 157, 1.2)
    y = H - 200
    s.text(60, y, "■ 피평가기업", "GB", 11.5)
    y -= 26
    rows = [
        ("업체명", f.get("company_name")),
        ("사업자등록번호", f.get("business_registration_number")),
        ("대표자", ctx.get("representative")),
        ("주소", ctx.get("address")),
    ]
    for label, value in rows:
        s.dist(78, y, label, 88, "G", 10.5)
        s.text(176, y, ":", "G", 10.5)
        for i, part in enumerate(s.wrap(value or "", W - 80 - 186, "G", 10.5)):
            s.text(186, y - i * 15, part, "G", 10.5)
            if i:
                y -= 15
        y -= 22
    y -= 12
    s.text(60, y, "■ 평가등급", "GB", 11.5)
    y -= 14
    heads = ["신용등급", "현금흐름등급", "평가기준일\n(결산기준)", "평가일", "유효기간"]
    widths = [72, 82, 90, 84, W - 120 - 328]
    period = ""
    if f.get("valid_from") and f.get("valid_until"):
        period = f"{d_dot(f['valid_from'])} ~ {d_dot(f['valid_until'])}"
    values = [
        ecredible_grade(f["rating"]) if f.get("rating") else "",
        f.get("cash_flow_grade") or "",
        d_dot(f["settlement_date"]) if f.get("settlement_date") else "",
        d_dot(f["evaluation_date"]) if f.get("evaluation_date") else "",
        period,
    ]
    x = 60
    for w_, head, value in zip(widths, heads, values, strict=True):
        s.rect(x, y - 34, w_, 34, 0.7, Color(0.87, 0.9, 0.95))
        parts = head.split("\n")
        for i, part in enumerate(parts):
            s.text(x + w_ / 2, y - 21 - i * 11 + (6 if len(parts) > 1 else 0), part, "GB", 9.5, "center")
        s.rect(x, y - 70, w_, 36, 0.7)
        big = value == values[0]
        s.text(x + w_ / 2, y - 57, value, "GB" if big else "G", 15 if big else 9.5, "center")
        x += w_
    y -= 100
    # 평가 등급 정의
    box_h = 16 + 13 * len(GRADE_DEFINITIONS) + 28
    s.rect(60, y - box_h, W - 120, box_h, 0.6)
    s.text(72, y - 16, "[ 평가 등급 정의 ]", "GB", 9.5)
    yy = y - 32
    for grade, text in GRADE_DEFINITIONS:
        s.text(80, yy, grade, "GB", 8)
        s.text(118, yy, text, "G", 8)
        yy -= 13
    s.text(
        72,
        yy - 4,
        "※ AA등급부터 B등급까지는 +, 0, - 부호를 부가하여 동일 등급 내에서의 우열을 나타냄.",
        "G",
        7.5,
    )
    y -= box_h + 34
    s.text(
        W / 2,
        y,
        "위 기업의 기업신용평가등급이 위와 같음을 확인합니다.",
        "G",
        11,
        "center",
    )
    y -= 18
    s.text(W / 2, y, "(본 확인서는 공공기관 입찰 및 계약 참가용으로 발급됨)", "G", 8.5, "center")
    y -= 46
    if ctx.get("issue_date"):
        s.text(W / 2, y, d_kor0(ctx["issue_date"]), "G", 12, "center")
    y -= 52
    issuer = f"주식회사 이크레더블   대표이사   {ctx.get('agency_ceo', '')}"
    s.text(W / 2, y, issuer, "GB", 14, "center")
    s.seal(
        W / 2 + s.width(issuer, "GB", 14) / 2 - 26, y - 24, 58, "대표이사인", "round", "주식회사이크레더블"
    )
    s.text(
        W / 2,
        52,
        "※ 확인서의 진위 여부는 이크레더블 홈페이지(www.ecredible.co.kr)에서 확인하실 수 있습니다.",
        "G",
        7.5,
        "center",
    )
    return s.close()


# --- KISA 클라우드컴퓨팅서비스 보안인증서 --------------------------------------------------------------


def csap_type(kind: str, grade: str | None, rng: random.Random) -> str:
    if grade in ("표준", "간편"):
        return f"{kind} {grade}등급"
    if grade in ("상", "중", "하"):
        return rng.choice([f"{kind} ({grade})", f"{kind} ({grade}등급)"])
    return kind


def csap_certificate(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    s = Sheet(str(path))
    c = s.c
    gold = Color(0.62, 0.5, 0.22)
    c.setStrokeColor(gold)
    s.rect(28, 28, W - 56, H - 56, 3)
    s.rect(38, 38, W - 76, H - 76, 0.8)
    for cx, cy in ((38, 38), (W - 38, 38), (38, H - 38), (W - 38, H - 38)):
        c.circle(cx, cy, 9, stroke=1, fill=0)
    c.setStrokeColor(black)
    # the CSAP mark as a drawn emblem
    c.setStrokeColor(Color(0.1, 0.3, 0.6))
    c.setLineWidth(2)
    c.circle(W / 2, H - 110, 28, stroke=1, fill=0)
    c.setStrokeColor(black)
    s.text(W / 2, H - 116, "CSAP", "SB", 14, "center", Color(0.1, 0.3, 0.6))
    if f.get("certificate_number"):
        s.text(64, H - 72, f"제 {f['certificate_number']} 호", "M", 10)
    s.text(W / 2, H - 190, "클라우드컴퓨팅서비스 보안인증서", "MB", 24, "center")
    s.text(W / 2, H - 212, "Cloud Security Assurance Program Certificate", "M", 10, "center", gold)
    lx, lw_, vx = 92, 96, 206
    y = H - 290
    period = ""
    if f.get("valid_from") and f.get("valid_until"):
        period = f"{d_kor0(f['valid_from'])} ~ {d_kor0(f['valid_until'])}"
    rows = [
        ("인증번호", f.get("certificate_number")),
        ("기업명", f.get("company_name")),
        ("서비스명", f.get("service_name")),
        (
            "인증유형",
            csap_type(f["certification_type"], f.get("grade"), rng) if f.get("certification_type") else None,
        ),
        ("인증범위", ctx.get("scope")),
        ("유효기간", period),
    ]
    for label, value in rows:
        s.dist(lx, y, label, lw_, "M", 12.5)
        s.text(vx - 12, y, ":", "M", 12.5)
        for i, part in enumerate(s.wrap(value or "", W - 90 - vx, "M", 12.5)):
            s.text(vx, y - i * 19, part, "M", 12.5)
            if i:
                y -= 19
        y -= 36
    y -= 20
    for i, part in enumerate(
        s.wrap(
            "위 클라우드컴퓨팅서비스는 「클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률」 제23조의2 및 "
            "「클라우드컴퓨팅서비스 보안인증에 관한 고시」에서 정한 보안인증 기준에 적합하므로 이 인증서를 "
            "발급합니다.",
            W - 180,
            "M",
            12.5,
        )
    ):
        s.text(90, y - i * 22, part, "M", 12.5)
    if f.get("issue_date"):
        s.text(W / 2, 210, d_kor0(f["issue_date"]), "M", 14, "center")
    if f.get("issuer"):
        name = f"{f['issuer']}장"
        s.text(W / 2, 140, spaced(name, " "), "MB", 20, "center")
        s.seal(W / 2 + s.width(spaced(name, " "), "MB", 20) / 2 - 24, 114, 66, f"{f['issuer']}장인", "square")
    return s.close()


# --- Word documents (python-docx → LibreOffice) ----------------------------------------------------


def _rfonts(rpr: Any, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def new_docx(font: str, size: float = 10.5, *, margins: float = 22) -> Any:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(margins)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(18)
    for name in ("Normal", "List Bullet", "List Number", "Heading 1", "Heading 2", "Title", "Table Grid"):
        style = doc.styles[name]
        _rfonts(style.element.get_or_add_rPr(), font)
        if name in ("Heading 1", "Heading 2", "Title"):
            style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Normal"].font.size = Pt(size)
    pf = doc.styles["Normal"].paragraph_format
    pf.space_after = Pt(3)
    pf.line_spacing = 1.2
    return doc


def para(
    doc_or_cell: Any,
    text: str = "",
    *,
    bold: bool = False,
    size: float | None = None,
    align: str = "left",
    after: float | None = None,
    before: float | None = None,
    indent: float | None = None,
    hanging: float | None = None,
    style: str | None = None,
) -> Any:
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    if indent is not None:
        p.paragraph_format.left_indent = Mm(indent)
    if hanging is not None:
        p.paragraph_format.first_line_indent = Mm(-hanging)
    return p


def shade(cell: Any, fill: str = "D9D9D9") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def put(
    cell: Any,
    text: str,
    *,
    bold: bool = False,
    align: str = "left",
    size: float | None = None,
    fill: str | None = None,
) -> None:
    """Write `text` (lines separated by \\n) into a table cell, replacing what it held."""
    cell.text = ""
    first = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
        p.paragraph_format.space_after = Pt(1)
        p.paragraph_format.space_before = Pt(1)
    if fill:
        shade(cell, fill)


def table(doc: Any, rows: int, widths_mm: list[float]) -> Any:
    t = doc.add_table(rows=rows, cols=len(widths_mm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for col, w_ in zip(t.columns, widths_mm, strict=True):
        col.width = Mm(w_)
    for row in t.rows:
        for cell, w_ in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w_)
    return t


def page_footer(doc: Any, left: str = "", *, style: str = "dash") -> None:
    """A footer with the page number as a PAGE field (`- 1 -` or `1 / 3`)."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if left:
        run = p.add_run(left + "        ")
        run.font.size = Pt(8)

    def field(code: str) -> None:
        run = p.add_run()
        run.font.size = Pt(8.5)
        for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            elif text == code:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = f" {code} "
            else:
                el = OxmlElement("w:t")
                el.text = text
            run._r.append(el)

    def plain(text: str) -> None:
        run = p.add_run(text)
        run.font.size = Pt(8.5)

    if style == "dash":
        plain("- ")
        field("PAGE")
        plain(" -")
    else:
        field("PAGE")
        plain(" / ")
        field("NUMPAGES")


def seal_run(paragraph: Any, text: str, shape: str = "round", outer: str = "", size_mm: float = 14) -> None:
    paragraph.add_run().add_picture(_seal_png(text, shape, outer), width=Mm(size_mm))


_UNO_CONVERT = r"""
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for attempt in range(120):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1])
        break
    except Exception:
        time.sleep(0.25)
else:
    sys.exit(3)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sys.argv[2]), "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(sys.argv[3]), (prop("FilterName", "writer_pdf_Export"),))
doc.close(True)
"""
_OFFICE: dict[str, Any] = {}
PROFILE = "file:///tmp/word_processors-lo"


def _office() -> str | None:
    """One LibreOffice kept running for the whole build (a cold start per document costs seconds);
    it is stopped when the build's process exits. None when UNO is not available."""
    if "pipe" not in _OFFICE:
        _OFFICE["pipe"] = None
        if not Path("/usr/bin/python3").exists():
            return None
        check = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True)
        if check.returncode != 0:
            return None
        pipe = f"word_processors_lo_{os.getpid()}"
        proc = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nolockcheck",
                f"-env:UserInstallation={PROFILE}",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def stop() -> None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()

        atexit.register(stop)
        _OFFICE["pipe"] = pipe
    return _OFFICE["pipe"]


def to_pdf(doc: Any, path: Path) -> int:
    """Save the Word document and print it to PDF with LibreOffice; return the page count."""
    with tempfile.TemporaryDirectory(prefix="word_processors-") as tmp:
        src = Path(tmp) / "document.docx"
        out = Path(tmp) / "document.pdf"
        doc.save(str(src))
        pipe = _office()
        done = False
        if pipe:
            run = subprocess.run(
                ["/usr/bin/python3", "-c", _UNO_CONVERT, pipe, str(src), str(out)],
                capture_output=True,
                timeout=180,
            )
            done = run.returncode == 0 and out.exists()
        if not done:
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation={PROFILE}-cli",
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
        shutil.move(str(out), str(path))
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


# --- 디지털서비스 심사 신청서 (HWP-style form) ---------------------------------------------------------

CATEGORIES = [
    ("cloud_computing", "클라우드컴퓨팅서비스"),
    ("cloud_support", "클라우드 지원서비스"),
    ("convergence", "융합서비스"),
]
MODELS = [("IaaS", "IaaS"), ("PaaS", "PaaS"), ("SaaS", "SaaS")]
SUPPORTS = [("consulting", "컨설팅"), ("operations", "운영관리"), ("migration", "마이그레이션")]
PROVIDERS = [("original", "원 제공자"), ("reseller", "중개 제공자")]


def ticks(options: list[tuple[str, str]], value: Any, style: int) -> str:
    on, off = [("☑", "☐"), ("(O)", "(  )"), ("■", "□")][style]
    return "   ".join(f"{on if key == value else off} {label}" for key, label in options)


def application_form(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f = spec.fields
    box = rng.choice([0, 0, 1, 2])
    doc = new_docx(rng.choice(["NanumMyeongjo", "NanumGothic", "NanumBarunGothic"]), 10, margins=18)
    para(doc, "■ 디지털서비스 심사 및 선정 등에 관한 고시 [별지 제1호서식]", size=8.5, after=2)
    head = table(doc, 2, [174])
    put(head.cell(0, 0), "디지털서비스 심사 신청서", bold=True, align="center", size=17)
    put(
        head.cell(1, 0),
        "※ 뒤쪽의 작성방법을 읽고 작성하시기 바라며, [  ]에는 해당되는 곳에 √ 표시를 합니다.",
        size=8,
    )
    rec = table(doc, 1, [22, 40, 22, 40, 22, 28])
    for i, (label, value) in enumerate((("접수번호", ""), ("접수일자", ""), ("처리기간", "30일"))):
        put(rec.cell(0, 2 * i), label, align="center", size=9, fill="E7E6E6")
        put(rec.cell(0, 2 * i + 1), value, size=9)
    para(doc, "", after=0, size=4)
    # 신청기업: label cells shaded, the contact block as a header row and the values below it
    t = table(doc, 6, [22, 27, 45, 28, 52])
    side = t.cell(0, 0).merge(t.cell(5, 0))
    put(side, "신청기업", bold=True, align="center", fill="D9D9D9")
    put(t.cell(0, 1), "상호(법인명)", align="center", fill="F2F2F2")
    put(t.cell(0, 2), f.get("company_name") or "")
    put(t.cell(0, 3), "사업자등록번호", align="center", fill="F2F2F2")
    put(t.cell(0, 4), f.get("business_registration_number") or "")
    put(t.cell(1, 1), "대표자 성명", align="center", fill="F2F2F2")
    put(t.cell(1, 2).merge(t.cell(1, 4)), f.get("representative") or "")
    put(t.cell(2, 1), "주      소", align="center", fill="F2F2F2")
    put(t.cell(2, 2).merge(t.cell(2, 4)), f.get("address") or "")
    contact = t.cell(3, 1).merge(t.cell(4, 1))
    put(contact, "연 락 처", align="center", fill="F2F2F2")
    put(t.cell(3, 2), "담당자", align="center", fill="F2F2F2")
    put(t.cell(3, 3), "전화", align="center", fill="F2F2F2")
    put(t.cell(3, 4), "전자우편", align="center", fill="F2F2F2")
    put(t.cell(4, 2), f.get("contact_name") or "", align="center")
    put(t.cell(4, 3), f.get("contact_phone") or "", align="center")
    put(t.cell(4, 4), f.get("contact_email") or "", align="center")
    put(t.cell(5, 1), "기업 구분", align="center", fill="F2F2F2")
    put(
        t.cell(5, 2).merge(t.cell(5, 4)),
        ticks([("a", "대기업"), ("b", "중견기업"), ("c", "중소기업")], "c", box),
    )
    para(doc, "", after=0, size=4)
    s = table(doc, 6, [22, 30, 122])
    side = s.cell(0, 0).merge(s.cell(5, 0))
    put(side, "신청\n서비스", bold=True, align="center", fill="D9D9D9")
    rows = [
        ("서비스명", f.get("service_name") or ""),
        ("서비스 구분", ticks(CATEGORIES, f.get("service_category"), box)),
        ("클라우드컴퓨팅\n서비스 유형", ticks(MODELS, f.get("service_model"), box)),
        ("클라우드 지원\n서비스 유형", ticks(SUPPORTS, f.get("support_type"), box)),
        ("제공자 구분", ticks(PROVIDERS, f.get("provider_type"), box)),
        (
            "학교 교육용\n서비스 여부",
            ticks([(True, "해당"), (False, "해당 없음")], f.get("education_exempt"), box)
            + "\n(「초·중등교육법」에 따른 학교의 학생 교육 목적 서비스)",
        ),
    ]
    for i, (label, value) in enumerate(rows):
        put(s.cell(i, 1), label, align="center", fill="F2F2F2")
        put(s.cell(i, 2), value)
    para(doc, "", after=2)
    para(
        doc,
        "「디지털서비스 심사 및 선정 등에 관한 고시」 제5조에 따라 위와 같이 디지털서비스 심사를 신청합니다.",
        before=8,
        after=14,
        align="justify",
    )
    if f.get("application_date"):
        para(doc, d_kor0(f["application_date"]), align="right", after=14, size=11)
    p = para(doc, "", align="right", after=2)
    p.add_run(f"신청인   {f.get('company_name') or ''}").font.size = Pt(11)
    p = para(doc, "", align="right", after=16)
    p.add_run(f"대표이사   {f.get('representative') or ''}   (서명 또는 인)").font.size = Pt(11)
    if rng.random() < 0.6:
        seal_run(p, "대표이사인", "round", (f.get("company_name") or "")[:10], 13)
    para(doc, "과학기술정보통신부장관  귀하", bold=True, size=13, after=10)
    att = table(doc, 2, [30, 144])
    put(att.cell(0, 0), "첨부서류", align="center", fill="F2F2F2", size=9)
    put(
        att.cell(0, 1),
        "1. 법인 등기사항전부증명서 1부\n2. 사업자등록증 사본 1부\n3. 신용평가등급확인서 1부\n"
        "4. 디지털서비스 개요서 및 제공역량 증명자료 각 1부\n5. 클라우드 보안인증서 사본 및 서비스 수준 "
        "정책서(해당 시)\n6. 공급 및 기술지원 협약서(중개 제공자인 경우)",
        size=9,
    )
    put(att.cell(1, 0), "수 수 료", align="center", fill="F2F2F2", size=9)
    put(att.cell(1, 1), "없음", size=9)
    return to_pdf(doc, path)


# --- 서비스 수준 정책서 (Word bullets) -------------------------------------------------------------------


def sla_policy(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    doc = new_docx(rng.choice(["NanumGothic", "NanumBarunGothic"]), 10.5)
    word_bullets = rng.random() < 0.5  # Word's own bullet list, or bullets typed by hand

    def bullet(text: str) -> None:
        if word_bullets:
            para(doc, text, style="List Bullet", after=2)
        else:
            para(doc, f"•  {text}", indent=6, hanging=4, after=2)

    def heading(text: str) -> None:
        para(doc, text, bold=True, size=12.5, before=10, after=4)

    svc = f.get("service_name") or ""
    title = rng.choice(["서비스 수준 정책서 (SLA)", "서비스 수준 협약(SLA) 정책서", "서비스수준정책서(SLA)"])
    para(doc, title, bold=True, size=20, align="center", before=6, after=2)
    para(doc, f"- {svc} -" if svc else "", align="center", size=12, after=10)
    v = table(doc, 2, [40, 45, 40, 45])
    for i, (label, value) in enumerate(
        (("문서 버전", f"v{rng.randint(1, 3)}.{rng.randint(0, 9)}"), ("작성 부서", "서비스운영팀"))
    ):
        put(v.cell(0, 2 * i), label, align="center", fill="DEEAF6", size=9)
        put(v.cell(0, 2 * i + 1), value, align="center", size=9)
    put(v.cell(1, 0), "제 공 사", align="center", fill="DEEAF6", size=9)
    put(v.cell(1, 1).merge(v.cell(1, 3)), ctx.get("company") or "", align="center", size=9)
    heading("1. 개요")
    if svc:
        bullet(f"서비스명: {svc}")
    bullet("적용 대상: 본 서비스를 이용하는 공공기관 및 그 소속 이용자")
    bullet("목적: 서비스 품질 수준과 측정 방법, 미달 시 조치 사항을 정함")
    heading("2. 서비스 가용성")
    if f.get("availability_percent") is not None:
        bullet(f"목표 가용률: {f['availability_percent']}%")
    bullet("측정 기준: 월 단위, 사전 공지된 정기 점검 시간은 제외")
    bullet("산정 방식: (월간 총 시간 - 장애 시간) ÷ 월간 총 시간 × 100")
    heading("3. 모니터링")
    if f.get("monitoring") is not None:
        if f["monitoring"]:
            extra = rng.choice(["실시간 대시보드 및 월간 보고서", "이용자 포털 대시보드", "월간 운영 보고서"])
            bullet(f"모니터링 정보 제공 여부: 제공 ({extra})")
        else:
            bullet("모니터링 정보 제공 여부: 미제공 (내부 관제만 수행)")
    bullet("모니터링 항목: 서비스 응답 시간, 자원 사용률, 장애 발생 및 조치 이력")
    bullet("관제 체계: 24시간 자동 관제, 임계치 초과 시 담당자 호출")
    if spec.variant == 2:
        para(doc, "").add_run().add_break(WD_BREAK.PAGE)
    heading("4. 백업 및 복구")
    if f.get("backup_frequency"):
        value = f["backup_frequency"]
        if rng.random() < 0.5:
            value += rng.choice([" (전체 백업 주 1회)", " (증분 백업)", " (보관 기간 30일)"])
            f["backup_frequency"] = value  # the bullet's value is what the vendor typed
        bullet(f"백업 주기: {value}")
    recovery = []
    if f.get("rto_hours") is not None:
        recovery.append(f"RTO: {hours(f['rto_hours'])}")
    if f.get("rpo_hours") is not None:
        recovery.append(f"RPO: {hours(f['rpo_hours'])}")
    if recovery:
        bullet(" / ".join(recovery))
    bullet("백업 데이터 보관: 서비스 존과 물리적으로 분리된 별도 스토리지")
    heading("5. 고객 지원")
    if f.get("support_hours"):
        bullet(f"고객 지원 시간: {f['support_hours']}")
    if f.get("response_time_hours") is not None:
        bullet(f"장애 응답 시간: 접수 후 {hours(f['response_time_hours'])} 이내")
    bullet("지원 채널: 전화, 전자우편, 원격 지원, 이용자 포털 게시판")
    bullet("장애 등급별 처리: 1등급(전면 중단) 즉시 대응, 2등급(일부 기능 장애) 당일 조치")
    heading("6. 서비스 수준 미달 시 보상")
    bullet("월간 가용률이 목표에 미달하는 경우 해당 월 이용요금의 10~30%를 감면")
    bullet("보상 신청: 장애 발생일로부터 30일 이내 고객센터로 신청")
    para(doc, "", after=4)
    para(doc, "※ 본 정책서의 내용은 이용계약서 및 이용약관에 우선하지 않으며, 변경 시 사전 공지한다.", size=9)
    page_footer(doc, ctx.get("company") or "", style=rng.choice(["dash", "of"]))
    return to_pdf(doc, path)


# --- 디지털서비스 공급 및 기술지원 협약서 (갑/을 prose) ---------------------------------------------------

WHO = {"original": "갑이 수행한다", "reseller": "을이 수행한다", "shared": "갑과 을이 공동으로 수행한다"}


def reseller_agreement(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    doc = new_docx(rng.choice(["NanumMyeongjo", "NanumGothic"]), 10.5, margins=25)
    orig, orig_brn = f.get("original_provider_name") or "", f.get("original_provider_brn") or ""
    res, res_brn = f.get("reseller_name") or "", f.get("reseller_brn") or ""
    svc = f.get("service_name") or ""
    para(doc, "디지털서비스 공급 및 기술지원 협약서", bold=True, size=18, align="center", before=10, after=18)
    para(
        doc,
        f'{orig}(사업자등록번호: {orig_brn}, 이하 "갑"이라 한다)와 {res}(사업자등록번호: {res_brn}, 이하 '
        f'"을"이라 한다)는 갑이 제공하는 디지털서비스의 공공부문 공급 및 기술지원에 관하여 다음과 같이 '
        '협약(이하 "본 협약"이라 한다)을 체결한다.',
        align="justify",
        after=10,
    )

    def article(title: str, *body: str) -> None:
        para(doc, title, bold=True, before=6, after=3)
        for text in body:
            para(doc, text, align="justify", indent=3, after=3)

    article(
        "제1조 (목적)",
        f'본 협약은 갑이 개발·운영하는 디지털서비스 「{svc}」(이하 "본 서비스"라 한다)를 을이 '
        "「디지털서비스 심사 및 선정 등에 관한 고시」에 따른 중개 제공자로서 공공기관에 공급하는 데 필요한 "
        "양 당사자의 권리와 의무를 정함을 목적으로 한다.",
    )
    period = ""
    if f.get("valid_from") and f.get("valid_until"):
        period = f"{d_dots(f['valid_from'])} ~ {d_dots(f['valid_until'])}"
    article(
        "제2조 (협약기간)",
        f"① 협약기간: {period}",
        "② 협약기간 만료 1개월 전까지 어느 일방의 서면 해지 통보가 없는 경우 본 협약은 동일한 조건으로 "
        "1년간 연장된 것으로 본다.",
    )
    article(
        "제3조 (공급 및 기술지원)",
        "① 갑은 을이 본 서비스를 이용기관에 공급할 수 있도록 서비스 이용 권한, 기술 자료 및 교육을 제공한다.",
        "② 을은 이용기관과의 계약, 청구 및 1차 문의 대응을 수행하고, 처리 결과를 갑에게 공유한다.",
    )
    para(doc, "제4조 (제공 역량 항목별 역할 구분)", bold=True, before=6, after=3)
    para(doc, "본 서비스의 제공 역량 항목별 수행 주체는 다음 각 호와 같다.", indent=3, after=3)
    for i, row in enumerate(f.get("capability_split") or [], 1):
        para(doc, f"{i}. {row['item']}: {WHO[row['responsible']]}", indent=8, hanging=5, after=2)
    article(
        "제5조 (서비스 품질 및 보안)",
        "갑과 을은 디지털서비스 선정 기준을 협약기간 동안 유지하며, 보안인증 또는 서비스 수준에 변동이 "
        "있는 경우 지체 없이 상대방에게 서면으로 통보한다.",
    )
    article(
        "제6조 (비밀유지)",
        "각 당사자는 본 협약의 이행 과정에서 알게 된 상대방 및 이용기관의 정보를 제3자에게 누설하여서는 "
        "아니 되며, 이 의무는 협약 종료 후에도 3년간 유효하다.",
    )
    article(
        "제7조 (기타)",
        "본 협약에 정하지 않은 사항은 관계 법령과 상관례에 따르며, 분쟁이 발생한 경우 갑의 본점 소재지를 "
        "관할하는 법원을 합의 관할 법원으로 한다.",
    )
    para(
        doc,
        "본 협약의 성립을 증명하기 위하여 협약서 2부를 작성하고 갑과 을이 기명날인한 후 각 1부씩 보관한다.",
        before=10,
        after=14,
        align="justify",
    )
    closing = doc.paragraphs[-1]
    if f.get("agreement_date"):
        closing = para(doc, d_dots(f["agreement_date"]), align="center", size=11.5, after=16)
    closing.paragraph_format.keep_with_next = True
    sig = table(doc, 3, [82, 82])
    sig.style = doc.styles["Normal Table"]
    put(sig.cell(0, 0), "(갑)", bold=True)
    put(sig.cell(0, 1), "(을)", bold=True)
    put(sig.cell(1, 0), f"상    호 : {orig}")
    put(sig.cell(1, 1), f"상    호 : {res}")
    for col, rep, name in ((0, ctx.get("original_rep", ""), orig), (1, ctx.get("reseller_rep", ""), res)):
        cell = sig.cell(2, col)
        put(cell, f"대표이사 : {rep}  (인)")
        if rng.random() < 0.8:
            seal_run(cell.paragraphs[0], "대표이사인", "round", name.replace("주식회사", "").strip()[:9], 13)
    for r, row in enumerate(sig.rows):  # the signatures stay together, with the date above them
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = r < len(sig.rows) - 1
    return to_pdf(doc, path)


# --- 디지털서비스 개요서 / 제공역량 증명자료 (Word, free text) ---------------------------------------------


FEATURES = [
    ("통합 대시보드", "기관별 이용 현황과 주요 지표를 한 화면에서 확인"),
    ("전자결재 연동", "기관 전자결재 및 문서관리시스템과 표준 API로 연계"),
    ("권한 관리", "부서·직급별 역할 기반 접근통제와 감사 로그 보관"),
    ("모바일 지원", "안드로이드·iOS 앱과 모바일 웹 동시 제공"),
    ("데이터 내보내기", "CSV·XLSX·PDF 형식 보고서 생성"),
    ("통합 검색", "첨부파일 본문까지 포함한 전문 검색"),
    ("알림 서비스", "메일·문자·메신저 알림 규칙 설정"),
]


def service_overview(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx = spec.ctx
    svc, company = ctx.get("service_name", ""), ctx.get("company", "")
    doc = new_docx(rng.choice(["NanumGothic", "NanumBarunGothic", "NanumMyeongjo"]), 10.5)
    para(doc, "디지털서비스 개요서", bold=True, size=20, align="center", before=4, after=12)
    t = table(doc, 4, [38, 132])
    for i, (label, value) in enumerate(
        (
            ("서비스명", svc),
            ("제공 기업", company),
            ("서비스 분야", ctx.get("category_label", "")),
            ("서비스 URL", f"https://www.{rng.choice(['cloudsvc', 'gov-saas', 'publicapp'])}.co.kr"),
        )
    ):
        put(t.cell(i, 0), label, align="center", fill="E2EFDA")
        put(t.cell(i, 1), value)
    para(doc, "Ⅰ. 서비스 소개", bold=True, size=13, before=12, after=4)
    para(
        doc,
        f"{svc}은(는) 공공기관이 별도의 서버 구축 없이 인터넷으로 바로 이용할 수 있도록 제공되는 "
        "서비스이다. 기관별로 분리된 데이터 영역과 관리자 기능을 제공하며, 이용량에 따라 요금을 산정한다.",
        align="justify",
    )
    para(doc, "Ⅱ. 주요 기능", bold=True, size=13, before=10, after=4)
    feats = rng.sample(FEATURES, 5)
    ft = table(doc, len(feats) + 1, [40, 130])
    put(ft.cell(0, 0), "기능", bold=True, align="center", fill="D9D9D9")
    put(ft.cell(0, 1), "설명", bold=True, align="center", fill="D9D9D9")
    for i, (name, desc) in enumerate(feats, 1):
        put(ft.cell(i, 0), name, align="center")
        put(ft.cell(i, 1), desc)
    para(doc, "Ⅲ. 서비스 구성도", bold=True, size=13, before=10, after=4)
    boxes = table(doc, 1, [38, 8, 38, 8, 38, 8, 38])
    for i, label in enumerate(
        [
            "이용기관\n(웹·모바일)",
            "→",
            "보안 게이트웨이\n(WAF·SSL)",
            "→",
            "서비스 서버\n(이중화)",
            "→",
            "데이터베이스\n(암호화 저장)",
        ]
    ):
        put(boxes.cell(0, i), label, align="center", size=9, fill=None if i % 2 else "FFF2CC")
    para(doc, "", after=2)
    para(doc, "구성도 설명", bold=True, after=2)
    for line in (
        "이용자는 HTTPS로 접속하며, 모든 요청은 웹 방화벽을 거쳐 서비스 서버로 전달된다.",
        "서비스 서버는 보안인증을 받은 IaaS 위에서 두 개의 가용 영역에 이중화되어 운영된다.",
        "데이터베이스는 저장 시 암호화되며 매일 별도 스토리지로 백업된다.",
    ):
        para(doc, f"- {line}", indent=4, hanging=3, after=2)
    if spec.variant == 1:
        para(doc, "").add_run().add_break(WD_BREAK.PAGE)
    para(doc, "Ⅳ. 이용 요금", bold=True, size=13, before=10, after=4)
    pt = table(doc, 4, [45, 70, 55])
    for i, row in enumerate(
        [
            ("구분", "제공 범위", "월 이용료(VAT 별도)"),
            ("Basic", "사용자 50명 이하", "800,000원"),
            ("Standard", "사용자 300명 이하", "3,500,000원"),
            ("Enterprise", "사용자 제한 없음", "별도 협의"),
        ]
    ):
        for j, cell in enumerate(row):
            put(pt.cell(i, j), cell, align="center", bold=i == 0, fill="D9D9D9" if i == 0 else None)
    para(doc, "Ⅴ. 고객 지원 체계", bold=True, size=13, before=10, after=4)
    para(doc, "전담 고객지원 창구(전화·전자우편·원격지원)를 운영하며, 도입 기관에는 담당 매니저를 배정한다.")
    page_footer(doc, company)
    return to_pdf(doc, path)


def capability_evidence(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx = spec.ctx
    company = ctx.get("company", "")
    doc = new_docx(rng.choice(["NanumGothic", "NanumMyeongjo"]), 10)
    para(doc, "디지털서비스 제공역량 증명자료", bold=True, size=19, align="center", before=4, after=4)
    para(doc, f"( {ctx.get('service_name', '')} )", align="center", after=12)
    para(doc, "1. 회사 일반현황", bold=True, size=12, before=6, after=4)
    g = table(doc, 3, [35, 50, 35, 50])
    general = [
        ("회 사 명", company, "설립연도", str(rng.randint(2006, 2020))),
        ("상시 종업원", f"{rng.randint(25, 180)}명", "주요 사업", "클라우드 서비스 개발·운영"),
        ("전년도 매출", f"{rng.randint(20, 400) * 100_000_000:,}원", "기업 인증", "벤처기업, 기업부설연구소"),
    ]
    for i, row in enumerate(general):
        for j, cell in enumerate(row):
            put(
                g.cell(i, j),
                cell,
                align="center" if j % 2 == 0 else "left",
                fill="F2F2F2" if j % 2 == 0 else None,
            )
    para(doc, "2. 주요 수행 실적 (최근 3년)", bold=True, size=12, before=10, after=4)
    jobs = table(doc, 6, [10, 58, 32, 36, 34])
    for j, head in enumerate(["No", "사업명", "발주기관", "수행기간", "계약금액"]):
        put(jobs.cell(0, j), head, bold=True, align="center", fill="D9D9D9")
    for i in range(1, 6):
        year = rng.randint(2021, 2024)
        for j, cell in enumerate(
            [
                str(i),
                f"{rng.choice(['스마트', '통합', '차세대', '클라우드 기반'])} "
                f"{rng.choice(['민원', '행정', '학사', '자료관리'])} {rng.choice(['서비스', '시스템'])} 구축",
                rng.choice(["○○광역시", "△△공단", "□□대학교", "◇◇군청", "☆☆진흥원"]),
                f"{year}.{rng.randint(1, 6):02d}~{year}.{rng.randint(7, 12):02d}",
                f"{rng.randint(3, 90) * 10_000_000:,}원",
            ]
        ):
            put(jobs.cell(i, j), cell, align="left" if j == 1 else "center", size=9)
    para(doc, "※ 발주기관 실적증명서 사본 붙임", size=8.5, after=4)
    para(doc, "3. 기술 인력 현황", bold=True, size=12, before=10, after=4)
    staff = table(doc, 5, [40, 25, 105])
    for i, row in enumerate(
        [
            ("구분", "인원", "주요 보유 자격"),
            ("서비스 개발", f"{rng.randint(6, 40)}명", "정보처리기사, 정보보안기사"),
            ("클라우드 운영", f"{rng.randint(3, 20)}명", "AWS SAA, 리눅스마스터 1급"),
            ("보안 관리", f"{rng.randint(1, 8)}명", "CISSP, 정보보호관리체계 인증심사원"),
            ("고객 지원", f"{rng.randint(2, 12)}명", "ITIL Foundation"),
        ]
    ):
        for j, cell in enumerate(row):
            put(staff.cell(i, j), cell, align="center", bold=i == 0, fill="D9D9D9" if i == 0 else None)
    para(doc, "4. 인증 및 지식재산권", bold=True, size=12, before=10, after=4)
    for line in ("GS인증 1등급 (한국정보통신기술협회)", "ISO/IEC 27001 인증", "관련 특허 등록 2건, 출원 1건"):
        para(doc, f"○ {line}", indent=4, after=2)
    page_footer(doc, company, style="of")
    return to_pdf(doc, path)


# --- dispatch --------------------------------------------------------------------------------------

BUILDERS = {
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
    builder = BUILDERS.get(spec.type)
    if builder is None:
        return int(generate.draw(spec, path, rng))
    return builder(spec, path, rng)


__all__ = ["FAMILY", "FILE_NAMES", "draw"]
