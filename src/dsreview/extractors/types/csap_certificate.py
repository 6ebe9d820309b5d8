"""클라우드 보안인증서 (CSAP)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines
from dsreview.extractors.lookalikes import DIGIT_FOR_MODEL, MODEL_LOOKALIKES
from dsreview.extractors.text import squash
from dsreview.extractors.values import Value, words_value

_NUMBER = re.compile(r"제\s*([A-Za-z0-9][A-Za-z0-9\-_.~|]{3,40})\s*(?:호|\S{0,2}$)")
# `CSAP-2021-I-093`: the letter is the certified model's initial; OCR reads I as 1 or l.
_NUMBER_SHAPE = re.compile(r"^(\S{4})-(\d{4}-)(\S)(-\d{1,4})$")
# the grade printed with the type: `SaaS 표준등급`, `SaaS (상)`, `SaaS 하등급`
_KIND_GRADE = re.compile(r"(표준|간편)\s*등?급?|[(（]\s*(상|중|하)\s*(?:등급)?\s*[)）]|(상|중|하)\s*등급")


class CsapCertificateExtractor:
    doc_type = "csap_certificate"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        valid_from, valid_until = r.period("valid_from", "valid_until")
        kind = r.option("certification_type")
        grade = self._grade(r, kind)
        if kind is None and grade is not None:
            kind = self._kind_of_grade(r, grade)
        return {
            "certificate_number": self._number(r, kind),
            "company_name": r.company("company_name"),
            "service_name": r.text("service_name", aliases=["서비스명", "인증 서비스명", "서비스 명칭"]),
            "certification_type": kind,
            "grade": grade,
            "issue_date": r.date("issue_date") or r.standalone_date(),
            "valid_from": valid_from,
            "valid_until": valid_until,
            "issuer": self._issuer(r),
        }

    def _number(self, r: FieldReader, kind: FieldValue | None) -> FieldValue | None:
        number = r.text("certificate_number", aliases=["인증번호", "인증 번호"])
        if number is None:
            found = r.find_text(_NUMBER)
            if not found:
                return None
            m, v = found
            number = r.make(m.group(1), v)
        if r.ocr and isinstance(number.value, str):
            number.value = _csap_number(number.value.replace("~", "-"), kind)
        return number

    def _grade(self, r: FieldReader, kind: FieldValue | None) -> FieldValue | None:
        """`인증등급 : 중`, or the grade printed with the type: `SaaS (표준등급)`."""
        labelled = r.option("grade")
        if labelled and labelled.value:
            return labelled
        if kind is None:
            # the type unread (`인증유형 : 5385 간편등급`, SaaS misread): the grade in its value
            raw = r.value("certification_type", accept=lambda t: _KIND_GRADE.search(squash(t)) is not None)
            if raw is None:
                return None
            m = _KIND_GRADE.search(squash(raw.text))
            assert m is not None
            return r.make(
                next(g for g in m.groups() if g), raw, valid=True, confidence=min(0.8, raw.confidence)
            )
        texts = [kind.raw]
        if r.ocr and kind.bbox and kind.page is not None:
            pl = next(p for p in r.pages if p.page.number == kind.page)
            again = pl.reread_box(kind.bbox, lang="kor+eng", psm=7)
            texts += [again[0]] if again else []
        for text in texts:
            m = _KIND_GRADE.search(squash(text))
            if m:
                return FieldValue(
                    value=next(g for g in m.groups() if g),
                    confidence=kind.confidence,
                    page=kind.page,
                    bbox=kind.bbox,
                    raw=text,
                    valid=True,
                )
        return self._grade_below(r, kind)

    def _kind_of_grade(self, r: FieldReader, grade: FieldValue) -> FieldValue | None:
        """The type a grade names by itself (the catalogue's `grade_implies_type`: 표준 and 간편 are
        SaaS grades) when the type was not read."""
        implied = r.spec.extras.get("grade_implies_type", {}).get(grade.value)
        if implied is None:
            return None
        return FieldValue(
            value=implied,
            confidence=min(0.8, grade.confidence),
            page=grade.page,
            bbox=grade.bbox,
            raw=grade.raw,
            valid=True,
            repaired_by="type_of_grade",
            read_as=grade.raw,
        )

    def _grade_below(self, r: FieldReader, kind: FieldValue) -> FieldValue | None:
        """The grade's own row right under the type, when its label was misread: a lone 상/중/하."""
        for pl in r.pages:
            if pl.page.number != kind.page or kind.bbox is None:
                continue
            below = [ln for ln in pl.lines if 0 < ln.top - kind.bbox[3] < 2.5 * (kind.bbox[3] - kind.bbox[1])]
            for line in below[:1]:
                last = squash(line.segments[-1].text)
                if last in ("상", "중", "하") and len(line.segments) >= 2:
                    v = Value(text=last, words=line.segments[-1].words, page=pl, confidence=0.6)
                    return r.make(last, v, valid=True)
        return None

    def _issuer(self, r: FieldReader) -> FieldValue | None:
        """The issuing body, printed above its seal (`한국인터넷진흥원장`), snapped to a known issuer."""
        known = list(r.spec.extras.get("known_issuers", []))
        labelled = r.text("issuer")
        if labelled and isinstance(labelled.value, str):
            text = squash(labelled.value)
            snapped = next((k for k in known if fuzz.partial_ratio(k, text) >= 85), None)
            labelled.value = snapped or re.sub(r"장$", "", labelled.value)
            if snapped is not None:
                return labelled
        # a known issuer printed on its own line (above its seal, in a footer) outweighs a label
        # whose value names none (a web page's menu: `인증기관 | 알림마당`)
        for pl in r.pages:
            for line in reversed(pl.lines):
                text = re.sub(r"[^가-힣]", "", line.text)  # seal strokes read as Latin: `진흥 So 원장`
                for k in known:
                    if fuzz.partial_ratio(k, text) >= 85 and len(text) <= len(k) + 4:
                        return r.make(k, words_value(line.words, pl))
        return labelled


def _csap_number(number: str, kind: FieldValue | None) -> str:
    """`C5AP-2021-1-093` of an IaaS certificate is `CSAP-2021-I-093`. Only look-alikes are replaced:
    of `CSAP` when three of its four letters are read as it or as look-alikes, of the model letter
    when it is a look-alike of the certified model's initial, or, the model unread, when it is a
    digit where the form has a letter (`1` → I, `5` → S); a number of another form is left."""
    m = _NUMBER_SHAPE.match(number)
    if m is None:
        return number
    prefix, year, letter, serial = m.groups()
    if prefix.upper() != "CSAP" and sum(_alike(a, b) for a, b in zip(prefix, "CSAP", strict=True)) >= 3:
        prefix = "CSAP"
    if prefix.upper() != "CSAP":
        return number
    if kind is not None and isinstance(kind.value, str) and kind.value:
        initial = kind.value[0].upper()
        if letter in MODEL_LOOKALIKES.get(initial, ""):
            letter = initial
    elif letter in DIGIT_FOR_MODEL:
        letter = DIGIT_FOR_MODEL[letter]
    return f"{prefix}-{year}{letter}{serial}"


def _alike(read: str, letter: str) -> bool:
    return read.upper() == letter or read in MODEL_LOOKALIKES.get(letter, "")
