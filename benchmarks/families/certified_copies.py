"""certified_copies: the 증명 (certificates of record) rather than the originals, and retyped documents.

One module (first_sight.py fingerprints `families/<name>.py`, so this family is not a package).

- business_registration: 홈택스 민원증명 사업자등록증명 (reportlab)
- corporate_registry: 등기사항전부증명서(말소사항 포함), superseded entries struck, 3 pages (reportlab)
- credit_rating: 한국기업데이터(KED) 기업신용평가 등급확인서, CRETOP style (reportlab)
- csap_certificate: KISA 클라우드서비스 보안인증서 after the 2023 reform, bilingual labels (reportlab)
- sla_policy: numbered-article SLA written in Word (python-docx → LibreOffice)
- reseller_agreement: party table, articles, seals, then the 명세서 (python-docx → LibreOffice)
- application_form: the 신청서 retyped by the vendor in Word (python-docx → LibreOffice)
- service_overview: a vendor brochure page printed from HTML (Chromium)
- capability_evidence: cover, 실적/인력 tables and a client's 용역 수행 실적 증명서 (reportlab)
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import io
import math
import os
import random
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from families.kit import DocSpec, Family, generate

NAME = "certified_copies"

FAMILY = Family(
    name=NAME,
    title="certificates (증명) rather than the certificates' originals, and documents vendors retype",
    written="2026-12-02",
    written_by=f"helper session {NAME}; did not read src/dsreview/extractors or forms/documents",
    imitates={
        "business_registration": (
            "국세청 홈택스 민원증명 '사업자등록증명' (not the "
            "등록증): 발급번호 top-left, 처리기간 즉시, table "
            "'사업자 인적사항' with 상호(법인명)/사업자등록번호, "
            "성명(대표자)/주민(법인)등록번호, 사업장소재지, "
            "개업일/사업자등록일, 본점소재지; '사업의 종류' "
            "업태|종목|주업종코드; the 세무서장's square seal, "
            "용도/제출처, 진위확인 note and bars. The stored pages (iboss.tistory.com '사업자등록증과 "
            "사업자등록증명은 달라요', twoeun05.haroo5.com, "
            "post001.himeonstory.com) confirm the 증명's content "
            "(번호, 대표자, 사업장, 업태·종목, 등록일자, 상태) and that "
            "it is issued by 홈택스 민원증명; the cell "
            "layout follows the printed 증명 as I know it (the sources show no image of it)."
        ),
        "corporate_registry": (
            "대법원 인터넷등기소 법인 '등기사항전부증명서(말소사항 "
            "포함)', 3 pages: 등기번호/등록번호, 상호, 본점, "
            "공고방법, 1주의 금액, 발행할 주식의 총수, 자본금 with "
            "superseded entries kept and struck through "
            "('* 실선으로 그어진 부분은 말소사항을 표시함'), '2015.03.02 "
            "변경 / 2015.03.05 등기' annotations, "
            "목적, 임원 history (취임, 중임, 사임 lines, the "
            "superseded ones struck), 회사성립연월일, 개설 사유, "
            "수수료/관할등기소/발행등기소, '이 증명서는 등기기록의 내용과 틀림없음을 증명합니다', 등기관 or "
            "전산운영책임관 seal, 발행번호/발급확인번호 and page x/y. Stored pages (wow.infobaksa.com, "
            "do.at-honeytips.com, treeapril.com) describe 말소사항 포함 vs 현재유효사항, 발급 vs 열람, the "
            "바코드 and 발급확인번호; the layout itself is from my knowledge of the printed 증명서."
        ),
        "credit_rating": (
            "한국기업데이터(KED, CRETOP) '기업신용평가 등급확인서' "
            "for 공공기관 입찰: logo, 발급번호, two-column "
            "label table 기업명/대표자명/사업자등록번호/법인등록번호/소재지, "
            "신용등급 and 현금흐름등급 side by side "
            "in large boxes (middle grades printed with "
            "0: BB0), 평가기준일(결산기준일), 평가일자, 등급유효기간, "
            "grade definitions, '한국기업데이터(주) 대표이사' seal. "
            "The validity rule printed in the notes is the "
            "one stored at scilk.co.kr ('재무결산 기준일로부터 18개월 … 평가일로부터 최대 1년'); the layout "
            "follows KED certificates as I know them (no image in the stored sources)."
        ),
        "csap_certificate": (
            "KISA 클라우드서비스 보안인증서 after the 2023 등급제 reform: logo, title with 'Cloud Security "
            "Assurance Program' line, bilingual table 인증번호 (Certificate No.) / 인증 서비스명 (Service) / "
            "신청기관(업체명) (Company) / 인증 구분 (Type) / "
            "인증 등급 (Grade) / 인증 범위 (Scope) / 유효기간 "
            "(Validity, '2023. 10. 07. ~ 2028. 10. 06.') "
            "/ 최초 인증일, '한국인터넷진흥원장' seal. SaaS 표준/간편 "
            "are printed as the pre-reform type 'SaaS 표준' with no grade row. The 상·중·하 grades and the "
            "treatment of older certificates are from the "
            "stored news (search.zdnet.co.kr 'CSAP 등급제 어떻게 "
            "바뀌나', ajunews.com 2024-02-06, fis.kr 'CSAP 개편 "
            "동향'); the certificate layout is my own knowledge."
        ),
        "sla_policy": (
            "a vendor's SLA written in Word as numbered prose "
            "(제1조 목적 … 제10조, 부칙), with a document-control "
            "table and revision history: values only inside "
            "sentences ('월간 가용률은 99.9% 이상을 목표로 한다', "
            "'복구목표시간(RTO)은 4시간, 복구목표시점(RPO)은 1시간으로 한다', '장애 발생 시 30분 이내에 1차 "
            "대응'). From how Korean SaaS vendors write 서비스 수준 정책 (no stored source found)."
        ),
        "reseller_agreement": (
            "a 공급 및 기술지원 협약서 written in Word: party table (구분 | 원 제공자 | 중개 제공자; 상호, "
            "사업자등록번호, 대표자, 주소), articles with the 협약 기간 as an article, date and both company "
            "seals, then the 제공 역량 항목별 구분 명세서 as a "
            "3-column table (제공 역량 항목 | 수행 주체 | 세부 "
            "내용). Based on the briefing's description of the document (no stored example)."
        ),
        "application_form": (
            "the 디지털서비스 심사 신청서 retyped by the vendor in Word: 2-column label|value table (기업명, "
            "대표자명, 사업자번호, 본사 주소, 담당자 with phone and "
            "e-mail in one cell, 서비스 명칭, 서비스 분야 in "
            "words, 서비스 모델, 공급 형태, 교육용 서비스 해당 여부), "
            "'신청일: 2024. 3. 15.', attachment list, "
            "company seal. The official form's text is not in the stored sources (DOMAIN §11)."
        ),
        "service_overview": (
            "a vendor's 디지털서비스 개요서 laid out as a web brochure "
            "and printed by Chromium: banner, summary "
            "table, 서비스 소개, 주요 기능 cards, 구성도 drawn in "
            "boxes, 이용 절차, 도입 효과, 요금 (own design)."
        ),
        "capability_evidence": (
            "디지털서비스 제공역량 증명자료 as vendors bind it: "
            "cover page, 수행 실적 and 인력 현황 tables, and a "
            "client's '용역 수행 실적 증명서' with the client's seal (own knowledge of 실적증명서 forms)."
        ),
    },
    seed=7202,
)

FILE_NAMES = {
    "application_form": ["디지털서비스_심사신청서(작성본).pdf", "01_신청서_최종.pdf", "심사신청서_날인.pdf"],
    "corporate_registry": [
        "법인등기사항전부증명서(말소사항포함).pdf",
        "02_등기부등본_말소포함.pdf",
        "등기사항전부증명서_2024.pdf",
    ],
    "business_registration": [
        "사업자등록증명_2024.pdf",
        "03_사업자등록증명원.pdf",
        "사업자등록증명(홈택스).pdf",
    ],
    "credit_rating": [
        "KED_기업신용평가등급확인서.pdf",
        "04_신용평가등급확인서(KED).pdf",
        "신용등급확인서.pdf",
    ],
    "service_overview": ["디지털서비스개요서.pdf", "05_서비스_개요서.pdf"],
    "capability_evidence": ["제공역량_증명자료.pdf", "06_제공역량증명(실적증명서포함).pdf"],
    "csap_certificate": ["CSAP_보안인증서_사본.pdf", "07_클라우드보안인증서.pdf"],
    "sla_policy": ["서비스수준정책(SLA).pdf", "08_SLA_정책서.pdf"],
    "reseller_agreement": ["공급및기술지원협약서_날인본.pdf", "09_협약서(명세서첨부).pdf"],
    "unknown": ["기타_참고자료.pdf"],
}

NANUM = "/usr/share/fonts/truetype/nanum"
FONTS = {
    "g": "NanumGothic",
    "gb": "NanumGothicBold",
    "m": "NanumMyeongjo",
    "mb": "NanumMyeongjoBold",
    "b": "NanumBarunGothic",
    "bb": "NanumBarunGothicBold",
    "s": "NanumSquareR",
    "sb": "NanumSquareB",
}
RED = Color(0.8, 0.1, 0.12)
GREY = Color(0.9, 0.9, 0.9)
W, H = A4

# What the application form printed (it is drawn first in every bundle): the reseller agreement prints the
# same reseller's address when it names the same company.
_SEEN: dict[str, str] = {}


# --- values as these issuers print them ---------------------------------------------------------------
def d_dot(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def d_kor0(d: date) -> str:
    return f"{d.year}년 {d.month:02d}월 {d.day:02d}일"


def d_kor(d: date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def d_korsp(d: date) -> str:
    return f"{d.year} 년 {d.month:02d} 월 {d.day:02d} 일"


def d_dotsp(d: date) -> str:
    return f"{d.year}. {d.month}. {d.day}."


def d_dotsp0(d: date) -> str:
    return f"{d.year}. {d.month:02d}. {d.day:02d}."


def hours(h: float) -> str:
    if h < 1:
        return f"{round(h * 60)}분"
    return f"{int(h)}시간" if h == int(h) else f"{h}시간"


def grade0(g: str) -> str:
    if g in ("AAA", "CC", "C", "D", "NR", "NCR", "R") or g[-1] in "+-":
        return g
    return g + "0"


def spaced(label: str, gap: int = 1) -> str:
    return (" " * gap).join(label.replace(" ", ""))


def won(n: int) -> str:
    return f"금 {n:,} 원"


def stem_of(name: str) -> str:
    for t in ("주식회사", "(주)", "㈜", "( 주 )"):
        name = name.replace(t, "")
    return name.strip()


# --- images: seals, logos, background patterns (ink and graphics, not text) ---------------------------
def _font(key: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(f"{NANUM}/{FONTS[key]}.ttf", px)


@functools.lru_cache(maxsize=256)
def seal_png(text: str, shape: str = "square", centre: str = "대표이사인") -> bytes:
    """A red stamp: official seals square (characters in columns, right to left), company seals round."""
    px = 240
    img = Image.new("RGBA", (px, px), (255, 255, 255, 0))
    dr = ImageDraw.Draw(img)
    red = (206, 28, 34, 225)
    if shape == "square":
        dr.rectangle((10, 10, px - 10, px - 10), outline=red, width=12)
        dr.rectangle((24, 24, px - 24, px - 24), outline=red, width=3)
        chars = list(text)
        cols = max(2, math.ceil(math.sqrt(len(chars))))
        rows = math.ceil(len(chars) / cols)
        cell_w = (px - 60) / cols
        cell_h = (px - 60) / rows
        ft = _font("mb", int(min(cell_w, cell_h) * 0.92))
        for i, ch in enumerate(chars):
            col, row = divmod(i, rows)
            x = px - 30 - (col + 1) * cell_w
            y = 30 + row * cell_h
            w = dr.textlength(ch, font=ft)
            dr.text((x + (cell_w - w) / 2, y + cell_h * 0.02), ch, font=ft, fill=red)
    else:
        dr.ellipse((6, 6, px - 6, px - 6), outline=red, width=9)
        dr.ellipse((52, 52, px - 52, px - 52), outline=red, width=3)
        ft = _font("gb", 28)
        n = max(len(text), 1)
        span = 1.6 * math.pi if n > 6 else 1.2 * math.pi
        for i, ch in enumerate(text):
            ang = -math.pi / 2 - span / 2 + span * (i / max(n - 1, 1))
            r = px / 2 - 33
            cx = px / 2 + r * math.cos(ang)
            cy = px / 2 + r * math.sin(ang)
            glyph = Image.new("RGBA", (40, 40), (255, 255, 255, 0))
            ImageDraw.Draw(glyph).text((6, 4), ch, font=ft, fill=red)
            glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC)
            img.alpha_composite(glyph, (int(cx - 20), int(cy - 20)))
        ft2 = _font("mb", 36 if len(centre) <= 4 else 30)
        lines = [centre[:3], centre[3:]] if len(centre) > 3 else [centre]
        y0 = px / 2 - len(lines) * 19
        for j, part in enumerate(lines):
            w = dr.textlength(part, font=ft2)
            dr.text(((px - w) / 2, y0 + j * 38), part, font=ft2, fill=red)
    # worn ink: a few pale specks
    rng = random.Random(int(hashlib.md5((text + centre).encode()).hexdigest()[:8], 16))
    for _ in range(160):
        x, y = rng.randrange(px), rng.randrange(px)
        r = rng.choice([1, 1, 2, 3])
        dr.ellipse((x, y, x + r, y + r), fill=(255, 255, 255, 0))
    img = img.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@functools.lru_cache(maxsize=8)
def logo_png(kind: str) -> bytes:
    if kind == "ked":
        img = Image.new("RGBA", (520, 140), (255, 255, 255, 0))
        dr = ImageDraw.Draw(img)
        dr.rounded_rectangle((0, 10, 190, 130), 18, fill=(0, 70, 150, 255))
        dr.text((22, 22), "KED", font=_font("sb", 84), fill=(255, 255, 255, 255))
        dr.text((210, 28), "한국기업데이터", font=_font("sb", 50), fill=(0, 70, 150, 255))
        dr.text((212, 88), "Korea Enterprise Data", font=_font("s", 28), fill=(90, 90, 90, 255))
    elif kind == "kisa":
        img = Image.new("RGBA", (560, 150), (255, 255, 255, 0))
        dr = ImageDraw.Draw(img)
        for i, col in enumerate([(0, 94, 184), (0, 160, 200), (120, 190, 32)]):
            dr.pieslice((10 + i * 18, 10, 130 + i * 18, 130), 200 + i * 50, 320 + i * 50, fill=(*col, 255))
        dr.text((180, 18), "KISA", font=_font("sb", 70), fill=(0, 70, 150, 255))
        dr.text((182, 96), "한국인터넷진흥원", font=_font("sb", 36), fill=(60, 60, 60, 255))
    elif kind == "nts_bg":
        img = Image.new("RGBA", (800, 800), (255, 255, 255, 0))
        dr = ImageDraw.Draw(img)
        for r in range(40, 400, 14):
            dr.ellipse((400 - r, 400 - r, 400 + r, 400 + r), outline=(120, 170, 210, 34), width=2)
        for k in range(0, 360, 10):
            a = math.radians(k)
            dr.line((400, 400, 400 + 390 * math.cos(a), 400 + 390 * math.sin(a)), fill=(120, 170, 210, 22))
        dr.text((250, 330), "국세청", font=_font("gb", 110), fill=(120, 170, 210, 40))
    else:  # "ked_bg": faint watermark
        img = Image.new("RGBA", (700, 300), (255, 255, 255, 0))
        ImageDraw.Draw(img).text((40, 40), "KED", font=_font("sb", 210), fill=(0, 70, 150, 22))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def reader(png: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(png))


# --- a thin reportlab layer -----------------------------------------------------------------------------
_registered = False


def register_fonts() -> None:
    global _registered
    if not _registered:
        for key, file in FONTS.items():
            pdfmetrics.registerFont(TTFont(f"cc-{key}", f"{NANUM}/{file}.ttf"))
        _registered = True


class Sheet:
    """A reportlab canvas with the few drawing verbs these forms need (coordinates from the bottom-left)."""

    def __init__(self, target: Any, title: str = "") -> None:
        register_fonts()
        self.c = Canvas(target, pagesize=A4, pageCompression=1, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.pages = 1

    def width(self, s: str, font: str, size: float) -> float:
        return pdfmetrics.stringWidth(s, f"cc-{font}", size)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        font: str = "g",
        size: float = 10,
        *,
        align: str = "left",
        color=black,
    ) -> float:
        self.c.setFillColor(color)
        self.c.setFont(f"cc-{font}", size)
        if align == "center":
            self.c.drawCentredString(x, y, s)
            w = self.width(s, font, size)
            x0 = x - w / 2
        elif align == "right":
            self.c.drawRightString(x, y, s)
            w = self.width(s, font, size)
            x0 = x - w
        else:
            self.c.drawString(x, y, s)
            x0 = x
        self.c.setFillColor(black)
        return x0

    def strike(self, x: float, y: float, s: str, font: str, size: float) -> None:
        self.c.setLineWidth(0.7)
        self.c.line(x - 1, y + size * 0.33, x + self.width(s, font, size) + 1, y + size * 0.33)

    def wrap(self, s: str, font: str, size: float, width: float) -> list[str]:
        out: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for word in para.split(" "):
                cand = f"{cur} {word}" if cur else word
                if self.width(cand, font, size) <= width:
                    cur = cand
                    continue
                if cur:
                    out.append(cur)
                cur = ""
                for ch in word:  # a word longer than the cell breaks between characters
                    if self.width(cur + ch, font, size) > width and cur:
                        out.append(cur)
                        cur = ""
                    cur += ch
            out.append(cur)
        return out

    def rect(
        self, x: float, y: float, w: float, h: float, *, fill=None, lw: float = 0.6, stroke=True
    ) -> None:
        self.c.setLineWidth(lw)
        if fill is not None:
            self.c.setFillColor(fill)
        self.c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
        self.c.setFillColor(black)

    def cell(
        self,
        x: float,
        top: float,
        w: float,
        h: float,
        text: str,
        font: str = "g",
        size: float = 9.5,
        *,
        fill=None,
        align: str = "left",
        lw: float = 0.6,
        pad: float = 5,
        lead: float = 1.3,
        border: bool = True,
        color=black,
    ) -> None:
        if fill is not None or border:
            self.rect(x, top - h, w, h, fill=fill, lw=lw, stroke=border)
        lines = self.wrap(text, font, size, w - 2 * pad) if text else []
        total = len(lines) * size * lead
        y = top - (h - total) / 2 - size * 0.95
        for line in lines:
            if align == "center":
                self.text(x + w / 2, y, line, font, size, align="center", color=color)
            elif align == "right":
                self.text(x + w - pad, y, line, font, size, align="right", color=color)
            else:
                self.text(x + pad, y, line, font, size, color=color)
            y -= size * lead

    def image(self, png: bytes, x: float, y: float, w: float, h: float) -> None:
        self.c.drawImage(reader(png), x, y, width=w, height=h, mask="auto")

    def bars(self, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
        """A 1-D barcode drawn as bars."""
        pos = x
        while pos < x + w:
            bw = rng.choice([0.6, 0.6, 1.2, 1.8])
            self.c.setFillColor(black)
            self.c.rect(pos, y, bw, h, stroke=0, fill=1)
            pos += bw + rng.choice([0.6, 1.2, 1.8])

    def stack(self, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
        """A 2-D (PDF417-like) barcode: rows of bars."""
        rows = int(h // 3)
        for r in range(rows):
            pos = x
            while pos < x + w:
                bw = rng.choice([0.7, 0.7, 1.4, 2.1])
                if pos + bw > x + w:
                    break
                self.c.rect(pos, y + r * 3, bw, 2.6, stroke=0, fill=1)
                pos += bw + rng.choice([0.7, 1.4])

    def next_page(self) -> None:
        self.c.showPage()
        self.pages += 1

    def save(self) -> int:
        self.c.showPage()
        self.c.save()
        return self.pages


# --- business_registration: 홈택스 사업자등록증명 ---------------------------------------------------------
ITEM_CODES = {
    "응용소프트웨어 개발 및 공급업": "722000",
    "컴퓨터 프로그래밍 서비스업": "721000",
    "시스템 통합 구축": "723000",
    "클라우드 서비스": "631100",
    "데이터 처리 및 호스팅": "631200",
    "소프트웨어 자문": "722003",
    "전자상거래": "525101",
}


def business_registration(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f = spec.fields
    sh = Sheet(str(path), "사업자등록증명")
    c = sh.c
    issue_no = (
        f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"
    )
    sh.image(logo_png("nts_bg"), 97, 250, 400, 400)
    sh.text(40, 800, f"발급번호 : {issue_no}", "g", 9)
    # 처리기간 box
    sh.cell(470, 812, 85, 16, "처리기간", "g", 8.5, fill=GREY, align="center")
    sh.cell(470, 796, 85, 16, "즉시", "g", 8.5, align="center")
    sh.text(W / 2, 752, spaced("사업자등록증명", 2), "gb", 21, align="center")
    left, top = 40.0, 722.0
    cols = [62, 88, 150, 100, 115]
    xs = [left]
    for w_ in cols:
        xs.append(xs[-1] + w_)
    row_h = 30.0
    rows = [
        ("상호(법인명)", f["company_name"], "사업자등록번호", f["registration_number"]),
        ("성명(대표자)", f["representative"], "주민(법인)등록번호", f["corporate_registration_number"]),
        ("사업장소재지", f["business_address"], None, None),
        (
            spaced("개업일", 3),
            f["opening_date"].isoformat(),
            "사업자등록일",
            (f["opening_date"] + timedelta(days=rng.randint(0, 12))).isoformat(),
        ),
        ("본점소재지", f["head_office_address"], None, None),
    ]
    shown = [r for r in rows if r[1] is not None]
    sh.cell(xs[0], top, cols[0], row_h * len(shown), "사업자\n인적사항", "gb", 9.5, fill=GREY, align="center")
    y = top
    for label, value, label2, value2 in shown:
        sh.cell(xs[1], y, cols[1], row_h, label, "g", 9, fill=GREY, align="center")
        if label2 is None:
            sh.cell(xs[2], y, sum(cols[2:]), row_h, value, "g", 9.5)
        else:
            sh.cell(xs[2], y, cols[2], row_h, value, "g", 9.5)
            sh.cell(xs[3], y, cols[3], row_h, label2, "g", 8.5, fill=GREY, align="center")
            sh.cell(xs[4], y, cols[4], row_h, value2 or "", "g", 9.5)
        y -= row_h
    # 사업의 종류: one row per 업태/종목 pair
    types, items = f.get("business_types") or [], f.get("business_items") or []
    n = max(len(types), len(items), 1)
    # a 업태 shared by several 종목 is repeated on each row; a 업태 beyond the last 종목 has an empty 종목
    pairs = [
        (types[min(i, len(types) - 1)] if types else "", items[i] if i < len(items) else "") for i in range(n)
    ]
    sub = [110, 240, 103]
    sh.cell(xs[0], y, cols[0], 22 * (n + 1), "사업의\n종류", "gb", 9.5, fill=GREY, align="center")
    x = xs[1]
    for label, w_ in zip(["업태", "종목", "주업종코드"], sub, strict=True):
        sh.cell(x, y, w_, 22, label, "g", 9, fill=GREY, align="center")
        x += w_
    y -= 22
    for i, (t, it) in enumerate(pairs):
        x = xs[1]
        code = ITEM_CODES.get(it, "722000") if i == 0 else ""
        for val, w_ in zip([t, it, code], sub, strict=True):
            sh.cell(x, y, w_, 22, val, "g", 9.5, align="center" if w_ != 240 else "left")
            x += w_
        y -= 22
    # 신청인 / 발급 정보
    sh.cell(xs[0], y, cols[0], 44, "신청인", "gb", 9.5, fill=GREY, align="center")
    sh.cell(xs[1], y, cols[1], 22, "성명", "g", 9, fill=GREY, align="center")
    sh.cell(xs[2], y, cols[2], 22, f["representative"], "g", 9.5)
    sh.cell(xs[3], y, cols[3], 22, "발급매수", "g", 9, fill=GREY, align="center")
    sh.cell(xs[4], y, cols[4], 22, "1 매", "g", 9.5)
    sh.cell(xs[1], y - 22, cols[1], 22, "발급방법", "g", 9, fill=GREY, align="center")
    sh.cell(xs[2], y - 22, sum(cols[2:]), 22, "인터넷 발급 (홈택스)", "g", 9.5)
    y -= 44 + 44
    sh.text(W / 2, y, "위와 같이 사업자등록을 하였음을 증명합니다.", "g", 12, align="center")
    y -= 46
    sh.text(W / 2, y, d_kor0(f["issue_date"]), "g", 12, align="center")
    y -= 56
    office = f"{f['tax_office']}장"
    x0 = sh.text(W / 2 + 10, y, spaced(office, 1), "gb", 17, align="center")
    wd = sh.width(spaced(office, 1), "gb", 17)
    sh.image(seal_png(f"{f['tax_office']}장인", "square"), x0 + wd - 30, y - 22, 58, 58)
    y -= 50
    sh.text(60, y, f"용    도 : {rng.choice(['공공기관 제출용', '입찰 및 계약', '기타(제출용)'])}", "g", 10)
    sh.text(60, y - 18, "제 출 처 : 한국지능정보사회진흥원", "g", 10)
    # footer: 진위확인 note and bars
    c.setLineWidth(0.5)
    c.line(40, 118, 555, 118)
    note = (
        "※ 이 증명서는 홈택스(www.hometax.go.kr)의 [민원증명 → 민원증명 원본확인] 메뉴에서 발급번호를 "
        "입력하여 진위 여부를 확인할 수 있습니다. 문서 하단의 바코드로도 확인 가능합니다."
    )
    yy = 104
    for line in sh.wrap(note, "g", 8, 515):
        sh.text(40, yy, line, "g", 8)
        yy -= 11
    sh.bars(40, 46, 200, 26, rng)
    sh.text(40, 36, issue_no.replace("-", ""), "g", 7)
    sh.text(555, 46, "국 세 청", "gb", 10, align="right")
    sh.text(555, 34, "National Tax Service", "g", 7, align="right")
    sh.text(W / 2, 22, "1 / 1", "g", 8, align="center")
    return sh.save()


# --- corporate_registry: 등기사항전부증명서(말소사항 포함) --------------------------------------------
OLD_CITIES = [
    "서울특별시 구로구 디지털로 288, 7층 703호",
    "서울특별시 금천구 가산디지털2로 98, 3층",
    "경기도 안양시 동안구 시민대로 401, 12층",
    "경기도 성남시 중원구 둔촌대로 457, 5층",
    "인천광역시 연수구 송도과학로 32, 8층",
    "대전광역시 유성구 문지로 193, 2층",
    "부산광역시 해운대구 센텀서로 39, 10층",
]
OLD_SUFFIX = ["소프트", "정보", "시스템", "아이티", "테크", "넷"]
STREETS = ["서초구 반포대로", "강남구 선릉로", "송파구 올림픽로", "분당구 정자일로", "수지구 포은대로"]


def _between(a: date, b: date, frac: float) -> date:
    return a + timedelta(days=int((b - a).days * frac))


class Registry:
    """Flow layout of the 등기사항전부증명서: bordered label|value|dates rows, header and footer per page."""

    LEFT, RIGHT = 42.0, 553.0
    LABEL_W, DATE_W = 78.0, 118.0
    FONT, SIZE, LEAD = "m", 9.5, 1.45

    def __init__(self, target: Any, f: dict[str, Any], rng: random.Random, total: int) -> None:
        self.sh = Sheet(target, "등기사항전부증명서")
        self.f = f
        self.rng = rng
        self.total = total
        self.issue_no = "".join(str(rng.randint(0, 9)) for _ in range(20))
        self.check_no = "-".join(
            "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(4)) for _ in range(4)
        )
        self.barcode_seed = rng.randint(0, 10**9)
        self.y = 0.0
        self._start_page(first=True)

    @property
    def value_w(self) -> float:
        return self.RIGHT - self.LEFT - self.LABEL_W - self.DATE_W

    def _start_page(self, first: bool = False) -> None:
        sh = self.sh
        if first:
            sh.text(W / 2, 790, "등기사항전부증명서(말소사항 포함)", "mb", 17, align="center")
            sh.text(W / 2, 771, "- 법인 -", "m", 10, align="center")
            top = 752.0
        else:
            top = 800.0
        for label, value in (
            ("등기번호", self.f["registry_number"]),
            ("등록번호", self.f["corporate_registration_number"]),
        ):
            if not first and label == "등록번호":
                continue
            sh.cell(self.LEFT, top, 70, 19, spaced(label, 1), self.FONT, 9.5, align="center")
            sh.cell(self.LEFT + 70, top, 120, 19, value, self.FONT, 9.5)
            top -= 19
        self.y = top - 12

    def _footer(self) -> None:
        sh = self.sh
        page = sh.pages
        sh.text(self.LEFT, 58, "* 실선으로 그어진 부분은 말소사항을 표시함.", "m", 8)
        sh.text(self.LEFT, 44, f"발행번호 {self.issue_no}", "m", 7.5)
        sh.text(W / 2, 30, f"{page}/{self.total}", "m", 8.5, align="center")
        sh.text(
            self.RIGHT, 44, f"발행일 {self.f['issue_date'].strftime('%Y/%m/%d')}", "m", 7.5, align="right"
        )

    def new_page(self) -> None:
        self._footer()
        self.sh.next_page()
        self._start_page()

    def ensure(self, h: float) -> None:
        if self.y - h < 80:
            self.new_page()

    def block(
        self, label: str, entries: list[tuple[str, list[str], bool]], *, spaced_label: bool = True
    ) -> None:
        """A labelled block: each entry is (value, right-hand date lines, struck)."""
        sh, fs, ld = self.sh, self.SIZE, self.SIZE * self.LEAD
        laid = []
        for value, right, struck in entries:
            lines = sh.wrap(value, self.FONT, fs, self.value_w - 10)
            n = max(len(lines), len(right), 1)
            laid.append((lines, right, struck, n * ld + 8))
        shown = spaced(label, 3) if spaced_label and len(label) <= 2 else label
        lab_lines = sh.wrap(shown, self.FONT, fs, self.LABEL_W - 8)
        need = len(lab_lines) * ld + 8
        height = sum(e[3] for e in laid)
        if need > height:
            lines, right, struck, h = laid[-1]
            laid[-1] = (lines, right, struck, h + need - height)
            height = need
        self.ensure(height)
        top = self.y
        x_label = self.LEFT
        x_val = self.LEFT + self.LABEL_W
        x_date = x_val + self.value_w
        sh.cell(x_label, top, self.LABEL_W, height, "", border=True)
        ly = top - 6 - fs
        for line in lab_lines:
            sh.text(x_label + self.LABEL_W / 2, ly, line, self.FONT, fs, align="center")
            ly -= ld
        y = top
        for lines, right, struck, h in laid:
            sh.rect(x_val, y - h, self.value_w, h)
            sh.rect(x_date, y - h, self.DATE_W, h)
            ty = y - 4 - fs
            for line in lines:
                sh.text(x_val + 5, ty, line, self.FONT, fs)
                if struck:
                    sh.strike(x_val + 5, ty, line, self.FONT, fs)
                ty -= ld
            ty = y - 4 - fs
            for line in right:
                x0 = sh.text(x_date + self.DATE_W - 5, ty, line, self.FONT, fs - 0.5, align="right")
                if struck:
                    sh.strike(x0, ty, line, self.FONT, fs - 0.5)
                ty -= ld
            y -= h
        self.y = y - 6

    def heading(self, text: str) -> None:
        self.ensure(40)
        self.sh.text(W / 2, self.y - 14, text, "mb", 10.5, align="center")
        self.y -= 24

    def entry(self, lines: list[tuple[str, float]], struck: bool) -> None:
        """A full-width entry (officers): lines with their indent."""
        sh, fs, ld = self.sh, self.SIZE, self.SIZE * self.LEAD
        h = len(lines) * ld + 8
        self.ensure(h)
        sh.rect(self.LEFT, self.y - h, self.RIGHT - self.LEFT, h)
        ty = self.y - 4 - fs
        for text, indent in lines:
            sh.text(self.LEFT + 6 + indent, ty, text, self.FONT, fs)
            if struck:
                sh.strike(self.LEFT + 6 + indent, ty, text, self.FONT, fs)
            ty -= ld
        self.y -= h

    def line(
        self, text: str, *, align: str = "center", size: float = 10, font: str = "m", gap: float = 18
    ) -> None:
        self.ensure(gap + 4)
        x = {"center": W / 2, "left": self.LEFT, "right": self.RIGHT}[align]
        self.sh.text(x, self.y - size, text, font, size, align=align)
        self.y -= gap

    def finish(self, seal_text: str, signer: str) -> int:
        sh = self.sh
        sh.image(seal_png(seal_text, "square"), self.RIGHT - 46, self.y - 34, 62, 62)
        sh.stack(self.LEFT, 72, 180, 30, random.Random(self.barcode_seed))
        sh.text(self.LEFT + 190, 92, f"발급확인번호 {self.check_no}", "m", 7.5)
        note = (
            "[인터넷 발급] 문서 하단의 바코드를 스캐너로 확인하거나, 인터넷등기소(http://www.iros.go.kr)의 "
            "발급확인 메뉴에서 발급확인번호를 입력하여 위·변조 여부를 확인할 수 있습니다."
        )
        yy = 82
        for part in sh.wrap(note, "m", 6.8, self.RIGHT - self.LEFT - 190):
            sh.text(self.LEFT + 190, yy, part, "m", 6.8)
            yy -= 8.5
        del signer
        self._footer()
        return sh.save()


def _registry_draw(target: Any, spec: DocSpec, rng: random.Random, total: int) -> int:
    f, ctx = spec.fields, spec.ctx
    inc, issue = f["incorporation_date"], f["issue_date"]
    end = issue - timedelta(days=20)
    reg = Registry(target, f, rng, total)

    def reg_day(d: date) -> date:
        return min(d + timedelta(days=rng.randint(2, 9)), issue - timedelta(days=1))

    def chg(d: date) -> list[str]:
        return [f"{d_dot(d)} 변경", f"{d_dot(reg_day(d))} 등기"]

    # 상호
    name = f["company_name"]
    if name is not None:
        stem = stem_of(name)
        old_stem = stem[:2] + rng.choice([s for s in OLD_SUFFIX if not stem.endswith(s)])
        if ctx.get("name_changed") or rng.random() < 0.75:
            t = _between(inc, end, 0.4)
            reg.block("상호", [(f"주식회사 {old_stem}", [], True), (name, chg(t), False)])
        else:
            reg.block("상호", [(name, [], False)])
    # 본점
    office = f["head_office"]
    if office is not None:
        old = rng.choice([a for a in OLD_CITIES if a.split()[0] != office.split()[0]] or OLD_CITIES)
        t = _between(inc, end, 0.2)
        reg.block("본점", [(old, [], True), (office, chg(t), False)])
    paper = rng.choice(["매일경제신문", "한국경제신문", "서울신문", "전자신문"])
    reg.block("공고방법", [(f"서울특별시에서 발행되는 일간 {paper}에 게재한다.", [], False)])
    reg.block("1주의 금액", [(won(5000), [], False)])
    reg.block("발행할 주식의 총수", [(f"{ctx.get('shares_total', 1_000_000):,} 주", [], False)])
    # 자본금: its own 3-column table (주식 | 자본금의 액 | 변경/등기 연월일)
    capital = f["capital"]
    if capital is not None:
        old_cap = max(10_000_000, (capital // 2) // 5_000_000 * 5_000_000)
        if old_cap >= capital:
            old_cap = capital // 2
        t = _between(inc, end, 0.6)
        sh, fs = reg.sh, reg.SIZE
        reg.ensure(130)
        w1, w2, w3 = 250.0, reg.RIGHT - reg.LEFT - 250 - reg.DATE_W, reg.DATE_W
        x1, x2, x3 = reg.LEFT, reg.LEFT + w1, reg.LEFT + w1 + w2
        sh.cell(x1, reg.y, w1, 20, "발행주식의 총수와 그 종류 및 각각의 수", "m", 9, align="center")
        sh.cell(x2, reg.y, w2, 20, "자본금의 액", "m", 9, align="center")
        sh.cell(x3, reg.y, w3, 20, "변경연월일 / 등기연월일", "m", 8.5, align="center")
        reg.y -= 20
        for amount, right, struck in ((old_cap, [f"{d_dot(inc)} 설립", ""], True), (capital, chg(t), False)):
            shares = amount // 5000
            lines = [f"발행주식의 총수    {shares:,} 주", f"  보통주식    {shares:,} 주"]
            h = 2 * fs * reg.LEAD + 10
            for xx, ww in ((x1, w1), (x2, w2), (x3, w3)):
                sh.rect(xx, reg.y - h, ww, h)
            ty = reg.y - 5 - fs
            for line in lines:
                sh.text(x1 + 6, ty, line, "m", fs)
                if struck:
                    sh.strike(x1 + 6, ty, line, "m", fs)
                ty -= fs * reg.LEAD
            xa = sh.text(x2 + w2 / 2, reg.y - 5 - fs, won(amount), "m", fs, align="center")
            if struck:
                sh.strike(xa, reg.y - 5 - fs, won(amount), "m", fs)
            ty = reg.y - 5 - fs
            for line in right:
                if line:
                    xr = sh.text(x3 + w3 - 5, ty, line, "m", fs - 0.5, align="right")
                    if struck:
                        sh.strike(xr, ty, line, "m", fs - 0.5)
                ty -= fs * reg.LEAD
            reg.y -= h
        reg.y -= 6
    # 목적
    purposes = f.get("purposes") or []
    if purposes:
        reg.block("목적", [("\n".join(f"{i}. {p}" for i, p in enumerate(purposes, 1)), [], False)])
    # 임원에 관한 사항
    reg.new_page()
    reg.heading("임원에 관한 사항")
    reps = f.get("representatives") or []
    officer_date: date = ctx.get("officer_date") or _between(inc, end, 0.8)
    officer_date = min(max(officer_date, inc + timedelta(days=30)), end)
    t_rep = _between(inc, officer_date, 0.5)

    def birth() -> str:
        return f"{rng.randint(62, 92)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******"

    def home() -> str:
        return f"서울특별시 {rng.choice(STREETS)} {rng.randint(10, 400)}, {rng.randint(101, 1504)}호"

    def when(d: date, what: str) -> str:
        return f"{d_korsp(d)} {what}      {d_korsp(reg_day(d))} 등기"

    old_rep = None
    if reps and rng.random() < 0.8 and (t_rep - inc).days > 60:
        old_rep = rng.choice([p for p in ("박성민", "최영수", "정미경", "오동현", "한승현") if p not in reps])
        ob, oh = birth(), home()
        reg.entry(
            [(f"사내이사  {old_rep}  {ob}", 0), (when(inc, "취임"), 60), (when(t_rep, "사임"), 60)], True
        )
        reg.entry(
            [(f"대표이사  {old_rep}  {ob}  {oh}", 0), (when(inc, "취임"), 60), (when(t_rep, "사임"), 60)],
            True,
        )
    start = t_rep if old_rep else inc
    renewed = (officer_date - start).days > 400
    for rep in reps:
        b_, h_ = birth(), home()
        for role, extra in (("사내이사", ""), ("대표이사", f"  {h_}")):
            if renewed:
                reg.entry([(f"{role}  {rep}  {b_}{extra}", 0), (when(start, "취임"), 60)], True)
                reg.entry([(f"{role}  {rep}  {b_}{extra}", 0), (when(officer_date, "중임"), 60)], False)
            else:
                reg.entry([(f"{role}  {rep}  {b_}{extra}", 0), (when(start, "취임"), 60)], False)
    for d in ctx.get("directors") or []:
        if d in reps:
            continue
        reg.entry([(f"사내이사  {d}  {birth()}", 0), (when(officer_date, "취임"), 60)], False)
    if ctx.get("auditor"):
        reg.entry([(f"감사  {ctx['auditor']}  {birth()}", 0), (when(officer_date, "취임"), 60)], False)
    reg.new_page()
    if inc is not None:
        reg.block("회사성립연월일", [(d_korsp(inc), [], False)], spaced_label=False)
        reg.block(
            "등기기록의 개설 사유 및 연월일",
            [(f"설립    {d_korsp(inc)} 등기", [], False)],
            spaced_label=False,
        )
    reg.y -= 10
    reg.line("-- 이 하 여 백 --", gap=34)
    office_name = f.get("registry_office") or ""
    reg.line(f"수수료 1,000원 영수함      관할등기소 {office_name}", align="left", size=9.5)
    reg.line("발행등기소 법원행정처 등기정보중앙관리소", align="left", size=9.5, gap=36)
    reg.line("이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", size=11.5, gap=34)
    reg.line(f"서기 {d_kor0(issue)}", size=11, gap=40)
    if rng.random() < 0.5 and office_name:
        signer, seal = f"{office_name}  등기관", "등기관의인"
    else:
        signer, seal = "법원행정처 등기정보중앙관리소  전산운영책임관", "전산운영책임관인"
    reg.line(signer, align="right", size=12, font="mb", gap=4)
    return reg.finish(seal, signer)


def corporate_registry(spec: DocSpec, path: Path, rng: random.Random) -> int:
    state = rng.getstate()
    total = _registry_draw(io.BytesIO(), spec, rng, 3)  # a dry run to know the page count for "x/N"
    rng.setstate(state)
    pages = _registry_draw(str(path), spec, rng, total)
    assert pages == total
    return pages


# --- credit_rating: KED 기업신용평가 등급확인서 -------------------------------------------------------
def credit_rating(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    f["agency"] = "한국기업데이터"  # this family's certificates are all KED's
    sh = Sheet(str(path), "기업신용평가 등급확인서")
    blue = Color(0.0, 0.27, 0.59)
    sh.image(logo_png("ked_bg"), 90, 330, 420, 180)
    sh.image(logo_png("ked"), 40, 772, 180, 48)
    cert = ctx.get("cert_no") or f"{f['evaluation_date'].year}-{rng.randint(100000, 999999)}"
    sh.text(555, 800, f"발급번호 : KED{cert}", "b", 9, align="right")
    sh.text(555, 786, "CRETOP 공공기관 입찰용", "b", 8.5, align="right")
    sh.c.setStrokeColor(blue)
    sh.c.setLineWidth(2.2)
    sh.c.line(40, 764, 555, 764)
    sh.c.setStrokeColor(black)
    sh.text(W / 2, 722, "기업신용평가 등급확인서", "sb", 23, align="center")
    sh.text(
        W / 2,
        703,
        "Certificate of Corporate Credit Rating",
        "s",
        10,
        align="center",
        color=Color(0.35, 0.35, 0.35),
    )

    def section(y: float, label: str) -> None:
        sh.rect(40, y - 3, 5, 13, fill=blue, stroke=False)
        sh.text(51, y, label, "bb", 11)

    section(672, "기업 개요")
    top = 662.0
    cw = [92, 165, 92, 166]
    xs = [40.0]
    for w_ in cw:
        xs.append(xs[-1] + w_)
    light = Color(0.9, 0.93, 0.97)
    rows = [
        ("기업명", f["company_name"], "대표자명", ctx.get("representative") or ""),
        ("사업자등록번호", f["business_registration_number"], "법인등록번호", ctx.get("crn") or ""),
    ]
    for a, b_, c_, d_ in rows:
        if b_ is None:
            b_ = ""
        sh.cell(xs[0], top, cw[0], 26, a, "b", 9.5, fill=light, align="center")
        sh.cell(xs[1], top, cw[1], 26, b_, "b", 10)
        sh.cell(xs[2], top, cw[2], 26, c_, "b", 9.5, fill=light, align="center")
        sh.cell(xs[3], top, cw[3], 26, d_, "b", 10)
        top -= 26
    sh.cell(xs[0], top, cw[0], 26, "소재지", "b", 9.5, fill=light, align="center")
    sh.cell(xs[1], top, sum(cw[1:]), 26, ctx.get("address") or "", "b", 10)
    top -= 26
    section(top - 30, "평가 결과")
    box_top = top - 42
    for i, (label, value) in enumerate(
        (("신용등급", f.get("rating")), ("현금흐름등급", f.get("cash_flow_grade")))
    ):
        if value is None:
            continue
        x = 40 + i * 262.5
        sh.cell(x, box_top, 252.5, 24, label, "bb", 11, fill=blue, align="center", color=white)
        sh.rect(x, box_top - 24 - 64, 252.5, 64, lw=1.2)
        shown = grade0(value) if label == "신용등급" else value
        sh.text(x + 126.25, box_top - 24 - 45, shown, "sb", 34, align="center", color=blue)
    sh.c.setFillColor(black)
    top = box_top - 24 - 64 - 14
    rows2 = []
    if f.get("settlement_date"):
        rows2.append(("평가기준일(결산기준일)", d_kor0(f["settlement_date"])))
    if f.get("evaluation_date"):
        rows2.append(("평가일자", d_kor0(f["evaluation_date"])))
    if f.get("valid_from") and f.get("valid_until"):
        rows2.append(("등급유효기간", f"{d_kor0(f['valid_from'])} ~ {d_kor0(f['valid_until'])}"))
    rows2.append(("평가목적", "공공기관 입찰 및 계약 참가용"))
    for a, b_ in rows2:
        sh.cell(40, top, 150, 25, a, "b", 9.5, fill=light, align="center")
        sh.cell(190, top, 365, 25, b_, "b", 10.5)
        top -= 25
    top -= 16
    sh.text(40, top, "※ 신용등급 정의", "bb", 8.5)
    defs = [
        ("AAA", "상거래 신용능력이 최고 우량한 수준"),
        ("AA", "상거래 신용능력이 매우 우량한 수준"),
        ("A", "상거래 신용능력이 우량하나 경제여건 변화에 다소 영향"),
        ("BBB", "상거래 신용능력이 양호하나 경제여건 변화에 따라 저하 가능"),
        ("BB", "상거래 신용능력이 보통이나 장래 안정성은 다소 불투명"),
        ("B", "상거래 신용능력이 보통이나 경제여건 악화 시 거래안정성 저하"),
        ("CCC", "상거래 신용능력이 보통 이하이며 거래안정성 저하가 예상됨"),
        ("CC/C", "상거래 신용능력이 매우 낮거나 최하위 수준"),
        ("D", "현재 신용위험이 실제 발생하였거나 부도 상태"),
    ]
    top -= 6
    for i, (g, text) in enumerate(defs):
        col, row = divmod(i, 5)
        x = 40 + col * 262
        yy = top - 11 - row * 11
        sh.text(x, yy, g, "bb", 7.5)
        sh.text(x + 28, yy, text, "b", 7.5)
    top -= 11 * 5 + 14
    notes = [
        "※ AA부터 B 등급까지는 +, 0, - 부호를 부가하여 동일 등급 내 우열을 나타냅니다.",
        "※ 현금흐름등급은 CF1(최우량)부터 CF6(위험)까지, NF(평가제외)로 구분합니다.",
        "※ 등급유효기간은 결산기준일로부터 18개월을 초과하지 않는 범위에서 평가일로부터 최대 1년입니다.",
        "※ 본 확인서의 진위 여부는 CRETOP(www.cretop.com)에서 발급번호로 확인하실 수 있습니다.",
    ]
    for n in notes:
        sh.text(40, top, n, "b", 8)
        top -= 12
    top -= 18
    sh.text(W / 2, top, "위 기업의 신용평가등급이 위와 같음을 확인합니다.", "b", 12, align="center")
    top -= 34
    issued = ctx.get("issue_date") or f.get("evaluation_date")
    if issued:
        sh.text(W / 2, top, d_kor0(issued), "b", 12, align="center")
    top -= 46
    signer = f"한국기업데이터(주)   대표이사   {ctx.get('agency_ceo') or '이호형'}"
    x0 = sh.text(W / 2, top, signer, "sb", 15, align="center")
    sh.image(
        seal_png("한국기업데이터주식회사", "round"),
        x0 + sh.width(signer, "sb", 15) - 28,
        top - 24,
        60,
        60,
    )
    sh.c.setStrokeColor(blue)
    sh.c.setLineWidth(1)
    sh.c.line(40, 52, 555, 52)
    sh.c.setStrokeColor(black)
    sh.text(40, 40, "한국기업데이터(주)  www.kedkorea.com  |  CRETOP  www.cretop.com", "b", 7.5)
    sh.text(555, 40, "1/1", "b", 7.5, align="right")
    return sh.save()


# --- csap_certificate: KISA 클라우드서비스 보안인증서 (2023 등급제) ----------------------------------
def csap_certificate(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    sh = Sheet(str(path), "클라우드서비스 보안인증서")
    navy = Color(0.05, 0.2, 0.45)
    gold = Color(0.66, 0.55, 0.3)
    # frame
    sh.c.setStrokeColor(navy)
    sh.c.setLineWidth(3)
    sh.c.rect(24, 24, W - 48, H - 48)
    sh.c.setStrokeColor(gold)
    sh.c.setLineWidth(1)
    sh.c.rect(32, 32, W - 64, H - 64)
    for cx, cy in ((32, 32), (W - 32, 32), (32, H - 32), (W - 32, H - 32)):
        sh.c.circle(cx, cy, 7, stroke=1, fill=0)
    sh.c.setStrokeColor(black)
    sh.image(logo_png("kisa"), 52, 748, 170, 46)
    sh.text(W / 2, 680, "클라우드서비스 보안인증서", "mb", 27, align="center", color=navy)
    sh.text(W / 2, 656, "Cloud Security Assurance Program (CSAP) Certificate", "m", 11.5, align="center")
    ctype = f.get("certification_type") or ""
    grade = f.get("grade")
    type_text = ctype
    if grade in ("표준", "간편"):
        type_text = f"{ctype} {grade}"
    rows: list[tuple[str, str, str]] = [
        ("인증번호", "Certificate No.", f.get("certificate_number") or ""),
        ("인증 서비스명", "Service", f.get("service_name") or ""),
        ("신청기관(업체명)", "Company", f.get("company_name") or ""),
        ("인증 구분", "Type", type_text),
    ]
    if grade in ("상", "중", "하"):
        rows.append(("인증 등급", "Grade", f"{grade}"))
    rows.append(("인증 범위", "Scope", ctx.get("scope") or ""))
    if f.get("valid_from") and f.get("valid_until"):
        rows.append(("유효기간", "Validity", f"{d_dotsp0(f['valid_from'])} ~ {d_dotsp0(f['valid_until'])}"))
    if f.get("issue_date"):
        rows.append(("최초 인증일", "Initial Certification", d_dotsp0(f["issue_date"])))
    top = 620.0
    lw, vw = 150.0, 335.0
    x0 = (W - lw - vw) / 2
    shade = Color(0.92, 0.94, 0.98)
    for ko, en, val in rows:
        lines = sh.wrap(val, "m", 11, vw - 12)
        h = max(36.0, len(lines) * 15 + 14)
        sh.rect(x0, top - h, lw, h, fill=shade, lw=0.8)
        sh.rect(x0 + lw, top - h, vw, h, lw=0.8)
        mid = top - h / 2
        sh.text(x0 + lw / 2, mid + 2, ko, "mb", 10.5, align="center")
        sh.text(x0 + lw / 2, mid - 11, en, "m", 8, align="center", color=Color(0.35, 0.35, 0.35))
        ty = mid + (len(lines) - 1) * 7.5 - 4
        for line in lines:
            sh.text(x0 + lw + 8, ty, line, "m", 11)
            ty -= 15
        top -= h
    top -= 34
    body = (
        "위 클라우드서비스는 「클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률」 제23조의2 및 「클라우드컴퓨팅"
        "서비스 보안인증에 관한 고시」에 따른 보안인증 기준을 충족하였으므로 이 인증서를 드립니다."
    )
    for line in sh.wrap(body, "m", 11.5, 440):
        sh.text(W / 2, top, line, "m", 11.5, align="center")
        top -= 18
    top -= 4
    en = (
        "This is to certify that the cloud service above meets the security assurance requirements "
        "under the Act on the Development of Cloud Computing and Protection of its Users."
    )
    for line in sh.wrap(en, "m", 8.5, 440):
        sh.text(W / 2, top, line, "m", 8.5, align="center", color=Color(0.35, 0.35, 0.35))
        top -= 12
    top -= 40
    if f.get("issue_date"):
        sh.text(W / 2, top, d_kor0(f["issue_date"]), "m", 13, align="center")
    top -= 62
    issuer = f.get("issuer") or "한국인터넷진흥원"
    x1 = sh.text(W / 2, top, spaced(f"{issuer}장", 1), "mb", 21, align="center")
    sh.image(
        seal_png(f"{issuer}장인", "square"),
        x1 + sh.width(spaced(f"{issuer}장", 1), "mb", 21) - 22,
        top - 26,
        64,
        64,
    )
    sh.text(W / 2, top - 24, "President, Korea Internet & Security Agency", "m", 9, align="center")
    sh.text(
        W / 2,
        48,
        "과학기술정보통신부 · 한국인터넷진흥원  |  CSAP  https://isms.kisa.or.kr",
        "m",
        7.5,
        align="center",
    )
    return sh.save()


# --- capability_evidence: 제공역량 증명자료 (cover, tables, a client's 실적증명서) -----------------------
AGENCIES = [
    "경기도 화성시",
    "한국농어촌공사",
    "부산광역시교육청",
    "국립중앙도서관",
    "한국지역난방공사",
    "대전광역시 서구",
]


def capability_evidence(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx = spec.ctx
    svc, company = ctx.get("service_name", "클라우드 서비스"), ctx.get("company", "")
    sh = Sheet(str(path), "디지털서비스 제공역량 증명자료")
    teal = Color(0.0, 0.42, 0.45)
    # cover
    sh.rect(0, H - 250, W, 250, fill=teal, stroke=False)
    sh.text(60, H - 140, "디지털서비스", "sb", 34, color=white)
    sh.text(60, H - 190, "제공역량 증명자료", "sb", 34, color=white)
    sh.text(60, H - 300, f"대상 서비스 : {svc}", "s", 15)
    sh.text(60, H - 326, f"제출 기업 : {company}", "s", 15)
    sh.text(60, H - 352, f"서비스 분야 : {ctx.get('category_label', '')}", "s", 15)
    contents = [
        "1. 주요 수행 실적",
        "2. 기술 인력 현황",
        "3. 인증 및 지식재산권 보유 현황",
        "[첨부] 용역 수행 실적 증명서",
    ]
    y = 360.0
    sh.text(60, y + 30, "목  차", "sb", 14)
    for item in contents:
        sh.text(72, y, item, "s", 12)
        y -= 24
    sh.text(W - 60, 70, company, "sb", 16, align="right", color=teal)
    sh.next_page()
    # tables
    sh.text(40, 790, "1. 주요 수행 실적", "sb", 14, color=teal)
    head = ["사업명", "발주기관", "계약기간", "계약금액(원)", "역할"]
    cw = [170, 100, 100, 80, 65]
    y = 770.0
    x = 40.0
    for h_, w_ in zip(head, cw, strict=True):
        sh.cell(x, y, w_, 22, h_, "sb", 9, fill=Color(0.85, 0.92, 0.92), align="center")
        x += w_
    y -= 22
    projects = []
    for _ in range(rng.randint(5, 7)):
        yr = rng.randint(2019, 2024)
        m1 = rng.randint(1, 6)
        row = [
            f"{rng.choice(['클라우드 기반', '차세대', '통합', '지능형'])} "
            f"{rng.choice(['민원', '행정', '학습', '문서관리', '협업'])} "
            f"{rng.choice(['시스템 구축', '플랫폼 전환', '서비스 운영', '고도화'])}",
            rng.choice(AGENCIES),
            f"{yr}.{m1:02d}~{yr}.{m1 + rng.randint(4, 6):02d}",
            f"{rng.randint(3, 90) * 10_000_000:,}",
            rng.choice(["주관", "단독", "공동수급"]),
        ]
        projects.append(row)
        x = 40.0
        for val, w_ in zip(row, cw, strict=True):
            sh.cell(x, y, w_, 30, val, "s", 8.5, align="left" if w_ in (170, 100) else "center")
            x += w_
        y -= 30
    y -= 28
    sh.text(40, y, "2. 기술 인력 현황", "sb", 14, color=teal)
    y -= 18
    staff = [
        ("구분", "인원", "주요 보유 자격", "평균 경력"),
        ("서비스 개발", f"{rng.randint(8, 35)}명", "정보처리기사, AWS SAA", f"{rng.randint(5, 11)}년"),
        ("클라우드 운영", f"{rng.randint(4, 15)}명", "CKA, 리눅스마스터 1급", f"{rng.randint(4, 9)}년"),
        ("정보보호", f"{rng.randint(2, 6)}명", "CISSP, 정보보안기사", f"{rng.randint(6, 12)}년"),
        ("고객지원", f"{rng.randint(3, 10)}명", "ITIL Foundation", f"{rng.randint(3, 7)}년"),
    ]
    sw = [130, 80, 205, 100]
    for r, row in enumerate(staff):
        x = 40.0
        for val, w_ in zip(row, sw, strict=True):
            sh.cell(
                x,
                y,
                w_,
                22,
                val,
                "sb" if r == 0 else "s",
                9,
                fill=Color(0.85, 0.92, 0.92) if r == 0 else None,
                align="center",
            )
            x += w_
        y -= 22
    y -= 28
    sh.text(40, y, "3. 인증 및 지식재산권 보유 현황", "sb", 14, color=teal)
    y -= 22
    for item in [
        "GS(Good Software) 인증 1등급 — 한국정보통신기술협회",
        "ISO/IEC 27001 정보보호경영시스템 인증",
        f"특허 제10-{rng.randint(2000000, 2999999)}호 「클라우드 환경의 다중 테넌트 데이터 분리 방법」",
        "소프트웨어 프로그램 등록 3건 (한국저작권위원회)",
    ]:
        sh.text(52, y, f"○  {item}", "s", 10)
        y -= 18
    sh.text(W / 2, 36, "- 2 -", "s", 8, align="center")
    sh.next_page()
    # a client's 실적증명서 (a form printed by the agency)
    p = projects[0]
    sh.text(40, 800, "[별지 제7호서식]", "m", 8.5)
    sh.text(W / 2, 752, spaced("용역수행실적증명서", 1), "mb", 20, align="center")
    y = 715.0
    lw = 120.0
    form = [
        ("업 체 명", company),
        ("용 역 명", p[0]),
        ("계약 기간", p[2].replace("~", " ~ ")),
        ("계약 금액", f"금 {p[3]}원 (부가가치세 포함)"),
        ("용역 내용", f"{svc} 기반 업무 시스템 구축 및 운영, 이용자 교육, 하자보수"),
        ("수행 형태", p[4]),
        ("용    도", "디지털서비스 심사 제출용"),
    ]
    for a, b_ in form:
        sh.cell(40, y, lw, 34, a, "m", 10.5, fill=GREY, align="center")
        sh.cell(40 + lw, y, 515 - lw, 34, b_, "m", 10.5)
        y -= 34
    y -= 40
    sh.text(W / 2, y, "위와 같이 용역을 수행하였음을 증명합니다.", "m", 12, align="center")
    y -= 44
    yr, mo = (int(x) for x in p[2].split("~")[1].split("."))
    sh.text(
        W / 2,
        y,
        f"{yr}년 {mo}월 {rng.randint(5, 28)}일" if mo < 12 else f"{yr + 1}년 1월 {rng.randint(5, 28)}일",
        "m",
        12,
        align="center",
    )
    y -= 30
    agency = p[1]
    head_title = f"{agency}장" if agency.endswith(("시", "구", "원", "청", "관")) else f"{agency} 사장"
    x0 = sh.text(W / 2, y - 40, head_title, "mb", 17, align="center")
    sh.image(
        seal_png(head_title.replace(" ", "") + "인", "square"),
        x0 + sh.width(head_title, "mb", 17) - 24,
        y - 64,
        56,
        56,
    )
    sh.text(W / 2, 36, "- 3 -", "s", 8, align="center")
    return sh.save()


# --- Word documents (python-docx → LibreOffice) ---------------------------------------------------------
def _rfonts(el: Any, font: str) -> None:
    rpr = el.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(attr), font)


def new_docx(font: str, size: float) -> Any:
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(18)
    for name in ("Normal", "Table Grid"):
        st = d.styles[name]
        st.font.name = font
        st.font.size = Pt(size)
        _rfonts(st.element, font)
    d.core_properties.author = ""
    d.core_properties.title = ""
    return d


def para(
    d: Any,
    text: str = "",
    *,
    size: float | None = None,
    bold: bool = False,
    align: str = "left",
    before: float = 0,
    after: float = 4,
    font: str | None = None,
    color: tuple[int, int, int] | None = None,
    indent_mm: float = 0,
) -> Any:
    p = d.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if indent_mm:
        pf.left_indent = Mm(indent_mm)
    if text:
        run(p, text, size=size, bold=bold, font=font, color=color)
    return p


def run(
    p: Any,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    font: str | None = None,
    color: tuple[int, int, int] | None = None,
) -> Any:
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    if font:
        r.font.name = font
        _rfonts(r._element, font)
    if color:
        r.font.color.rgb = RGBColor(*color)
    return r


def shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def table(
    d: Any,
    rows: list[list[str]],
    widths_mm: list[float],
    *,
    label_cols: tuple[int, ...] = (),
    header: bool = False,
    fill: str = "E7ECF3",
    size: float | None = None,
    center_cols: tuple[int, ...] = (),
) -> Any:
    t = d.add_table(rows=len(rows), cols=len(widths_mm))
    t.style = d.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for col, w_ in zip(t._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        col.w = Mm(w_)
    for r, row in enumerate(rows):
        for i, text in enumerate(row):
            cell = t.cell(r, i)
            cell.width = Mm(widths_mm[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            p.paragraph_format.space_before = Pt(2)
            p.paragraph_format.space_after = Pt(2)
            is_label = i in label_cols or (header and r == 0)
            if is_label or i in center_cols:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, text, bold=is_label, size=size)
            if is_label:
                shade(cell, fill)
    return t


DOCX_FONT_KEYS = {"NanumGothic": "g", "NanumBarunGothic": "b", "NanumMyeongjo": "m"}


def text_mm(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, f"cc-{DOCX_FONT_KEYS.get(font, 'g')}", size) / 72 * 25.4


def picture_run(p: Any, png: bytes, width_mm: float, x_mm: float, y_mm: float) -> None:
    """A seal floating over the paragraph's text (x from the column's left edge, y from the paragraph's
    top; no wrapping), as a stamp lies over the (인)."""
    inline = p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))._inline
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_mm * 36000)}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(y_mm * 36000)}</wp:posOffset>'
        "</wp:positionV></wp:anchor>"
    )
    anchor.append(inline.extent)
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    anchor.append(inline.docPr)
    frame = inline.find(qn("wp:cNvGraphicFramePr"))
    if frame is not None:
        anchor.append(frame)
    anchor.append(inline.graphic)
    inline.getparent().replace(inline, anchor)


def page_break(d: Any) -> None:
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def footer_text(d: Any, text: str) -> None:
    p = d.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, text, size=8, color=(110, 110, 110))


def header_text(d: Any, text: str) -> None:
    p = d.sections[0].header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run(p, text, size=8, color=(110, 110, 110))


def pdf_pages(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    doc.close()
    return n


UNO_HELPER = """
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

