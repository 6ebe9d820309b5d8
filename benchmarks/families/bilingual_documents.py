# ruff: noqa: E501  (bilingual wording: long Korean/English lines are kept whole)
"""bilingual_documents: papers of vendors with foreign partners, in Korean and English side by side.

A Korean reseller of a global SaaS, a Korean subsidiary of a global cloud provider: the documents
they hand in carry bilingual labels (`상호 / Company Name`, `Company Name (상호)`, the English label
in small type above the Korean one, an English column beside the Korean), English-first wording with
the Korean beside it, dates in two forms (`2024-03-05 (March 5, 2024)`), Yes/No answers and radio or
box marks with English options. The authority-issued documents are the English or bilingual versions
the issuers provide: 홈택스's 영문 사업자등록증명 (Certificate of Business Registration) with the Korean
values, the 인터넷등기소 등기사항전부증명서 as printed followed by its sworn English translation, a
credit rating agency's bilingual 확인서 and KISA's CSAP certificate with its English title lines.

All drawn with reportlab's platypus (flowing tables, page templates with a coloured header band,
`Page x of y` footers, 발급번호, QR-code boxes, seals, light watermarks), the look of a global
company's document system rather than the Korean issuers' report designers.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="bilingual_documents",
    title="bilingual (Korean/English) documents of vendors with foreign partners and global providers",
    written="2026-12-02",
    written_by=(
        "helper session bilingual_documents (batch 2); did not read src/dsreview (extractors, forms) "
        "nor tests/ — designed from DOMAIN.md, the sample generator's data and public sources"
    ),
    imitates={
        "business_registration": (
            "국세청 홈택스 영문 사업자등록증명 (Certificate of Business Registration): English labels with "
            "the Korean values as registered, 발급번호 / Issuance No., Director of the District Tax Office "
            "signature; a bilingual 사업자등록증 variant with the English label above the Korean one. "
            "How it is issued (홈택스 민원증명, 영문 증명 for foreign partners) from trsos.com/12163 and "
            "flipkorea.com (search, pages); label wording from my knowledge of the English certificate"
        ),
        "corporate_registry": (
            "대법원 인터넷등기소 법인 등기사항전부증명서(현재 유효사항) as printed in Korean, followed by the "
            "vendor's English translation page with a translator's certificate (번역인증 practice: "
            "'CERTIFICATE OF TRANSLATION … true and accurate to the original', hanbibibi.com s14_01 and "
            "samurai-translators.com tokibo, search pages); the registry's sections from my knowledge"
        ),
        "credit_rating": (
            "a credit rating agency's bilingual 기업신용등급확인서 / Certificate of Corporate Credit Rating "
            "(NICE평가정보, 이크레더블, 한국기업데이터, 나이스디앤비 as the scenario names them): bilingual "
            "label grid, grade with its English definition, 유효기간 / Valid Period, rating scale table. "
            "Layout from my knowledge; the validity rule from DOMAIN.md §5"
        ),
        "csap_certificate": (
            "KISA 클라우드서비스 보안인증서 with its English title line (Cloud Security Assurance Program, "
            "CSAP — Certificate), bilingual rows, President of KISA signature block, an annex page on "
            "some variants. CSAP types/grades from DOMAIN.md; layout from my knowledge (stored pages "
            "held only generic cloud-certification material)"
        ),
        "sla_policy": (
            "a global cloud provider's Service Level Agreement localised by its Korean reseller: "
            "'Monthly Uptime Percentage', Service Commitment, Service Credits table, Definitions, with the "
            "Korean beside each term (Google Cloud SLA pages cloud.google.com/speech/sla, Stedi SLA, "
            "search docs); RTO/RPO/backup/support in a bilingual commitments table"
        ),
        "reseller_agreement": (
            "a global provider's partner/reseller agreement in Korean and English: Reseller Agreement / "
            "리셀러 계약서, Party A / Party B as well as 갑 / 을, 'Article 3 (Scope)' numbering, "
            "Schedule 1 capability split (Item | Responsible Party), signature blocks; Google Cloud's "
            "'Reseller Agreement' wording as quoted in its SLA pages (search docs); layout my own"
        ),
        "application_form": (
            "the 디지털서비스 심사 신청서 filled in by a foreign-affiliated vendor on a bilingual version of "
            "the form (Application for Digital Service Review), ■/□, ●/○ or written-out English options, "
            "Yes/No for the education exemption (no stored source shows the official form; DOMAIN §11)"
        ),
        "service_overview": "a global SaaS product sheet localised as 디지털서비스 개요서 / Service Overview",
        "capability_evidence": (
            "a Korean subsidiary's capability statement (Capability Statement / 제공역량 증명자료)"
        ),
    },
    seed=5127,
)

FILE_NAMES = {
    "application_form": ["Application_Form_심사신청서.pdf", "01_Application_디지털서비스심사신청서.pdf"],
    "corporate_registry": ["Corporate_Registry_등기사항전부증명서_with_translation.pdf", "등기부등본_EN.pdf"],
    "business_registration": ["Certificate_of_Business_Registration.pdf", "영문사업자등록증명.pdf"],
    "credit_rating": ["Credit_Rating_Certificate_신용등급확인서.pdf", "CreditRating_EN_KR.pdf"],
    "service_overview": ["Service_Overview_개요서.pdf", "Product_Sheet_KR.pdf"],
    "capability_evidence": ["Capability_Statement_제공역량.pdf", "Company_Profile_EN_KR.pdf"],
    "csap_certificate": ["CSAP_Certificate_보안인증서.pdf", "KISA_CSAP_Cert.pdf"],
    "sla_policy": ["SLA_Service_Level_Agreement_KR.pdf", "Service_Level_Agreement_서비스수준.pdf"],
    "reseller_agreement": ["Reseller_Agreement_리셀러계약서.pdf", "Partner_Agreement_KR_EN.pdf"],
}

NANUM = "/usr/share/fonts/truetype/nanum"
FONTS = {
    "gothic": ("NanumGothic", "NanumGothicBold"),
    "barun": ("NanumBarunGothic", "NanumBarunGothicBold"),
    "round": ("NanumSquareRoundR", "NanumSquareRoundB"),
    "myeongjo": ("NanumMyeongjo", "NanumMyeongjoBold"),
    "square": ("NanumSquareR", "NanumSquareB"),
}
_registered = False

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
CATEGORY = {
    "cloud_computing": ("클라우드컴퓨팅서비스", "Cloud Computing Service"),
    "cloud_support": ("클라우드컴퓨팅 지원서비스", "Cloud Support Service"),
    "convergence": ("융합서비스", "Convergence Service"),
}
SUPPORT = {
    "consulting": ("컨설팅", "Consulting"),
    "operations": ("운영관리", "Operations"),
    "migration": ("마이그레이션", "Migration"),
}
PROVIDER = {"original": ("원 제공자", "Original Provider"), "reseller": ("중개 제공자", "Reseller")}
RESP = {
    "original": ("Party A", "갑 (원 제공자)"),
    "reseller": ("Party B", "을 (중개 제공자)"),
    "shared": ("Joint", "공동 (갑·을)"),
}
ITEM_EN = {
    "서비스 개발 및 기능 개선": "Service development and enhancement",
    "클라우드 인프라 운영": "Cloud infrastructure operation",
    "보안 관리 및 보안인증 유지": "Security management and certification",
    "영업 및 계약": "Sales and contracting",
    "1차 기술지원(헬프데스크)": "Tier-1 technical support (help desk)",
    "장애 대응 및 복구": "Incident response and recovery",
    "이용자 교육": "User training",
}
AGENCY_EN = {
    "NICE평가정보": "NICE Information Service Co., Ltd.",
    "이크레더블": "e-Credible Co., Ltd.",
    "한국기업데이터": "Korea Enterprise Data Co., Ltd.",
    "나이스디앤비": "NICE D&B Co., Ltd.",
}
GRADE_EN = {
    "A": "Strong capacity to meet financial commitments",
    "BBB": "Adequate capacity; may weaken under adverse conditions",
    "BB": "Capacity is currently adequate but uncertain in the future",
    "B": "Capacity is weak; vulnerable to business downturns",
    "CCC": "Currently vulnerable; default is a real possibility",
}
GRADE_KO = {
    "A": "상거래를 위한 신용능력이 우량함",
    "BBB": "신용능력이 양호하나 경제여건에 따라 저하 가능성 있음",
    "BB": "신용능력은 보통이나 장래 안정성은 불확실함",
    "B": "신용능력이 낮으며 경기침체 시 취약함",
    "CCC": "신용능력이 매우 낮아 채무불이행 가능성이 있음",
}

# per-document accent colours (navy, teal, burgundy, slate, forest)
ACCENTS = ["#1f3a5f", "#0f6e6e", "#7a1f3d", "#3b4a5a", "#2f5d3a"]


def _fonts() -> None:
    global _registered
    if _registered:
        return
    for regular, bold in FONTS.values():
        for name in (regular, bold):
            pdfmetrics.registerFont(TTFont(name, f"{NANUM}/{name}.ttf"))
    _registered = True


# ---------------------------------------------------------------- value formats


def en_date(d: date, short: bool = False) -> str:
    m = MONTHS[d.month - 1]
    if short:
        m = m[:3] + ("." if len(m) > 3 else "")
    return f"{m} {d.day}, {d.year}"


def ko_date(d: date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def bdate(d: date | None, style: int) -> str:
    """Dates in the two forms such documents print them."""
    if d is None:
        return ""
    return [
        f"{d.isoformat()} ({en_date(d)})",
        f"{d.day} {MONTHS[d.month - 1]} {d.year} ({ko_date(d)})",
        f"{d.year}.{d.month:02d}.{d.day:02d} ({en_date(d, short=True)})",
        f"{ko_date(d)} / {en_date(d)}",
        f"{en_date(d)}",
    ][style % 5]


def hours(h: float) -> str:
    if h < 1:
        n = round(h * 60)
        return f"{n} minutes / {n}분"
    v = int(h) if h == int(h) else h
    return f"{v} {'hour' if v == 1 else 'hours'} / {v}시간"


def grade_print(g: str, zero: bool) -> str:
    if zero and g not in ("AAA", "CC", "C", "D", "NR", "NCR", "R") and g[-1] not in "+-":
        return g + "0"
    return g


# ---------------------------------------------------------------- drawing kit


class Look:
    """A document's fonts, colours and label style."""

    def __init__(self, rng: random.Random, variant: int, font: str | None = None) -> None:
        _fonts()
        self.family = font or rng.choice(["gothic", "barun", "round", "square"])
        self.reg, self.bold = FONTS[self.family]
        self.accent = colors.HexColor(rng.choice(ACCENTS))
        self.tint = colors.Color(
            self.accent.red * 0.12 + 0.88, self.accent.green * 0.12 + 0.88, self.accent.blue * 0.12 + 0.88
        )
        self.head = colors.Color(
            self.accent.red * 0.3 + 0.7, self.accent.green * 0.3 + 0.7, self.accent.blue * 0.3 + 0.7
        )
        self.label_mode = variant % 3
        self.size = rng.choice([9.0, 9.5, 10.0])
        s = self.size
        self.body = ParagraphStyle("body", fontName=self.reg, fontSize=s, leading=s * 1.45)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=s - 2, leading=(s - 2) * 1.4)
        self.cell = ParagraphStyle("cell", parent=self.body, leading=s * 1.3)
        self.lab = ParagraphStyle("lab", parent=self.cell, fontName=self.bold, fontSize=s - 0.5)
        self.h1 = ParagraphStyle(
            "h1", fontName=self.bold, fontSize=s + 8, leading=(s + 8) * 1.3, alignment=TA_CENTER
        )
        self.h1sub = ParagraphStyle(
            "h1sub", fontName=self.reg, fontSize=s + 1.5, leading=(s + 1.5) * 1.4, alignment=TA_CENTER
        )
        self.h2 = ParagraphStyle(
            "h2",
            fontName=self.bold,
            fontSize=s + 1.5,
            leading=(s + 1.5) * 1.5,
            textColor=self.accent,
            spaceBefore=6,
            spaceAfter=3,
        )
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)

    def label(self, ko: str, en: str, mode: int | None = None) -> Paragraph:
        mode = self.label_mode if mode is None else mode
        if mode == 0:
            text = f"{escape(ko)} / {escape(en)}"
        elif mode == 1:
            text = f"{escape(en)} ({escape(ko)})"
        else:
            text = f'<font size="{self.size - 2.5}" color="#555555">{escape(en)}</font><br/>{escape(ko)}'
        return Paragraph(text, self.lab)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, style or self.body)

    def v(self, text: Any) -> Paragraph:
        return Paragraph(escape(str(text)), self.cell)

    def grid(
        self,
        rows: list[list[Any]],
        widths: list[float],
        *,
        label_cols: tuple[int, ...] = (0,),
        header: bool = False,
    ) -> Table:
        t = Table(rows, colWidths=widths)
        cmds: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("FONTNAME", (0, 0), (-1, -1), self.reg),
            ("FONTSIZE", (0, 0), (-1, -1), self.size),
        ]
        for c in label_cols:
            cmds.append(("BACKGROUND", (c, 0), (c, -1), self.tint))
        if header:
            cmds += [
                ("BACKGROUND", (0, 0), (-1, 0), self.head),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, self.accent),
                ("FONTNAME", (0, 0), (-1, 0), self.bold),
            ]
        t.setStyle(TableStyle(cmds))
        return t


