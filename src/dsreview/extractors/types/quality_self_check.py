"""품질적합성 자가점검 보고서 (submitted for the monthly quality check after selection)."""

from __future__ import annotations

from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines, find_labels
from dsreview.extractors.text import squash
from dsreview.extractors.values import column_range, words_value

_RESULTS = {"부적합": "nonconform", "적합": "conform"}


def _result(text: str) -> str | None:
    s = squash(text)
    for word, key in _RESULTS.items():  # 부적합 before 적합
        if word in s:
            return key
    return None


class QualitySelfCheckExtractor:
    doc_type = "quality_self_check"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        overall = r.text("overall_result", clean=_result)
        return {
            "company_name": r.company("company_name"),
            "business_registration_number": r.identifier("business_registration_number", "brn"),
            "service_name": r.text("service_name"),
            "selection_number": r.text("selection_number"),
            "report_date": r.date("report_date") or r.standalone_date(),
            "items": self._items(r),
            "overall_result": overall,
        }

    def _items(self, r: FieldReader) -> FieldValue | None:
        """The table `점검항목 | 점검결과`: one row per item."""
        heads = find_labels(r.pages, ["점검결과", "점검 결과", "결과"])
        for head in heads:
            pl = head.page
            span = column_range(pl.lines[head.line], head.seg, pl.page.width)
            items: list[dict[str, str]] = []
            words = []
            for line in pl.lines[head.line + 1 :]:
                results = [s for s in line.segments if span[0] <= (s.x0 + s.x1) / 2 < span[1]]
                others = [s for s in line.segments if s.x1 <= span[0]]
                if not results or not others:
                    break
                result = _result(results[0].text)
                if result is None:
                    break
                items.append({"item": " ".join(s.text for s in others), "result": result})
                words.extend(line.words)
            if items:
                return r.make(items, words_value(words, pl, "; ".join(i["item"] for i in items)))
        return None
