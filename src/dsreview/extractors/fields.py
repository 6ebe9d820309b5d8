"""Reading typed field values by label: the toolkit every document extractor uses.

`FieldReader(pages, doc_type)` knows the labels of the type (from forms/documents/<type>.json) and
offers one method per kind of value. Each returns a `FieldValue` with its evidence, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from dsreview.extractors import normalize as nz
from dsreview.extractors.base import FieldValue
from dsreview.extractors.checkbox import GUESS, choose_option, has_boxes
from dsreview.extractors.layout import spread_words
from dsreview.extractors.prose import find_in_prose
from dsreview.extractors.reader import LabelReader
from dsreview.extractors.text import fold_latin, join_letter_spaced, squash
from dsreview.extractors.values import Value, candidates, value_of, words_value
from dsreview.forms import FieldSpec

_DATE_LINE = re.compile(r"^(?:서기\s*)?[\s\d.\-/년월일OoSlI]+$")
_TRANSLATED = re.compile(r"\s*[(（][^()（）]*[A-Za-z]{3}[^()（）]*[)）]|\s*/\s*[A-Za-z][A-Za-z.,\s\d]*$")


_LATIN_RUN = re.compile(r"[A-Z]{3,}|[A-Za-z]*[|\]\[}{][A-Za-z]*")


def _garbled(text: str) -> bool:
    """Korean text read by OCR as Latin capitals or brackets: `ALAS`, `HEA! CHEO|AR`."""
    hangul = sum(1 for ch in text if "가" <= ch <= "힣")
    return bool(_LATIN_RUN.search(text)) and hangul < 2 * len(_LATIN_RUN.findall(text)) + 2


def _numeric(n: int) -> Callable[[str], bool]:
    """At least n characters that are or look like digits: a date or a number, not a sentence."""
    return lambda t: (
        sum(ch.isdigit() or ch in "OoIlSsBZ" for ch in t) >= n and not re.search(r"[가-힣]{3,}", t)
    )


def _prints_an_option(text: str, spec: FieldSpec) -> bool:
    return any(squash(o).lower() in squash(text).lower() for opts in spec.options.values() for o in opts)


def no_hangul_words(text: str) -> bool:
    return not re.search(r"[가-힣]{2,}", text.replace(" ", "")) and len(text) <= 12


def _doubtful(v: Value) -> bool:
    return v.confidence < 0.6 or _garbled(v.text) or bool(_LATIN_RUN.search(v.text))


_SENTENCE = re.compile(r"(다|함|음)\s*[.。]|.{45,}")
_BARE_OK = {"quoted_name"}
# Text fields whose value is a phrase of a known form (the catalogue's `grammar`).
_GRAMMARS: dict[str, Callable[[str], list[tuple[int, Any]]]] = {
    "frequency": nz.frequencies_at,
    "support_hours": nz.support_hours_at,
    "quoted_name": nz.quoted_names_at,
}


class FieldReader(LabelReader):
    """One method per kind of value, over the labels and values `LabelReader` finds."""

    # --- kinds ------------------------------------------------------------------------------
    def text(
        self,
        name: str,
        *,
        multiline: bool = False,
        clean: Callable[[str], str | None] = nz.clean_text,
        aliases: list[str] | None = None,
        join_cells: bool = False,
    ) -> FieldValue | None:
        kind_of = self.field(name).grammar or ""
        grammar = _GRAMMARS.get(kind_of)
        if grammar is not None and clean is nz.clean_text:
            # a phrase of a known form inside what is printed (`일 1회` in `일 1회 자동 백업`); a
            # name may be printed bare, or quoted inside a sentence
            def clean(t: str) -> str | None:
                # an OCR'd phrase may have its syllables read apart (`24 시 간 365 일`)
                found = grammar(t) or (grammar(join_letter_spaced(t)) if self.ocr else [])
                if found:
                    return str(found[0][1])
                return nz.clean_text(t) if kind_of in _BARE_OK and not _SENTENCE.search(t) else None

        v = self.value(
            name,
            multiline=multiline,
            aliases=aliases,
            accept=lambda t: clean(t) is not None,
            join_cells=join_cells,
        )
        if v is None:
            return self.prose(name, grammar) if grammar is not None else None
        if self.ocr and _doubtful(v):
            # with Latin letters allowed (names may carry them), then as Korean only; a reading
            # with Hangul in it first (`Sua` is the Korean name misread again, not a name)
            chosen: tuple[str, float] | None = None
            for lang in ("kor+eng", "kor"):  # the Korean-only look only when the first has no Hangul
                again = v.page.reread_box(v.bbox, lang=lang, psm=7)
                if again is None or not clean(again[0]) or _garbled(again[0]):
                    continue
                if re.search(r"[가-힣]", again[0]):
                    chosen = again
                    break
                chosen = chosen or again
            if chosen is not None:
                text, confidence = chosen
                changed = squash(text) != squash(v.text)  # not only its spacing
                return self.make(
                    clean(text),
                    Value(text=text, words=v.words, page=v.page, confidence=confidence),
                    repaired_by="second_look" if changed else None,
                    read_as=v.text if changed else None,
                )
        return self.make(clean(v.text), v)

    def anywhere(
        self, name: str, read: Callable[[str], str | None], *, near: str | None = None
    ) -> FieldValue | None:
        """A value no label of its own leads to, found by its form in the document: in the value of
        the field `near` (a contact cell `박서연 (전화 02-555-0101 / a@b.kr)`), else on the line
        nearest that field's label, else the one such value the document prints."""
        anchors = self.hits(near) if near else []
        for hit in anchors[:1]:
            for v in candidates(hit, stop=self.stop):
                found = read(v.text)
                if found is not None:
                    return self.make(found, v, confidence=min(0.9, v.confidence))
        seen: list[tuple[float, str, Value]] = []
        for pl in self.pages:
            for line in pl.lines:
                found = read(line.text)
                if found is None:
                    continue
                distance = 0.0
                if anchors and anchors[0].page is pl:
                    distance = abs(line.top - anchors[0].page.lines[anchors[0].line].top)
                elif anchors:
                    distance = 1e6
                seen.append((distance, found, words_value(line.words, pl)))
        if not seen or (not anchors and len({f for _, f, _ in seen}) > 1):
            return None
        _, found, v = min(seen, key=lambda x: x[0])
        return self.make(found, v, confidence=min(0.8, v.confidence))

    def name(self, name: str) -> FieldValue | None:
        return self.text(name, clean=nz.clean_name)

    def company(self, name: str, aliases: list[str] | None = None) -> FieldValue | None:
        # OCR cuts a name at a wide gap between syllables (`( 쥐 코 어 브` `릿지`): the cells join
        return self.text(name, clean=nz.clean_company, aliases=aliases, join_cells=self.ocr)

    def address(self, name: str) -> FieldValue | None:
        return self.text(name, multiline=True, join_cells=self.ocr)

    def reread(
        self,
        name: str,
        parse: Callable[[str], Any],
        attempts: list[tuple[str, str | None]],
        aliases: list[str] | None = None,
        plausible: Callable[[str], bool] | None = None,
    ) -> FieldValue | None:
        """On scans, read the value's box again (another model, a character whitelist) when the page
        OCR gave nothing usable: seals over dates, digits read as letters."""
        if not self.ocr:
            return None
        for hit in self.hits(name, aliases):
            raw = value_of(hit, stop=self.stop)
            if raw is None or not raw.words or (plausible is not None and not plausible(raw.text)):
                continue
            for lang, whitelist in attempts:
                res = raw.page.reread_box(raw.bbox, lang=lang, psm=7, whitelist=whitelist)
                if res is None:
                    continue
                value = parse(res[0])
                if value is not None:
                    v = Value(text=res[0], words=raw.words, page=raw.page, confidence=res[1])
                    return self.make(
                        value,
                        v,
                        valid=True,
                        confidence=min(0.85, res[1]),
                        repaired_by="second_look",
                        read_as=raw.text,
                    )
        return None

    def date(self, name: str, *, aliases: list[str] | None = None) -> FieldValue | None:
        v = self.value(name, aliases=aliases, accept=lambda t: nz.parse_date(t, ocr=self.ocr) is not None)
        if v is None:
            return self.reread(
                name,
                lambda t: nz.parse_date(t, ocr=True),
                [("kor+eng", None), ("eng", "0123456789./-")],
                aliases,
                plausible=_numeric(4),
            )
        return self.make(nz.parse_date(v.text, ocr=self.ocr), v, valid=True)

    def period(self, name: str, end_name: str | None = None) -> tuple[FieldValue | None, FieldValue | None]:
        """A validity period: printed as one (`유효기간 2024.01.24 ~ 2025.01.23`), or its ends under
        labels of their own (`유효기간 시작일` / `유효기간 종료일`, `인증일` / `만료일`)."""
        start_own = list(self.field(name).own_labels)
        end_own = list(self.field(end_name).own_labels) if end_name else []
        start = self.date(name, aliases=start_own) if start_own else None
        end = self.date(end_name, aliases=end_own) if end_name and end_own else None
        if start is not None and end is not None:
            end.valid = end.value > start.value
            return start, end
        whole = self._whole_period(name)
        return start or whole[0], end or whole[1]

    def _whole_period(self, name: str) -> tuple[FieldValue | None, FieldValue | None]:
        v = self.value(name, accept=lambda t: None not in nz.parse_period(t, ocr=self.ocr), multiline=True)
        if v is None:  # an open or half-read period: one of its ends
            v = self.value(
                name, accept=lambda t: nz.parse_period(t, ocr=self.ocr) != (None, None), multiline=True
            )
        if v is None:
            return None, None
        start, end = nz.parse_period(v.text, ocr=self.ocr)
        return (
            self.make(start, v, valid=True) if start else None,
            self.make(end, v, valid=None if start is None else end > start) if end else None,
        )

    def identifier(self, name: str, kind: str, *, aliases: list[str] | None = None) -> FieldValue | None:
        readings = nz.brn_readings if kind == "brn" else nz.crn_readings
        v = self.value(name, aliases=aliases, accept=lambda t: bool(readings(t, ocr=self.ocr)))
        if v is not None:
            value, ok = nz.pick_identifier(readings(v.text, ocr=self.ocr), kind)
            if ok or not self.ocr:
                return self.make(value, v, valid=ok)

        def checked(text: str) -> str | None:
            found, good = nz.pick_identifier(readings(text, ocr=True), kind)
            return found if good else None

        again = self.reread(name, checked, [("eng", "0123456789-")], aliases, plausible=_numeric(6))
        if again is not None or v is None:
            return again
        value, ok = nz.pick_identifier(readings(v.text, ocr=self.ocr), kind)
        return self.make(value, v, valid=ok)

    def money(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_money(t, ocr=self.ocr) is not None)
        return self.make(nz.parse_money(v.text, ocr=self.ocr), v) if v else None

    def percent(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_percent(t) is not None)
        if v is None:  # on a scan, the value's box again as one line (`99.9%` read as `99.94`)
            return self.reread(name, nz.parse_percent, [("kor", None)]) or self.prose(name, nz.percents_at)
        return self.make(nz.parse_percent(v.text), v)

    def hours(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_hours(t) is not None)
        if v is None:  # on a scan, the value's box again as one line (`1 시간` read as `TA2E`)
            return self.reread(name, nz.parse_hours, [("kor", None)]) or self.prose(name, nz.hours_at)
        return self.make(nz.parse_hours(v.text), v)

    def prose(self, name: str, read: Callable[[str], list[tuple[int, Any]]]) -> FieldValue | None:
        """The value stated in a sentence with the field's prose keywords (`월간 가용률은 99.9% 이상`)."""
        found = find_in_prose(self.pages, [list(g) for g in self.field(name).prose], read)
        if found is None:
            return None
        value, sentence = found
        v = words_value(sentence.words, sentence.page, sentence.text)
        return self.make(value, v, confidence=min(0.9, v.confidence))

    def option(self, name: str, *, multiline: bool = False) -> FieldValue | None:
        """A ticked box (■) among the field's options, or the one option printed as plain text."""
        spec = self.field(name)
        for hit in self.hits(name):
            # every cell up to the next label: a row of options is printed (and OCR'd) in cells
            v = value_of(hit, stop=self.stop, multiline=multiline, join_cells=True)
            if v is None:
                continue
            choice = choose_option(v, spec.options)
            if choice is None:
                # the label cell may end in words of its own (`교육목적 제공 여부`): try the next cell
                nxt = value_of(hit, stop=self.stop, below=False, skip_rest=True, join_cells=True)
                if nxt is not None and choose_option(nxt, spec.options) is not None:
                    v = nxt
                    choice = choose_option(v, spec.options)
            if choice is None and self.ocr and not _prints_an_option(v.text, spec):
                # a row of options the page OCR garbled (`ASO OS`): the row again, as one line
                again = v.page.reread_box(v.bbox, lang="kor", psm=7)
                if again is not None and _prints_an_option(again[0], spec):
                    v = Value(
                        again[0],
                        spread_words(again[0], v.words, again[1], repaired_by="second_look"),
                        v.page,
                        again[1],
                    )
                    choice = choose_option(v, spec.options)
            if choice is not None:
                key, conf = choice
                valid = None if conf <= GUESS else True  # a guess by elimination stays unconfirmed
                return self.make(key, v, valid=valid, confidence=min(v.confidence, conf) if self.ocr else 1.0)
            if _prints_an_option(v.text, spec) and (self.ocr or has_boxes(v.text)):
                # the options are printed but none is ticked: the field is empty, and that is a
                # reading in its own right (it outweighs another reading's guess)
                return FieldValue(
                    value=None, confidence=0.9, page=v.page.page.number, bbox=v.bbox, raw=v.text, valid=True
                )
        return self._option_row(spec) or self._reread_option(name, spec)

    def _option_row(self, spec: FieldSpec) -> FieldValue | None:
        """When the label is unreadable: the line that prints two or more of the field's options."""
        # one-syllable options (상/중/하) are inside words of any sentence: not evidence of a row
        phrases = [(squash(p), key) for key, ps in spec.options.items() for p in ps if len(squash(p)) >= 2]
        for pl in self.pages:
            for i, line in enumerate(pl.lines):
                text = squash(line.text)
                if len({key for p, key in phrases if p in text}) < 2:
                    continue
                words = list(line.words)
                nxt = pl.lines[i + 1] if i + 1 < len(pl.lines) else None
                if nxt is not None and nxt.top - line.bottom < line.height * 0.8:
                    words += nxt.words  # a row of options wrapped onto a second line
                v = words_value(words, pl)
                choice = choose_option(v, spec.options)
                if choice is not None:
                    return self.make(choice[0], v, valid=True, confidence=min(v.confidence, choice[1], 0.8))
        return None

    def _reread_option(self, name: str, spec: FieldSpec) -> FieldValue | None:
        """A value printed alone in Latin letters (`SaaS`) that the Korean model misread (`5885`)."""
        phrases = [p for ps in spec.options.values() for p in ps]
        if not phrases or not all(p.isascii() for p in phrases):
            return None
        letters = "".join(sorted({ch for p in phrases for ch in p}))

        def parse(text: str) -> str | None:
            words = {fold_latin(w.strip(".,:;!?()[]")) for w in text.split()}
            hits = {key for key, ps in spec.options.items() for p in ps if fold_latin(p) in words}
            return hits.pop() if len(hits) == 1 else None

        # a whitelist can drop a letter it was asked to keep (`IaaS` → `aaS`): read without one too
        return self.reread(name, parse, [("eng", letters), ("eng", None)], plausible=no_hangul_words)

    def boolean(self, name: str) -> FieldValue | None:
        """Ticked boxes or plain yes/no words, else the words of the value: `실시간 대시보드 제공`
        is yes, `제공하지 않음` no (the field's no-words are looked for first)."""
        fv = self.option(name)
        if fv is not None:
            if fv.value is not None:
                fv.value = fv.value == "true"
            return fv
        spec = self.field(name)
        for hit in self.hits(name):
            for v in candidates(hit, stop=self.stop, multiline=False):
                said = nz.polarity(v.text, spec.options)
                if said is not None:
                    return self.make(said, v, confidence=min(v.confidence, 0.9))

        def said_in(text: str) -> list[tuple[int, Any]]:
            answer = nz.polarity(text, spec.options)
            return [] if answer is None else [(0, answer)]

        return self.prose(name, said_in)

    def standalone_date(self, *, last: bool = True) -> FieldValue | None:
        """A date printed alone on its line or in its own cell (issue dates, signing dates)."""
        found: list[tuple[date, Value]] = []
        for pl in self.pages:
            for line in pl.lines:
                for seg in line.segments:
                    # a translation beside the date is no other text: `2024-02-13 (February 13, 2024)`
                    text = _TRANSLATED.sub("", seg.text).strip()
                    if len(squash(text)) > 16 or not (_DATE_LINE.match(text) or nz.english_date_line(text)):
                        continue
                    others = "".join(s.text for s in line.segments if s is not seg)
                    if sum(ch.isalnum() for ch in others) >= 3:  # a table row, not a date on its own
                        continue
                    d = nz.parse_date(text, ocr=self.ocr)
                    if d:
                        found.append((d, words_value(seg.words, pl)))
                        break
        if not found:
            return None
        d, v = found[-1] if last else found[0]
        return self.make(d, v, valid=True)
