"""Snapping OCR'd names and addresses to the same value on the bundle's other documents.

The Korean OCR models lack some syllables (텀, 웍) and confuse look-alikes, so a name read from a
scan is compared with the same name on the bundle's other documents: of its two OCR readings the
one the bundle agrees with is kept, and a near miss of a born-digital document's value is replaced
by it. On a bundle scanned throughout, an address is voted on across its documents (a floor read
as `108` on two pages and `10층` on three). A value no other document supports is left as read.
Identifiers are never snapped: their check digit decides.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from rapidfuzz import fuzz

from dsreview.domain import Evidence, ExtractedDocument, Word
from dsreview.domain.names import company_key, loose_key
from dsreview.extractors.labels import PageLines
from dsreview.extractors.layout import bbox_of
from dsreview.extractors.text import squash
from dsreview.forms import document_spec, groups

# How the readings of each group compare (the group's kind in the catalogue); identifiers are
# never snapped, their check digit decides.
_SNAPPED_KINDS = {"company": "company", "person": "person", "address": "address", "text": "service"}


@functools.cache
def snap_groups() -> dict[str, list[tuple[str, str]]]:
    """The catalogue's groups of fields naming one thing, keyed by how their readings compare."""
    out: dict[str, list[tuple[str, str]]] = {}
    for members in groups().values():
        kinds = {document_spec(t).fields[f].kind for t, f in members}
        kind = _SNAPPED_KINDS.get(kinds.pop()) if len(kinds) == 1 else None
        if kind is not None:
            out.setdefault(kind, []).extend(members)
    return out


_FORM = re.compile(r"^(\(\s*주\s*\)\s*|㈜\s*|주식\s*회사\s*)|(\s*\(\s*주\s*\)|\s*㈜|\s*주식\s*회사)$")


def _stem(name: str) -> str:
    return _FORM.sub("", name).strip()


def _with_stem(ocr_value: str, stem: str) -> str:
    prefix = re.match(r"^(\(\s*주\s*\)\s*|㈜\s*|주식\s*회사\s*)", ocr_value)
    suffix = re.search(r"(\s*\(\s*주\s*\)|\s*㈜|\s*주식\s*회사)$", ocr_value)
    return (prefix.group(0) if prefix else "") + stem + (suffix.group(0) if suffix else "")


# What the Korean models print for the ㈜ glyph besides stray symbols: look-alike syllables.
_CIRCLED_JU = {"쥐", "쉬", "주", "즈", "준", "중", "㈜"}


def _junk_prefix(value: str, reference: str) -> bool:
    """`5 다온시스템`, `쥐 모아플랫폼` for `㈜…`: OCR reads the ㈜ glyph as a stray character."""
    ka, kb = company_key(value), company_key(reference)
    if len(kb) < 2 or not ka.endswith(kb) or not 1 <= len(ka) - len(kb) <= 2:
        return False
    prefix = ka[: -len(kb)]
    return prefix in _CIRCLED_JU or not re.search(r"[가-힣]", prefix)


def _near(kind: str, a: str, b: str) -> bool:
    if kind == "company":
        ka, kb = company_key(a), company_key(b)
        return ka != kb and len(kb) >= 2 and fuzz.ratio(ka, kb) >= 75
    if kind == "person":
        return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    ka, kb = loose_key(a), loose_key(b)
    return ka != kb and (fuzz.ratio(ka, kb) >= 85 or (kind == "address" and _garbled_variant(ka, kb)))


_LATIN_JUNK = re.compile(r"[a-z]{2,}")


def _garbled_variant(ka: str, kb: str) -> bool:
    """`부산광역시남구basse247,13층` is `부산광역시남구문현금융로247,13층` with one road name read as
    Latin letters: everything else equal, the Latin run stands for a few Hangul syllables."""
    parts = _LATIN_JUNK.split(ka)
    if len(parts) != 2 or _LATIN_JUNK.search(kb) or min(len(parts[0]), len(parts[1])) < 3:
        return False
    pattern = re.escape(parts[0]) + "[가-힣]{1,8}" + re.escape(parts[1])
    return re.fullmatch(pattern, kb) is not None


def _same(kind: str, a: str, b: str) -> bool:
    if kind == "company":
        return company_key(a) == company_key(b)
    if kind == "person":
        return a == b
    return loose_key(a) == loose_key(b)


def _values(doc: ExtractedDocument, field: str) -> list[str]:
    v: Any = doc.fields.get(field)
    return [v] if isinstance(v, str) and v else []


def _support(kind: str, value: str, others: list[list[str]], digital: list[str]) -> int:
    """How many other slots of the bundle agree with `value`; a born-digital document counts twice."""
    return 2 * sum(_same(kind, value, d) for d in digital) + sum(
        any(_same(kind, value, o) for o in readings) for readings in others
    )


# An address that ends in a bare number after its comma (`119, 108`) is usually `10층` misread;
# one that ends in its floor or unit (`119, 10층`) is whole.
_BARE_UNIT = re.compile(r",\s*\d+\s*$")
_WHOLE_ADDRESS = re.compile(r"\d+\s*[층호]\s*$|\)\s*$")


def _plausible(kind: str, value: str) -> int:
    """How much a reading looks like what a person would write (2 best), to choose between readings."""
    if kind == "address":
        if _BARE_UNIT.search(value) or re.search(r"[A-Z]{2,}", value):
            return 0
        return 2 if _WHOLE_ADDRESS.search(value) else 1
    return 0 if re.search(r"[A-Za-z]{2,}", value) and kind != "company" else 1


