"""Normal forms of field values (DOMAIN §4), tolerant of the ways issuers print them and OCR misreads.

Each parser takes the text read after a label and returns the normal form, or None. Identifier
parsers return every plausible reading, so the check digit can choose between them (never rewrite).
"""

from __future__ import annotations

import re
from datetime import date

from dsreview.domain.identifiers import brn_check_ok, crn_check_ok
from dsreview.extractors.lookalikes import OCR_DIGITS
from dsreview.extractors.text import collapse, join_letter_spaced

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*[.\-/년,]\s*(\d{1,2})\s*[.\-/월,]\s*(\d{1,2})(?!\d)\s*[일.]?"
)
# (no fourth number right after: in `2023 4 12 @31` the 4 is 년 misread, not the month)
_DATE_LOOSE = re.compile(r"((?:19|20)\d{2})[^\d~]{1,3}(\d{1,2})[^\d~]{1,3}(\d{1,2})(?!\d)(?![^\d~]{1,3}\d)")
_DATE_DIGITS8 = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
# `2022년 12월 19일` with each unit read as one more character: `20224 128 194`
_DATE_UNITS_MISREAD = re.compile(r"^\s*((?:19|20)\d{2})\S\s+(\d{1,2})\S\s+(\d{1,2})\S?\s*$")
_NUMERICISH = re.compile(r"[0-9OoDQlI|iSsBZzGbgqT!A][0-9OoDQlI|iSsBZzGbgqT!A\s.\-/년월일,]*")
_BRN = re.compile(r"(?<!\d)(\d{3})\s*[-–—~.]?\s*(\d{2})\s*[-–—~.]?\s*(\d{5})(?!\d)")
_CRN = re.compile(r"(?<!\d)(\d{6})\s*[-–—~.]?\s*(\d{7})(?!\d)")
_MONEY = re.compile(r"(\d{1,4}(?:[,.]\d{3})+|\d+)\s*원?")
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(시\s*간|hours?|h\b|분|min)", re.IGNORECASE)
_GRADE = re.compile(
    r"\b(AAA|AA[+\-]?|A[+\-]?|BBB[+\-0]?|BB[+\-0]?|B[+\-0]?|CCC[+\-0]?|CC|C|D|NCR|NR|R)(?![A-Za-z])"
)
_SEAL = re.compile(r"\(\s*(인|서명|직인|印)\s*\)|\b인$")
DASHES = "-–—~"


def ocr_digits(text: str) -> str:
    """Map look-alike letters to digits (O→0, l→1, S→5 …): use only on spans that must be numeric."""
    return text.translate(OCR_DIGITS)


def _valid_date(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (1950 <= y <= 2100):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _valid_match(m: re.Match[str]) -> date | None:
    """The date of a year-month-day match, when it is one."""
    return _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def dates_in(text: str, *, ocr: bool = False) -> list[date]:
    """Every date in the text, in order: 2024년 3월 5일, 2024. 3. 5., 2024.03.05, 2024-03-05, 2024/03/05."""
    candidates = [text]
    if ocr:
        candidates.append(_NUMERICISH.sub(lambda m: ocr_digits(m.group(0)), text))
    # On a scan also the loose form: the dot after the year read as a space (`2023 1.1.`),
    # separators doubled or lost (`2024 6..6.`, `72023. 12 31.`).
    patterns = (_DATE, _DATE_LOOSE, _DATE_DIGITS8) if ocr else (_DATE, _DATE_DIGITS8)
    for candidate in candidates:
        for pattern in patterns:
            found = [d for m in pattern.finditer(candidate) if (d := _valid_match(m))]
            if found:
                return found
    english = _english_dates(text)
    if english:
        return english
    units = _DATE_UNITS_MISREAD.match(text) if ocr else None
    d = _valid_match(units) if units else None
    return [d] if d else []


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ENGLISH_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]{{3,9}})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b"
)