def grid3(look: Look, items: list[tuple[str, str, Any]], english_first: bool) -> Table:
    """Label | value | label: one language's label left of the value, the other's beside it."""
    rows = []
    for ko, en, val in items:
        if val in (None, ""):
            continue
        a, b = (en, ko) if english_first else (ko, en)
        rows.append([Paragraph(escape(a), look.lab), look.v(val), Paragraph(escape(b), look.small)])
    t = look.grid(rows, [W * 0.3, W * 0.48, W * 0.22], label_cols=(0,))
    t.setStyle(TableStyle([("TEXTCOLOR", (2, 0), (2, -1), colors.HexColor("#555555"))]))
    return t


class Seal(Flowable):
    """A round red seal with the issuer's name (직인)."""

    def __init__(self, text: str, font: str, size: float = 20 * mm) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.width = self.height = size

    def draw(self) -> None:
        c = self.canv
        r = self.size / 2
        c.setStrokeColor(colors.Color(0.8, 0.1, 0.1, alpha=0.75))
        c.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.75))
        c.setLineWidth(1.6)
        c.circle(r, r, r - 1, stroke=1, fill=0)
        c.setLineWidth(0.6)
        c.circle(r, r, r - 4, stroke=1, fill=0)
        words = [self.text[i : i + 3] for i in range(0, len(self.text), 3)][:3]
        c.setFont(self.font, 6.5)
        y = r + (len(words) - 1) * 4 - 2
        for w in words:
            c.drawCentredString(r, y, w)
            y -= 8


class QRBox(Flowable):
    """A QR-like code box with a caption (issuers print one to verify the document online)."""

    def __init__(self, seed: str, font: str, caption: str, size: float = 22 * mm) -> None:
        super().__init__()
        self.seed, self.font, self.caption, self.size = seed, font, caption, size
        self.width = size
        self.height = size + 9

    def draw(self) -> None:
        c = self.canv
        n = 21
        cell = self.size / n
        rng = random.Random(self.seed)
        c.setFillColor(colors.black)
        for i in range(n):
            for j in range(n):
                finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
                if finder:
                    a, b = i % 7 if i < 7 else i - (n - 7), j % 7 if j < 7 else j - (n - 7)
                    on = a in (0, 6) or b in (0, 6) or (2 <= a <= 4 and 2 <= b <= 4)
                else:
                    on = rng.random() < 0.45
                if on:
                    c.rect(j * cell, 9 + (n - 1 - i) * cell, cell, cell, stroke=0, fill=1)
        c.setFont(self.font, 5.5)
        c.drawCentredString(self.size / 2, 1, self.caption)


