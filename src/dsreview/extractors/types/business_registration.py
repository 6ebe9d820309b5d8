"""사업자등록증."""

from __future__ import annotations

import re

from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import Hit, PageLines
from dsreview.extractors.lists import Items, column_items, side_by_side
from dsreview.extractors.text import squash
from dsreview.extractors.values import words_value

_TAX_OFFICE = re.compile(r"([가-힣]{1,8}세무서)\s*장")
_OFFICE_ALONE = re.compile(r"^([가-힣]{1,6}세무서)")


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
        """`대전세무서장` at the foot of the certificate (the last such line); on a scan the 장 under
        the seal may be misread, so a short line naming a 세무서 will do."""
        found = None
        for pl in r.pages:
            for line in pl.lines:
                flat = line.text.replace(" ", "")
                m = _TAX_OFFICE.search(flat)
                if m is None and pl.ocr and len(flat) <= 12:
                    m = _OFFICE_ALONE.search(flat)
                if m:
                    found = (m.group(1), words_value(line.words, pl))
        return r.make(found[0], found[1]) if found else None

    def _kinds(self, r: FieldReader) -> tuple[FieldValue | None, FieldValue | None]:
        """업태 and 종목: side by side on a line (`업태 A, B  종목 C`) with the lines they wrap onto, or
        a two-column table with an item per row."""
        types = {squash(a) for a in r.field("business_types").aliases}
        items = {squash(a) for a in r.field("business_items").aliases}
        for pl in r.pages:
            for li in range(len(pl.lines)):
                pair = side_by_side(pl, li, types, items, r.stop)
                if pair is not None:
                    return self._made(r, pair[0]), self._made(r, pair[1])
        type_hits = r.hits("business_types")
        item_hits = r.hits("business_items")
        if type_hits and not item_hits:
            # the 종목 header misread (`a=`): in the two-column table it is the cell right of 업태
            t = type_hits[0]
            if t.seg + 1 < len(t.page.lines[t.line].segments):
                item_hits = [Hit(t.page, t.line, t.seg + 1, 0, "종목", t.score * 0.5)]
        return (
            self._made(r, column_items(type_hits[0], r.stop)) if type_hits else None,
            self._made(r, column_items(item_hits[0], r.stop)) if item_hits else None,
        )

    def _made(self, r: FieldReader, items: Items | None) -> FieldValue | None:
        if items is None or not items.values:
            return None
        return r.make(items.values, words_value(items.words, items.page, ", ".join(items.values)))