def english_date_line(text: str) -> bool:
    """Is the text an English date alone (`February 13, 2024`)?"""
    m = _ENGLISH_DATE.fullmatch(text.strip())
    return m is not None and bool(_english_dates(text))


def _english_dates(text: str) -> list[date]:
    """Dates written in English: `March 5, 2024`, `Feb. 16, 2022`, `5 March 2024`."""
    out = []
    for m in _ENGLISH_DATE.finditer(text):
        month = _MONTHS.get((m.group("month") or m.group("month2") or "").lower())
        day, year = m.group("day") or m.group("day2"), m.group("year") or m.group("year2")
        if month is None:
            continue
        try:
            out.append(date(int(year), month, int(day)))
        except ValueError:
            continue
    return out


def parse_date(text: str, *, ocr: bool = False) -> date | None:
    found = dates_in(text, ocr=ocr)
    return found[0] if found else None


_RANGE = re.compile(r"\s*(?:[~∼～〜]|부터|\s[-–—ㆍ]\s)\s*")  # (ㆍ: a tilde as the Korean models read it)


def parse_period(text: str, *, ocr: bool = False) -> tuple[date | None, date | None]:
    """A validity period `A ~ B` (or `A부터 B까지`). With a range mark, each side is read on its
    own: a start misread beyond recognition (`202244 08 월 20 일 ~ …`) does not make the end the
    start."""
    sides = _RANGE.split(text, maxsplit=1)
    if len(sides) == 2:
        start, end = dates_in(sides[0], ocr=ocr), dates_in(sides[1], ocr=ocr)
        if len(start) <= 1 and len(end) <= 1 and (start or end):
            return (start[0] if start else None), (end[0] if end else None)
    found = dates_in(text, ocr=ocr)
    if len(found) >= 2:
        return found[0], found[1]
    if len(found) == 1:
        return found[0], None
    return None, None


def format_brn(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def format_crn(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:]}"


def brn_readings(text: str, *, ocr: bool = False) -> list[str]:
    """Plausible BRNs in the text, normal form; with OCR also the look-alike-mapped reading."""
    out: list[str] = []
    sources = [text] + ([_NUMERICISH.sub(lambda m: ocr_digits(m.group(0)), text)] if ocr else [])
    for s in sources:
        for m in _BRN.finditer(s):
            v = format_brn("".join(m.groups()))
            if v not in out:
                out.append(v)
    return out


def crn_readings(text: str, *, ocr: bool = False) -> list[str]:
    out: list[str] = []
    sources = [text] + ([_NUMERICISH.sub(lambda m: ocr_digits(m.group(0)), text)] if ocr else [])
    for s in sources:
        for m in _CRN.finditer(s):
            v = format_crn("".join(m.groups()))
            if v not in out:
                out.append(v)
    return out


def pick_identifier(readings: list[str], check: str) -> tuple[str | None, bool]:
    """The first reading whose check digit holds, else the first reading (flagged later). (value, ok)."""
    checker = brn_check_ok if check == "brn" else crn_check_ok
    for r in readings:
        if checker(r.replace("-", "")):
            return r, True
    return (readings[0], False) if readings else (None, False)


def parse_money(text: str, *, ocr: bool = False) -> int | None:
    s = ocr_digits(text) if ocr else text
    best: int | None = None
    for m in _MONEY.finditer(s):
        raw = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", raw) or (ocr and re.fullmatch(r"\d{4}(?:[,.]\d{3})+", raw)):
            # (on a scan a separator may be lost: `5000,000,000`)
            value = int(re.sub(r"[,.]", "", raw))
        elif raw.isdigit():
            value = int(raw)
        else:
            continue
        if best is None or value > best:
            best = value
    return best


def parse_percent(text: str) -> float | None:
    m = _PERCENT.search(text)
    if not m:
        m = re.search(r"(\d{2,3}\.\d+)", text)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 <= value <= 100 else None