pipe, verb = sys.argv[1], sys.argv[2]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
for _ in range(150):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        break
    except Exception:
        time.sleep(0.2)
if ctx is None:
    sys.exit(3)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
if verb == "quit":
    desktop.terminate()
    sys.exit(0)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sys.argv[3]), "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(sys.argv[4]), (prop("FilterName", "writer_pdf_Export"),))
doc.close(True)
"""


class Office:
    """One LibreOffice process for the whole build (started on first use, ended at exit): converting each
    document with its own `soffice --convert-to` costs seconds of start-up per file. The conversion is the
    same writer_pdf_Export filter; if the UNO route fails, the plain command line is used."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.pipe = f"{NAME}_lo_{os.getpid()}"
        self.helper = Path(tempfile.gettempdir()) / f"{NAME}-uno-{os.getpid()}.py"
        self.broken = not Path("/usr/bin/python3").exists()

    def start(self) -> None:
        self.helper.write_text(UNO_HELPER, encoding="utf-8")
        self.proc = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                f"-env:UserInstallation=file:///tmp/{NAME}-lo-srv",
                f"--accept=pipe,name={self.pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            subprocess.run(
                ["/usr/bin/python3", str(self.helper), self.pipe, "quit"], capture_output=True, timeout=30
            )
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
        self.helper.unlink(missing_ok=True)

    def convert(self, src: Path, dst: Path) -> None:
        if not self.broken:
            try:
                if self.proc is None:
                    self.start()
                subprocess.run(
                    ["/usr/bin/python3", str(self.helper), self.pipe, "convert", str(src), str(dst)],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                if dst.exists():
                    return
            except (OSError, subprocess.SubprocessError):
                pass
            self.broken = True
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file:///tmp/{NAME}-lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(src.parent),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(str(src.with_suffix(".pdf")), str(dst))


OFFICE = Office()


def docx_to_pdf(d: Any, path: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="cc-docx-") as tmp:
        src = Path(tmp) / "document.docx"
        d.save(str(src))
        OFFICE.convert(src, Path(tmp) / "out.pdf")
        shutil.move(str(Path(tmp) / "out.pdf"), str(path))
    return pdf_pages(path)


CATEGORY_WORDS = {
    "cloud_computing": "클라우드컴퓨팅서비스",
    "cloud_support": "클라우드컴퓨팅 지원서비스",
    "convergence": "융합서비스 (클라우드컴퓨팅서비스 기반 지능정보기술 융합)",
}
SUPPORT_WORDS = {"consulting": "컨설팅", "operations": "운영관리", "migration": "마이그레이션(전환)"}
PROVIDER_WORDS = {"original": "원 제공자", "reseller": "중개 제공자"}


def application_form(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f = spec.fields
    font = rng.choice(["NanumBarunGothic", "NanumGothic"])
    d = new_docx(font, 10.5)
    if f.get("company_name"):
        header_text(d, f"{f['company_name']}")
        _SEEN["company"] = f["company_name"]
    if f.get("address"):
        _SEEN["address"] = f["address"]
    para(d, "[별지 제1호서식]", size=8.5, after=2)
    para(d, "디지털서비스 심사 신청서", size=18, bold=True, align="center", before=6, after=14)
    para(d, "1. 신청 기업", size=11.5, bold=True, after=4)
    contact = ""
    if f.get("contact_name"):
        parts = [
            p for p in (f.get("contact_phone") and f"전화 {f['contact_phone']}", f.get("contact_email")) if p
        ]
        contact = f["contact_name"] + (f" ({' / '.join(parts)})" if parts else "")
    rows = [
        ["기업명", f.get("company_name")],
        ["대표자명", f.get("representative")],
        ["사업자번호", f.get("business_registration_number")],
        ["본사 주소", f.get("address")],
        ["담당자", contact or None],
    ]
    table(d, [[a, b] for a, b in rows if b], [46, 120], label_cols=(0,))
    para(d, "", after=6)
    para(d, "2. 신청 서비스", size=11.5, bold=True, after=4)
    cat = f.get("service_category")
    rows = [
        ["서비스 명칭", f.get("service_name")],
        ["서비스 분야", CATEGORY_WORDS.get(cat or "", "")],
        ["서비스 모델", f.get("service_model") or "해당 없음"],
    ]
    if cat == "cloud_support":
        rows.append(["지원서비스 유형", SUPPORT_WORDS.get(f.get("support_type") or "", "해당 없음")])
    rows += [
        ["공급 형태", PROVIDER_WORDS.get(f.get("provider_type") or "", "")],
        ["교육용 서비스 해당 여부", "해당" if f.get("education_exempt") else "해당 없음"],
    ]
    table(d, [[a, b] for a, b in rows if b], [46, 120], label_cols=(0,))
    para(d, "", after=6)
    para(d, "3. 제출 서류", size=11.5, bold=True, after=4)
    docs = [
        "법인 등기사항전부증명서(말소사항 포함) 1부",
        "사업자등록증명 1부",
        "신용평가등급확인서 1부",
        "디지털서비스 개요서 및 제공역량 증명자료 각 1부",
    ]
    if cat == "cloud_computing":
        docs.append("클라우드서비스 보안인증서 사본 및 서비스 수준 정책(SLA) 각 1부")
    if f.get("provider_type") == "reseller":
        docs.append("공급 및 기술지원 협약서(제공 역량 항목별 구분 명세서 포함) 1부")
    for i, item in enumerate(docs, 1):
        para(d, f"  {i}) {item}", size=10, after=1)
    para(d, "", after=8)
    para(
        d,
        "「디지털서비스 심사·선정 등에 관한 고시」에 따라 위와 같이 디지털서비스의 심사를 신청하며, "
        "제출한 서류의 내용이 사실과 다름없음을 확인합니다.",
        align="justify",
        after=14,
    )
    if f.get("application_date"):
        para(d, f"신청일: {d_dotsp(f['application_date'])}", size=11, align="center", after=14)
    p = para(d, "", after=2, indent_mm=52)
    signed = f"신청인 : {f.get('company_name') or ''}   대표이사  {f.get('representative') or ''}  "
    run(p, signed + "(인)", size=11)
    x = 52 + text_mm(signed, font, 11) - 4
    picture_run(p, seal_png(f"주식회사{stem_of(f.get('company_name') or '')}", "round"), 17, x, -6)
    para(d, "", after=10)
    para(d, "과학기술정보통신부장관 귀하", size=13, bold=True, after=0)
    return docx_to_pdf(d, path)


def sla_policy(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    company = ctx.get("company") or "회사"
    svc = f.get("service_name")
    d = new_docx("NanumMyeongjo", 10.5)
    header_text(d, f"{company}  |  서비스 수준 정책")
    footer_text(d, "본 문서는 대외 제공용이며 무단 변경을 금합니다.")
    year = rng.choice([2023, 2024])
    para(d, "서비스 수준 정책서", size=20, bold=True, align="center", before=10, after=2, font="NanumSquareB")
    para(d, "(Service Level Agreement)", size=11, align="center", after=12, font="NanumSquareR")
    table(
        d,
        [
            [
                "문서번호",
                f"QM-SLA-{year}-{rng.randint(1, 9):02d}",
                "버전",
                f"v{rng.randint(1, 3)}.{rng.randint(0, 4)}",
            ],
            [
                "작성부서",
                rng.choice(["품질관리팀", "서비스운영본부", "클라우드사업부"]),
                "시행일",
                f"{year}. 1. 2.",
            ],
        ],
        [28, 55, 28, 55],
        label_cols=(0, 2),
        size=9.5,
    )
    para(d, "", after=4)

    def art(title: str, *sentences: str) -> None:
        para(d, title, bold=True, size=11, before=8, after=3, font="NanumSquareB")
        marks = "①②③④⑤⑥"
        for i, s in enumerate(sentences):
            prefix = f"{marks[i]} " if len(sentences) > 1 else ""
            para(d, prefix + s, align="justify", after=2, indent_mm=3)

    art(
        "제1조(목적)",
        f'이 정책은 {company}(이하 "회사"라 한다)가 이용기관에 제공하는 클라우드 서비스의 서비스 수준과 '
        "그 측정 방법, 서비스 수준에 미달하는 경우의 조치에 관한 사항을 정함을 목적으로 한다.",
    )
    scope = "회사가 제공하는 서비스"
    if svc:
        scope = f"「{svc}」"
    art(
        "제2조(적용 범위)",
        f"본 정책은 {company}가 제공하는 {scope}에 적용된다.",
        "이용기관과 별도로 체결한 계약에 본 정책과 다른 정함이 있는 경우에는 그 계약을 우선하여 적용한다.",
    )
    avail = f.get("availability_percent")
    a3 = []
    if avail is not None:
        a3.append(f"월간 가용률은 {avail}% 이상을 목표로 한다.")
    a3 += [
        "월간 가용률은 (해당 월의 총 운영시간 − 장애시간) ÷ 해당 월의 총 운영시간 × 100으로 산정한다.",
        "사전에 공지한 정기 점검 시간과 이용기관의 책임으로 인한 중단 시간은 장애시간에 포함하지 않는다.",
    ]
    art("제3조(서비스 가용성)", *a3)
    mon = f.get("monitoring")
    if mon is True:
        art(
            "제4조(모니터링)",
            "회사는 서비스의 상태를 24시간 감시하며, 이용자에게 "
            "서비스 가동 상태, 자원 사용량, 장애 이력 등의 "
            "모니터링 정보를 관리자 포털을 통해 실시간으로 제공한다.",
            "월간 서비스 수준 측정 결과는 다음 달 10일까지 이용기관에 보고서로 제공한다.",
        )
    elif mon is False:
        art(
            "제4조(모니터링)",
            "회사는 서비스의 상태를 내부적으로 감시하며, 모니터링 정보는 이용자에게 별도로 제공하지 않는다.",
        )
    else:
        art("제4조(모니터링)", "회사는 서비스의 상태를 내부 운영 기준에 따라 감시한다.")
    freq = f.get("backup_frequency")
    a5 = []
    if freq:
        a5.append(f"데이터는 {freq} 백업하며, 백업본은 물리적으로 분리된 저장소에 30일간 보관한다.")
    a5.append("회사는 백업 데이터의 무결성을 분기 1회 이상 점검한다.")
    art("제5조(백업)", *a5)
    rto, rpo = f.get("rto_hours"), f.get("rpo_hours")
    targets = []
    if rto is not None:
        targets.append(f"복구목표시간(RTO)은 {hours(rto)}")
    if rpo is not None:
        targets.append(f"복구목표시점(RPO)은 {hours(rpo)}")
    a6 = []
    if targets:
        a6.append("장애 또는 재해로 서비스가 중단된 경우 " + ", ".join(targets) + "으로 한다.")
    a6.append("회사는 연 1회 이상 재해복구 모의훈련을 실시하고 그 결과를 기록·보관한다.")
    art("제6조(복구)", *a6)
    sup, resp = f.get("support_hours"), f.get("response_time_hours")
    a7 = []
    if sup:
        a7.append(f"고객지원은 {sup} 운영하며, 전화·전자우편·원격지원으로 문의를 접수한다.")
    else:
        a7.append("고객지원은 전화·전자우편·원격지원으로 문의를 접수한다.")
    if resp is not None:
        a7.append(
            f"장애 발생 시 {hours(resp)} 이내에 1차 대응하고, 처리 경과를 이용기관 담당자에게 안내한다."
        )
    else:
        a7.append(
            "장애가 접수되면 담당 엔지니어를 지정하여 처리하고, 처리 경과를 이용기관 담당자에게 안내한다."
        )
    art("제7조(고객지원)", *a7)
    para(d, "제8조(서비스 수준 미달 시 보상)", bold=True, size=11, before=8, after=3, font="NanumSquareB")
    para(
        d,
        "① 월간 가용률이 제3조의 목표에 미달하는 경우 회사는 해당 월 이용요금을 다음과 같이 감면한다.",
        align="justify",
        after=3,
        indent_mm=3,
    )
    target = avail if avail is not None else 99.5
    table(
        d,
        [
            ["월간 가용률", "감면율"],
            [f"{target}% 미만 ~ 99.0% 이상", "월 이용요금의 10%"],
            ["99.0% 미만 ~ 95.0% 이상", "월 이용요금의 25%"],
            ["95.0% 미만", "월 이용요금의 50%"],
        ]
        if target > 99.0
        else [["월간 가용률", "감면율"], [f"{target}% 미만", "월 이용요금의 25%"]],
        [80, 60],
        header=True,
        center_cols=(0, 1),
        size=9.5,
    )
    para(d, "② 감면은 이용기관이 해당 월의 다음 달 말일까지 청구한 경우에 한한다.", after=2, indent_mm=3)
    art(
        "제9조(면책)",
        "천재지변, 전기통신사업자의 회선 장애 등 회사의 책임이 없는 사유로 인한 장애는 서비스 수준 산정에서 "
        "제외한다.",
        "이용기관의 설정 오류 또는 제3자 소프트웨어로 인한 장애는 회사의 책임으로 보지 않는다.",
    )
    art(
        "제10조(정책의 변경)",
        "회사는 이 정책을 변경하는 경우 시행일 30일 전까지 이용기관에 통지한다.",
    )
    para(d, "부    칙", bold=True, size=11, align="center", before=10, after=3)
    para(d, f"이 정책은 {year}년 1월 2일부터 시행한다.", after=10, indent_mm=3)
    para(d, "[제·개정 이력]", bold=True, size=10, after=3)
    table(
        d,
        [
            ["버전", "일자", "내용", "승인"],
            ["v1.0", f"{year - 2}. 3. 2.", "제정", "대표이사"],
            ["v1.1", f"{year - 1}. 6. 1.", "백업 보관기간 변경", "품질책임자"],
            ["v2.0", f"{year}. 1. 2.", "서비스 수준 목표 및 보상 기준 개정", "대표이사"],
        ],
        [20, 30, 86, 30],
        header=True,
        center_cols=(0, 1, 3),
        size=9,
    )
    return docx_to_pdf(d, path)


DETAILS = {
    "서비스 개발 및 기능 개선": "서비스 소스코드 관리, 기능 개발 및 정기 업데이트",
    "클라우드 인프라 운영": "IaaS 자원 구성, 용량 관리, 가용성 확보",
    "보안 관리 및 보안인증 유지": "보안 취약점 점검, CSAP 인증 유지 및 사후심사 대응",
    "영업 및 계약": "공공기관 대상 영업, 견적 제출, 계약 체결 및 대금 청구",
    "1차 기술지원(헬프데스크)": "이용기관 문의 접수, 단순 장애 처리, 원 제공자 에스컬레이션",
    "장애 대응 및 복구": "장애 탐지·분석·복구, 장애보고서 작성",
    "이용자 교육": "관리자·사용자 교육, 매뉴얼 제공",
}
RESP_WORDS = {"original": "원 제공자", "reseller": "중개 제공자", "shared": "공동 수행"}
ORIG_ADDR = [
    "서울특별시 강남구 테헤란로 521, 20층",
    "경기도 성남시 분당구 판교로 242, 8층",
    "서울특별시 영등포구 국제금융로 10, 33층",
    "서울특별시 중구 세종대로 136, 14층",
]


def reseller_agreement(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx = spec.fields, spec.ctx
    orig, resl = f.get("original_provider_name") or "", f.get("reseller_name") or ""
    same = _SEEN.get("company") and stem_of(_SEEN["company"]) == stem_of(resl)
    resl_addr = (
        _SEEN.get("address") if same else f"서울특별시 {rng.choice(STREETS)} {rng.randint(10, 300)}, 5층"
    )
    d = new_docx("NanumGothic", 10)
    footer_text(d, "- 협약서 -")
    para(d, "디지털서비스 공급 및 기술지원 협약서", size=18, bold=True, align="center", before=6, after=14)
    table(
        d,
        [
            ["구분", "원 제공자", "중개 제공자"],
            ["상호", orig, resl],
            ["사업자등록번호", f.get("original_provider_brn") or "", f.get("reseller_brn") or ""],
            ["대표자", ctx.get("original_rep") or "", ctx.get("reseller_rep") or ""],
            ["주소", rng.choice(ORIG_ADDR), resl_addr or ""],
        ],
        [34, 66, 66],
        label_cols=(0,),
        header=True,
    )
    para(d, "", after=4)
    svc = f.get("service_name")
    para(
        d,
        f'원 제공자 {orig}(이하 "갑"이라 한다)와 중개 제공자 {resl}(이하 "을"이라 한다)는 '
        + (f"「{svc}」" if svc else "디지털서비스")
        + "의 공공부문 공급 및 기술지원에 관하여 다음과 같이 협약을 체결한다.",
        align="justify",
        after=6,
    )

    def art(title: str, text: str) -> None:
        para(d, title, bold=True, before=4, after=1)
        para(d, text, align="justify", after=2, indent_mm=3)

    art(
        "제1조(목적)",
        "이 협약은 갑이 개발·운영하는 디지털서비스를 을이 공공기관에 공급함에 있어 갑과 을의 역할과 "
        "책임을 정함을 목적으로 한다.",
    )
    if svc:
        art(
            "제2조(대상 서비스)",
            f'이 협약의 대상 서비스는 갑이 제공하는 「{svc}」(이하 "대상 서비스"라 한다)로 한다.',
        )
    art(
        "제3조(역할 분담)",
        "갑과 을의 제공 역량 항목별 수행 주체와 세부 내용은 별첨 「원 제공자-중개 제공자 간 제공 역량 항목별 "
        "구분 명세서」에 따른다.",
    )
    if f.get("valid_from") and f.get("valid_until"):
        art(
            "제4조(협약 기간)",
            f"이 협약의 기간은 {d_kor(f['valid_from'])}부터 {d_kor(f['valid_until'])}까지로 한다.",
        )
    art(
        "제5조(기술지원)",
        "갑은 을이 이용기관에 대상 서비스를 안정적으로 공급할 수 있도록 기술 자료, 교육 및 2차 기술지원을 "
        "제공한다.",
    )
    art(
        "제6조(보안 및 품질 유지)",
        "갑과 을은 디지털서비스 선정 기준을 유지하여야 하며, 보안인증 또는 서비스 수준에 변동이 있는 경우 "
        "지체 없이 상대방과 이용기관에 통보한다.",
    )
    art(
        "제7조(비밀유지)",
        "갑과 을은 이 협약의 이행 과정에서 알게 된 상대방 및 이용기관의 정보를 누설하지 않는다.",
    )
    art(
        "제8조(해지)",
        "일방이 이 협약을 위반하고 30일 이내에 시정하지 않는 경우 상대방은 서면으로 협약을 해지할 수 있다.",
    )
    art(
        "제9조(분쟁 해결)",
        "이 협약에 관한 분쟁은 상호 협의하여 해결하며, 협의가 "
        "되지 않는 경우 갑의 본점 소재지 관할 법원으로 한다.",
    )
    para(
        d,
        "이 협약의 성립을 증명하기 위하여 협약서 2부를 작성하고 갑과 을이 기명날인한 후 각 1부씩 보관한다.",
        align="justify",
        before=8,
        after=10,
    )
    if f.get("agreement_date"):
        para(d, d_kor(f["agreement_date"]), size=11.5, align="center", after=10)
    sig = d.add_table(rows=1, cols=2)
    for i, (role, name, rep) in enumerate(
        (
            ("(갑) 원 제공자", orig, ctx.get("original_rep") or ""),
            ("(을) 중개 제공자", resl, ctx.get("reseller_rep") or ""),
        )
    ):
        cell = sig.cell(0, i)
        p = cell.paragraphs[0]
        run(p, role, bold=True)
        p2 = cell.add_paragraph()
        run(p2, name)
        p3 = cell.add_paragraph()
        run(p3, f"대표이사  {rep}  (인)")
        x = text_mm(f"대표이사  {rep}  ", "NanumGothic", 10) - 4
        picture_run(p3, seal_png(f"주식회사{stem_of(name)}", "round"), 15, x, -5)
    page_break(d)
    para(d, "[별첨]", size=10, after=2)
    para(
        d,
        "원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서",
        size=14,
        bold=True,
        align="center",
        after=4,
    )
    if svc:
        para(d, f"대상 서비스 : {svc}", align="center", after=10)
    rows = [["제공 역량 항목", "수행 주체", "세부 내용"]]
    for item in f.get("capability_split") or []:
        rows.append([item["item"], RESP_WORDS.get(item["responsible"], ""), DETAILS.get(item["item"], "")])
    table(d, rows, [52, 30, 84], header=True, center_cols=(1,))
    para(d, "", after=6)
    para(
        d,
        "※ 공동 수행 항목은 갑과 을이 협의하여 세부 분담을 정하고, 이용기관에 대한 책임은 연대하여 진다.",
        size=9,
    )
    return docx_to_pdf(d, path)


# --- service_overview: a brochure page printed by Chromium ---------------------------------------------
OVERVIEW_CSS = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: 'NanumSquare', 'NanumGothic', sans-serif; color: #222; font-size: 10.5pt; }
.banner { background: linear-gradient(90deg, #143d7a, #2f7bc4); color: #fff; padding: 18px 22px;
          border-radius: 6px; }
.banner h1 { margin: 0; font-size: 22pt; letter-spacing: 1px; }
.banner p { margin: 6px 0 0; font-size: 11pt; opacity: .9; }
table.sum { width: 100%; border-collapse: collapse; margin: 14px 0; }
table.sum th { background: #eef3fa; width: 24%; text-align: left; }
table.sum th, table.sum td { border: 1px solid #b9c6d8; padding: 6px 9px; }
h2 { font-size: 13pt; color: #143d7a; border-bottom: 2px solid #143d7a; padding-bottom: 3px;
     margin: 18px 0 8px; }
.cards { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8px; }
.card { border: 1px solid #c9d5e5; border-radius: 6px; padding: 8px 10px; background: #fafcff; }
.card b { color: #2f7bc4; display: block; margin-bottom: 3px; }
.arch { display: flex; align-items: center; justify-content: space-between; margin: 8px 0; }
.node { border: 2px solid #2f7bc4; border-radius: 8px; padding: 10px 6px; width: 20%; text-align: center;
        font-size: 9.5pt; background: #f2f7fd; }
.arrow { font-size: 16pt; color: #2f7bc4; }
.steps { counter-reset: s; display: flex; gap: 6px; }
.steps div { flex: 1; background: #143d7a; color: #fff; padding: 8px; border-radius: 4px; font-size: 9.5pt; }
table.price { width: 100%; border-collapse: collapse; }
table.price th { background: #143d7a; color: #fff; }
table.price th, table.price td { border: 1px solid #b9c6d8; padding: 6px; text-align: center; }
.brk { break-before: page; }
.foot { margin-top: 18px; font-size: 8.5pt; color: #777; text-align: right; }
"""
FEATURES = [
    ("통합 대시보드", "기관별 이용 현황과 주요 지표를 한 화면에서 확인"),
    ("전자결재 연계", "기관 전자결재·그룹웨어와 표준 API로 연계"),
    ("권한·감사 로그", "역할 기반 권한 관리와 접속·변경 이력 보관"),
    ("모바일 지원", "반응형 웹과 전용 앱으로 현장 업무 지원"),
    ("AI 검색", "문서·게시물 통합 검색과 요약 기능"),
    ("데이터 이관", "기존 시스템 데이터의 무중단 이관 도구 제공"),
    ("다중 테넌트", "기관별 논리적으로 분리된 독립 환경"),
    ("자동 확장", "이용량에 따라 자원을 자동으로 증감"),
]


def service_overview(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx = spec.ctx
    svc, company = ctx.get("service_name", ""), ctx.get("company", "")
    feats = rng.sample(FEATURES, 6)
    cards = "".join(f"<div class='card'><b>{escape(a)}</b>{escape(b)}</div>" for a, b in feats)
    nodes = ["이용기관 사용자", "웹·모바일 접속 (HTTPS)", f"{svc} 서비스 영역", "데이터 저장소 (암호화)"]
    arch = "<span class='arrow'>→</span>".join(f"<div class='node'>{escape(n)}</div>" for n in nodes)
    price = rng.choice([9_000, 12_000, 15_000])
    html = f"""<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>디지털서비스 개요서</title>
<style>{OVERVIEW_CSS}</style></head><body>
<div class="banner"><h1>디지털서비스 개요서</h1><p>{escape(svc)} · {escape(company)}</p></div>
<table class="sum">
<tr><th>서비스명</th><td>{escape(svc)}</td></tr>
<tr><th>제공기업</th><td>{escape(company)}</td></tr>
<tr><th>서비스 분야</th><td>{escape(ctx.get("category_label", ""))}</td></tr>
<tr><th>이용 방식</th><td>인터넷 브라우저 및 모바일 앱 (별도 설치·구축 불필요)</td></tr>
</table>
<h2>1. 서비스 소개</h2>
<p>{escape(svc)}은(는) 공공기관이 자체 전산 설비를 구축하지 않고 인터넷으로 바로 이용하는 클라우드 기반
서비스입니다. 기관마다 독립된 이용 환경을 제공하며, 이용한 만큼 요금을 내는 구독 방식으로 운영됩니다.
도입 기관은 구축 기간과 유지보수 부담 없이 최신 기능을 계속 제공받을 수 있습니다.</p>
<h2>2. 주요 기능</h2><div class="cards">{cards}</div>
<h2>3. 서비스 구성도</h2><div class="arch">{arch}</div>
<p>사용자는 암호화된 통신으로 서비스에 접속하며, 서비스 영역은 이중화된 서버와 자동 확장 구성으로 운영됩니다.
모든 데이터는 국내 데이터센터에 암호화되어 저장되고 일 단위로 별도 저장소에 복제됩니다.</p>
<h2 class="brk">4. 이용 절차</h2>
<div class="steps"><div>① 이용 상담 및 요구사항 확인</div><div>② 계약 체결 (디지털서비스 이용지원시스템)</div>
<div>③ 기관 환경 개설 및 데이터 이관</div><div>④ 관리자·사용자 교육</div><div>⑤ 운영 및 정기 점검</div></div>
<h2>5. 도입 효과</h2>
<ul><li>구축형 대비 초기 도입 비용 절감 및 도입 기간 단축</li>
<li>기능 개선과 보안 패치가 자동으로 반영되어 유지보수 부담 감소</li>
<li>표준 API 기반 연계로 기존 업무 시스템과의 연동 용이</li></ul>
<h2>6. 요금 체계</h2>
<table class="price"><tr><th>구분</th><th>기준</th><th>월 요금(VAT 별도)</th></tr>
<tr><td>기본형</td><td>사용자 1인</td><td>{price:,}원</td></tr>
<tr><td>기관형</td><td>사용자 300인 이상</td><td>{int(price * 0.8):,}원 / 인</td></tr>
<tr><td>맞춤형</td><td>전용 환경 구성</td><td>별도 협의</td></tr></table>
<div class="foot">{escape(company)} · 문의 : 공공사업팀</div>
</body></html>"""
    with tempfile.TemporaryDirectory(prefix="cc-html-") as tmp:
        src = Path(tmp) / "overview.html"
        src.write_text(html, encoding="utf-8")
        out = Path(tmp) / "overview.pdf"
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                f"--user-data-dir=/tmp/{NAME}-chrome",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(str(out), str(path))
    return pdf_pages(path)


DRAW = {
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
    fn = DRAW.get(spec.type)
    if fn is None:
        return int(generate.draw(spec, path, rng))
    return int(fn(spec, path, rng))
