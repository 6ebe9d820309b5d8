"""Documents printed from web pages by a browser: HTML + CSS printed to PDF by headless Chromium.

Every document is an HTML page (ruled tables, shaded label cells, the Nanum fonts through @font-face)
printed by Debian's Chromium the way a portal's "인쇄" button or an e-contract platform's download
produces it: Chromium's Page.printToPDF, driven through Playwright (one browser kept open for the
whole build; the `chromium --headless --print-to-pdf` command line is the fallback and gives the
same PDF). Browser print headers and footers (print date and time, page title, URL, page x/y) are
drawn in the page's @page margin boxes, as the browser draws its own.
"""

from __future__ import annotations

import atexit
import hashlib
import html
import math
import random
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="web_prints",
    title="documents printed from web pages by a browser (HTML → PDF)",
    written="2026-12-02",
    written_by="helper session web_prints; did not read src/dsreview/extractors or forms/documents",
    imitates={
        "business_registration": (
            "사업자등록증 reissued on 국세청 홈택스 (민원증명 > 사업자등록증 재발급 > 인터넷접수목록 > "
            "발급번호 > 인쇄) and printed from the browser: label | value table, 업태 | 종목 pairs, "
            "date line, ○○세무서장 with seal, browser print header/footer. Steps from iecocok.kr/51804 "
            "and bimmer5.com/?p=51878 (search, pages); the form's labels from my knowledge of the real "
            "certificate (the stored sources do not show it)"
        ),
        "corporate_registry": (
            "대법원 인터넷등기소 법인 등기사항전부증명서(현재 유효사항) 열람용 print: '열람용' watermark, "
            "등기번호 in the page header, 열람일시 in the footer,"
            " sections as tables, 목적 as a numbered list, "
            "임원 as a table, 관할등기소 at the end; 열람 (700원) vs 발급 and '열람용은 법적 효력 없음' from "
            "wow.infobaksa.com and treeapril.com/103 (search, pages); the section order from my knowledge "
            "of the real document"
        ),
        "credit_rating": (
            "SCI평가정보 기업신용등급확인서 from its web issuing service: logo band, 업체명/사업자등록번호/"
            "대표자/설립일자, grade printed with 0 (BBB0), 현금흐름등급, 결산기준일, 평가일자, 유효기간 "
            "시작일/종료일, grade definitions, SCI평가정보(주) block. The validity rule (18 months from "
            "the settlement date, at most one year) from seoulcredit.co.kr/notice uid=9; 등급정의 wording "
            "from whereistheblue.co.kr/?p=44374 (search, pages); the layout from my knowledge"
        ),
        "csap_certificate": (
            "KISA isms.kisa.or.kr 클라우드 보안인증(CSAP) 인증현황 web page printed to PDF: one-row list "
            "(인증번호 | 서비스명 | 기업명 | 인증유형 | 인증등급 | 인증일 | 만료일), KISA footer. Types and "
            "상/중/하 grades from zdnet.co.kr 20250217161921 and isms.kisa.or.kr/main/csap/intro (search, "
            "pages); the list's columns as the brief gives them (the stored sources do not show the page)"
        ),
        "sla_policy": (
            "a vendor website's 서비스 수준 협약(SLA) page printed from the browser: definition list with "
            "the levels in words, service-credit table, site header and footer (my knowledge of Korean "
            "SaaS vendors' SLA pages; no stored source)"
        ),
        "reseller_agreement": (
            "an e-contract platform's completed document (모두싸인 / 이폼싸인 style): cover summary, 갑/을 "
            "articles, 명세서 as 항목 | 책임 table, e-signature stamps, and the appended audit-trail page "
            "(문서 ID, 해시, 서명 시각, IP, 인증 수단) — the audit trail's contents from eformsign.com/kr/"
            "blog/eformsign-audit-trail-certificate-legality and modusign.co.kr/identify (search, pages)"
        ),
        "application_form": (
            "the 심사 신청서 as printed from the 디지털서비스 이용지원시스템 web form (digitalmarket.kr "
            "style): 기업 정보 / 서비스 정보 / 담당자 정보 sections, 4-column label | value grid, radio "
            "buttons ●/○, 신청일 as YYYY-MM-DD (no stored source shows the web form; DOMAIN §11)"
        ),
        "service_overview": (
            "a vendor's product page printed as its 디지털서비스 개요서 (hero, 기능 cards, 구성도, 요금)"
        ),
        "capability_evidence": (
            "a vendor's company page printed as 제공역량 증명자료 (실적, 인력, 인증, 지원체계)"
        ),
    },
    seed=7404,
)

FILE_NAMES = {
    "application_form": ["디지털서비스_심사신청서_출력본.pdf", "신청서_이용지원시스템.pdf"],
    "corporate_registry": ["등기사항전부증명서_열람용.pdf", "법인등기_열람.pdf"],
    "business_registration": ["사업자등록증_홈택스_재발급.pdf", "사업자등록증.pdf"],
    "credit_rating": ["SCI_기업신용등급확인서.pdf", "신용등급확인서_SCI평가정보.pdf"],
    "service_overview": ["서비스개요서_웹.pdf", "디지털서비스개요서.pdf"],
    "capability_evidence": ["제공역량_증명자료.pdf", "회사소개_수행실적.pdf"],
    "csap_certificate": ["CSAP_인증현황_KISA.pdf", "클라우드보안인증_현황.pdf"],
    "sla_policy": ["SLA_서비스수준협약_홈페이지.pdf", "서비스수준협약.pdf"],
    "reseller_agreement": ["전자계약_공급및기술지원협약서_완료.pdf", "협약서_전자서명완료.pdf"],
}

NANUM = "/usr/share/fonts/truetype/nanum"
FONT_FILES = {
    "Nanum Gothic": ("NanumGothic.ttf", "NanumGothicBold.ttf"),
    "Nanum Myeongjo": ("NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf"),
    "Nanum Barun Gothic": ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
    "Nanum Square": ("NanumSquareR.ttf", "NanumSquareB.ttf"),
    "Nanum Square Round": ("NanumSquareRoundR.ttf", "NanumSquareRoundB.ttf"),
}
CATEGORY = {
    "cloud_computing": "클라우드컴퓨팅서비스",
    "cloud_support": "클라우드 지원서비스",
    "convergence": "융합서비스",
}
SUPPORT = {"consulting": "컨설팅", "operations": "운영관리", "migration": "마이그레이션"}
PROVIDER = {"original": "원 제공자", "reseller": "중개 제공자"}
RESPONSIBLE = {"original": "원 제공자", "reseller": "중개 제공자", "shared": "공동"}

# The registry is printed before the credit certificate in every bundle: its 회사성립연월일 is what
# SCI's certificate prints as 설립일자 (keyed by 법인등록번호; the certificate's own data lacks it).
_FOUNDED: dict[str, date] = {}
# The application form is printed first: its date is when the vendor printed the web pages it submits.
_APPLIED: dict[str, date] = {}


# ---------------------------------------------------------------- printing


class _Printer:
    """One headless Chromium for the whole build (Playwright), or the command line if that fails."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="web_prints-"))
        self._pw: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._cli = False
        atexit.register(self.close)

    def _start(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            )
            self._page = self._browser.new_page()
        except Exception:
            self._cli = True

    def print(self, markup: str, out: Path) -> int:
        src = self.tmp / "page.html"
        src.write_text(markup, encoding="utf-8")
        if self._page is None and not self._cli:
            self._start()
            if not self._cli:
                # a file:// document first, so that the pages written into it may load the font files
                self._page.goto(src.as_uri(), wait_until="load")
        if not self._cli:
            self._page.set_content(markup, wait_until="load")
            self._page.evaluate("document.fonts.ready.then(() => true)")
            self._page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
        else:
            subprocess.run(
                [
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={out}",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    f"--user-data-dir={self.tmp / 'chrome'}",
                    src.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        pdf = pdfium.PdfDocument(str(out))
        try:
            return len(pdf)
        finally:
            pdf.close()

    def close(self) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
            if self._pw is not None:
                self._pw.stop()
        except Exception:
            pass
        self._browser = self._pw = self._page = None
        shutil.rmtree(self.tmp, ignore_errors=True)


_PRINTER: _Printer | None = None


def _print(markup: str, path: Path) -> int:
    global _PRINTER
    if _PRINTER is None:
        _PRINTER = _Printer()
    return _PRINTER.print(markup, path)


# ---------------------------------------------------------------- HTML helpers


def e(value: Any) -> str:
    return html.escape(str(value))


def font_faces() -> str:
    out = []
    for family, (regular, bold) in FONT_FILES.items():
        for weight, name in (("400", regular), ("700", bold)):
            uri = Path(NANUM, name).as_uri()
            out.append(f"@font-face{{font-family:'{family}';src:url('{uri}');font-weight:{weight}}}")
    return "\n".join(out)


def margin_boxes(
    tl: str = "",
    tc: str = "",
    tr: str = "",
    bl: str = "",
    bc: str = "",
    br: str = "",
    font: str = "Nanum Gothic",
) -> str:
    """@page margin boxes: what a browser prints in its header and footer."""

    def box(name: str, text: str) -> str:
        if text == "PAGES":
            content = 'counter(page) "/" counter(pages)'
        elif text == "PAGES_SPACED":
            content = 'counter(page) " / " counter(pages)'
        else:
            content = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"@{name}{{content:{content};font-family:'{font}';font-size:7.5pt;color:#333}}"

    boxes = [("top-left", tl), ("top-center", tc), ("top-right", tr)]
    boxes += [("bottom-left", bl), ("bottom-center", bc), ("bottom-right", br)]
    return "".join(box(n, t) for n, t in boxes if t)


def page(title: str, css: str, body: str, *, margins: str = "12mm 11mm 13mm 11mm", boxes: str = "") -> str:
    return (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{font_faces()}\n"
        f"@page{{size:A4;margin:{margins};{boxes}}}\n"
        "*{box-sizing:border-box}html,body{margin:0;padding:0}"
        "table{border-collapse:collapse}"
        f"{css}</style></head><body>{body}</body></html>"
    )


def browser_stamp(d: date, rng: random.Random) -> str:
    """Chromium's header date in a Korean locale: '24. 3. 15. 오후 3:12'."""
    hour = rng.randint(9, 18)
    half = "오전" if hour < 12 else "오후"
    h12 = hour if hour <= 12 else hour - 12
    return f"{d.year % 100}. {d.month}. {d.day}. {half} {h12}:{rng.randint(0, 59):02d}"