def _numbered_canvas(decorate: Any) -> type:
    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(
    path: Path,
    story: list[Any],
    look: Look,
    *,
    band_left: str,
    band_right: str = "",
    footer_left: str = "",
    footer_right_fmt: str = "Page {n} of {t}",
    watermark: str | None = None,
    band: bool = True,
) -> int:
    width, height = A4
    margin = 18 * mm

    def decorate(c: rl_canvas.Canvas, n: int, total: int) -> None:
        c.saveState()
        if watermark:
            c.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.12))
            c.setFont(look.bold, 46)
            c.translate(width / 2, height / 2)
            c.rotate(32)
            c.drawCentredString(0, 0, watermark)
            c.rotate(-32)
            c.translate(-width / 2, -height / 2)
        if band:
            c.setFillColor(look.accent)
            c.rect(0, height - 13 * mm, width, 13 * mm, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(look.bold, 9.5)
            c.drawString(margin, height - 8.3 * mm, band_left)
            c.setFont(look.reg, 8)
            c.drawRightString(width - margin, height - 8.3 * mm, band_right)
        else:
            c.setStrokeColor(look.accent)
            c.setLineWidth(1.2)
            c.line(margin, height - 12 * mm, width - margin, height - 12 * mm)
            c.setFillColor(look.accent)
            c.setFont(look.reg, 8)
            c.drawString(margin, height - 10.5 * mm, band_left)
            c.drawRightString(width - margin, height - 10.5 * mm, band_right)
        c.setStrokeColor(colors.HexColor("#9aa5b1"))
        c.setLineWidth(0.4)
        c.line(margin, 14 * mm, width - margin, 14 * mm)
        c.setFillColor(colors.HexColor("#444444"))
        c.setFont(look.reg, 7.5)
        c.drawString(margin, 10 * mm, footer_left)
        c.drawRightString(width - margin, 10 * mm, footer_right_fmt.format(n=n, t=total))
        c.restoreState()

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="",
    )
    frame = Frame(margin, 18 * mm, width - 2 * margin, height - 38 * mm, id="f")
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(decorate))
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


W = A4[0] - 36 * mm  # frame width


def _title(look: Look, ko: str, en: str, en_first: bool) -> list[Any]:
    if en_first:
        return [look.p(escape(en), look.h1), look.p(escape(ko), look.h1sub), Spacer(1, 5 * mm)]
    return [look.p(escape(ko), look.h1), look.p(escape(en), look.h1sub), Spacer(1, 5 * mm)]


def _rows(look: Look, items: list[tuple[str, str, Any]]) -> list[list[Any]]:
    """Label/value rows, leaving out a value that is None (the scenario has it missing)."""
    return [[look.label(ko, en), look.v(val)] for ko, en, val in items if val not in (None, "")]


def _issue_no(rng: random.Random) -> str:
    return (
        f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"
    )


# ---------------------------------------------------------------- application form


