"""From readings to documents: split, classify, extract with every reading, keep the better values.

Plain stage functions; the reading itself (and its sandbox) is `extractors.reading`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath
from typing import Any

from dsreview.domain import Evidence, ExtractedDocument, FileReading, Finding
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.classify import TITLE_STRONG, PageClass, classify_page
from dsreview.extractors.labels import PageLines, PageTools, page_lines
from dsreview.extractors.repair import repair_labels
from dsreview.extractors.snap import fill_from_bundle, snap_bundle
from dsreview.extractors.split import split_pages
from dsreview.extractors.types import EXTRACTORS
from dsreview.forms import UNKNOWN, schema
from dsreview.forms.messages import finding

_ROUNDS = 4  # extractions at most, when second looks are batched (each round may ask for more)


def extract_readings(
    readings: list[FileReading], *, lang: str = "ko", tools: PageTools | None = None
) -> tuple[list[ExtractedDocument], list[Finding]]:
    """Every document of every readable file, and findings about the files themselves.

    `tools` give OCR'd pages a second look (re-reading a doubtful grade, date or identifier; the
    ink of a checkbox); without them, extraction keeps what the page OCR gave. Tools that batch
    their looks (`flush()`) answer what they were asked in one go, and the extraction runs again
    with the answers, until nothing new is asked.
    """
    flush = getattr(tools, "flush", None)
    for _ in range(_ROUNDS - 1):
        result = _extract_once(readings, lang=lang, tools=tools)
        if flush is None or not flush():
            return result
    return _extract_once(readings, lang=lang, tools=tools)


def _extract_once(
    readings: list[FileReading], *, lang: str, tools: PageTools | None
) -> tuple[list[ExtractedDocument], list[Finding]]:
    documents: list[ExtractedDocument] = []
    findings: list[Finding] = []
    last: _Read | None = None  # the last document read, with its pages, for files that continue it
    read_pages: dict[int, list[PageLines]] = {}  # id of a document → its pages
    for reading in readings:
        for problem in reading.problems:
            code = "unreadable_document" if problem.fatal else "embedded_content"
            findings.append(finding(code, lang=lang, source=reading.source, detail=problem.message))
        if not reading.readable:
            continue
        primary = [repair_labels(page_lines(p, tools=tools), p.words) for p in reading.pages]
        alternate = [
            repair_labels(page_lines(p, alt=True, tools=tools), p.alt_words) if p.alt_words else None
            for p in reading.pages
        ]
        classes = []
        for pl, alt in zip(primary, alternate, strict=True):
            c = classify_page(pl)
            if alt is not None:
                c2 = classify_page(alt)
                if max(c2.title_score, c2.keyword_score) > max(c.title_score, c.keyword_score):
                    c = c2
            classes.append(c)
        for k, span in enumerate(split_pages(classes)):
            own = ([primary[i] for i in span.pages], [alternate[i] for i in span.pages])
            document = _document(reading.source, span.type, span.score, *own)
            if k == 0 and last is not None and _continues_file(last, document, classes[span.pages[0]]):
                # a document scanned page by page into files (`08_SLA_1.jpg`, `08_SLA_2.jpg`)
                _fill_from(last[0], _document(last[0].source, span.type, span.score, *_joined(last, own)))
            documents.append(document)
            read_pages[id(document)] = own[0]
            last = (document, *own)
            if span.type == UNKNOWN:
                pages = ", ".join(str(reading.pages[i].number) for i in span.pages)
                findings.append(
                    finding("unclassified_document", lang=lang, source=reading.source, detail=pages)
                )
    snap_bundle(documents)
    fill_from_bundle(documents, read_pages)
    return documents, findings


# a document as read: the document, its pages, their second readings
_Read = tuple[ExtractedDocument, list[PageLines], list[PageLines | None]]
_NUMBERED = re.compile(r"^(.*?)[\s_\-(]*\d{1,3}\)?$")


def _continues_file(last: _Read, document: ExtractedDocument, first: PageClass) -> bool:
    """Does a file's first document continue the previous file's last one? Same type, and either
    no title of its own on its first page or file names numbered as pages of one (`X_1`, `X_2`)."""
    prev = last[0]
    if document.type != prev.type or document.type == UNKNOWN or prev.source == document.source:
        return False
    if not (first.title_type and first.title_score >= TITLE_STRONG):
        return True
    a, b = (_NUMBERED.match(PurePath(s).stem) for s in (prev.source, document.source))
    return a is not None and b is not None and a.group(1) == b.group(1) != ""


def _joined(
    last: _Read, pages: tuple[list[PageLines], list[PageLines | None]]
) -> tuple[list[PageLines], list[PageLines | None]]:
    return last[1] + pages[0], last[2] + pages[1]


def _fill_from(document: ExtractedDocument, whole: ExtractedDocument) -> None:
    """Fields the document's own pages lack, from the reading of all its files' pages. (Evidence
    stays with the file a value was read on: the continuing file's own document carries it.)"""
    for name, value in whole.fields.items():
        if document.fields.get(name) in (None, [], "") and value not in (None, [], ""):
            document.fields[name] = value
            if name in whole.readings:
                document.readings[name] = whole.readings[name]


def _document(
    source: str,
    doc_type: str,
    score: float,
    pages: list[PageLines],
    alternate: list[PageLines | None],
) -> ExtractedDocument:
    extractor = EXTRACTORS[doc_type]
    fields = extractor.extract(pages)
    readings: dict[str, list[Any]] = {}
    if any(alt is not None for alt in alternate):
        alt_pages = [alt or pl for alt, pl in zip(alternate, pages, strict=True)]
        second = extractor.extract(alt_pages)
        for name in set(fields) | set(second):
            found = [fv.value for fv in (fields.get(name), second.get(name)) if fv is not None and fv.value]
            readings[name] = [_jsonable(v) for v in found]
        fields = merge_readings(fields, second)
    names = list(schema(doc_type).get("properties", {}))
    values: dict[str, Any] = {}
    evidence: dict[str, Evidence] = {}
    for name in names or list(fields):
        fv = fields.get(name)
        values[name] = _jsonable(fv.value) if fv else None
        if fv is not None and fv.value is not None and fv.page is not None:
            evidence[name] = Evidence(
                page=fv.page,
                bbox=fv.bbox or (0.0, 0.0, 0.0, 0.0),
                confidence=round(fv.confidence, 3),
                text=fv.raw[:200],
                repaired_by=fv.repaired_by,
                read_as=fv.read_as[:200] if fv.read_as else None,
            )
    ocr = any(pl.ocr for pl in pages)
    confidences = [e.confidence for e in evidence.values()]
    field_conf = sum(confidences) / len(confidences) if confidences else 1.0
    class_conf = min(1.0, score) if doc_type != UNKNOWN else 0.0
    confidence = round(field_conf * (0.5 + 0.5 * class_conf), 3) if names else round(class_conf, 3)
    document = ExtractedDocument(
        type=doc_type,
        source=source,
        pages=[pl.page.number for pl in pages],
        ocr=ocr,
        confidence=confidence,
        fields=values,
        evidence=evidence,
    )
    document.readings = readings
    return document


def merge_readings(first: Fields, second: Fields) -> Fields:
    """Per field, the better of two OCR readings: a checked value beats an unchecked or failed one."""
    out: Fields = {}
    for name in set(first) | set(second):
        a, b = first.get(name), second.get(name)
        out[name] = _better(a, b)
    return out


def _rank(fv: FieldValue | None) -> tuple[float, float]:
    if fv is None:
        return (0, 0.0)
    if fv.value is None or fv.value == []:
        # "printed, none ticked" is a reading (it beats a guess by elimination); else nothing read
        return (2.5, fv.confidence) if fv.valid else (0, 0.0)
    validity = {True: 3, None: 2, False: 1}[fv.valid]
    return (validity, fv.confidence)


def _better(a: FieldValue | None, b: FieldValue | None) -> FieldValue | None:
    if a is not None and b is not None and a.value == b.value and a.value is not None:
        a.confidence = round(min(1.0, max(a.confidence, b.confidence) + 0.1), 3)
        return a
    if a is not None and b is not None:
        # the same list, one reading with a comma the other lost: `정보통신업 서비스업` is two items
        for one, other in ((a, b), (b, a)):
            if _split_further(one.value, other.value):
                return one
    return a if _rank(a) >= _rank(b) else b


def _split_further(items: Any, other: Any) -> bool:
    """Is `items` the list `other` with some of its items split in two (the same letters)?"""
    if not (isinstance(items, list) and isinstance(other, list) and len(items) > len(other) > 0):
        return False
    if not all(isinstance(x, str) for x in [*items, *other]):
        return False
    flat = "".join(re.sub(r"\W", "", x) for x in items)
    return flat == "".join(re.sub(r"\W", "", x) for x in other) and flat != ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value
