"""신용평가등급확인서."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader, no_hangul_words
from dsreview.extractors.labels import PageLines
from dsreview.extractors.text import fold_latin, squash
from dsreview.extractors.values import Value, words_value

GRADE_CHARS = "ABCDNR+-0"


def _grade(text: str) -> str | None:
    found = nz.grades_in(text.split("(")[0])
    return found[0] if found else None


_COMPANY_FORM = re.compile(r"\(\s*주\s*\)|㈜|주식\s*회사|\s+")
# the digit of `CF1` may be read as a look-alike letter (`CFI`), mapped back with the OCR digit map
_CASH_FLOW = re.compile(r"\b(C[FR]\s*-?\s*[\dIl|!SZG]|[A-E][+\-]?|NR)(?![\w])", re.IGNORECASE)


def agency_name(text: str, known: list[str]) -> str | None:
    """The credit agency without `주식회사`, snapped to a known agency when it is close."""
    bare = _COMPANY_FORM.sub("", text).strip()
    if not bare:
        return None
    folded = fold_latin(squash(bare))
    best = max(known, key=lambda k: fuzz.partial_ratio(squash(k), folded), default=None)
    if best and fuzz.partial_ratio(squash(best), folded) >= 85:
        return best
    return bare


def _cash_flow_grade(text: str) -> str | None:
    """`CF2`, `CR-3`, a letter grade or NR; the digit may be read as a look-alike letter (`CFI`)."""
    m = _CASH_FLOW.search(text)
    if m is None:
        return None
    grade = re.sub(r"[\s\-]+", "", m.group(1))
    if len(grade) == 3:
        grade = grade[:2].upper() + nz.ocr_digits(grade[2])
    return grade.upper()


def _cf_grade(text: str) -> str | None:
    """A `CF` grade from a second look at a garbled one (`C2`, `CrZ`: the F dropped or misread);
    a lone letter there is a smudge, not a grade."""
    m = re.search(r"\bC[FfRr]?\s*-?\s*([1-6IlZSG])\b", text)
    return "CF" + nz.ocr_digits(m.group(1)) if m else None


class CreditRatingExtractor:
    doc_type = "credit_rating"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        valid_from, valid_until = r.period("valid_from", "valid_until")
        return {
            "agency": self._agency(r),
            "company_name": r.company("company_name"),
            "business_registration_number": r.identifier("business_registration_number", "brn"),
            "rating": self._rating(r),
            "cash_flow_grade": self._cash_flow(r),
            "settlement_date": r.date("settlement_date"),
            "evaluation_date": r.date("evaluation_date"),
            "valid_from": valid_from,
            "valid_until": valid_until,
        }

    def _agency(self, r: FieldReader) -> FieldValue | None:
        known = list(r.spec.extras.get("known_agencies", []))
        labelled = r.text("agency", clean=lambda t: agency_name(t, known))
        if labelled and labelled.value in known:
            labelled.valid = True  # one of the closed set of agencies
            return labelled
        if labelled and not r.ocr:
            return labelled
        # The issuer's name printed above its seal, near the end: the last line naming an agency.
        found: tuple[str, Value] | None = None
        for pl in r.pages:
            for line in pl.lines:
                squashed = fold_latin(squash(line.text))  # `N1E평가정보` is NICE평가정보
                k = max(known, key=lambda a: fuzz.partial_ratio(squash(a), squashed), default=None)
                if k and fuzz.partial_ratio(squash(k), squashed) >= 85 and len(squashed) <= len(k) + 14:
                    found = (k, words_value(line.words, pl))
        # on a scan, an unknown name read after the label (`NICER 7A`) only when no known one is printed
        return r.make(found[0], found[1], valid=True) if found else labelled

    def _rating(self, r: FieldReader) -> FieldValue | None:
        v = r.value("rating", accept=lambda t: _grade(t) is not None)
        if v is None:
            reread = r.reread("rating", _grade, [("eng", GRADE_CHARS)], plausible=no_hangul_words)
            return reread or self._lone_grade(r)
        grade = _grade(v.text)
        if r.ocr and v.confidence < 0.85:
            # a doubtful grade: read the word again with the English model and only grade letters
            again = v.page.reread_box(v.bbox, lang="eng", psm=7, whitelist=GRADE_CHARS)
            if again is not None and _grade(again[0]) is not None and again[1] >= v.confidence:
                return r.make(
                    _grade(again[0]),
                    Value(text=again[0], words=v.words, page=v.page, confidence=again[1]),
                    valid=True,
                )
        return r.make(grade, v, valid=True)

    def _lone_grade(self, r: FieldReader) -> FieldValue | None:
        """The grade in its own cell when its label was unreadable: two cells, the second a grade."""
        for pl in r.pages:
            for line in pl.lines:
                if len(line.segments) != 2:
                    continue
                grade = nz.canonical_grade(line.segments[1].text)
                if grade is not None and grade not in ("C", "D", "R"):
                    v = words_value(line.segments[1].words, pl)
                    return r.make(grade, v, valid=True, confidence=min(0.7, v.confidence))
        return None

    def _cash_flow(self, r: FieldReader) -> FieldValue | None:
        v = r.value("cash_flow_grade", accept=lambda t: _cash_flow_grade(t) is not None)
        if v is None:
            # a grade the Korean model garbled (`Ch?` for CF2): its box again, in English
            return r.reread(
                "cash_flow_grade",
                _cf_grade,
                [("eng", "CF123456"), ("eng", None)],
                plausible=no_hangul_words,
            )
        grade = _cash_flow_grade(v.text)
        if r.ocr and grade and grade.startswith("CR"):
            grade = "CF" + grade[2:]  # the models read the F of CF as R
        return r.make(grade, v)