def application_form(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, v = spec.fields, spec.variant
    look = Look(rng, v)
    ds = rng.randint(0, 3)
    mark = v  # 0: ■/□, 1: written-out choice, 2: ●/○

    def choice(options: list[tuple[str, str, str]], value: Any) -> str:
        if mark == 1:
            for key, ko, en in options:
                if key == value:
                    return f"{en} ({ko})"
            return "N/A (해당 없음)"
        on, off = ("■", "□") if mark == 0 else ("●", "○")
        return "   ".join(f"{on if key == value else off} {en} ({ko})" for key, ko, en in options)

    story: list[Any] = []
    story.append(look.p("접수번호 / Receipt No. : ____________    Date received: ____________", look.small))
    story += _title(look, "디지털서비스 심사 신청서", "Application for Digital Service Review", v == 1)
    story.append(look.p("1. 신청기업 정보 / Applicant Information", look.h2))
    story.append(
        look.grid(
            _rows(
                look,
                [
                    ("상호(기업명)", "Company Name", f.get("company_name")),
                    ("대표자", "Representative", f.get("representative")),
                    ("사업자등록번호", "Business Registration No.", f.get("business_registration_number")),
                    ("주소", "Address", f.get("address")),
                ],
            ),
            [W * 0.32, W * 0.68],
        )
    )
    story.append(look.p("2. 담당자 / Contact Person", look.h2))
    contact = [
        (look.label("성명", "Name"), f.get("contact_name")),
        (look.label("전화번호", "Phone"), f.get("contact_phone")),
        (look.label("전자우편", "E-mail"), f.get("contact_email")),
    ]
    contact = [c for c in contact if c[1]]
    if contact:
        story.append(look.grid([[a, look.v(b)] for a, b in contact], [W * 0.32, W * 0.68]))
    story.append(look.p("3. 신청 서비스 / Service Applied For", look.h2))
    rows: list[list[Any]] = []
    if f.get("service_name"):
        rows.append([look.label("서비스명", "Service Name"), look.v(f["service_name"])])
    if f.get("service_category"):
        rows.append(
            [
                look.label("서비스 구분", "Service Category"),
                look.v(choice([(k, *CATEGORY[k]) for k in CATEGORY], f["service_category"])),
            ]
        )
    if f.get("service_category") in (None, "cloud_computing") or f.get("service_model"):
        rows.append(
            [
                look.label("서비스 유형", "Service Model"),
                look.v(
                    choice(
                        [
                            ("IaaS", "인프라", "IaaS"),
                            ("PaaS", "플랫폼", "PaaS"),
                            ("SaaS", "소프트웨어", "SaaS"),
                        ],
                        f.get("service_model"),
                    )
                ),
            ]
        )
    if f.get("service_category") == "cloud_support" or f.get("support_type"):
        rows.append(
            [
                look.label("지원 유형", "Support Type"),
                look.v(choice([(k, *SUPPORT[k]) for k in SUPPORT], f.get("support_type"))),
            ]
        )
    if f.get("provider_type"):
        rows.append(
            [
                look.label("제공자 구분", "Provider Type"),
                look.v(choice([(k, *PROVIDER[k]) for k in PROVIDER], f["provider_type"])),
            ]
        )
    if f.get("education_exempt") is not None:
        yes = bool(f["education_exempt"])
        if mark == 1:
            txt = "Yes (예)" if yes else "No (아니오)"
        else:
            on, off = ("■", "□") if mark == 0 else ("●", "○")
            txt = f"{on if yes else off} Yes (예)   {off if yes else on} No (아니오)"
        rows.append(
            [
                look.label("교육용 서비스 여부", "Service for school education"),
                look.p(
                    f"{escape(txt)}<br/><font size='{look.size - 2}'>학생 교육 목적으로 학교에 제공하는 서비스 "
                    "(보안인증 제출 면제 대상) / provided to schools for students' education</font>",
                    look.cell,
                ),
            ]
        )
    story.append(look.grid(rows, [W * 0.32, W * 0.68]))
    story.append(Spacer(1, 5 * mm))
    story.append(
        look.p(
            "「디지털서비스 심사·선정 등에 관한 고시」에 따라 위와 같이 디지털서비스 심사를 신청합니다.<br/>"
            "<font color='#555555'>We hereby apply for the review of the digital service above under the "
            "Notice on the Review and Selection of Digital Services.</font>",
            look.center,
        )
    )
    story.append(Spacer(1, 5 * mm))
    if f.get("application_date"):
        story.append(
            look.p(
                f"{'Date of Application (신청일)' if look.label_mode == 1 else '신청일 / Date of Application'} : "
                f"{escape(bdate(f['application_date'], ds))}",
                look.center,
            )
        )
    story.append(Spacer(1, 4 * mm))
    sign = f"신청인 / Applicant : {f.get('company_name') or ''}    대표자 / Representative : {f.get('representative') or ''}  (서명 또는 인 / Signature)"
    story.append(look.p(escape(sign), look.right))
    story.append(Spacer(1, 6 * mm))
    story.append(look.p("과학기술정보통신부장관 귀하 / To the Minister of Science and ICT", look.body))
    story.append(Spacer(1, 4 * mm))
    story.append(
        look.grid(
            [
                [look.p("<b>첨부서류 / Attachments</b>", look.cell)],
                [
                    look.p(
                        "1. 법인 등기사항전부증명서 (Certificate of Corporate Registration)  "
                        "2. 사업자등록증 (Business Registration Certificate)  3. 신용평가등급확인서 (Credit "
                        "Rating Certificate)  4. 디지털서비스개요서 (Service Overview)  5. 제공역량 증명자료 "
                        "(Capability Evidence)  6. 해당 시: 보안인증서, 서비스 수준 정책서, 협약서 (if applicable)",
                        look.small,
                    )
                ],
            ],
            [W],
            label_cols=(),
        )
    )
    return render(
        path,
        story,
        look,
        band_left="Digital Service Specialized Contract System · 디지털서비스 전문계약제도",
        band_right="Form 1 / 별지 제1호서식",
        footer_left=f.get("company_name") or "",
        band=v != 2,
    )


# ---------------------------------------------------------------- corporate registry


def corporate_registry(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx, v = spec.fields, spec.ctx, spec.variant
    look = Look(rng, v, font="myeongjo" if v != 1 else "gothic")
    look.label_mode = 2 if v == 2 else 1
    ds = rng.randint(0, 3)
    story: list[Any] = []
    kv = ParagraphStyle("kv", parent=look.cell)
    story.append(look.p("[제출용]", look.right))
    story.append(look.p("등기사항전부증명서(현재 유효사항)", look.h1))
    story.append(look.p("- 법인 -", look.h1sub))
    story.append(Spacer(1, 3 * mm))
    head = []
    if f.get("registry_number"):
        head.append(["등기번호", f["registry_number"]])
    if f.get("corporate_registration_number"):
        head.append(["등록번호", f["corporate_registration_number"]])
    t = Table([[look.v(a), look.v(b)] for a, b in head], colWidths=[25 * mm, 50 * mm], hAlign="RIGHT")
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story.append(t)
    story.append(Spacer(1, 3 * mm))

    def sec(label: str, content: Any) -> Table:
        tt = Table([[look.p(f"<b>{escape(label)}</b>", kv), content]], colWidths=[32 * mm, W - 32 * mm])
        tt.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                    ("LINEAFTER", (0, 0), (0, 0), 0.4, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return tt

    if f.get("company_name"):
        story.append(sec("상    호", look.v(f["company_name"])))
    if f.get("head_office"):
        story.append(sec("본    점", look.v(f["head_office"])))
    story.append(sec("공고방법", look.v("서울특별시에서 발행되는 일간 매일경제신문에 게재한다.")))
    story.append(sec("1주의 금액", look.v("금 5,000 원")))
    story.append(sec("발행할 주식의 총수", look.v(f"{ctx.get('shares_total', 1_000_000):,} 주")))
    if f.get("capital") is not None:
        shares = f["capital"] // 5000
        story.append(
            sec(
                "발행주식의 총수와\n그 종류 및 각각의 수",
                look.p(
                    f"발행주식의 총수 {shares:,} 주<br/>보통주식 {shares:,} 주<br/>"
                    f"자본금의 액 &nbsp; 금 {f['capital']:,} 원",
                    kv,
                ),
            )
        )
    if f.get("purposes"):
        story.append(
            sec(
                "목    적",
                look.p("<br/>".join(f"{i}. {escape(p)}" for i, p in enumerate(f["purposes"], 1)), kv),
            )
        )
    officers = []
    od = ctx.get("officer_date")
    od_txt = f"{ko_date(od)} 취임  {ko_date(od)} 등기" if od else ""
    for name in f.get("representatives") or []:
        officers.append(f"대표이사 &nbsp; {escape(name)} &nbsp; {od_txt}")
    for name in ctx.get("directors", []):
        officers.append(f"사내이사 &nbsp; {escape(name)} &nbsp; {od_txt}")
    if ctx.get("auditor"):
        officers.append(f"감사 &nbsp; {escape(ctx['auditor'])} &nbsp; {od_txt}")
    story.append(sec("임원에 관한 사항", look.p("<br/>".join(officers), kv)))
    if f.get("incorporation_date"):
        story.append(sec("회사성립연월일", look.v(ko_date(f["incorporation_date"]))))
    story.append(sec("등기기록의 개설 사유 및 연월일", look.v("설립")))
    story.append(Spacer(1, 4 * mm))
    story.append(look.p("-- 이하 여백 --", look.center))
    story.append(Spacer(1, 4 * mm))
    if f.get("registry_office"):
        story.append(look.p(f"관할등기소 &nbsp; {escape(f['registry_office'])}", look.body))
    story.append(
        look.p(
            "* 실선으로 그어진 부분은 말소사항을 표시함. * 기록사항 없는 갑구, 을구는 생략함.<br/>"
            "* 증명서는 컬러 또는 흑백으로 출력 가능함.",
            look.small,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(look.p("이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", look.center))
    if f.get("issue_date"):
        story.append(look.p(f"서기 {ko_date(f['issue_date'])}", look.center))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Table(
            [
                [
                    look.p("법원행정처 등기정보중앙관리소 &nbsp; 전산운영책임관", look.right),
                    Seal("등기정보중앙관리소", look.reg, 16 * mm),
                ]
            ],
            colWidths=[W - 20 * mm, 20 * mm],
        )
    )
    story.append(QRBox(str(f.get("registry_number")), look.reg, "발급확인번호"))
    story.append(PageBreak())

    # --- English translation page
    story.append(look.p("[English Translation / 번역문]", look.right))
    story.append(
        look.p("Certificate of Registered Matters (Currently Effective Matters) — Corporation", look.h1)
    )
    story.append(look.p("등기사항전부증명서(현재 유효사항) - 법인", look.h1sub))
    items = [
        ("등기번호", "Registry No.", f.get("registry_number")),
        ("등록번호", "Corporate Registration No.", f.get("corporate_registration_number")),
        ("상호", "Trade Name", f.get("company_name")),
        ("본점", "Head Office", f.get("head_office")),
        (
            "자본금의 액",
            "Amount of Capital",
            f"KRW {f['capital']:,} (금 {f['capital']:,} 원)" if f.get("capital") is not None else None,
        ),
        ("회사성립연월일", "Date of Incorporation", bdate(f.get("incorporation_date"), ds) or None),
        (
            "대표이사",
            "Representative Director(s)",
            ", ".join(f["representatives"]) if f.get("representatives") else None,
        ),
        ("관할등기소", "Registry Office", f.get("registry_office")),
        ("발행일", "Date of Issue", bdate(f.get("issue_date"), ds) or None),
    ]
    story.append(look.grid(_rows(look, items), [W * 0.34, W * 0.66]))
    if f.get("purposes"):
        story.append(look.p("Objects of the Company (목적)", look.h2))
        story.append(
            look.p("<br/>".join(f"{i}. {escape(p)}" for i, p in enumerate(f["purposes"], 1)), look.body)
        )
    story.append(Spacer(1, 6 * mm))
    story.append(
        look.grid(
            [
                [
                    look.p(
                        "<b>CERTIFICATE OF TRANSLATION / 번역 확인</b><br/>I hereby certify that the above is a "
                        "true and accurate translation of the attached Korean original. Names and addresses "
                        "are kept as registered in Korean. / 위 번역문은 첨부한 원문과 틀림없음을 확인합니다.",
                        look.small,
                    )
                ]
            ],
            [W],
            label_cols=(),
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(look.p(f"Translator (번역인): {'김하나'}  (Signature)", look.right))
    return render(
        path,
        story,
        look,
        band_left=f"등기번호 {f.get('registry_number') or ''}",
        band_right="대법원 인터넷등기소 · www.iros.go.kr",
        footer_left=f"발행번호 {_issue_no(rng)}",
        footer_right_fmt="{n}/{t}",
        band=False,
    )


# ---------------------------------------------------------------- business registration


def business_registration(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, v = spec.fields, spec.variant
    look = Look(rng, v)
    ds = rng.randint(0, 4)
    story: list[Any] = []
    issue_no = _issue_no(rng)
    story.append(look.p(f"Issuance No. (발급번호) : {issue_no}", look.small))
    if v == 2:
        story += _title(look, "사업자등록증", "Business Registration Certificate (Corporation)", False)
    else:
        story += _title(look, "사업자등록증명 (영문)", "Certificate of Business Registration", True)
    items = [
        ("등록번호", "Business Registration No.", f.get("registration_number")),
        ("법인명(단체명)", "Name of Company", f.get("company_name")),
        ("대표자", "Name of Representative", f.get("representative")),
        ("개업연월일", "Date of Business Commencement", bdate(f.get("opening_date"), ds) or None),
        ("법인등록번호", "Corporation Registration No.", f.get("corporate_registration_number")),
        ("사업장 소재지", "Location of Business", f.get("business_address")),
        ("본점 소재지", "Location of Head Office", f.get("head_office_address")),
    ]
    if v == 1:
        story.append(grid3(look, items, english_first=True))
    else:
        story.append(look.grid(_rows(look, items), [W * 0.36, W * 0.64]))
    story.append(Spacer(1, 3 * mm))
    types = f.get("business_types") or []
    itms = f.get("business_items") or []
    if types or itms:
        n = max(len(types), len(itms))
        rows = [[look.label("업태", "Type of Business"), look.label("종목", "Item of Business")]]
        for i in range(n):
            rows.append(
                [look.v(types[i] if i < len(types) else ""), look.v(itms[i] if i < len(itms) else "")]
            )
        t = look.grid(rows, [W * 0.5, W * 0.5], label_cols=())
        t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), look.tint)]))
        story.append(t)
    story.append(Spacer(1, 3 * mm))
    story.append(
        look.grid(
            [
                [look.label("발급 사유", "Purpose of Issuance"), look.v("해외 거래처 제출 / For submission")],
                [look.label("사업자 구분", "Taxpayer Type"), look.v("일반과세자 (General Taxpayer)")],
            ],
            [W * 0.36, W * 0.64],
        )
    )
    story.append(Spacer(1, 6 * mm))
    story.append(
        look.p(
            "This is to certify that the above business has been registered under Article 8 of the "
            "Value-Added Tax Act.<br/>위 사업자의 사업자등록 사실을 증명합니다.",
            look.center,
        )
    )
    story.append(Spacer(1, 5 * mm))
    if f.get("issue_date"):
        story.append(look.p(escape(bdate(f["issue_date"], ds)), look.center))
    story.append(Spacer(1, 4 * mm))
    if f.get("tax_office"):
        office = f["tax_office"]
        sig = Table(
            [
                [
                    look.p(
                        f"<b>{escape(office)}장</b><br/><font size='{look.size - 1}'>Director, "
                        f"{escape(office)} (District Tax Office)<br/>National Tax Service, Republic of Korea"
                        "</font>",
                        look.right,
                    ),
                    Seal(f"{office}장인", look.reg),
                ]
            ],
            colWidths=[W - 26 * mm, 26 * mm],
        )
        story.append(sig)
    story.append(Spacer(1, 6 * mm))
    story.append(
        Table(
            [
                [
                    QRBox(issue_no, look.reg, "문서확인 / Verify"),
                    look.p(
                        "※ This certificate can be verified at www.hometax.go.kr (조회/발급 &gt; 민원증명 &gt; "
                        "민원증명 원본확인) with the Issuance No. above.<br/>※ 이 증명서는 홈택스에서 발급번호로 "
                        "진위를 확인할 수 있습니다.",
                        look.small,
                    ),
                ]
            ],
            colWidths=[30 * mm, W - 30 * mm],
        )
    )
    return render(
        path,
        story,
        look,
        band_left="National Tax Service · 국세청",
        band_right="Hometax www.hometax.go.kr",
        footer_left=f"Issuance No. {issue_no}",
        watermark="NTS HOMETAX" if v == 0 else None,
        band=v != 1,
    )


# ---------------------------------------------------------------- credit rating


def credit_rating(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx, v = spec.fields, spec.ctx, spec.variant
    look = Look(rng, v)
    ds = rng.randint(0, 3)
    agency = f.get("agency") or ""
    agency_full = ctx.get("agency_full") or agency
    agency_en = AGENCY_EN.get(agency, agency)
    story: list[Any] = []
    story.append(look.p(f"Certificate No. (확인서 번호) : {escape(str(ctx.get('cert_no', '')))}", look.right))
    story += _title(look, "기업신용등급확인서", "Certificate of Corporate Credit Rating", v != 0)
    story.append(look.p("Company Information / 기업 정보", look.h2))
    comp = [
        ("기업명", "Company Name", f.get("company_name")),
        ("사업자등록번호", "Business Registration No.", f.get("business_registration_number")),
        ("대표자", "Representative", ctx.get("representative")),
        ("법인등록번호", "Corporate Registration No.", ctx.get("crn")),
        ("주소", "Address", ctx.get("address")),
    ]
    story.append(look.grid(_rows(look, comp), [W * 0.34, W * 0.66]))
    story.append(look.p("Rating Result / 평가 결과", look.h2))
    g = f.get("rating")
    shown = grade_print(g, ctx.get("grade_zero", False)) if g else None
    res = [
        ("신용등급", "Credit Rating", shown),
        ("현금흐름등급", "Cash Flow Grade", f.get("cash_flow_grade")),
        ("결산기준일", "Financial Statements as of", bdate(f.get("settlement_date"), ds) or None),
        ("평가일", "Date of Evaluation", bdate(f.get("evaluation_date"), ds) or None),
    ]
    if f.get("valid_from") or f.get("valid_until"):
        vf = bdate(f.get("valid_from"), ds) if f.get("valid_from") else ""
        vu = bdate(f.get("valid_until"), ds) if f.get("valid_until") else ""
        res.append(("유효기간", "Valid Period", f"{vf} ~ {vu}"))
    res.append(("평가기관", "Rating Agency", f"{agency} ({agency_en})" if agency else None))
    if v == 2:
        story.append(grid3(look, res, english_first=False))
    else:
        story.append(look.grid(_rows(look, res), [W * 0.34, W * 0.66]))
    if g:
        base = g.rstrip("+-0")
        if base in GRADE_EN:
            story.append(Spacer(1, 2 * mm))
            story.append(
                look.p(
                    f"Grade definition (등급 정의): {escape(GRADE_EN[base])} / {escape(GRADE_KO[base])}",
                    look.small,
                )
            )
    scale = [
        [look.p("<b>Grade 등급</b>", look.cell), look.p("<b>Definition 정의</b>", look.cell)],
        *[
            [
                look.v(k + (" (+/0/-)" if k != "CCC" else "")),
                look.p(f"{GRADE_EN[k]} / {GRADE_KO[k]}", look.small),
            ]
            for k in GRADE_EN
        ],
    ]
    if v == 2:
        story.append(PageBreak())
        story.append(look.p("Rating Scale / 등급 체계", look.h2))
    else:
        story.append(look.p("Rating Scale / 등급 체계 (excerpt)", look.h2))
    story.append(look.grid(scale, [W * 0.22, W * 0.78], header=False))
    story.append(Spacer(1, 4 * mm))
    story.append(
        look.p(
            "This certificate confirms the rating assigned by the agency below for submission to public "
            "procurement. / 위와 같이 기업신용등급을 확인합니다.",
            look.center,
        )
    )
    if ctx.get("issue_date"):
        story.append(look.p(f"Date of Issue (발급일): {escape(bdate(ctx['issue_date'], ds))}", look.center))
    story.append(Spacer(1, 3 * mm))
    story.append(
        Table(
            [
                [
                    look.p(
                        f"<b>{escape(agency_full)}</b><br/>{escape(agency_en)}<br/>대표이사 / CEO "
                        f"{escape(str(ctx.get('agency_ceo', '')))}",
                        look.right,
                    ),
                    Seal(agency + "인", look.reg),
                ]
            ],
            colWidths=[W - 26 * mm, 26 * mm],
        )
    )
    story.append(
        look.p(
            "※ 본 확인서는 공공기관 입찰 및 조달 제출용이며, 유효기간 내에서만 효력이 있습니다. / Valid only "
            "within the valid period stated above.",
            look.small,
        )
    )
    return render(
        path,
        story,
        look,
        band_left=f"{agency_en}  ·  {agency}",
        band_right="Credit Rating Service / 기업신용평가",
        footer_left=f"Certificate No. {ctx.get('cert_no', '')}",
        watermark=agency_en.split(" ")[0] if v == 1 else None,
    )


# ---------------------------------------------------------------- CSAP


def csap_certificate(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx, v = spec.fields, spec.ctx, spec.variant
    look = Look(rng, v, font=rng.choice(["myeongjo", "barun"]))
    ds = rng.randint(0, 4)
    story: list[Any] = []
    story.append(
        look.p(
            f"제 {escape(f.get('certificate_number') or '')} 호 / No. {escape(f.get('certificate_number') or '')}",
            look.body,
        )
        if f.get("certificate_number")
        else Spacer(1, 4 * mm)
    )
    story.append(Spacer(1, 4 * mm))
    story += _title(
        look, "클라우드서비스 보안인증서", "Cloud Security Assurance Program (CSAP) Certificate", v == 1
    )
    ctype = f.get("certification_type")
    grade = f.get("grade")
    type_txt = None
    if ctype:
        type_txt = f"{ctype}" + (f" — {grade}" if grade and v == 0 else "")
    items = [
        ("인증번호", "Certificate No.", f.get("certificate_number")),
        ("기업명", "Company", f.get("company_name")),
        ("서비스명", "Service", f.get("service_name")),
        ("인증유형", "Certification Type", type_txt),
        (
            "인증등급",
            "Level",
            (f"{grade} 등급" if grade in ("상", "중", "하") else grade) if v != 0 else None,
        ),
        ("인증일", "Date of Certification", bdate(f.get("issue_date"), ds) or None),
    ]
    if f.get("valid_from") or f.get("valid_until"):
        items.append(
            (
                "유효기간",
                "Validity",
                f"{bdate(f.get('valid_from'), ds)} ~ {bdate(f.get('valid_until'), ds)}",
            )
        )
    if v != 2:
        items.append(("인증범위", "Scope", ctx.get("scope")))
    story.append(look.grid(_rows(look, items), [W * 0.3, W * 0.7]))
    story.append(Spacer(1, 8 * mm))
    story.append(
        look.p(
            "위 서비스는 「클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률」 제23조의2 및 「클라우드컴퓨팅서비스 "
            "보안인증에 관한 고시」에 따라 클라우드서비스 보안인증 기준에 적합하므로 인증서를 발급합니다.",
            look.center,
        )
    )
    story.append(
        look.p(
            "<font color='#555555'>This is to certify that the cloud service above complies with the Cloud "
            "Security Assurance Program requirements under the Act on the Development of Cloud Computing "
            "and Protection of its Users.</font>",
            look.center,
        )
    )
    story.append(Spacer(1, 8 * mm))
    if f.get("issue_date"):
        story.append(look.p(escape(bdate(f["issue_date"], ds)), look.center))
    story.append(Spacer(1, 6 * mm))
    issuer = f.get("issuer")
    if issuer:
        story.append(
            Table(
                [
                    [
                        look.p(
                            f"<b>{escape(issuer)}장</b><br/>President, Korea Internet &amp; Security Agency "
                            f"(KISA)<br/><font size='{look.size - 2}'>발급기관 / Issued by: {escape(issuer)}</font>",
                            look.right,
                        ),
                        Seal(f"{issuer}장인", look.reg, 24 * mm),
                    ]
                ],
                colWidths=[W - 30 * mm, 30 * mm],
            )
        )
    if v == 2:
        story.append(PageBreak())
        story.append(look.p("Annex — Scope of Certification / 별첨 — 인증범위", look.h2))
        story.append(
            look.grid(
                _rows(
                    look,
                    [
                        ("인증번호", "Certificate No.", f.get("certificate_number")),
                        ("서비스명", "Service", f.get("service_name")),
                        ("인증범위", "Scope", ctx.get("scope")),
                        ("사후관리", "Surveillance", "연 1회 사후평가 / annual surveillance assessment"),
                    ],
                ),
                [W * 0.3, W * 0.7],
            )
        )
    return render(
        path,
        story,
        look,
        band_left="KISA 한국인터넷진흥원 · Korea Internet & Security Agency",
        band_right="isms.kisa.or.kr",
        footer_left="※ 인증 유효 여부는 KISA 누리집에서 확인 / Verify at isms.kisa.or.kr",
        watermark="KISA",
    )


# ---------------------------------------------------------------- SLA


def sla_policy(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx, v = spec.fields, spec.ctx, spec.variant
    look = Look(rng, v)
    svc = f.get("service_name") or ""
    company = ctx.get("company", "")
    story: list[Any] = []
    story += _title(look, "서비스 수준 협약서 (SLA)", "Service Level Agreement", True)
    story.append(look.p(f"Provided by {escape(company)} / 제공: {escape(company)}", look.center))
    story.append(Spacer(1, 3 * mm))
    story.append(look.p("1. Covered Service (대상 서비스)", look.h2))
    if svc:
        story.append(
            look.p(
                f'This Service Level Agreement ("SLA") applies to <b>{escape(svc)}</b> (the "Covered '
                f'Service"). 본 협약은 {escape(svc)} 서비스에 적용됩니다.',
                look.body,
            )
        )
    story.append(look.p("2. Service Commitment (서비스 수준 약정)", look.h2))
    rows: list[list[Any]] = [
        [look.p("<b>Metric / 항목</b>", look.cell), look.p("<b>Commitment / 약정 수준</b>", look.cell)]
    ]
    if f.get("availability_percent") is not None:
        a = f["availability_percent"]
        rows.append(
            [look.label("월간 가용률", "Monthly Uptime Percentage"), look.v(f"≥ {a}% (월 {a}% 이상)")]
        )
    if f.get("monitoring") is not None:
        yes = f["monitoring"]
        rows.append(
            [
                look.label("모니터링 정보 제공", "Monitoring information to customers"),
                look.v(
                    "Yes — real-time status dashboard and monthly report (예: 실시간 상태 대시보드 및 월간 보고서 제공)"
                    if yes
                    else "No (제공하지 않음)"
                ),
            ]
        )
    if f.get("backup_frequency"):
        rows.append([look.label("백업 주기", "Backup Frequency"), look.v(f["backup_frequency"])])
    if f.get("rto_hours") is not None:
        rows.append(
            [look.label("목표복구시간", "RTO (Recovery Time Objective)"), look.v(hours(f["rto_hours"]))]
        )
    if f.get("rpo_hours") is not None:
        rows.append(
            [look.label("목표복구시점", "RPO (Recovery Point Objective)"), look.v(hours(f["rpo_hours"]))]
        )
    if f.get("support_hours"):
        rows.append([look.label("고객지원 시간", "Support Hours"), look.v(f["support_hours"])])
    if f.get("response_time_hours") is not None:
        rows.append(
            [
                look.label("장애 접수 후 응답시간", "Initial Response Time"),
                look.v(f"within {hours(f['response_time_hours'])} 이내"),
            ]
        )
    if v == 1:
        story += _sla_prose(look, f)
    else:
        story.append(look.grid(rows, [W * 0.42, W * 0.58], header=True))
    story.append(look.p("3. Definitions (용어 정의)", look.h2))
    for en, ko in [
        (
            '"Monthly Uptime Percentage" means total minutes in a calendar month minus minutes of Downtime, '
            "divided by total minutes in that month.",
            "월간 가용률은 한 달의 총 시간에서 서비스 중단 시간을 뺀 값을 총 시간으로 나눈 비율입니다.",
        ),
        (
            '"Downtime" means a period during which the Covered Service is unavailable to the Customer, '
            "excluding Scheduled Maintenance notified at least 7 days in advance.",
            "서비스 중단이란 사전 공지(7일 전)된 정기점검을 제외하고 고객이 서비스를 이용할 수 없는 시간입니다.",
        ),
        (
            '"Service Credit" means a credit, calculated as set out below, that the Provider credits to an '
            "eligible account.",
            "서비스 크레딧이란 약정 미달 시 아래 기준에 따라 고객에게 제공하는 이용료 감면을 말합니다.",
        ),
    ]:
        story.append(look.p(f"• {escape(en)}<br/><font color='#555555'>{escape(ko)}</font>", look.body))
    if v == 2:
        story.append(PageBreak())
    story.append(look.p("4. Service Credits (서비스 크레딧)", look.h2))
    a = f.get("availability_percent") or 99.9
    story.append(
        look.grid(
            [
                [
                    look.p("<b>Monthly Uptime 월간 가용률</b>", look.cell),
                    look.p("<b>Credit 크레딧</b>", look.cell),
                ],
                [look.v(f"< {a}% and ≥ 99.0%"), look.v("10% of monthly fee / 월 이용료의 10%")],
                [look.v("< 99.0% and ≥ 95.0%"), look.v("25% of monthly fee / 월 이용료의 25%")],
                [look.v("< 95.0%"), look.v("50% of monthly fee / 월 이용료의 50%")],
            ],
            [W * 0.45, W * 0.55],
            label_cols=(),
            header=True,
        )
    )
    story.append(look.p("5. Exclusions (면책)", look.h2))
    story.append(
        look.p(
            "The SLA does not apply to unavailability caused by force majeure, the Customer's equipment or "
            "network, or suspension under the Agreement. 천재지변, 고객 측 장비·네트워크 문제, 약관에 따른 이용 정지로 "
            "인한 중단에는 적용되지 않습니다.",
            look.body,
        )
    )
    story.append(look.p("6. Support & Escalation (고객 지원)", look.h2))
    story.append(
        look.p(
            "Support requests may be raised via the customer portal, e-mail or phone. 기술지원 요청은 고객 포털, "
            "이메일, 전화로 접수합니다. Severity 1 incidents are escalated to the global operations centre.",
            look.body,
        )
    )
    story.append(Spacer(1, 6 * mm))
    story.append(look.p(f"{escape(company)}", look.right))
    return render(
        path,
        story,
        look,
        band_left=f"{svc} — Service Level Agreement",
        band_right="Version 2.1 / 버전 2.1",
        footer_left="Confidential — for submission to NIA / 대외비",
    )


def _sla_prose(look: Look, f: dict[str, Any]) -> list[Any]:
    """A global provider's SLA wording: the commitments written out, English first, Korean beside."""
    out: list[Any] = []
    a = f.get("availability_percent")
    if a is not None:
        out.append(
            look.p(
                "<b>2.1 Availability.</b> The Provider will use commercially reasonable efforts to make the "
                f"Covered Service available with a Monthly Uptime Percentage of at least {a}% during any "
                f'monthly billing cycle (the "Service Commitment"). 월간 가용률 {a}% 이상을 보장합니다.',
                look.body,
            )
        )
    if f.get("monitoring") is not None:
        out.append(
            look.p(
                "<b>2.2 Monitoring.</b> "
                + (
                    "Service health and incident information is published to customers on the status page "
                    "in real time: Yes. 이용자에게 모니터링 정보(서비스 상태, 장애 현황)를 실시간으로 제공합니다."
                    if f["monitoring"]
                    else "Monitoring information is not provided to customers: No. 모니터링 정보 미제공."
                ),
                look.body,
            )
        )
    backup = []
    if f.get("backup_frequency"):
        backup.append(f"Backup frequency 백업 주기: {escape(f['backup_frequency'])}")
    if f.get("rto_hours") is not None:
        backup.append(f"RTO (Recovery Time Objective) 목표복구시간: {hours(f['rto_hours'])}")
    if f.get("rpo_hours") is not None:
        backup.append(f"RPO (Recovery Point Objective) 목표복구시점: {hours(f['rpo_hours'])}")
    if backup:
        out.append(
            look.p(
                "<b>2.3 Backup and Recovery (백업 및 복구).</b> Customer data is backed up and restored as "
                "follows:<br/>" + "<br/>".join(f"&nbsp;&nbsp;– {b}" for b in backup),
                look.body,
            )
        )
    sup = []
    if f.get("support_hours"):
        sup.append(f"Support hours 고객지원 시간: {escape(f['support_hours'])} (KST)")
    if f.get("response_time_hours") is not None:
        sup.append(f"Initial response 최초 응답: within {hours(f['response_time_hours'])} 이내")
    if sup:
        out.append(
            look.p(
                "<b>2.4 Technical Support (기술지원).</b><br/>"
                + "<br/>".join(f"&nbsp;&nbsp;– {x}" for x in sup),
                look.body,
            )
        )
    return out


# ---------------------------------------------------------------- reseller agreement


def reseller_agreement(spec: DocSpec, path: Path, rng: random.Random) -> int:
    f, ctx, v = spec.fields, spec.ctx, spec.variant
    look = Look(rng, v, font=rng.choice(["gothic", "myeongjo", "barun"]))
    ds = rng.randint(0, 3)
    a_name = f.get("original_provider_name") or ""
    b_name = f.get("reseller_name") or ""
    svc = f.get("service_name") or ""
    story: list[Any] = []
    story += _title(look, "리셀러 계약서", "RESELLER AGREEMENT", True)
    if v != 2:
        story.append(look.p("(디지털서비스 공급 및 기술지원 협약서)", look.h1sub))
        story.append(Spacer(1, 3 * mm))
    parties = [
        [
            look.p("<b>Party 당사자</b>", look.cell),
            look.p("<b>Party A (갑) — Original Provider / 원 제공자</b>", look.cell),
            look.p("<b>Party B (을) — Reseller / 중개 제공자</b>", look.cell),
        ],
        [look.label("상호", "Company Name"), look.v(a_name), look.v(b_name)],
        [
            look.label("사업자등록번호", "Business Reg. No."),
            look.v(f.get("original_provider_brn") or ""),
            look.v(f.get("reseller_brn") or ""),
        ],
        [
            look.label("대표자", "Representative"),
            look.v(ctx.get("original_rep", "")),
            look.v(ctx.get("reseller_rep", "")),
        ],
    ]
    story.append(look.grid(parties, [W * 0.26, W * 0.37, W * 0.37], header=True))
    story.append(Spacer(1, 3 * mm))
    intro = (
        f'This Reseller Agreement (the "Agreement") is entered into as of '
        f"{escape(bdate(f['agreement_date'], ds))} by and between Party A and Party B.<br/>"
        if f.get("agreement_date")
        else 'This Reseller Agreement (the "Agreement") is entered into by and between Party A and Party B.<br/>'
    )
    story.append(
        look.p(
            intro
            + "갑과 을은 갑이 제공하는 디지털서비스를 을이 공공부문에 공급하고 기술지원하는 데 필요한 사항을 "
            "다음과 같이 정한다.",
            look.body,
        )
    )

    def article(n: int, en: str, ko: str, body_en: str, body_ko: str) -> list[Any]:
        return [
            look.p(f"Article {n} ({escape(en)}) 제{n}조({escape(ko)})", look.h2),
            look.p(body_en, look.body),
            look.p(f"<font color='#444444'>{body_ko}</font>", look.body),
        ]

    story += article(
        1,
        "Purpose",
        "목적",
        "The purpose of this Agreement is to set out the terms on which Party B resells and supports Party "
        "A's service to public institutions under the Digital Service Specialized Contract System.",
        "이 계약은 을이 디지털서비스 전문계약제도에 따라 갑의 서비스를 공공기관에 공급하고 기술지원하는 조건을 "
        "정함을 목적으로 한다.",
    )
    story += article(
        2,
        "Definitions",
        "정의",
        '"Service" means the digital service identified in Article 3. "Customer" means a public institution '
        "that purchases the Service through Party B.",
        '"서비스"란 제3조에서 정한 디지털서비스를, "고객"이란 을을 통하여 서비스를 구매하는 공공기관을 말한다.',
    )
    story += article(
        3,
        "Scope",
        "범위",
        f'Party A appoints Party B as a non-exclusive reseller of <b>{escape(svc)}</b> (the "Service") in '
        "the Republic of Korea public sector.",
        f"갑은 을을 대한민국 공공부문에 대한 「{escape(svc)}」의 비독점 중개 제공자로 지정한다.",
    )
    term_en = "This Agreement shall remain in force"
    term_ko = "이 계약의 유효기간은"
    if f.get("valid_from") and f.get("valid_until"):
        term_en += f" from {escape(bdate(f['valid_from'], ds))} until {escape(bdate(f['valid_until'], ds))}"
        term_ko += f" {ko_date(f['valid_from'])}부터 {ko_date(f['valid_until'])}까지로"
    story += article(
        4,
        "Term",
        "계약기간",
        term_en + ", and renews for successive one-year terms unless either party gives 60 days' notice.",
        term_ko + " 하며, 만료 60일 전까지 서면 통지가 없으면 1년씩 자동 연장된다.",
    )
    story += article(
        5,
        "Responsibilities",
        "역할 분담",
        "Each party shall perform the capability items allocated to it in Schedule 1 (Capability Split).",
        "갑과 을은 별표 1(원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서)에서 정한 항목을 각각 수행한다.",
    )
    story += article(
        6,
        "Security and Compliance",
        "보안 및 준수",
        "Party A shall maintain the cloud security certification (CSAP) of the Service during the Term.",
        "갑은 계약기간 동안 서비스의 클라우드 보안인증을 유지한다.",
    )
    story += article(
        7,
        "Governing Law",
        "준거법 및 관할",
        "This Agreement is governed by the laws of the Republic of Korea; the Seoul Central District Court "
        "has exclusive jurisdiction. The Korean text prevails in case of discrepancy.",
        "이 계약은 대한민국 법률에 따르며, 서울중앙지방법원을 전속관할로 한다. 국문과 영문이 다를 경우 국문이 우선한다.",
    )
    story.append(Spacer(1, 5 * mm))
    story.append(
        look.p(
            "IN WITNESS WHEREOF, the parties have executed this Agreement in duplicate. 이 계약의 성립을 증명하기 "
            "위하여 2부를 작성하여 각 1부씩 보관한다.",
            look.body,
        )
    )
    if f.get("agreement_date"):
        story.append(look.p(f"Date / 계약일 : {escape(bdate(f['agreement_date'], ds))}", look.center))
    sig = Table(
        [
            [
                look.p(
                    f"<b>Party A (갑)</b><br/>{escape(a_name)}<br/>Business Reg. No. {escape(f.get('original_provider_brn') or '')}"
                    f"<br/>대표이사 / CEO {escape(ctx.get('original_rep', ''))} &nbsp; (인)",
                    look.cell,
                ),
                look.p(
                    f"<b>Party B (을)</b><br/>{escape(b_name)}<br/>Business Reg. No. {escape(f.get('reseller_brn') or '')}"
                    f"<br/>대표이사 / CEO {escape(ctx.get('reseller_rep', ''))} &nbsp; (인)",
                    look.cell,
                ),
            ]
        ],
        colWidths=[W / 2, W / 2],
    )
    sig.setStyle(
        TableStyle(
            [("BOX", (0, 0), (-1, -1), 0.4, colors.grey), ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.grey)]
        )
    )
    story.append(KeepTogether([Spacer(1, 3 * mm), sig]))
    story.append(PageBreak())
    story.append(look.p("Schedule 1 — Capability Split / 별표 1", look.h2))
    story.append(look.p("원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서", look.body))
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Any]] = [
        [
            look.p("<b>No.</b>", look.cell),
            look.p("<b>Item / 항목</b>", look.cell),
            look.p("<b>Responsible Party / 책임 주체</b>", look.cell),
        ]
    ]
    for i, it in enumerate(f.get("capability_split") or [], 1):
        en, ko = RESP[it["responsible"]]
        item_en = ITEM_EN.get(it["item"])
        rows.append(
            [
                look.v(str(i)),
                look.p(
                    escape(it["item"])
                    + (f"<br/><font size='{look.size - 2}'>{escape(item_en)}</font>" if item_en else ""),
                    look.cell,
                ),
                look.v(f"{en} — {ko}" if v != 1 else f"{ko} ({en})"),
            ]
        )
    story.append(look.grid(rows, [W * 0.08, W * 0.55, W * 0.37], label_cols=(), header=True))
    story.append(Spacer(1, 3 * mm))
    story.append(
        look.p(
            "Party A = Original Provider (원 제공자), Party B = Reseller (중개 제공자), Joint = both parties "
            "(공동).",
            look.small,
        )
    )
    return render(
        path,
        story,
        look,
        band_left="Partner Program — Reseller Agreement (Korea)",
        band_right=f"Agreement No. RA-KR-{rng.randint(10000, 99999)}",
        footer_left=f"{a_name} / {b_name}",
        band=v != 0,
    )


# ---------------------------------------------------------------- free-text documents


def service_overview(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx, v = spec.ctx, spec.variant
    look = Look(rng, v)
    svc, company, cat = ctx.get("service_name", ""), ctx.get("company", ""), ctx.get("category_label", "")
    story: list[Any] = []
    story += _title(look, "디지털서비스 개요서", "Digital Service Overview", v != 0)
    story.append(
        look.grid(
            _rows(
                look,
                [
                    ("서비스명", "Service Name", svc),
                    ("제공기업", "Provider", company),
                    ("서비스 분야", "Service Category", cat),
                ],
            ),
            [W * 0.3, W * 0.7],
        )
    )
    for en, ko, body_en, body_ko in [
        (
            "Overview",
            "서비스 개요",
            f"{svc} is a cloud-native service delivered over the internet, localised for the Korean public sector.",
            f"{svc}은(는) 별도 구축 없이 인터넷으로 이용하는 서비스로, 공공부문 요구사항에 맞게 현지화되었습니다.",
        ),
        (
            "Key Features",
            "주요 기능",
            "Single sign-on, role-based access control, audit logs, Korean-language UI and data residency in Korea.",
            "통합 인증(SSO), 역할 기반 접근통제, 감사 로그, 한국어 UI, 국내 리전 데이터 저장.",
        ),
        (
            "Architecture",
            "서비스 구성",
            "Multi-zone deployment in a Korean region with encrypted storage and daily backups.",
            "국내 리전 다중 가용영역 구성, 저장 데이터 암호화, 정기 백업.",
        ),
        (
            "Pricing",
            "요금",
            "Per-user monthly subscription; volume discounts for institutions.",
            "사용자당 월 구독 요금, 기관 규모별 할인.",
        ),
    ]:
        story.append(look.p(f"{en} / {ko}", look.h2))
        story.append(
            look.p(f"{escape(body_en)}<br/><font color='#555555'>{escape(body_ko)}</font>", look.body)
        )
    return render(
        path, story, look, band_left=f"{company} · Product Sheet", band_right=svc, footer_left=company
    )


def capability_evidence(spec: DocSpec, path: Path, rng: random.Random) -> int:
    ctx, v = spec.ctx, spec.variant
    look = Look(rng, v)
    svc, company = ctx.get("service_name", ""), ctx.get("company", "")
    story: list[Any] = []
    story += _title(look, "디지털서비스 제공역량 증명자료", "Capability Statement", v != 0)
    story.append(look.p(f"{escape(company)} — {escape(svc)}", look.center))
    story.append(look.p("1. Track Record / 수행 실적", look.h2))
    rows = [
        [
            look.p("<b>Client 고객</b>", look.cell),
            look.p("<b>Project 사업</b>", look.cell),
            look.p("<b>Period 기간</b>", look.cell),
        ],
        [look.v("○○광역시청"), look.v(f"{svc} 구독형 도입"), look.v("2023.03 ~ 2024.02")],
        [look.v("한국○○공단"), look.v("클라우드 전환 및 운영"), look.v("2022.07 ~ 2023.06")],
        [look.v("Global HQ (APAC)"), look.v("Regional rollout support"), look.v("2021.01 ~ 2022.12")],
    ]
    story.append(look.grid(rows, [W * 0.3, W * 0.45, W * 0.25], label_cols=(), header=True))
    story.append(look.p("2. Staff / 인력 현황", look.h2))
    story.append(
        look.p(
            "Engineers 기술인력 24명 (Cloud architects 6, SRE 8, Security 4, Support 6). Certified staff: AWS/GCP "
            "professional certifications, 정보보안기사.",
            look.body,
        )
    )
    story.append(look.p("3. Support Organisation / 지원 체계", look.h2))
    story.append(
        look.p(
            "Korean help desk (1차 지원) with escalation to the global engineering team (2차/3차 지원). "
            "국내 헬프데스크와 글로벌 본사 엔지니어링 조직이 연계된 지원 체계를 운영합니다.",
            look.body,
        )
    )
    return render(
        path,
        story,
        look,
        band_left=f"{company} · Capability Statement",
        band_right="제공역량",
        footer_left=company,
    )


BUILDERS = {
    "application_form": application_form,
    "corporate_registry": corporate_registry,
    "business_registration": business_registration,
    "credit_rating": credit_rating,
    "csap_certificate": csap_certificate,
    "sla_policy": sla_policy,
    "reseller_agreement": reseller_agreement,
    "service_overview": service_overview,
    "capability_evidence": capability_evidence,
}


def draw(spec: DocSpec, path: Path, rng: random.Random) -> int:
    builder = BUILDERS.get(spec.type)
    if builder is None:  # unknown pages, quality reports: the sample generator's own
        return int(generate.draw(spec, path, rng))
    return builder(spec, path, rng)


__all__ = ["FAMILY", "FILE_NAMES", "draw"]
