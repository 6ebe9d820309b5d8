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
from dsreview.extractors.checkbox import choose_option
from dsreview.extractors.labels import Hit, PageLines, Value, find_labels, value_of
from dsreview.extractors.text import squash
from dsreview.forms import FieldSpec, document_spec

_DATE_LINE = re.compile(r"^[\s\d.\-/년월일OoSlI]+$")


class FieldReader:
    def __init__(self, pages: list[PageLines], doc_type: str) -> None:
        self.pages = pages
        self.spec = document_spec(doc_type)
        self.ocr = any(p.ocr for p in pages)
        aliases = {a for f in self.spec.fields.values() for a in f.aliases}
        aliases.update(self.spec.extras.get("stop_labels", []))
        self.stop = sorted(aliases, key=len, reverse=True)

    # --- plumbing ---------------------------------------------------------------------------
    def field(self, name: str) -> FieldSpec:
        return self.spec.fields[name]

    def hits(self, name: str, aliases: list[str] | None = None) -> list[Hit]:
        return find_labels(self.pages, aliases or list(self.field(name).aliases))

    def value(
        self,
        name: str,
        *,
        accept: Callable[[str], bool] | None = None,
        multiline: bool = False,
        below: bool = True,
        aliases: list[str] | None = None,
    ) -> Value | None:
        for hit in self.hits(name, aliases):
            v = value_of(hit, stop=self.stop, multiline=multiline, below=below)
            if v is not None and (accept is None or accept(v.text)):
                return v
        return None

    def make(
        self, value: Any, v: Value, *, valid: bool | None = None, confidence: float | None = None
    ) -> FieldValue:
        conf = v.confidence if confidence is None else confidence
        if valid is False:
            conf *= 0.5
        return FieldValue(
            value=value,
            confidence=round(min(1.0, conf), 3),
            page=v.page.page.number,
            bbox=v.bbox if v.words else None,
            raw=v.text,
            valid=valid,
        )

    # --- kinds ------------------------------------------------------------------------------
    def text(
        self,
        name: str,
        *,
        multiline: bool = False,
        clean: Callable[[str], str | None] = nz.clean_text,
        aliases: list[str] | None = None,
    ) -> FieldValue | None:
        v = self.value(name, multiline=multiline, aliases=aliases, accept=lambda t: clean(t) is not None)
        if v is None:
            return None
        return self.make(clean(v.text), v)

    def name(self, name: str) -> FieldValue | None:
        return self.text(name, clean=nz.clean_name)

    def company(self, name: str, aliases: list[str] | None = None) -> FieldValue | None:
        return self.text(name, clean=nz.clean_company, aliases=aliases)

    def address(self, name: str) -> FieldValue | None:
        return self.text(name, multiline=True)

    def date(self, name: str, *, aliases: list[str] | None = None) -> FieldValue | None:
        v = self.value(name, aliases=aliases, accept=lambda t: nz.parse_date(t, ocr=self.ocr) is not None)
        if v is None:
            return None
        return self.make(nz.parse_date(v.text, ocr=self.ocr), v, valid=True)

    def period(self, name: str) -> tuple[FieldValue | None, FieldValue | None]:
        v = self.value(name, accept=lambda t: nz.parse_period(t, ocr=self.ocr)[0] is not None, multiline=True)
        if v is None:
            return None, None
        start, end = nz.parse_period(v.text, ocr=self.ocr)
        return (
            self.make(start, v, valid=True) if start else None,
            self.make(end, v, valid=end is not None and start is not None and end > start) if end else None,
        )

    def identifier(self, name: str, kind: str, *, aliases: list[str] | None = None) -> FieldValue | None:
        readings = nz.brn_readings if kind == "brn" else nz.crn_readings
        v = self.value(name, aliases=aliases, accept=lambda t: bool(readings(t, ocr=self.ocr)))
        if v is None:
            return None
        value, ok = nz.pick_identifier(readings(v.text, ocr=self.ocr), kind)
        return self.make(value, v, valid=ok)

    def money(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_money(t, ocr=self.ocr) is not None)
        return self.make(nz.parse_money(v.text, ocr=self.ocr), v) if v else None

    def percent(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_percent(t) is not None)
        return self.make(nz.parse_percent(v.text), v) if v else None

    def hours(self, name: str) -> FieldValue | None:
        v = self.value(name, accept=lambda t: nz.parse_hours(t) is not None)
        return self.make(nz.parse_hours(v.text), v) if v else None

    def option(self, name: str, *, multiline: bool = False) -> FieldValue | None:
        """A ticked box (■) among the field's options, or the one option printed as plain text."""
        spec = self.field(name)
        for hit in self.hits(name):
            v = value_of(hit, stop=self.stop, multiline=multiline)
            if v is None:
                continue
            choice = choose_option(v, spec.options)
            if choice is None:
                # the label cell may end in words of its own (`교육목적 제공 여부`): try the next cell
                nxt = value_of(hit, stop=self.stop, below=False, skip_rest=True)
                if nxt is not None and choose_option(nxt, spec.options) is not None:
                    v = nxt
                    choice = choose_option(v, spec.options)
            if choice is not None:
                key, conf = choice
                return self.make(key, v, valid=True, confidence=min(v.confidence, conf) if self.ocr else 1.0)
            if any(any(squash(o) in squash(v.text) for o in opts) for opts in spec.options.values()):
                # the options are printed but none is ticked: the field is empty
                return FieldValue(
                    value=None, confidence=0.9, page=v.page.page.number, bbox=v.bbox, raw=v.text
                )
        return None

    def boolean(self, name: str) -> FieldValue | None:
        fv = self.option(name)
        if fv is None or fv.value is None:
            return fv
        fv.value = fv.value == "true"
        return fv

    def standalone_date(self, *, last: bool = True) -> FieldValue | None:
        """A date printed alone on its line or in its own cell (issue dates, signing dates)."""
        found: list[tuple[date, Value]] = []
        for pl in self.pages:
            for line in pl.lines:
                for seg in line.segments:
                    text = seg.text
                    if len(squash(text)) > 16 or not _DATE_LINE.match(text):
                        continue
                    others = "".join(s.text for s in line.segments if s is not seg)
                    if sum(ch.isalnum() for ch in others) >= 3:  # a table row, not a date on its own
                        continue
                    d = nz.parse_date(text, ocr=self.ocr)
                    if d:
                        conf = sum(w.confidence for w in seg.words) / len(seg.words)
                        found.append((d, Value(text=text, words=seg.words, page=pl, confidence=conf)))
                        break
        if not found:
            return None
        d, v = found[-1] if last else found[0]
        return self.make(d, v, valid=True)

    def find_text(self, pattern: re.Pattern[str]) -> tuple[re.Match[str], Value] | None:
        """The first line whose text matches `pattern` (for values printed in prose)."""
        for pl in self.pages:
            for line in pl.lines:
                m = pattern.search(line.text)
                if m:
                    return m, Value(
                        text=m.group(0),
                        words=line.words,
                        page=pl,
                        confidence=sum(w.confidence for w in line.words) / len(line.words),
                    )
        return None

    def all_text(self) -> str:
        return "\n".join(line.text for pl in self.pages for line in pl.lines)
