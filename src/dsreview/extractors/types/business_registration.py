"""사업자등록증."""

from __future__ import annotations

import re

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import Hit, PageLines, is_label
from dsreview.extractors.text import join_letter_spaced, squash
from dsreview.extractors.values import Columns, words_value

_TAX_OFFICE = re.compile(r"([가-힣]{1,8}세무서)\s*장")


class BusinessRegistrationExtractor:
    doc_type = "business_registration"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        types, items = self._kinds(r)
        return {
            "registration_number": r.identifier("registration_number", "brn"),
            "company_name": r.company("company_name"),
            "representative": r.name("representative"),
            "opening_date": r.date("opening_date"),
            "corporate_registration_number": r.identifier("corporate_registration_number", "crn"),
            "business_address": r.address("business_address"),
            "head_office_address": r.address("head_office_address"),
            "business_types": types,
            "business_items": items,
            "issue_date": r.date("issue_date") or r.standalone_date(),
            "tax_office": self._tax_office(r),
        }

    def _tax_office(self, r: FieldReader) -> FieldValue | None:
        found = None
        for pl in r.pages:
            for line in pl.lines:
                m = _TAX_OFFICE.search(line.text.replace(" ", ""))
                if m:
                    found = (m.group(1), words_value(line.words, pl))
        return r.make(found[0], found[1]) if found else None

    def _kinds(self, r: FieldReader) -> tuple[FieldValue | None, FieldValue | None]:
        """업태 and 종목: inline (`업태 A, B  종목 C`) or a two-column table with one item per row."""
        for pl in r.pages:
            for li, line in enumerate(pl.lines):
                words = line.words
                keys = [squash(w.text).rstrip(":") for w in words]
                if "업태" in keys and "종목" in keys and keys.index("업태") < keys.index("종목") - 1:
                    i, k = keys.index("업태"), keys.index("종목")
                    items = words[k + 1 :] + self._wrapped(r, pl, li)
                    return self._list(r, words[i + 1 : k], pl), self._list(r, items, pl)
        type_hits = r.hits("business_types")
        item_hits = r.hits("business_items")
        if type_hits and not item_hits:
            # the 종목 header misread (`a=`): in the two-column table it is the cell right of 업태
            t = type_hits[0]
            if t.seg + 1 < len(t.page.lines[t.line].segments):
                item_hits = [Hit(t.page, t.line, t.seg + 1, 0, "종목", t.score * 0.5)]
        return (
            self._column(r, type_hits[0]) if type_hits else None,
            self._column(r, item_hits[0]) if item_hits else None,
        )

    def _wrapped(self, r: FieldReader, pl: PageLines, li: int) -> list[Word]:
        """The lines a long `종목 …` wrapped onto: close under it, no label and no colon of their own."""
        words: list[Word] = []
        prev = pl.lines[li]
        for line in pl.lines[li + 1 : li + 3]:
            if line.top - prev.bottom > prev.height * 0.8 or ":" in line.text or "：" in line.text:
                break
            if any(is_label(seg, r.stop, pl.ocr) for seg in line.segments):
                break
            words += line.words
            prev = line
        return words

    def _list(self, r: FieldReader, words: list[Word], pl: PageLines) -> FieldValue | None:
        text = " ".join(w.text for w in words)
        values = nz.split_list(join_letter_spaced(text) if pl.ocr else text)
        if not values:
            return None
        return r.make(values, words_value(words, pl, text))

    def _column(self, r: FieldReader, hit: Hit) -> FieldValue | None:
        """The cells under a header, one value per row, until the table ends."""
        pl = hit.page
        header = pl.lines[hit.line]
        below = pl.lines[hit.line + 1 :]
        columns = Columns(header, below)
        values: list[str] = []
        words: list[Word] = []
        prev = header
        for line in below:
            if line.top - prev.bottom > prev.height * 2.2:
                break
            if any(is_label(seg, r.stop, pl.ocr) for seg in line.segments):
                break
            cells = columns.cells(line).get(hit.seg, [])
            prev = line
            if not cells:
                continue
            text = " ".join(c.text for c in cells)
            values.append(nz.clean_text(text) or text)
            words.extend(w for c in cells for w in c.words)
        if not values:
            return None
        return r.make(values, words_value(words, pl, ", ".join(values)))
