"""Finding a document type's labels on its pages and the values beside them: the plumbing under
`fields.FieldReader`, which adds one method per kind of value.

`LabelReader(pages, doc_type)` knows the type's labels (forms/documents/<type>.json), finds a
field's labels once per reading, walks the candidate places of its value, and makes a `FieldValue`
that keeps the value's evidence and the repairs that read it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dsreview.extractors.base import FieldValue
from dsreview.extractors.labels import Hit, PageLines, find_labels
from dsreview.extractors.text import squash, strip_parens
from dsreview.extractors.values import Value, candidates, value_of, words_value
from dsreview.forms import FieldSpec, document_spec


class LabelReader:
    def __init__(self, pages: list[PageLines], doc_type: str) -> None:
        self.pages = pages
        self.spec = document_spec(doc_type)
        self.ocr = any(p.ocr for p in pages)
        aliases = {a for f in self.spec.fields.values() for a in (*f.aliases, *f.own_labels)}
        aliases.update(self.spec.extras.get("stop_labels", []))
        self.stop = sorted(aliases, key=len, reverse=True)
        self._stop_keys = {squash(strip_parens(a)) for a in self.stop}
        # the labels of a field found once per reading: readers ask for them again and again
        self._hits: dict[tuple[str, ...], list[Hit]] = {}

    def field(self, name: str) -> FieldSpec:
        return self.spec.fields[name]

    def hits(self, name: str, aliases: list[str] | None = None) -> list[Hit]:
        own = aliases or list(self.field(name).aliases)
        key = tuple(own)
        if key not in self._hits:
            self._hits[key] = self._find(own)
        return list(self._hits[key])

    def _find(self, own: list[str]) -> list[Hit]:
        others = self._stop_keys - {squash(strip_parens(a)) for a in own}
        hits = find_labels(self.pages, own, self.stop)
        # a fuzzy match that reads exactly as another field's label is that label (시간 ≠ 시점)
        return [
            h
            for h in hits
            if h.score >= 1.0
            or squash(strip_parens(" ".join(w.text for w in h.label_words))).rstrip(":：") not in others
        ]

    def value(
        self,
        name: str,
        *,
        accept: Callable[[str], bool] | None = None,
        multiline: bool = False,
        below: bool = True,
        aliases: list[str] | None = None,
        join_cells: bool = False,
    ) -> Value | None:
        for hit in self.hits(name, aliases):
            if accept is None:
                v = value_of(hit, stop=self.stop, multiline=multiline, below=below, join_cells=join_cells)
                if v is not None:
                    return v
                continue
            found = candidates(hit, stop=self.stop, multiline=multiline, below=below, join_cells=join_cells)
            for v in found:
                if accept(v.text):
                    return v
        return None

    def make(
        self,
        value: Any,
        v: Value,
        *,
        valid: bool | None = None,
        confidence: float | None = None,
        repaired_by: str | None = None,
        read_as: str | None = None,
    ) -> FieldValue:
        """The field's value from what was read; a value read again (`repaired_by`, or words a line
        rule re-read) keeps the repairs' names and what the page OCR had read in their place."""
        conf = v.confidence if confidence is None else confidence
        if valid is False:
            conf *= 0.5
        rules = [repaired_by] if repaired_by else []
        was = [read_as] if read_as else []
        for w in v.words:
            if w.repaired_by and w.repaired_by not in rules:
                rules.append(w.repaired_by)
            if w.read_as and w.read_as not in was:
                was.append(w.read_as)
        return FieldValue(
            value=value,
            confidence=round(min(1.0, conf), 3),
            page=v.page.page.number,
            bbox=v.bbox if v.words else None,
            raw=v.text,
            valid=valid,
            repaired_by=", ".join(rules) or None,
            read_as=" / ".join(was) or None,
        )

    def find_text(self, pattern: re.Pattern[str]) -> tuple[re.Match[str], Value] | None:
        """The first line whose text matches `pattern` (for values printed in prose)."""
        for pl in self.pages:
            for line in pl.lines:
                m = pattern.search(line.text)
                if m:
                    return m, words_value(line.words, pl, m.group(0))
        return None

    def all_text(self) -> str:
        return "\n".join(line.text for pl in self.pages for line in pl.lines)
