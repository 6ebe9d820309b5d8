"""법인 등기사항전부증명서."""

from __future__ import annotations

import re

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import Hit, PageLines, match_at
from dsreview.extractors.layout import Line, bbox_of
from dsreview.extractors.text import join_letter_spaced, squash
from dsreview.extractors.values import words_value

# `1. 소프트웨어 개발…`; OCR may read the number as a look-alike or lose it and keep the dot
_ITEM = re.compile(r"^\s*(\d{1,2}\s*[.,)]|[OSIl]\s*[.)]|[.·•])\s*(.+)$")
_SHARES_ROW = re.compile(r"발행주식의[총종]수[\d,.]+주\D{0,2}?([\d,.]{5,})원")
_BARE_ITEM = re.compile(r"^\s*(\d{1,2})\s+([가-힣].+)$")


def _item_number(enumerator: str) -> int | None:
    digits = re.sub(r"\D", "", enumerator)
    return int(digits) if digits else None


_SECTION_END = (
    "임원에관한사항",
    "1주의금액",
    "발행할주식",
    "자본금",
    "회사성립연월일",
    "기타사항",
    "지점",
    "등기기록의개설",
    "존립기간",
    "전환사채",
    "이사회",
)
_TRAILING_REGISTRATION = re.compile(r"\s+(?:\d{4}\s*[./년].*|변경.*|등기)$")


def _name_after(words: list[str]) -> str | None:
    """The officer's name after the role: `김민준`, letter-spaced `김 민 준`, or OCR-split `안 승현`."""
    parts: list[str] = []
    for w in words:
        if not re.fullmatch(r"[가-힣]{1,4}", w) or len("".join(parts)) >= 4:
            break
        parts.append(w)
    name = "".join(parts)
    return name if 2 <= len(name) <= 5 else None


class CorporateRegistryExtractor:
    doc_type = "corporate_registry"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        company = r.company("company_name")
        if company and isinstance(company.value, str):
            company = _without_registration(company)
        office = r.text("registry_office")
        if office and isinstance(office.value, str):
            office.value = re.split(r"\s*[/|]\s*|\s+발행등기소", office.value)[0].strip() or None
        registry_number = r.text("registry_number", clean=lambda t: _six_digits(t, r.ocr))
        return {
            "registry_number": registry_number,
            "corporate_registration_number": r.identifier("corporate_registration_number", "crn"),
            "company_name": company,
            "head_office": _without_registration(r.address("head_office")),
            "incorporation_date": r.date("incorporation_date"),
            "capital": r.money("capital") or self._capital_by_shares(r),
            "representatives": self._representatives(r),
            "purposes": self._purposes(r),
            "issue_date": r.date("issue_date") or r.standalone_date(),
            "registry_office": office,
        }

    def _representatives(self, r: FieldReader) -> FieldValue | None:
        names: list[str] = []
        evidence: list[tuple[PageLines, Line]] = []
        aliases = list(r.field("representatives").aliases)
        for pl in r.pages:
            for line in pl.lines:
                for seg in line.segments:
                    m = match_at(seg.words, aliases, fuzzy=pl.ocr)
                    if not m:
                        continue
                    rest = [w.text for w in seg.words[m[0] + 1 :]]
                    if not rest:
                        idx = line.segments.index(seg)
                        rest = [w.text for s in line.segments[idx + 1 : idx + 2] for w in s.words]
                    name = _name_after(rest)
                    if name and name not in names:
                        names.append(name)
                        evidence.append((pl, line))
        if not names:
            return None
        pl, line = evidence[0]
        conf = min(sum(w.confidence for w in ln.words) / len(ln.words) for _, ln in evidence)
        return FieldValue(
            value=names,
            confidence=round(conf, 3),
            page=pl.page.number,
            bbox=bbox_of(line.words),
            raw="; ".join(names),
        )

    def _capital_by_shares(self, r: FieldReader) -> FieldValue | None:
        """The capital on the row of issued shares (`발행주식의 총수 300,000 주 금 1,500,000,000 원`),
        when the header naming it (`자본금의 액`) was misread."""
        for pl in r.pages:
            for line in pl.lines:
                m = _SHARES_ROW.search(squash(line.text))
                amount = nz.parse_money(m.group(1), ocr=r.ocr) if m else None
                if amount:
                    v = words_value(line.words, pl)
                    return r.make(amount, v, confidence=min(0.8, v.confidence))
        return None

    def _purposes(self, r: FieldReader) -> FieldValue | None:
        hits = r.hits("purposes") or (_unlabelled_list(r) if r.ocr else [])
        if not hits:
            return None
        hit = hits[0]
        items: list[str] = []
        words = []
        started = False
        pending: tuple[str, list[Word]] | None = None  # a line before the first item
        last: Line | None = None  # the list's last line so far
        sequence = [(pl, i, ln) for pl in r.pages for i, ln in enumerate(pl.lines)]
        start = next(k for k, (pl, i, _) in enumerate(sequence) if pl is hit.page and i == hit.line)
        start = _list_start(sequence, start, hit)
        for pl, i, line in sequence[start:]:
            text = line.text
            if i == hit.line and pl is hit.page:
                text = " ".join(w.text for w in hit.segment.words[hit.end + 1 :])
                text += " " + " ".join(s.text for s in line.segments[hit.seg + 1 :])
            elif any(squash(text).startswith(end) for end in _SECTION_END):
                break
            text = text.strip()
            if not text:
                continue
            m = _ITEM.match(text)
            number = _item_number(m.group(1)) if m else None
            if m is None and r.ocr:
                # `2 소프트웨어 …`: the dot lost, the number the next one
                bare = _BARE_ITEM.match(text)
                expected = {len(items) + 1, len(items) + 2 if pending else 0}
                if bare and int(bare.group(1)) in expected:
                    m, number = bare, int(bare.group(1))
            if m:
                if r.ocr and number == len(items) + 2 and pending is not None:
                    # the line before item 2 is item 1, its `1.` misread (`해 정보통신 공사업`)
                    items.append(pending[0].split(" ", 1)[1])
                    words.extend(pending[1])
                items.append(m.group(2).strip())
                words.extend(line.words)
                started = True
                pending = None
                last = line
            elif not started:
                pending = (text, line.words) if " " in text else None
            elif started and items and line.x0 > hit.segment.x0 + 5 and _wraps(last, line):
                items[-1] += " " + text
                words.extend(line.words)
                last = line
            elif started:
                break
        if not items:
            return None
        pl = hit.page
        v = words_value(words, pl, "; ".join(items))
        if r.ocr:  # OCR's spaces between the syllables of a word: `정 보 통 신 공사업`
            items = [join_letter_spaced(i) for i in items]
        return r.make([nz.clean_text(i) or i for i in items], v)