def seal(text: str, *, size: int = 62, left: str = "auto", top: str = "-14px", square: bool = False) -> str:
    """A red seal stamped over a name: its characters in a grid inside a circle or a square."""
    chars = text.replace(" ", "")
    cols = max(2, math.ceil(math.sqrt(len(chars))))
    fs = int(size * (0.62 if square else 0.55) / cols)
    radius = "5px" if square else "50%"
    return (
        f'<span class="seal" style="width:{size}px;height:{size}px;left:{left};top:{top};'
        f'border-radius:{radius};font-size:{fs}px;padding:{size // (8 if square else 6)}px">{e(chars)}</span>'
    )


SEAL_CSS = (
    ".seal{position:absolute;display:inline-flex;align-items:center;justify-content:center;"
    "border:2.5px solid #d4242b;color:#d4242b;font-family:'Nanum Myeongjo';font-weight:700;line-height:1.02;"
    "letter-spacing:0;text-align:center;opacity:.8;transform:rotate(-6deg);word-break:break-all}"
)


def barcode(rng: random.Random, width: int = 220, height: int = 34) -> str:
    x, bars = 0, []
    while x < width - 4:
        w = rng.choice([1, 1, 2, 3])
        bars.append(f'<rect x="{x}" y="0" width="{w}" height="{height}"/>')
        x += w + rng.choice([1, 2, 2, 3])
    return f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}">{"".join(bars)}</svg>'


def d_kor_spaced(d: date) -> str:
    return f"{d.year} 년 {d.month:02d} 월 {d.day:02d} 일"


