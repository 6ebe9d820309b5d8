"""디지털서비스 공급 및 기술지원 협약서 (with the 제공 역량 항목별 구분 명세서)."""

from __future__ import annotations

import re

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines
from dsreview.extractors.layout import Line
from dsreview.extractors.text import join_letter_spaced, squash
from dsreview.extractors.values import column_range, in_column, words_value

_ORIGINAL = ("원제공자",)
_RESELLER = ("중개제공자",)


def _spaced(word: str) -> str:
    """A pattern for a Korean word however OCR spaced its syllables (`사 업 자 등 록 번호`)."""
    return r"\s*".join(re.escape(ch) for ch in word)


def _party(role: str) -> re.Pattern[str]:
    """`원 제공자 ㈜하늘 (사업자등록번호 123-45-67890, 이하 "갑")`, the parties as a contract names them."""
    return re.compile(
        _spaced(role)
        + r"\s*(?P<name>(?:[(（]\s*주\s*[)）]|㈜)?[^(（]{2,60}?)\s*[(（]\s*"
        + _spaced("사업자등록번호")
        + r"\s*[:：]?\s*(?P<brn>[0-9OoIlSB][0-9OoIlSB\-\s]{9,14})"
    )


_PROSE = {"original": _party("원제공자"), "reseller": _party("중개제공자")}
_MARK = re.compile(r"[○◯●OoＯ0©®◎√✓✔VvY]")


class ResellerAgreementExtractor:
    doc_type = "reseller_agreement"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        parties = self._party_table(r) or self._party_prose(r)
        valid_from, valid_until = r.period("valid_from", "valid_until")
        return {
            "original_provider_name": parties.get("original_name"),
            "original_provider_brn": parties.get("original_brn"),
            "reseller_name": parties.get("reseller_name"),
            "reseller_brn": parties.get("reseller_brn"),
            "service_name": r.text("service_name"),
            "agreement_date": r.date("agreement_date") or r.standalone_date(),
            "valid_from": valid_from,
            "valid_until": valid_until,
            "capability_split": self._split(r),
        }

    # --- the parties ---------------------------------------------------------------------------
    def _header(self, pl: PageLines, line: Line) -> tuple[int, int] | None:
        idx = {}
        for i, seg in enumerate(line.segments):
            s = squash(seg.text)
            if s in _ORIGINAL:
                idx["o"] = i
            elif s in _RESELLER:
                idx["r"] = i
        return (idx["o"], idx["r"]) if len(idx) == 2 else None

    def _party_table(self, r: FieldReader) -> dict[str, FieldValue | None]:
        for pl in r.pages:
            for li, line in enumerate(pl.lines):
                cols = self._header(pl, line)
                if not cols:
                    continue
                spans = [column_range(line, c, pl.page.width) for c in cols]
                out: dict[str, FieldValue | None] = {}
                for row in pl.lines[li + 1 : li + 6]:
                    first = squash(row.segments[0].text)
                    cells = [[s for s in row.segments if in_column(s, span)] for span in spans]
                    if not all(cells):
                        continue
                    for who, seg in zip(("original", "reseller"), (c[0] for c in cells), strict=True):
                        v = words_value(seg.words, pl)
                        if first in ("상호", "업체명", "회사명", "기업명"):
                            out[f"{who}_name"] = r.make(nz.clean_company(seg.text), v)
                        elif "사업자" in first:
                            value, ok = nz.pick_identifier(nz.brn_readings(seg.text, ocr=pl.ocr), "brn")
                            out[f"{who}_brn"] = r.make(value, v, valid=ok) if value else None
                if out:
                    return out
        return {}

    def _party_prose(self, r: FieldReader) -> dict[str, FieldValue | None]:
        out: dict[str, FieldValue | None] = {}
        for pl in r.pages:
            text = " ".join(line.text for line in pl.lines)
            for who, pattern in _PROSE.items():
                m = pattern.search(text)
                if not m or f"{who}_name" in out:
                    continue
                words = [w for line in pl.lines for w in line.words if w.text and w.text in m.group(0)]
                v = words_value(words[:12], pl)
                name = m.group("name").strip(" ,")
                out[f"{who}_name"] = r.make(nz.clean_company(join_letter_spaced(name) if pl.ocr else name), v)
                value, ok = nz.pick_identifier(nz.brn_readings(m.group("brn"), ocr=pl.ocr), "brn")
                out[f"{who}_brn"] = r.make(value, v, valid=ok) if value else None
        return out

    # --- the capability split ------------------------------------------------------------------
    def _split(self, r: FieldReader) -> FieldValue | None:
        options = r.field("capability_split").options
        for pl in r.pages:
            for li, line in enumerate(pl.lines):
                cols = self._header(pl, line)
                single = next((i for i, s in enumerate(line.segments) if "책임" in squash(s.text)), None)
                if cols and "항목" in squash(line.segments[0].text):
                    spans = [column_range(line, c, pl.page.width) for c in cols]
                    return self._rows(r, pl, li, spans, None, options)
                if single is not None and single > 0:
                    span = column_range(line, single, pl.page.width)
                    return self._rows(r, pl, li, None, span, options)
        return None

    def _rows(
        self,
        r: FieldReader,
        pl: PageLines,
        head: int,
        spans: list[tuple[float, float]] | None,
        single: tuple[float, float] | None,
        options: dict[str, tuple[str, ...]],
    ) -> FieldValue | None:
        rows: list[dict[str, str]] = []
        words: list[Word] = []
        left = (spans[0][0] if spans else single[0]) if (spans or single) else 0.0  # type: ignore[index]
        prev = pl.lines[head]
        for line in pl.lines[head + 1 :]:
            if line.top - prev.bottom > prev.height * 2.5:
                break
            item_segs = [s for s in line.segments if (s.x0 + s.x1) / 2 < left]
            if not item_segs:
                break
            item = nz.clean_text(" ".join(s.text for s in item_segs))
            responsible: str | None = None
            if spans:
                marks = [
                    any(_MARK.search(s.text) for s in line.segments if in_column(s, span)) for span in spans
                ]
                responsible = {
                    (True, False): "original",
                    (False, True): "reseller",
                    (True, True): "shared",
                }.get((marks[0], marks[1]))
            elif single:
                cell = " ".join(s.text for s in line.segments if in_column(s, single))
                squashed = squash(cell)
                for key, phrases in sorted(options.items(), key=lambda kv: -max(len(p) for p in kv[1])):
                    if any(squash(p) in squashed for p in phrases):
                        responsible = key
                        break
            if not item or responsible is None:
                break
            rows.append({"item": item, "responsible": responsible})
            words.extend(line.words)
            prev = line
        if not rows:
            return None
        return r.make(rows, words_value(words, pl))