def parse_hours(text: str) -> float | None:
    m = _HOURS.search(text)
    if not m:
        return None
    value = float(m.group(1))
    unit = m.group(2).lower().replace(" ", "")
    if unit in ("분", "min"):
        value = value / 60
    return round(value, 4)


def canonical_grade(token: str) -> str | None:
    """`BB0` → `BB`; returns None when the token is not a grade."""
    t = token.strip().upper().replace("O", "0").replace("＋", "+").replace("－", "-").replace("–", "-")
    m = _GRADE.fullmatch(t)
    if not m:
        return None
    g = m.group(1)
    return g[:-1] if g.endswith("0") else g


def grades_in(text: str) -> list[str]:
    out = []
    for m in _GRADE.finditer(text.upper().replace("O", "0")):
        g = canonical_grade(m.group(1))
        if g:
            out.append(g)
    return out


def clean_name(text: str) -> str | None:
    """A person's name: seal marks dropped, letter spacing removed."""
    s = collapse(join_letter_spaced(_SEAL.sub("", text)))
    # the name before what a cell adds after it: `임수아 (전화 02-437-3730 / a@b.kr)`, `박서연 / 과장`
    head = re.split(r"\s*[(（/,]", s, maxsplit=1)[0]
    if head != s and re.fullmatch(r"[가-힣]{2,5}", head):
        s = head
    if re.fullmatch(r"[가-힣 ]{2,7}", s) and len(s.replace(" ", "")) <= 5:
        s = s.replace(" ", "")  # a Korean name has no spaces: `신혜 진` is OCR's split of 신혜진
    if re.search(r"\d", s):
        return None  # a digit is never part of a person's name: OCR read a mark or a stamp
    return s or None


def clean_text(text: str) -> str | None:
    s = collapse(text.strip(" :;|·"))
    return s or None


_LEGAL_FORM = re.compile(r"\(\s*주\s*\)|㈜|주\s*식\s*회\s*사|유한\s*회사|\W+")


def clean_company(text: str) -> str | None:
    """A company name as printed; None when nothing but its legal form is left (`주식회사`)."""
    s = _SEAL.sub("", text)
    s = collapse(s.strip(" :;|·"))
    # `(주 누리데이터`, `주) 누리데이터`, `(쥐 코어브릿지`: OCR lost a parenthesis of (주) or read ㈜
    # as a look-alike syllable in one
    s = re.sub(r"^(?:[(（]\s*주\s+(?![)）])|[(（]\s*쥐\s*[)）]?|주\s*[)）])\s*", "(주) ", s)
    return s if _LEGAL_FORM.sub("", s) else None


def split_list(text: str) -> list[str]:
    parts = re.split(r"\s*[,，、/]\s*", text)
    return [collapse(p) for p in parts if collapse(p)]


def dash_like(ch: str) -> bool:
    return ch in DASHES


def polarity(text: str, options: dict[str, tuple[str, ...]]) -> bool | None:
    """Yes or no as a value's words say it, by the field's words for each (`options["true"]`,
    `options["false"]`): any no-word decides first (`미제공` holds `제공`), then any yes-word."""
    flat = re.sub(r"\s+", "", text).lower()
    for key, answer in (("false", False), ("true", True)):
        for word in sorted(options.get(key, ()), key=len, reverse=True):
            w = re.sub(r"\s+", "", word).lower()
            # a one-letter word (예, O) only when it is the whole value: 예 is in 예정 too
            if (w in flat) if len(w) >= 2 else (w == flat.strip("()[].")):
                return answer
    return None


def percents_at(text: str) -> list[tuple[int, float]]:
    """Every percentage in the text with its position: `99.9%`, `99.95 %`."""
    out = []
    for m in _PERCENT.finditer(text):
        value = float(m.group(1).replace(",", "."))
        if 0 <= value <= 100:
            out.append((m.start(), value))
    return out