def _rank(kind: str, others: list[list[str]], digital: list[str], value: str) -> tuple[int, int]:
    """Which reading to keep: the bundle's support first, how plausible it reads second; for an
    address the other way round, since OCR misreads its unit the same way on every page (`10층` →
    `108`)."""
    support, plausible = _support(kind, value, others, digital), _plausible(kind, value)
    return (plausible, support) if kind == "address" else (support, plausible)


def snap_bundle(documents: list[ExtractedDocument]) -> None:
    for kind, members in snap_groups().items():
        slots = [(d, f) for d in documents for t, f in members if d.type == t and _values(d, f)]
        if len(slots) < 2:
            continue
        digital = [v for d, f in slots if not d.ocr for v in _values(d, f)]
        for i, (doc, field) in enumerate(slots):
            if not doc.ocr:
                continue
            value = _values(doc, field)[0]
            others = [
                [*o.readings.get(f, []), *_values(o, f)] for j, (o, f) in enumerate(slots) if j != i and o.ocr
            ]
            references = digital + [v for readings in others for v in readings]
            # 1. the two OCR readings of this value: keep the one the rest of the bundle agrees with
            candidates = [
                c for c in dict.fromkeys([value, *doc.readings.get(field, [])]) if isinstance(c, str)
            ]
            rank = functools.partial(_rank, kind, others, digital)
            best = max(candidates, key=rank)
            if rank(best) > rank(value):
                doc.fields[field] = value = best
            # 1b. a scanned address: a near miss that more of the bundle reads the same way. (Not
            # for names: the models misread a syllable the same way on every page, 별빛 → 별빚.)
            if not digital and kind == "address":
                near = [r for r in dict.fromkeys(references) if _near(kind, value, r)]
                voted = max(near, key=rank, default=None)
                if voted is not None and rank(voted)[1] >= 2 and rank(voted) > rank(value):
                    _repair(doc, field, voted, "bundle_address_vote")
                    value = voted
            # 2. ㈜ read as a stray character: `5 다온시스템`
            if kind == "company":
                prefixed = next((r for r in references if _junk_prefix(value, r)), None)
                if prefixed is not None:
                    _repair(doc, field, "㈜" + _stem(prefixed), "company_form_mark")
                    continue
            # 3. a near miss of a born-digital value (a syllable the model lacks: 텀, 웍)
            if not digital or any(_same(kind, value, r) for r in digital):
                continue
            near = [r for r in digital if _near(kind, value, r)]
            if near:
                ref = Counter(near).most_common(1)[0][0]
                new = _with_stem(value, _stem(ref)) if kind == "company" else ref
                _repair(doc, field, new, "born_digital_match", confidence=0.85)


def _repair(doc: ExtractedDocument, field: str, value: str, rule: str, *, confidence: float = 1.0) -> None:
    """Set a scanned value the bundle corrected; its evidence names the rule and what was read.

    - `bundle_address_vote`: `서울특별시 강남구 테헤란로 28O` → the address more of the bundle reads;
    - `company_form_mark`: `5 다온시스템` → `㈜다온시스템`, ㈜ read as a stray character;
    - `born_digital_match`: `센팀` → `센텀`, a near miss of the born-digital documents' value.
    """
    before = doc.fields.get(field)
    doc.fields[field] = value
    ev = doc.evidence.get(field)
    if ev is None or before == value:
        return
    rules = [r for r in (ev.repaired_by or "").split(", ") if r]
    doc.evidence[field] = ev.model_copy(
        update={
            "confidence": round(min(ev.confidence, confidence), 3),
            "repaired_by": ", ".join([*rules, rule] if rule not in rules else rules),
            "read_as": ev.read_as or (str(before) if before is not None else None),
        }
    )


# groups whose value, once the bundle agrees on it, may be looked for as printed on another document
_FILLED_KINDS = ("service", "company")
_MIN_FILL = 4  # letters: a shorter value could be printed by chance


def fill_from_bundle(documents: list[ExtractedDocument], pages: dict[int, list[PageLines]]) -> None:
    """`found_by_bundle`: a service or company name a document prints where no label of its own
    leads to it (`This SLA applies to 별빛전자계약 서비스 …`) is the one the bundle's other
    documents read, when their value appears on its pages as printed: a born-digital document's
    value, or one that two documents read alike. Its evidence is the line it is printed on."""
    groups_ = snap_groups()
    for kind in _FILLED_KINDS:
        members = groups_.get(kind, [])
        slots = [(d, f) for d in documents for t, f in members if d.type == t]
        known = [(d, d.fields.get(f)) for d, f in slots if isinstance(d.fields.get(f), str)]
        digital = [v for d, v in known if not d.ocr and isinstance(v, str)]
        counted = Counter(v for _, v in known if isinstance(v, str))
        values = digital or [v for v, n in counted.items() if n >= 2]
        values = sorted(
            dict.fromkeys(v for v in values if len(squash(v)) >= _MIN_FILL), key=len, reverse=True
        )
        if not values:
            continue
        for doc, field in slots:
            if doc.fields.get(field) not in (None, "") or id(doc) not in pages:
                continue
            found = _printed(values, pages[id(doc)])
            if found is None:
                continue
            value, pl, words = found
            doc.fields[field] = value
            doc.evidence[field] = Evidence(
                page=pl.page.number,
                bbox=bbox_of(words),
                confidence=0.8,
                text=" ".join(w.text for w in words)[:200],
                repaired_by="found_by_bundle",
            )


def _printed(values: list[str], pages: list[PageLines]) -> tuple[str, PageLines, list[Word]] | None:
    for value in values:
        key = squash(value)
        for pl in pages:
            for line in pl.lines:
                if key in squash(line.text):
                    return value, pl, line.words
    return None