def _wraps(last: Line | None, line: Line) -> bool:
    """Does `line` continue the item on `last` (its text wrapped)? Close under it and starting
    about where it starts, not a heading centred or spaced further down (`임 원 에 관 한 사 항`)."""
    if last is None:
        return False
    height = max(last.height, 1.0)
    return line.top - last.bottom < 0.8 * height and line.x0 <= last.x0 + 3 * height


def _without_registration(fv: FieldValue | None) -> FieldValue | None:
    """An entry without the note of when it was registered (`… 6층 2013.05.16 이전 2013.05.20 등기`)."""
    if fv is not None and isinstance(fv.value, str):
        fv.value = _TRAILING_REGISTRATION.sub("", fv.value).strip() or fv.value
    return fv


def _list_start(sequence: list[tuple[PageLines, int, Line]], start: int, hit: Hit) -> int:
    """A label set beside the middle of its list (a cell centred on its lines): the list begins
    at the `1.` above it, right of the label."""
    for k in range(start - 1, max(-1, start - 12), -1):
        pl, _, line = sequence[k]
        if pl is not hit.page or line.x0 < hit.segment.x1:
            return start
        m = _ITEM.match(line.text)
        if m and _item_number(m.group(1)) == 1:
            return k
    return start


def _unlabelled_list(r: FieldReader) -> list[Hit]:
    """The 목적 label misread (`몰 전`): the registry's one numbered list, `1.` then `2.`, stands
    for it; the line before it plays the label."""
    for pl in r.pages:
        for i in range(1, len(pl.lines) - 1):
            a, b = _ITEM.match(pl.lines[i].text), _ITEM.match(pl.lines[i + 1].text)
            if a and b and _item_number(a.group(1)) == 1 and _item_number(b.group(1)) == 2:
                label = pl.lines[i - 1].segments[-1]
                seg = len(pl.lines[i - 1].segments) - 1
                return [Hit(pl, i - 1, seg, len(label.words) - 1, "목적", 0.5)]
    return []


def _six_digits(text: str, ocr: bool) -> str | None:
    s = nz.ocr_digits(text) if ocr else text
    m = re.search(r"(?<!\d)(\d{6})(?!\d)", s.replace(" ", ""))
    return m.group(1) if m else None
