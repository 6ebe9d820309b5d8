"""Splitting a file's pages into documents.

A page with a recognised title starts a document; a page without one continues the document before
it when it reads like it (its keywords, no title of its own), else starts a document of the type its
keywords name, else belongs to an `unknown` document. (A document scanned page by page into
several files is joined by the pipeline, not here: see `pipeline._continues_file`.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dsreview.extractors.classify import KEYWORDS_MIN, TITLE_STRONG, PageClass
from dsreview.forms import UNKNOWN


@dataclass(slots=True)
class Span:
    type: str
    pages: list[int] = field(default_factory=list)  # indexes into the file's pages
    score: float = 0.0


def split_pages(classes: list[PageClass]) -> list[Span]:
    spans: list[Span] = []
    for i, c in enumerate(classes):
        prev = spans[-1] if spans else None
        if c.title_type and c.title_score >= TITLE_STRONG:
            if prev and prev.type == c.title_type:  # a title repeated on every page of one document
                prev.pages.append(i)
            else:
                spans.append(Span(c.title_type, [i], c.title_score))
            continue
        if c.words < 3:
            _unknown(spans, i, titled=False)
            continue
        if prev and prev.type != UNKNOWN and _continues(prev, c):
            prev.pages.append(i)
            continue
        if c.keyword_type and c.keyword_score >= KEYWORDS_MIN and not c.prominent:
            spans.append(Span(c.keyword_type, [i], c.keyword_score))
            continue
        if c.keyword_type and c.keyword_score >= KEYWORDS_MIN * 2:
            spans.append(Span(c.keyword_type, [i], c.keyword_score))
            continue
        _unknown(spans, i, titled=c.prominent)
    return spans


def _continues(prev: Span, c: PageClass) -> bool:
    if c.prominent and c.title_score < TITLE_STRONG:
        # a page with a title of its own that we don't know is another document
        return c.keyword_scores.get(prev.type, 0.0) >= KEYWORDS_MIN
    if c.keyword_scores.get(prev.type, 0.0) > 0:
        return True
    return not (c.keyword_type and c.keyword_score >= KEYWORDS_MIN)


def _unknown(spans: list[Span], i: int, *, titled: bool) -> None:
    """An unknown page continues the unknown document before it, unless it has a title of its own
    (a consent form, then a company profile: two documents nobody asked for)."""
    if titled:
        spans.append(Span(UNKNOWN, [i], 0.0))
    elif spans and spans[-1].type == UNKNOWN and spans[-1].pages and spans[-1].pages[-1] == i - 1:
        spans[-1].pages.append(i)
    else:
        spans.append(Span(UNKNOWN, [i], 0.0))