def d_dot(d: date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def hours(h: float) -> str:
    if h < 1:
        return f"{round(h * 60)}분"
    return f"{int(h) if h == int(h) else h}시간"


def radios(options: dict[str, str], value: Any) -> str:
    return "&nbsp;&nbsp;&nbsp;".join(
        f'<span class="radio">{"●" if key == value else "○"} {e(label)}</span>'
        for key, label in options.items()
    )


def grade_printed(grade: str) -> str:
    """SCI prints the middle grade of a band with a 0: BBB → BBB0, B → B0."""
    if grade in ("AAA", "CC", "C", "D", "NR", "NCR", "R") or grade[-1] in "+-":
        return grade
    return grade + "0"


def domain_of(company: str) -> str:
    stem = company.replace("주식회사", "").replace("(주)", "").replace("㈜", "").strip()
    table = str.maketrans("", "", " ()")
    return "www." + hashlib.sha1(stem.translate(table).encode()).hexdigest()[:7] + ".co.kr"


# ---------------------------------------------------------------- 홈택스 사업자등록증


def business_registration(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    issue: date = f["issue_date"]
    issue_no = (
        f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"
    )
    types, items = list(f["business_types"]), list(f["business_items"])
    n = max(len(types), len(items))
    kinds = "".join(
        f"<tr><td>{e(types[i]) if i < len(types) else ''}</td>"
        f"<td>{e(items[i]) if i < len(items) else ''}</td></tr>"
        for i in range(n)
    )
    rows = [
        ("등록번호", f["registration_number"]),
        ("상호", f["company_name"]),
        ("대표자 성명", f["representative"]),
        ("개업연월일", d_kor_spaced(f["opening_date"])),
        ("법인등록번호", f["corporate_registration_number"]),
        ("사업장 소재지", f["business_address"]),
        ("본점 소재지", f["head_office_address"]),
    ]
    table = "".join(
        f"<tr><th{'' if ' ' in k else ' class=j'}>{e(k)}</th><td>{e(v)}</td></tr>"
        for k, v in rows
        if v is not None
    )
    table += (
        '<tr><th>사업의 종류</th><td class="inner"><table class="kinds"><tr><th>업태</th><th>종목</th></tr>'
        f"{kinds}</table></td></tr>"
        "<tr><th>발급사유</th><td>재발급(분실 등)</td></tr>"
        "<tr><th>공동사업자</th><td></td></tr>"
        "<tr><th>사업자 단위 과세 적용사업자 여부</th><td>여( &nbsp; ) &nbsp; 부( √ )</td></tr>"
        "<tr><th>전자세금계산서 전용 전자우편주소</th><td></td></tr>"
    )
    css = (
        "body{font-family:'Nanum Gothic';font-size:10.5pt;color:#111}"
        ".top{display:flex;justify-content:space-between;align-items:flex-end;font-size:8.5pt;color:#333}"
        ".sheet{border:2px solid #333;padding:22px 26px 26px;margin-top:6px;position:relative}"
        "h1{text-align:center;font-size:25pt;letter-spacing:14px;margin:8px 0 2px}"
        ".sub{text-align:center;margin:0 0 18px;font-size:11pt}"
        "table.def{width:100%;border-top:2px solid #333}"
        "table.def>tbody>tr>th{width:31%;background:#eef1f5;border:1px solid #9aa3ad;padding:8px 10px;"
        "font-weight:700;text-align:left}table.def th.j{text-align:j"
        "ustify;text-align-last:justify;text-justify:inter-character}"
        "table.def>tbody>tr>td{border:1px solid #9aa3ad;padding:8px 10px}"
        "td.inner{padding:4px !important}table.kinds{width:100%}"
        "table.kinds th{background:#f7f7f7;border:1px solid "
        "#bbb;padding:4px;font-weight:700;text-align:center}"
        "table.kinds td{border:1px solid #bbb;padding:4px 8px}table.kinds tr>*:first-child{width:34%}"
        ".date{text-align:center;font-size:13pt;margin:34px 0 18px;letter-spacing:1px}"
        ".office{text-align:center;font-size:19pt;font-weight:700;letter-spacing:4px;position:relative}"
        ".office .anchor{position:relative;display:inline-block}"
        ".notes{font-size:8.5pt;color:#333;margin-top:34px;line-height:1.6}"
        ".bc{display:flex;justify-content:space-between;align-items:center;margin-top:12px;font-size:8pt}"
        + SEAL_CSS
    )
    body = (
        f'<div class="top"><span>발급번호 : {issue_no}</span><span>처리기간 : 즉시</span></div>'
        '<div class="sheet">'
        "<h1>사업자등록증</h1>"
        '<p class="sub">( 법인사업자 )</p>'
        f'<table class="def">{table}</table>'
        f'<div class="date">{d_kor_spaced(issue)}</div>'
        f'<div class="office"><span class="anchor">{e(f["tax_office"])}장'
        f"{seal(f['tax_office'] + '장인', size=66, left='calc(100% - 30px)', top='-22px', square=True)}"
        "</span></div>"
        '<div class="notes">※ 이 증명은 국세청 홈택스에서 발급된 것으로, 홈택스(www.hometax.go.kr) '
        "[민원증명 &gt; 민원증명 원본확인]에서 발급번호로 위·변조 여부를 확인할 수 있습니다.<br>"
        "※ 사업자등록증은 사업자등록 사실을 증명하는 것이며, 사업 허가·등록·신고 등을 증명하는 것은 아닙니다."
        "</div>"
        f'<div class="bc">{barcode(rng)}<span>국세청 홈택스 인터넷 발급</span></div>'
        "</div>"
    )
    boxes = margin_boxes(
        tl=browser_stamp(issue, rng),
        tc="국세청 홈택스 - 민원증명 사업자등록증 재발급",
        bl="https://hometax.go.kr/websquare/websquare.html?w2xPath=/ui/pp/index_pp.xml&menuCd=UTERNAAZ91",
        br="PAGES",
    )
    return page("국세청 홈택스 - 사업자등록증", css, body, boxes=boxes)


# ---------------------------------------------------------------- 인터넷등기소 열람용


def corporate_registry(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    issue: date = f["issue_date"]
    if f.get("corporate_registration_number") and f.get("incorporation_date"):
        _FOUNDED[f["corporate_registration_number"]] = f["incorporation_date"]
    clock = f"{rng.randint(9, 22):02d}시{rng.randint(0, 59):02d}분{rng.randint(0, 59):02d}초"
    viewed = f"{issue.year}년{issue.month:02d}월{issue.day:02d}일 {clock}"
    incorp = f["incorporation_date"]
    capital = f["capital"]
    shares = capital // 5000 if capital else 0
    odate = ctx.get("officer_date", issue - timedelta(days=500))

    def row(label: str, value: str, note: str = "") -> str:
        spaced_label = "&nbsp;&nbsp;".join(e(ch) for ch in label) if len(label) <= 4 else e(label)
        return f'<tr><th>{spaced_label}</th><td>{value}</td><td class="reg">{note}</td></tr>'

    head = '<table class="sec">'
    if f.get("registry_number"):
        head += row("등기번호", e(f["registry_number"]))
    if f.get("corporate_registration_number"):
        head += row("등록번호", e(f["corporate_registration_number"]))
    head += "</table>"
    sec1 = '<table class="sec">'
    if f.get("company_name"):
        sec1 += row("상호", e(f["company_name"]))
    if f.get("head_office"):
        sec1 += row("본점", e(f["head_office"]))
    sec1 += row("공고방법", "서울특별시에서 발행되는 일간 한국경제신문에 게재한다.")
    sec1 += row("1주의 금액", "금 5,000 원")
    sec1 += row("발행할 주식의 총수", f"{ctx.get('shares_total', 1_000_000):,} 주")
    sec1 += "</table>"
    sec2 = ""
    if capital:
        sec2 = (
            '<table class="grid"><tr><th>발행주식의 총수와<br>그 종류 및 각각의 수</th><th>자본금의 액</th>'
            "<th class='reg'>변경 연월일<br>등기 연월일</th></tr>"
            f"<tr><td>발행주식의 총수 &nbsp; {shares:,} 주<br>보통주식 &nbsp; {shares:,} 주</td>"
            f"<td class='money'>금 {capital:,} 원</td><td class='reg'></td></tr></table>"
        )
    purposes = ""
    if f.get("purposes"):
        items = "".join(f"<li>{e(p)}</li>" for p in f["purposes"])
        purposes = (
            '<table class="sec"><tr><th>목&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;적</th>'
            f'<td><ol class="purp">{items}</ol></td><td class="reg"></td></tr></table>'
        )
    officers: list[tuple[str, str]] = [("사내이사", n) for n in ctx.get("directors", [])]
    officers += [("대표이사", n) for n in (f.get("representatives") or [])]
    if ctx.get("auditor"):
        officers.append(("감사", ctx["auditor"]))
    orows = ""
    for role, name in officers:
        birth = f"{rng.randint(60, 92)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******"
        addr = (
            e(f["head_office"].split(",")[0].rsplit(" ", 1)[0])
            if role == "대표이사" and f.get("head_office")
            else ""
        )
        orows += (
            f"<tr><td class='c'>{e(role)}</td><td class='c'>{e(name)}</td><td class='c'>{birth}</td>"
            f"<td>{addr}</td><td class='reg'>{d_kor_spaced(odate)} 취임<br>"
            f"{d_kor_spaced(odate + timedelta(days=rng.randint(3, 12)))} 등기</td></tr>"
        )
    officers_html = (
        '<h3>임원에 관한 사항</h3><table class="grid officers"><tr><th>직 위</th><th>성 명</th>'
        f"<th>주민등록번호</th><th>주 소</th><th class='reg'>등기사항</th></tr>{orows}</table>"
    )
    tail = '<table class="sec">'
    if incorp:
        tail += row("회사성립연월일", d_kor_spaced(incorp))
        tail += row("등기기록의 개설 사유 및 연월일", f"설립 &nbsp; {d_kor_spaced(incorp)} &nbsp; 등기")
    tail += "</table>"
    office = f.get("registry_office")
    ending = (
        '<p class="end">-- 이 하 여 백 --</p>'
        + (f'<p class="office">관할등기소 &nbsp; {e(office)}</p>' if office else "")
        + '<p class="small">* 실선으로 그어진 부분은 말소사항을 표시함.<br>'
        "* 본 등기사항증명서는 열람용이므로 출력하신 등기사항증명서는 법적인 효력이 없습니다.</p>"
    )
    css = (
        "body{font-family:'Nanum Myeongjo';font-size:10.8pt;color:#000;line-height:1.5}"
        ".wm{position:fixed;top:36%;left:4%;width:92%;text-align:center;font-family:'Nanum Gothic';"
        "font-weight:700;font-size:110pt;letter-spacing:40px;color:rgba(120,120,120,.16);"
        "transform:rotate(-33deg);z-index:-1}"
        "h1{text-align:center;font-size:17pt;margin:6px 0 2px;letter-spacing:2px}"
        ".kind{text-align:center;margin:0 0 10px}"
        "table.sec,table.grid{width:100%;margin-bottom:-1px}"
        "table.sec th{width:22%;border:1px solid #444;padding:9px 8px;font-weight:400;text-align:center}"
        "table.sec td{border:1px solid #444;padding:9px 10px}"
        "td.reg,th.reg{width:25%;font-size:8.8pt;text-align:center;border:1px solid #444}"
        "table.grid th{border:1px solid #444;padding:5px;font-weight:400;background:#fff}"
        "table.grid td{border:1px solid #444;padding:5px 8px"
        "}td.c{text-align:center}td.money{text-align:center}"
        "h3{font-size:10.5pt;font-weight:400;text-align:center;border:1px solid #444;border-bottom:0;"
        "margin:14px 0 0;padding:5px;letter-spacing:3px}"
        "ol.purp{margin:0;padding-left:22px;line-height:1.7}"
        ".end{text-align:center;margin:18px 0 8px}.office{margin:4px 0 8px}"
        ".small{font-size:8.5pt;line-height:1.6}"
        "table{page-break-inside:auto}tr{page-break-inside:avoid}"
    )
    body = (
        '<div class="wm">열람용</div>'
        "<h1>등기사항전부증명서(현재 유효사항)</h1>"
        '<p class="kind">- 법인 -</p>'
        f"{head}<div style='height:10px'></div>{sec1}{sec2}{purposes}{officers_html}"
        f"<div style='height:12px'></div>{tail}{ending}"
    )
    boxes = margin_boxes(
        tl=f"등기번호 {f['registry_number']}" if f.get("registry_number") else "",
        tr="[ 열 람 용 ]",
        bl=f"열람일시 : {viewed}",
        br="PAGES",
        font="Nanum Myeongjo",
    )
    return page("인터넷등기소 - 법인등기 열람", css, body, margins="16mm 14mm 16mm 14mm", boxes=boxes)


# ---------------------------------------------------------------- SCI평가정보 기업신용등급확인서


GRADE_DEFS = [
    ("AAA", "상거래를 위한 신용능력이 최우량급이며, 환경변화에 충분한 대처가 가능한 기업"),
    ("AA", "상거래를 위한 신용능력이 우량하며, 환경변화에 적절한 대처가 가능한 기업"),
    ("A", "상거래를 위한 신용능력이 양호하며, 환경변화에 대한 대처능력이 제한적인 기업"),
    ("BBB", "상거래를 위한 신용능력이 양호하나, 경제여건 및 환경악화에 따라 거래안정성 저하가 우려되는 기업"),
    ("BB", "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시 거래안정성 저하가 우려되는 기업"),
    ("B", "상거래를 위한 신용능력이 보통이며, 경제여건 및 환경악화 시 거래안정성 저하 가능성이 높은 기업"),
    ("CCC", "상거래를 위한 신용능력이 보통 이하이며, 거래안정성 저하가 예상되어 주의를 요하는 기업"),
    ("CC", "상거래를 위한 신용능력이 매우 낮으며, 거래의 안정성이 낮은 기업"),
    ("C", "상거래를 위한 신용능력이 최하위 수준이며, 거래위험 발생 가능성이 매우 높은 기업"),
    ("D", "현재 신용위험이 실제 발생하였거나, 신용위험에 준하는 상태에 처해 있는 기업"),
]


def credit_rating(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    f["agency"] = "SCI평가정보"  # this family's issuer (truth is written from spec.fields after draw)
    issued: date = ctx.get("issue_date") or f["evaluation_date"]
    founded = _FOUNDED.get(ctx.get("crn", ""))

    def cell(v: Any, fmt: Any = None) -> str:
        if v is None:
            return ""
        return e(fmt(v) if fmt else v)

    second = ("설립일자", d_dot(founded)) if founded else ("법인등록번호", ctx.get("crn", ""))
    info = (
        '<table class="info">'
        f"<tr><th>업체명</th><td>{cell(f['company_name'])}</td><th>대"
        f"표자</th><td>{e(ctx.get('representative', ''))}</td></tr>"
        f"<tr><th>사업자등록번호</th><td>{cell(f['business_registration_number'])}</td>"
        f"<th>{second[0]}</th><td>{e(second[1])}</td></tr>"
        f"<tr><th>주소</th><td colspan='3'>{e(ctx.get('address', ''))}</td></tr></table>"
    )
    rating = grade_printed(f["rating"]) if f.get("rating") else ""
    result = (
        '<table class="res"><tr><th>신용평가등급</th><th>'
        "현금흐름등급</th><th>결산기준일</th><th>평가일자</th></tr>"
        f"<tr><td class='grade'>{e(rating)}</td><td class='grade cf'>{cell(f.get('cash_flow_grade'))}</td>"
        f"<td>{cell(f.get('settlement_date'), d_dot)}</td><t"
        f"d>{cell(f.get('evaluation_date'), d_dot)}</td></tr>"
        "</table>"
        '<table class="res valid"><tr><th>유효기간 시작일</th>'
        f"<td>{cell(f.get('valid_from'), d_dot)}</td><th>유효기간 종료일</th>"
        f"<td>{cell(f.get('valid_until'), d_dot)}</td></tr></table>"
    )
    defs = "".join(f"<tr><td class='g'>{g}</td><td>{e(t)}</td></tr>" for g, t in GRADE_DEFS)
    ceo = ctx.get("agency_ceo", "")
    css = (
        "body{font-family:'Nanum Square';font-size:10pt;color:#1b1b1b}"
        ".band{display:flex;justify-content:space-between;align-items:center;background:#12397a;color:#fff;"
        "padding:10px 16px;border-bottom:4px solid #e48a1b}"
        ".logo{font-size:20pt;font-weight:700;letter-spacing:1px}.logo b{background:#fff;color:#12397a;"
        "padding:0 6px;margin-right:6px;border-radius:3px}.band .svc{font-size:9pt}"
        ".meta{display:flex;justify-content:space-between;font-size:8.5pt;margin:10px 2px}"
        "h1{text-align:center;font-size:22pt;margin:14px 0 18px;letter-spacing:3px}"
        "h2{font-size:11pt;margin:16px 0 6px;padding-left:8px;border-left:4px solid #12397a}"
        "table{width:100%}th,td{border:1px solid #8c9bb0;padding:8px 9px}"
        "table.info th{background:#e7edf6;width:17%;text-align:left;font-weight:700}"
        "table.res th{background:#e7edf6;font-weight:700;text-align:center}table.res td{text-align:center}"
        "td.grade{font-size:16pt;font-weight:700;color:#12397a}td.cf{font-size:13pt}"
        "table.valid{margin-top:-1px}table.valid th{width:20%}"
        ".confirm{text-align:center;margin:22px 0 6px;font-size:11pt}"
        ".issued{text-align:center;margin:6px 0 14px;font-size:11pt}"
        ".issuer{text-align:center;font-size:16pt;font-weight:700;position:relative}"
        ".issuer .anchor{position:relative;display:inline-block}.issuer .ceo{font-size:11.5pt}"
        "table.defs{font-size:7.5pt;margin-top:20px}table.defs td{padding:3px 6px;border-color:#c5cdd8}"
        "td.g{width:9%;text-align:center;font-weight:700}"
        ".foot{font-size:7.5pt;color:#444;margin-top:10px;line-height:1.6}" + SEAL_CSS
    )
    body = (
        '<div class="band"><span class="logo"><b>SCI</b>평가정보</span>'
        '<span class="svc">기업신용평가 인터넷 발급서비스</span></div>'
        f'<div class="meta"><span>발급번호 : {e(ctx.get("cert_no", ""))}</span>'
        "<span>용도 : 공공기관 제출용</span></div>"
        "<h1>기업신용등급확인서</h1>"
        f"<h2>기업개요</h2>{info}<h2>평가결과</h2>{result}"
        '<p class="confirm">상기 업체의 기업신용평가 결과가 위와 같음을 확인합니다.</p>'
        f'<p class="issued">{issued.year}년 {issued.month:02d}월 {issued.day:02d}일</p>'
        '<div class="issuer"><span class="anchor">SCI평가정보(주) &nbsp; '
        f'<span class="ceo">대표이사 &nbsp;{e(ceo)}</span>'
        f"{seal('SCI평가정보 대표이사인', size=64, left='calc(100% - 24px)', top='-20px')}</span></div>"
        f'<table class="defs"><tr><th colspan="2">신용평가등급 정의</th></tr>{defs}</table>'
        '<p class="foot">※ AA등급부터 CCC등급까지는 +, 0, - 기호를 부가하여 등급 내 우열을 나타냅니다.<br>'
        "※ 현금흐름등급은 CF1(우수)부터 CF6(위험)까지 6단계로 구분하며, 유효기간은 결산기준일로부터 "
        "18개월을 초과하지 않는 범위에서 평가일로부터 최대 1년입니다.<br>"
        "※ 본 확인서의 진위여부는 당사 홈페이지에서 발급번호로 확인하실 수 있습니다.</p>"
    )
    boxes = margin_boxes(
        tl=browser_stamp(issued, rng),
        tc="SCI평가정보 - 기업신용등급확인서 출력",
        bl="https://www.seoulcredit.co.kr/rating/certificate/print",
        br="PAGES",
    )
    return page("SCI평가정보 기업신용등급확인서", css, body, boxes=boxes)


# ---------------------------------------------------------------- KISA CSAP 인증현황


def csap_certificate(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    issued: date = f["issue_date"] or f["valid_from"]
    printed = max(issued, _APPLIED.get("date", issued) - timedelta(days=rng.randint(1, 20)))
    grade = f.get("grade") or "-"

    def dash(d: date | None) -> str:
        return d.isoformat() if d else ""

    row = (
        f"<tr><td>{e(f.get('certificate_number') or '')}</td>"
        f"<td class='l'>{e(f.get('service_name') or '')}</td>"
        f"<td>{e(f.get('company_name') or '')}</td><td>{e(f.get('certification_type') or '')}</td>"
        f"<td>{e(grade)}</td><td>{dash(f.get('valid_from') or f.get('issue_date'))}</td>"
        f"<td>{dash(f.get('valid_until'))}</td></tr>"
    )
    css = (
        "body{font-family:'Nanum Barun Gothic';font-size:9.5pt;color:#222}"
        ".gnb{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ccd;"
        "padding:6px 4px 10px}.brand{font-weight:700;font-size:13pt;color:#0a4aa6}"
        ".brand small{display:block;font-size:8pt;color:#555;font-weight:400}"
        ".menu span{margin-left:18px;font-weight:700;font-size:10pt}.menu .on{color:#0a4aa6}"
        ".crumb{font-size:8pt;color:#777;text-align:right;margin:10px 0 0}"
        "h2{font-size:17pt;margin:6px 0 14px;padding-bottom:10px;border-bottom:2px solid #0a4aa6}"
        "h3{font-size:12pt;margin:18px 0 8px}"
        ".search{background:#f4f6fa;border:1px solid #dde2ea;padding:10px 14px;margin-bottom:10px;"
        "display:flex;gap:8px;align-items:center}.search .box{border:1px solid #aab;background:#fff;"
        "padding:3px 8px;min-width:200px}.search .btn{background:#0a4aa6;color:#fff;padding:3px 12px}"
        ".count{font-size:9pt;margin:6px 0}.count b{color:#0a4aa6}"
        "table.list{width:100%;border-top:2px solid #333}"
        "table.list th{background:#f0f2f6;border-bottom:1px solid #aab;padding:8px 4px;font-size:9pt}"
        "table.list td{border-bottom:1px solid #ccd;padding:10px 4px;text-align:center;font-size:9pt}"
        "td.l{text-align:left !important}"
        ".pager{text-align:center;margin:14px 0;font-size:9pt}.pager b{border:1px solid #0a4aa6;"
        "color:#0a4aa6;padding:1px 7px}"
        ".info{font-size:8.5pt;color:#444;line-height:1.7;border:1px solid #e2e5ea;padding:10px 14px}"
        ".foot{margin-top:60px;border-top:1px solid #ccd;paddi"
        "ng-top:10px;font-size:8pt;color:#555;line-height:1.6}"
        ".foot b{color:#222;font-size:9.5pt}"
    )
    body = (
        '<div class="gnb"><span class="brand">KISA 정보보호 인증<small>ISMS-P · CSAP 인증 안내</small></span>'
        '<span class="menu"><span>ISMS-P</span><span class="on">클라우드 보안인증(CSAP)</span>'
        "<span>인증기관</span><span>알림마당</span></span></div>"
        '<p class="crumb">HOME &gt; 클라우드 보안인증(CSAP) &gt; 인증현황</p>'
        "<h2>클라우드 보안인증 현황</h2>"
        '<div class="search"><span>서비스명</span>'
        f'<span class="box">{e(f.get("service_name") or "")}</span><span class="btn">검색</span></div>'
        "<h3>클라우드서비스 보안인증서</h3>"
        '<p class="count">총 <b>1</b>건</p>'
        '<table class="list"><tr><th>인증번호</th><th>서비스명</th><th>기업명</th><th>인증유형</th>'
        f"<th>인증등급</th><th>인증일</th><th>만료일</th></tr>{row}</table>"
        '<p class="pager">&lt; <b>1</b> &gt;</p>'
        '<div class="info">※ 인증 현황은 인증위원회 의결 후 인증서가 발급된 서비스를 게시합니다.<br>'
        "※ 인증유형: IaaS, PaaS, SaaS(표준·간편), DaaS / 인증등급(2023년 이후): 상·중·하<br>"
        "※ 인증의 유효기간은 5년이며, 매년 사후평가를 받아야 합니다.</div>"
        f'<div class="foot"><b>{e(f.get("issuer") or "한국인터넷진흥원")}</b><br>'
        "(58324) 전라남도 나주시 진흥길 9 한국인터넷진흥원 &nbsp;|&nbsp; 클라우드인증팀<br>"
        "COPYRIGHT KOREA INTERNET &amp; SECURITY AGENCY. ALL RIGHTS RESERVED.</div>"
    )
    boxes = margin_boxes(
        tl=browser_stamp(printed, rng),
        tc="클라우드 보안인증 현황 | KISA",
        bl="https://isms.kisa.or.kr/main/csap/issue/?certificationMode=list",
        br="PAGES",
    )
    return page("클라우드 보안인증 현황 | KISA", css, body, boxes=boxes)


# ---------------------------------------------------------------- 벤더 웹사이트 SLA


def sla_policy(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    company = ctx.get("company", "")
    svc = f.get("service_name") or ""
    items: list[tuple[str, str]] = [("적용 서비스", svc)] if svc else []
    if f.get("availability_percent") is not None:
        items.append(("가용성 목표", f"{f['availability_percent']}% (월간 가용률 기준)"))
    if f.get("monitoring") is not None:
        items.append(
            (
                "모니터링 정보 제공",
                "이용자 포털에서 실시간 대시보드 제공" if f["monitoring"] else "제공하지 않음",
            )
        )
    if f.get("backup_frequency"):
        freq = f["backup_frequency"]
        items.append(("백업", f"{freq} 자동 백업" if "회" in freq else freq))
    if f.get("rto_hours") is not None:
        items.append(("RTO (복구 목표 시간)", hours(f["rto_hours"])))
    if f.get("rpo_hours") is not None:
        items.append(("RPO (복구 목표 시점)", hours(f["rpo_hours"])))
    if f.get("support_hours"):
        items.append(("기술지원 운영 시간", f["support_hours"]))
    if f.get("response_time_hours") is not None:
        items.append(("장애 대응", f"접수 후 {hours(f['response_time_hours'])} 이내 초기 대응"))
    items.append(("지원 채널", "고객센터 전화, 이메일, 1:1 문의 게시판, 원격지원"))
    dl = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in items)
    stem = company.replace("주식회사", "").replace("(주)", "").replace("㈜", "").strip()
    printed = _APPLIED.get("date", date(2024, 3, 1)) - timedelta(days=rng.randint(1, 20))
    effective = date(printed.year - rng.randint(0, 1), 1, 1)
    if effective >= printed:
        effective = date(printed.year - 1, 7, 1)
    css = (
        "body{font-family:'Nanum Square Round';font-size:10pt;color:#1f2430}"
        ".nav{display:flex;justify-content:space-between;align-items:center;padding:8px 2px 12px;"
        "border-bottom:1px solid #e3e6ec}.logo{font-weight:700;font-size:15pt;color:#3b5bdb}"
        ".logo i{font-style:normal;display:inline-block;width:18px;height:18px;border-radius:5px;"
        "background:linear-gradient(135deg,#3b5bdb,#15aabf);margin-right:7px;vertical-align:-2px}"
        ".nav .m span{margin-left:16px;font-size:9.5pt}.nav .m .on{color:#3b5bdb;font-weight:700}"
        ".hero{background:#f3f6ff;border-radius:10px;padding:18px 20px;margin:14px 0}"
        ".hero small{color:#3b5bdb;font-weight:700}.hero h1{font-size:18pt;margin:4px 0 6px}"
        ".hero p{margin:0;color:#555;font-size:9pt}"
        "dl{display:grid;grid-template-columns:32% 68%;border-top:2px solid #1f2430;margin:8px 0 0}"
        "dt,dd{margin:0;padding:10px 12px;border-bottom:1px solid #dfe3ea}"
        "dt{background:#f7f8fa;font-weight:700}"
        "h2{font-size:12pt;margin:22px 0 6px}p.t{line-height:1.7;margin:4px 0;font-size:9.5pt}"
        "table.credit{width:100%;margin-top:6px}table.credit th,table.credit td{border:1px solid #dfe3ea;"
        "padding:7px;text-align:center}table.credit th{background:#f7f8fa}"
        ".foot{margin-top:36px;border-top:1px solid #e3e6ec;padding-top:12px;font-size:8pt;color:#666;"
        "line-height:1.6}"
    )
    body = (
        f'<div class="nav"><span class="logo"><i></i>{e(stem)}</span><span class="m"><span>서비스 소개</span>'
        '<span>요금 안내</span><span>고객 사례</span><span class="on">고객지원</span></span></div>'
        f'<div class="hero"><small>고객지원 · 정책 · {e(svc)}</small><h1>서비스 수준 협약(SLA)</h1>'
        f"<p>시행일 {effective.isoformat()} &nbsp;|&nbsp; 본 서비스 수준 협약은 공공기관 및 기업 이용고객 "
        "전체에 적용됩니다.</p></div>"
        "<h2>1. 서비스 수준 항목</h2>"
        f"<dl>{dl}</dl>"
        "<h2>2. 가용성 산정 방법</h2>"
        '<p class="t">월간 가용률(%) = (해당 월 총 시간 − 장애 시간) ÷ 해당 월 총 시간 × 100. 사전에 공지된 '
        "정기 점검 시간과 이용자 귀책 사유로 인한 중단은 장애 시간에서 제외합니다.</p>"
        "<h2>3. 서비스 크레딧</h2>"
        '<p class="t">월간 가용률이 목표에 미달한 경우, 이용고객의 요청에 따라 해당 월 이용요금의 일부를 '
        "다음 달 요금에서 감면합니다.</p>"
        '<table class="credit"><tr><th>월간 가용률</th><th>감면 비율</th></tr>'
        "<tr><td>목표 미달 ~ 99.0% 이상</td><td>월 이용요금의 10%</td></tr>"
        "<tr><td>99.0% 미만 ~ 95.0% 이상</td><td>월 이용요금의 25%</td></tr>"
        "<tr><td>95.0% 미만</td><td>월 이용요금의 50%</td></tr></table>"
        "<h2>4. 장애 공지 및 보고</h2>"
        '<p class="t">장애가 발생하면 서비스 상태 페이지와 이메일로 즉시 공지하며, 복구 후 5영업일 이내에 '
        "원인과 재발 방지 대책을 담은 장애 보고서를 제공합니다.</p>"
        f'<div class="foot">{e(company)} &nbsp;|&nbsp; 고객센터 1588-{rng.randint(1000, 9999)} '
        f"&nbsp;|&nbsp; 이용약관 &nbsp; 개인정보처리방침<br>© {effective.year} {e(company)}. "
        "All rights reserved.</div>"
    )
    boxes = margin_boxes(
        tl=browser_stamp(printed, rng),
        tc=f"서비스 수준 협약(SLA) | {stem}",
        bl=f"https://{domain_of(company)}/support/sla",
        br="PAGES",
    )
    return page(f"서비스 수준 협약(SLA) | {stem}", css, body, boxes=boxes)


# ---------------------------------------------------------------- 전자계약 플랫폼 협약서


def reseller_agreement(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    signed: date = f.get("agreement_date") or f.get("valid_from")
    doc_id = (
        "".join(rng.choice("0123456789abcdef") for _ in range(8))
        + "-"
        + "".join(rng.choice("0123456789abcdef") for _ in range(4))
    )
    digest = hashlib.sha256(f"{doc_id}{f}".encode()).hexdigest()
    orig, res = f.get("original_provider_name") or "", f.get("reseller_name") or ""
    orig_rep, res_rep = ctx.get("original_rep", ""), ctx.get("reseller_rep", "")
    svc = f.get("service_name") or ""
    period = ""
    if f.get("valid_from") and f.get("valid_until"):
        period = f"{f['valid_from'].isoformat()} ~ {f['valid_until'].isoformat()}"
    summary = (
        '<table class="sum">'
        "<tr><th>계약명</th><td colspan='3'>디지털서비스 공급 및 기술지원 협약서</td></tr>"
        f"<tr><th>문서 ID</th><td colspan='3'>{doc_id}</td></tr>"
        f"<tr><th rowspan='2'>계약 당사자 1<br><small>(원 제공자)</small></th><td class='k'>상호</td>"
        f"<td colspan='2'>{e(orig)}</td></tr>"
        "<tr><td class='k'>사업자번호</td><td colspan='2'"
        f">{e(f.get('original_provider_brn') or '')}</td></tr>"
        f"<tr><th rowspan='2'>계약 당사자 2<br><small>(중개 제공자)</small></th><td class='k'>상호</td>"
        f"<td colspan='2'>{e(res)}</td></tr>"
        f"<tr><td class='k'>사업자번호</td><td colspan='2'>{e(f.get('reseller_brn') or '')}</td></tr>"
        f"<tr><th>대상 서비스</th><td colspan='3'>{e(svc)}</td></tr>"
        f"<tr><th>계약일</th><td colspan='3'>{signed.isoformat() if signed else ''}</td></tr>"
        f"<tr><th>계약기간</th><td colspan='3'>{period}</td></tr>"
        "<tr><th>서명 상태</th><td colspan='3'><span class='ok'>서명 완료 (2/2)</span></td></tr></table>"
    )
    arts = [
        (
            "제1조 (목적)",
            f"이 협약은 {e(orig)}(이하 “갑”)이 제공하는 디지털서비스 「{e(svc)}」를 {e(res)}(이하 “을”)가 "
            "공공기관 등 이용기관에 공급하고, 갑과 을이 그에 필요한 기술지원을 분담하는 데 필요한 사항을 "
            "정함을 목적으로 한다.",
        ),
        (
            "제2조 (협약기간)",
            f"이 협약의 기간은 {e(period)}로 하며, 기간 만"
            "료 1개월 전까지 어느 일방의 서면 해지 통보가 없으면 "
            "동일한 조건으로 1년씩 연장된 것으로 본다.",
        ),
        (
            "제3조 (갑의 의무)",
            "갑은 서비스의 개발·운영 및 보안인증 유지에 책임을 지며, 을이 이용기관에 서비스를 공급할 수 "
            "있도록 이용 권한, 기술 자료 및 교육을 제공한다.",
        ),
        (
            "제4조 (을의 의무)",
            "을은 이용기관에 대한 영업, 계약 체결 및 1차 기술지원을 수행하며, 이용기관의 요구사항과 장애 "
            "접수 내용을 지체 없이 갑에게 전달한다.",
        ),
        (
            "제5조 (역할 분담)",
            "갑과 을의 제공 역량 항목별 책임 구분은 별첨 「원 제공자-중개 제공자 간 제공 역량 항목별 구분 "
            "명세서」에 따른다.",
        ),
        (
            "제6조 (기밀 유지)",
            "갑과 을은 이 협약의 이행 과정에서 알게 된 상대방 및 이용기관의 정보를 협약기간 및 종료 후 3년간 "
            "제3자에게 누설하지 아니한다.",
        ),
        (
            "제7조 (전자서명)",
            "이 협약은 전자문서로 작성하고 갑과 을이 전자서명함으로써 성립하며, 각 당사자는 전자서명이 "
            "완료된 문서를 보관한다.",
        ),
    ]
    articles = "".join(f"<h4>{t}</h4><p>{b}</p>" for t, b in arts)
    split_rows = "".join(
        f"<tr><td>{i}</td><td class='l'>{e(r['item'])}</td><td>{RESPONSIBLE[r['responsible']]}</td></tr>"
        for i, r in enumerate(f.get("capability_split") or [], 1)
    )
    split = (
        "<h3>[별첨] 원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서</h3>"
        '<table class="split"><tr><th style="width:10%">번호'
        '</th><th>항목</th><th style="width:26%">책임</th></tr>'
        f"{split_rows}</table>"
        '<p class="small">※ 책임: 원 제공자 / 중개 제공자 / 공동(원 제공자와 중개 제공자가 함께 수행)</p>'
    )
    signs = (
        '<div class="signs">'
        f'<div class="sb"><div class="who">갑 (원 제공자)</div><div>{e(orig)}</div>'
        f'<div>대표이사 {e(orig_rep)}</div><div class="sig"'
        f">{seal(orig_rep + '인', size=56, left='0', top='0')}"
        "</div></div>"
        f'<div class="sb"><div class="who">을 (중개 제공자)</div><div>{e(res)}</div>'
        f'<div>대표이사 {e(res_rep)}</div><div class="sig">{seal(res_rep + "인", size=56, left="0", top="0")}'
        "</div></div></div>"
    )

    def at(h: int, m: int, s: int) -> str:
        return f"{signed.isoformat()} {h:02d}:{m:02d}:{s:02d} (UTC+09:00)" if signed else ""

    def ip() -> str:
        return ".".join(
            [str(rng.choice([211, 121, 59, 112, 175, 222]))] + [str(rng.randint(1, 254)) for _ in "xyz"]
        )

    h0 = rng.randint(9, 11)
    ip_a, ip_b = ip(), ip()
    events = [
        (at(h0, rng.randint(0, 19), rng.randint(0, 59)), "문서 생성", f"{res_rep} / {res}", ip_b),
        (at(h0, rng.randint(20, 39), rng.randint(0, 59)), "서명 요청 발송", f"{res_rep} / {res}", ip_b),
        (at(h0 + 1, rng.randint(0, 29), rng.randint(0, 59)), "문서 열람", f"{orig_rep} / {orig}", ip_a),
        (at(h0 + 1, rng.randint(30, 59), rng.randint(0, 59)), "서명 완료", f"{orig_rep} / {orig}", ip_a),
        (at(h0 + 3, rng.randint(0, 59), rng.randint(0, 59)), "서명 완료", f"{res_rep} / {res}", ip_b),
        (at(h0 + 3, 59, rng.randint(0, 59)), "문서 완료", "-", "-"),
    ]
    ev_rows = "".join(
        f"<tr><td>{e(t)}</td><td>{e(a)}</td><td class='l'>{e(w)}</td><td>{e(i)}</td></tr>"
        for t, a, w, i in events
    )
    audit = (
        '<div class="audit"><h2>감사 추적 인증서</h2><p class="sub">Audit Trail Certificate</p>'
        '<table class="sum">'
        "<tr><th>문서 제목</th><td>디지털서비스 공급 및 기술지원 협약서</td></tr>"
        f"<tr><th>문서 ID</th><td>{doc_id}</td></tr>"
        "<tr><th>문서 상태</th><td>완료</td></tr>"
        f"<tr><th>문서 해시 (SHA-256)</th><td class='hash'>{digest}</td></tr>"
        "<tr><th>기준 시간</th><td>(UTC+09:00) 서울</td></tr></table>"
        "<h3>참여자</h3>"
        '<table class="split"><tr><th>이름</th><th>역할</th><th>인증 수단</th></tr>'
        f"<tr><td>{e(res_rep)}</td><td>요청자 · 서명자 ({e(res)})</td><td>이메일, 휴대폰 본인인증</td></tr>"
        f"<tr><td>{e(orig_rep)}</td><td>서명자 ({e(orig)})</td><td>이메일, 법인 공동인증서</td></tr></table>"
        "<h3>이력</h3>"
        '<table class="split ev"><tr><th>일시</th><th>활동</th><th>참여자</th><th>IP 주소</th></tr>'
        f"{ev_rows}</table>"
        '<p class="small">이 감사 추적 인증서는 전자계약 플랫폼이 문서의 생성부터 완료까지의 모든 활동을 '
        "기록한 것으로, 위 문서 해시값으로 완료 문서의 위·변조 여부를 확인할 수 있습니다.</p></div>"
    )
    css = (
        "body{font-family:'Nanum Barun Gothic';font-size:9.8pt;color:#1d1d1f;line-height:1.55}"
        ".plat{display:flex;justify-content:space-between;align-items:center;border-bottom:2px solid #5b3cc4;"
        "padding-bottom:6px;margin-bottom:14px}.plat b{color:#5b3cc4;font-size:13pt}"
        ".plat span{font-size:8pt;color:#666}"
        "h1{text-align:center;font-size:17pt;margin:6px 0 14px}"
        "h2{text-align:center;font-size:16pt;margin:4px 0 0"
        "}.sub{text-align:center;color:#777;margin:0 0 14px}"
        "h3{font-size:10.5pt;margin:16px 0 6px}h4{font-size:10pt;margin:10px 0 2px}p{margin:0 0 4px}"
        "table.sum{width:100%;margin-bottom:12px}table.sum th,"
        "table.sum td{border:1px solid #cfd3dc;padding:6px 9px}"
        "table.sum th{background:#f3f1fb;width:24%;text-align:left}td.k{background:#fafafa;width:16%}"
        ".ok{color:#1a7f37;font-weight:700}td.hash{font-famil"
        "y:'Nanum Gothic';font-size:8pt;word-break:break-all}"
        "table.split{width:100%}table.split th,table.split td{b"
        "order:1px solid #cfd3dc;padding:6px;text-align:center}"
        "table.split th{background:#f3f1fb}td.l{text-align:left !important}table.ev td{font-size:8.5pt}"
        ".small{font-size:8pt;color:#555;margin-top:6px}"
        ".signs{display:flex;gap:14px;margin-top:16px;page-break-insid"
        "e:avoid}.sb{flex:1;border:1px solid #cfd3dc;padding:10px 12px;"
        "position:relative}.who{font-weight:700;color:#5b3cc4}.sig{position:absolute;right:70px;top:26px}"
        ".audit{page-break-before:always}" + SEAL_CSS
    )
    body = (
        f'<div class="plat"><b>계약온 eSign</b><span>전자계약 완료 문서 · 문서 ID {doc_id}</span></div>'
        "<h1>디지털서비스 공급 및 기술지원 협약서</h1>"
        f"<h3>계약 요약</h3>{summary}{articles}"
        f'<p style="margin-top:10px">위 협약의 성립을 증명하기 위하여 갑과 을이 전자서명한다. &nbsp; '
        f"{signed.isoformat() if signed else ''}</p>"
        f"{signs}{split}{audit}"
    )
    boxes = margin_boxes(
        tl="계약온 eSign 전자계약",
        tr=f"문서 ID: {doc_id}",
        bl="https://app.gyeyakon.co.kr/documents/" + doc_id,
        br="PAGES_SPACED",
        font="Nanum Barun Gothic",
    )
    return page("디지털서비스 공급 및 기술지원 협약서 - 계약온", css, body, boxes=boxes)


# ---------------------------------------------------------------- 이용지원시스템 신청서


def application_form(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    applied: date = f["application_date"]
    _APPLIED["date"] = applied
    apply_no = f"DS-{applied.year}-{rng.randint(1000, 9999)}"

    def v(name: str) -> str:
        return e(f.get(name) or "")

    company = (
        '<table class="g">'
        f"<tr><th>기업명</th><td>{v('company_name')}</td><th>대표자</th><td>{v('representative')}</td></tr>"
        f"<tr><th>사업자등록번호</th><td>{v('business_registration_number')}</td><th>기업 구분</th>"
        f"<td>{radios({'s': '중소기업', 'm': '중견기업', 'l': '대기업'}, 's')}</td></tr>"
        f"<tr><th>주소</th><td colspan='3'>{v('address')}</td></tr></table>"
    )
    edu = f.get("education_exempt")
    service = (
        '<table class="g">'
        f"<tr><th>서비스명</th><td colspan='3'>{v('service_name')}</td></tr>"
        f"<tr><th>서비스 구분</th><td colspan='3'>{radios(CATEGORY, f.get('service_category'))}</td></tr>"
        "<tr><th>서비스 모델</th><td"
        f">{radios({'IaaS': 'IaaS', 'PaaS': 'PaaS', 'SaaS': 'SaaS'}, f.get('service_model'))}"
        f"</td><th>지원서비스 유형</th><td>{radios(SUPPORT, f.get('support_type'))}</td></tr>"
        f"<tr><th>제공자 유형</th><td>{radios(PROVIDER, f.get('provider_type'))}</td>"
        f"<th>교육용 여부</th><td>{radios({True: '예', False: '아니오'}, edu)}</td></tr></table>"
        '<p class="hint">※ 교육용 여부: 학교에서 학생의 '
        '교육 목적으로 제공되는 서비스인 경우 "예"를 선택합니다.</p>'
    )
    contact = (
        '<table class="g six">'
        f"<tr><th>이름</th><td>{v('contact_name')}</td><th>연락처</th><td>{v('contact_phone')}</td>"
        f"<th>이메일</th><td>{v('contact_email')}</td></tr></table>"
    )
    files = [
        "법인 등기사항전부증명서",
        "사업자등록증",
        "신용평가등급확인서",
        "디지털서비스개요서",
        "디지털서비스 제공역량 증명자료",
    ]
    if f.get("service_category") == "cloud_computing":
        files += ["클라우드 보안인증서(CSAP)", "서비스 수준 정책서(SLA)"]
    if f.get("provider_type") == "reseller":
        files.append("공급 및 기술지원 협약서")
    attach = "".join(f"<li>{e(x)} <span class='up'>첨부완료</span></li>" for x in files)
    css = (
        "body{font-family:'Nanum Gothic';font-size:9.5pt;color:#222}"
        ".top{display:flex;justify-content:space-between;align-items:center;background:#0f5c4d;color:#fff;"
        "padding:9px 14px}.top b{font-size:13pt}.top span{font-size:8.5pt}"
        ".crumb{font-size:8pt;color:#777;margin:8px 0}"
        "h1{font-size:16pt;margin:6px 0 4px}"
        ".st{display:flex;gap:18px;font-size:9pt;background"
        ":#f3f7f6;border:1px solid #d5e2df;padding:8px 12px;"
        "margin:8px 0 10px}.st b{color:#0f5c4d}"
        "h2{font-size:11pt;margin:16px 0 6px;color:#0f5c4d}h2:before{content:'■ ';font-size:8pt}"
        "table.g{width:100%;border-top:2px solid #0f5c4d;margin-bottom:-1px}"
        "table.g th{background:#eef4f3;border:1px solid #c9d6d3;padding:7px 8px;width:16%;text-align:left}"
        "table.g td{border:1px solid #c9d6d3;padding:7px 8px;width:34%}"
        "table.six th{width:11%}table.six td{width:22%}"
        ".radio{white-space:nowrap}.hint{font-size:8pt;color:#666;margin:4px 0}"
        "ul.att{margin:4px 0;padding-left:18px;line-height:1.8}.up{font-size:7.5pt;color:#0f5c4d;"
        "border:1px solid #0f5c4d;padding:0 4px;margin-left:6px}"
        ".agree{border:1px solid #d5e2df;padding:8px 12px;margin-top:12px;font-size:9pt}"
        ".decl{text-align:center;margin:22px 0 6px;font-size:10.5pt}"
        ".date{text-align:center;font-size:11pt;margin:4px 0 4px}"
        ".who{text-align:center;font-size:10pt}"
        ".foot{margin-top:26px;border-top:1px solid #ccc;paddi"
        "ng-top:8px;font-size:7.5pt;color:#666;line-height:1.6}"
    )
    body = (
        '<div class="top"><b>디지털서비스 이용지원시스템</b><span>마이페이지 · 로그아웃</span></div>'
        '<p class="crumb">HOME &gt; 마이페이지 &gt; 심사신청 &gt; 신청서 조회</p>'
        "<h1>디지털서비스 심사 신청서</h1>"
        f'<div class="st"><span>신청번호 <b>{apply_no}</b></sp'
        f"an><span>신청일 <b>{applied.isoformat()}</b></span>"
        "<span>처리상태 <b>접수완료</b></span></div>"
        f"<h2>기업 정보</h2>{company}"
        f"<h2>서비스 정보</h2>{service}"
        f"<h2>담당자 정보</h2>{contact}"
        f'<h2>제출 서류</h2><ul class="att">{attach}</ul>'
        '<div class="agree">[필수] 개인정보 수집·이용 동의 &nbsp; ● 동의함 &nbsp; ○ 동의하지 않음</div>'
        '<p class="decl">「디지털서비스 심사·선정 등에 관한 고시」에 따라 위와 같이 디지털서비스 심사를 '
        "신청합니다.</p>"
        f'<p class="date">{applied.isoformat()}</p>'
        f'<p class="who">신청기업 : {v("company_name")} &nbsp; 대표자 : {v("representative")} &nbsp; '
        "(전자서명 완료)</p>"
        '<div class="foot">디지털서비스 이용지원시스템 &nbsp;|&nbsp; 운영기관 한국지능정보사회진흥원(NIA) '
        "&nbsp;|&nbsp; 이용약관 &nbsp; 개인정보처리방침</div>"
    )
    boxes = margin_boxes(
        tl=browser_stamp(applied, rng),
        tc="디지털서비스 이용지원시스템",
        bl=f"https://www.digitalmarket.kr/web/mypage/apply/view.do?applyNo={apply_no}",
        br="PAGES",
    )
    return page("디지털서비스 이용지원시스템", css, body, boxes=boxes)


# ---------------------------------------------------------------- free-text web pages

FEATURES = [
    ("통합 대시보드", "기관 전체의 이용 현황과 주요 지표를 한 화면에서 확인합니다."),
    ("권한 관리", "부서·직급별 접근 권한과 승인 절차를 세밀하게 설정합니다."),
    ("감사 로그", "모든 조회·변경 이력을 기록하고 보고서로 내려받습니다."),
    ("모바일 지원", "전용 앱과 반응형 웹으로 어디서나 업무를 처리합니다."),
    ("외부 연계", "표준 API로 기관 내 행정 시스템과 연동합니다."),
    ("데이터 백업", "데이터를 자동으로 백업하고 원하는 시점으로 복원합니다."),
    ("AI 도우미", "자연어 질의로 문서와 데이터를 찾아 요약합니다."),
    ("통합 검색", "첨부 파일 본문까지 빠르게 검색합니다."),
]


def service_overview(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    svc, company = ctx.get("service_name", ""), ctx.get("company", "")
    cards = "".join(f'<div class="card"><b>{e(t)}</b><p>{e(d)}</p></div>' for t, d in rng.sample(FEATURES, 6))
    flow = "".join(
        f'<div class="node">{e(x)}</div>' + ('<div class="arr">→</div>' if i < 3 else "")
        for i, x in enumerate(["이용기관 사용자", "웹 · 모바일 접속", "서비스 플랫폼", "데이터 저장소"])
    )
    css = (
        "body{font-family:'Nanum Square';font-size:10pt;color:#222;line-height:1.6}"
        ".hero{background:linear-gradient(120deg,#0b7285,#186"
        "4ab);color:#fff;border-radius:12px;padding:26px 24px}"
        ".hero small{opacity:.85}.hero h1{font-size:21pt;margin:6px 0}.hero p{margin:0;opacity:.9}"
        "h2{font-size:13pt;margin:22px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:5px}"
        ".cards{display:grid;grid-template-columns:1fr 1fr 1fr;gap:10px}"
        ".card{border:1px solid #dee2e6;border-radius:8px;pad"
        "ding:10px 12px}.card p{margin:4px 0 0;font-size:9pt}"
        ".flow{display:flex;align-items:center;gap:8px;justify-content:center;margin:8px 0}"
        ".node{border:2px solid #1864ab;border-radius:8px;p"
        "adding:12px 10px;min-width:110px;text-align:center;"
        "font-weight:700;color:#1864ab}.arr{font-size:18pt;color:#868e96}"
        "table{width:100%}th,td{border:1px solid #dee2e6;padding:7px;text-align:center}th{background:#f1f3f5}"
    )
    body = (
        f'<div class="hero"><small>디지털서비스개요서 · {e(ctx.get("category_label", ""))}</small>'
        f"<h1>{e(svc)}</h1><p>{e(company)}이(가) 제공하는 공공기관 맞춤형 디지털서비스</p></div>"
        "<h2>서비스 개요</h2>"
        f"<p>{e(svc)}은(는) 별도의 구축 없이 인터넷으로 바로 이용하는 서비스입니다. 기관별로 분리된 "
        "환경에서 운영되며, 사용한 만큼 요금을 납부합니다. 공공기관의 보안 요구사항과 업무 절차를 반영해 "
        "설계했습니다.</p>"
        f'<h2>주요 기능</h2><div class="cards">{cards}</div>'
        f'<h2>서비스 구성도</h2><div class="flow">{flow}</div>'
        "<p>이용자는 웹 브라우저나 모바일 앱으로 접속하고, 서비스 플랫폼은 이중화된 클라우드 인프라에서 "
        "동작하며, 데이터는 암호화되어 국내 데이터센터에 저장됩니다.</p>"
        "<h2>요금 안내</h2><table><tr><th>요금제</th><th>대상</th><th>월 요금(VAT 별도)</th></tr>"
        "<tr><td>Basic</td><td>사용자 50명 이하</td><td>700,000원</td></tr>"
        "<tr><td>Standard</td><td>사용자 300명 이하</td><td>3,200,000원</td></tr>"
        "<tr><td>Enterprise</td><td>사용자 무제한</td><td>별도 협의</td></tr></table>"
        "<h2>도입 효과</h2><p>구축 비용 절감, 신속한 도입(계약 후 2주 이내 개통), 무중단 기능 업데이트, "
        "전담 기술지원 인력 배정.</p>"
    )
    boxes = margin_boxes(
        tl="", tc=f"{svc} | 서비스 소개", bl=f"https://{domain_of(company)}/service/overview", br="PAGES"
    )
    return page(f"{svc} | 서비스 소개", css, body, boxes=boxes)


def capability_evidence(f: dict[str, Any], ctx: dict[str, Any], rng: random.Random) -> str:
    company = ctx.get("company", "")
    rows = ""
    for _ in range(5):
        year = rng.randint(2019, 2024)
        rows += (
            f"<tr><td class='l'>{rng.choice(['통합', '차세대', '클라우드 전환', '고도화', '스마트'])} "
            f"{rng.choice(['행정 플랫폼', '민원 시스템', '협업 서비스', '데이터 포털'])} 구축</td>"
            f"<td>{rng.choice(['○○광역시', '△△공단', '□□교육청', '◇◇진흥원', '☆☆대학교'])}</td>"
            f"<td>{year}.{rng.randint(1, 6):02d} ~ {year}.{rng.randint(7, 12):02d}</td>"
            f"<td class='r'>{rng.randint(3, 60) * 10_000_000:,}원</td></tr>"
        )
    people = [
        ("개발", rng.randint(10, 45)),
        ("운영·인프라", rng.randint(5, 20)),
        ("기술지원", rng.randint(3, 12)),
    ]
    prow = "".join(f"<tr><td>{a}</td><td>{b}명</td></tr>" for a, b in people)
    css = (
        "body{font-family:'Nanum Barun Gothic';font-size:10pt;color:#222;line-height:1.6}"
        ".bar{border-bottom:3px solid #2b8a3e;padding-bottom:8px;display:flex;justify-content:space-between}"
        ".bar b{font-size:14pt;color:#2b8a3e}"
        "h1{font-size:18pt;margin:16px 0 4px}.lead{color:#555;margin:0 0 10px}"
        "h2{font-size:12pt;margin:18px 0 6px;color:#2b8a3e}"
        "table{width:100%}th,td{border:1px solid #ced4da;padding:6px 8px;text-align:center}"
        "th{background:#ebfbee}td.l{text-align:left}td.r{text-align:right}"
        ".two{display:flex;gap:14px}.two>div{flex:1}"
        ".badge{display:inline-block;border:1px solid #2b8a3e;color:#2b8a3e;border-radius:12px;"
        "padding:2px 10px;margin:3px 4px 3px 0;font-size:9pt}"
    )
    body = (
        f'<div class="bar"><b>{e(company)}</b><span>회사소개 &gt; 역량 및 실적</span></div>'
        "<h1>디지털서비스 제공역량 증명자료</h1>"
        f'<p class="lead">{e(ctx.get("service_name", ""))} 제공을 위한 수행 실적, 인력 및 지원 체계</p>'
        "<h2>1. 주요 수행 실적</h2><table><tr><th>사업명</th>"
        "<th>발주기관</th><th>수행기간</th><th>계약금액</th></tr>"
        f"{rows}</table>"
        '<div class="two"><div><h2>2. 인력 현황</h2><table><tr><th>분야</th><th>인원</th></tr>'
        f"{prow}</table></div>"
        '<div><h2>3. 보유 인증</h2><span class="badge">GS인증 1'
        '등급</span><span class="badge">ISO/IEC 27001</span>'
        '<span class="badge">ISO 9001</span><span class="badge">벤처기업 확인</span>'
        '<span class="badge">특허 2건</span></div></div>'
        "<h2>4. 기술지원 체계</h2><p>1차 헬프데스크(접수·분류"
        ") → 2차 기술지원팀(원격 조치) → 3차 개발팀(결함 수정) "
        "순으로 대응하며, 중대 장애 시 전담 책임자가 이용기관에 직접 보고합니다.</p>"
    )
    boxes = margin_boxes(
        tc=f"역량 및 실적 | {company}", bl=f"https://{domain_of(company)}/company/capability", br="PAGES"
    )
    return page(f"역량 및 실적 | {company}", css, body, boxes=boxes)


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
    build = BUILDERS.get(spec.type)
    if build is None:
        return int(generate.draw(spec, path, rng))
    return _print(build(spec.fields, spec.ctx, rng), path)
