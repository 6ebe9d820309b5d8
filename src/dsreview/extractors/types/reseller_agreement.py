"""디지털서비스 공급 및 기술지원 협약서 (with the 제공 역량 항목별 구분 명세서)."""

from __future__ import annotations

import re

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines
from dsreview.extractors.layout import Line
from dsreview.extractors.prose import sentences
from dsreview.extractors.text import squash
from dsreview.extractors.types.reseller_parties import PartyReader
from dsreview.extractors.values import column_range, in_column, words_value

# a tick in a party's column: a cell holding only a mark
_MARK = re.compile(r"^\s*[(\[]?\s*[○◯●OoＯ0©®◎√✓✔VvY]\s*[)\]]?\s*$")
_ENUMERATOR = re.compile(r"^\s*(\d{1,2}|[가-하])\s*[.)]\s+")
# `1. 서비스 개발 및 기능 개선: 갑이 수행한다`, `…: 갑과 을이 공동으로 수행한다`
_ITEM_SENTENCE = re.compile(
    r"^\s*(?:\d{1,2}|[가-하])\s*[.)]\s*(?P<item>[^:：]{2,40}?)\s*[:：]\s*(?P<who>.+)$"
)
_BY_MARKS = {(True, False): "original", (False, True): "reseller", (True, True): "shared"}


class ResellerAgreementExtractor:
    doc_type = "reseller_agreement"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        reader = PartyReader(r)
        parties = reader.read()
        valid_from, valid_until = r.period("valid_from", "valid_until")
        out: Fields = {
            "service_name": r.text("service_name"),
            "agreement_date": r.date("agreement_date") or r.standalone_date(),
            "valid_from": valid_from,
            "valid_until": valid_until,
            "capability_split": self._split(r, reader),
        }
        for role, prefix in (("original", "original_provider"), ("reseller", "reseller")):
            party = parties.by_role[role]
            out[f"{prefix}_name"] = (
                r.make(party.name, party.name_evidence) if party.name and party.name_evidence else None
            )
            out[f"{prefix}_brn"] = (
                r.make(party.brn, party.brn_evidence, valid=party.brn_ok)
                if party.brn and party.brn_evidence
                else None
            )
        return out

    # --- the capability split ------------------------------------------------------------------
    def _split(self, r: FieldReader, parties: PartyReader) -> FieldValue | None:
        """The 명세서: a table with a column per party (ticked) or a column naming who does each item,
        else items listed in sentences (`1. 영업 및 계약: 을이 수행한다`)."""
        options = r.field("capability_split").options
        headers = [squash(a) for a in r.field("capability_split").aliases]
        for pl in r.pages:
            for li, line in enumerate(pl.lines):
                roles = [(i, parties.role_in(s.text)) for i, s in enumerate(line.segments)]
                cols = {role: i for i, role in roles if role is not None}
                if len(cols) == 2 and min(cols.values()) > 0 and len(squash(line.text)) < 60:
                    spans = [
                        column_range(line, cols[role], pl.page.width) for role in ("original", "reseller")
                    ]
                    found = self._rows(r, pl, li, spans, None, options)
                    if found is not None:
                        return found
                single = next(
                    (
                        i
                        for i, s in enumerate(line.segments)
                        if i > 0 and any(squash(s.text) == h for h in headers) and len(line.segments) >= 2
                    ),
                    None,
                )
                if single is not None:
                    span = column_range(line, single, pl.page.width)
                    found = self._rows(r, pl, li, None, span, options)
                    if found is not None:
                        return found
        return self._listed(r, parties)

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
        left = spans[0][0] if spans else single[0] if single else 0.0
        prev = pl.lines[head]
        pending: list[str] = []  # an item's words on a line of their own (its cell wraps)
        pending_line: Line | None = None
        idle = 0
        for line in pl.lines[head + 1 :]:
            if line.top - prev.bottom > prev.height * 2.5 or idle > 2:
                break
            prev = line
            item_segs = [s for s in line.segments if (s.x0 + s.x1) / 2 < left]
            if len(item_segs) > 1 and item_segs[0].text.strip().isdigit():
                item_segs = item_segs[1:]  # a column of row numbers
            if spans:
                ticked = tuple(
                    any(_is_mark(s.text, pl.ocr) for s in line.segments if in_column(s, sp)) for sp in spans
                )
                responsible = _BY_MARKS.get((ticked[0], ticked[1]))
            else:
                assert single is not None
                cell = " ".join(s.text for s in line.segments if in_column(s, single))
                # a cell naming who does it is short: a signature line naming a party is no row
                responsible = _responsible(cell, options) if len(squash(cell)) <= 16 else None
            if responsible is None:
                idle += 1
                pending = [s.text for s in item_segs] if item_segs else pending
                pending_line = line
                continue
            if pending and pending_line is not None and line.top - pending_line.bottom > 0.6 * line.height:
                pending = []  # a row of its own above (its tick unread), not this item's first line
            idle = 0
            item = nz.clean_text(_ENUMERATOR.sub("", " ".join([*pending, *(s.text for s in item_segs)])))
            pending = []
            if not item:
                break
            rows.append({"item": item, "responsible": responsible})
            words.extend(line.words)
        if not rows:
            return None
        return r.make(rows, words_value(words, pl))

    def _listed(self, r: FieldReader, parties: PartyReader) -> FieldValue | None:
        options = r.field("capability_split").options
        rows: list[dict[str, str]] = []
        words: list[Word] = []
        page = None
        for s in sentences(r.pages):
            m = _ITEM_SENTENCE.match(s.text)
            if m is None:
                continue
            who = m.group("who")
            responsible = _responsible(who, options)
            if responsible is None:
                said = {p for p in ("갑", "을") if re.search(p + r"(?:이|은|과|와|가|의|\s|$)", who)}
                if len(said) == 2:
                    responsible = "shared"
                elif len(said) == 1:
                    responsible = parties.roles.get(said.pop())
            if responsible is None:
                continue
            rows.append(
                {"item": nz.clean_text(m.group("item")) or m.group("item"), "responsible": responsible}
            )
            words.extend(s.words)
            page = page or s.page
        if len(rows) < 2 or page is None:
            return None
        return r.make(rows, words_value(words, page))


def _is_mark(text: str, ocr: bool) -> bool:
    """A tick in a party's column: a mark alone, or on a scan any short blot of no letters of a
    word (`fo)`, `Oo`, `@`) — an empty cell gives the OCR nothing to read."""
    if _MARK.search(text):
        return True
    t = text.strip()
    return ocr and 0 < len(t) <= 3 and not re.search(r"[가-힣1-9]", t)


def _responsible(text: str, options: dict[str, tuple[str, ...]]) -> str | None:
    squashed = squash(text)
    for key in ("shared", "original", "reseller"):  # `공동(원 제공자와 중개 제공자가 함께)` first
        if any(squash(p) in squashed for p in options.get(key, ())):
            return key
    return None