def hours_at(text: str) -> list[tuple[int, float]]:
    """Every duration in the text with its position, in hours: `4 시간`, `30분`, `1 시` `간`."""
    out = []
    for m in _HOURS.finditer(text):
        hours = parse_hours(m.group(0))
        if hours is not None:
            out.append((m.start(), hours))
    return out


_FREQUENCY = re.compile(
    r"(실시간\s*(?:복제|백업|동기화|이중화)?|(?:매일|매주|매월|매시간)(?:\s*\d+\s*회)?"
    r"|(?:일|주|월|분기|연|년|시간)\s*\d+\s*회|\d+\s*시간\s*(?:마다|단위|간격)|매\s*\d+\s*시간)"
    r"(\s*\([^()]{1,20}\))?"
)
_SUPPORT = re.compile(
    r"24\s*시간\s*/?\s*365\s*일|연중\s*무휴\s*24\s*시간|24\s*시간\s*연중\s*무휴|(?:평일|주중|월\s*[~\-]\s*금(?:요일)?)"
    r"\s*\(?\s*\d{1,2}\s*[:：시]\s*\d{0,2}\s*분?\s*[~\-–]\s*\d{1,2}\s*[:：시]\s*\d{0,2}\s*분?\s*\)?"
)


def frequencies_at(text: str) -> list[tuple[int, str]]:
    """How often something is done, as printed (`일 1회`, `매일 1회`, `실시간 복제`, `주 1회 (증분)`)."""
    return [(m.start(), collapse(m.group(0))) for m in _FREQUENCY.finditer(text)]


def support_hours_at(text: str) -> list[tuple[int, str]]:
    """Hours of a service desk, as printed (`평일 09:00~18:00`, `24시간 365일`)."""
    return [(m.start(), collapse(m.group(0))) for m in _SUPPORT.finditer(text)]


_QUOTED = re.compile(r"「\s*([^「」]{2,60}?)\s*」|[“\"]\s*([^“”\"()]{2,25}?)\s*[”\"]")
# titles of laws, notices and documents are quoted the same way, but are no service's name
_TITLE_END = re.compile(r"(법|법률|고시|규정|시행령|시행규칙|지침|명세서|약관|협약서|정책서|계약서|기준)$")


def quoted_names_at(text: str) -> list[tuple[int, str]]:
    """Names written in corner brackets or quotes (`「원격교육 플랫폼 플러스」`), not titles of laws
    or documents, with their positions."""
    out = []
    for m in _QUOTED.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        if re.search(r"이하\s*$|[(（]\s*(?:the\s+|이하\s*)?$", before, re.IGNORECASE):
            continue  # a term the text defines (`이하 "회사"라 한다`, `("SLA")`), not a name
        name = collapse(m.group(1) or m.group(2) or "")
        if len(name) >= 2 and not _TITLE_END.search(name.replace(" ", "")) and name not in ("갑", "을"):
            out.append((m.start(), name))
    return out


# (a dot of the domain may be read as a comma: `co,kr`)
_EMAIL = re.compile(r"[\w.+\-]+\s*@\s*[\w\-]+(?:\s*\.\s*[\w\-]+|,[a-z]{2,3}\b)+")
_PHONE = re.compile(r"(?<!\d)(0\d{1,2})\s*[-)\s.]\s*(\d{3,4})\s*[-\s.]\s*(\d{4})(?!\d)")


def email(text: str) -> str | None:
    """The e-mail address in a text (`a @ b.co,kr` → `a@b.co.kr`)."""
    m = _EMAIL.search(text)
    return re.sub(r"\s+", "", m.group(0)).replace(",", ".") if m else None


def phone(text: str) -> str | None:
    """The phone number in a text, dashed (`(02) 555 0101` → `02-555-0101`)."""
    m = _PHONE.search(text)
    return "-".join(m.groups()) if m else None
