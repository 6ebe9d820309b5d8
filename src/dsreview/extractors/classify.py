"""Which document type a page belongs to: its title first, then the words typical of each type.

Titles are matched fuzzily on prominent lines near the top (OCR misreads syllables: 확인서 → 확연서);
keywords are counted over the whole page. Both come from forms/documents/<type>.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from rapidfuzz import fuzz

from dsreview.extractors.labels import PageLines
from dsreview.extractors.text import squash, strip_parens
from dsreview.forms import UNKNOWN, document_types

TITLE_STRONG = 0.86
KEYWORDS_MIN = 0.3


@dataclass(frozen=True, slots=True)
class PageClass:
    title_type: str | None
    title_score: float
    keyword_type: str | None
    keyword_score: float
    keyword_scores: dict[str, float]
    prominent: bool  # the page has a title-like line (large type near the top)
    words: int

    @property
    def best(self) -> str:
        if self.title_type and self.title_score >= TITLE_STRONG:
            return self.title_type
        if self.keyword_type and self.keyword_score >= KEYWORDS_MIN:
            return self.keyword_type
        return UNKNOWN


@lru_cache(maxsize=1)
def _catalogue() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    return tuple(
        (t, tuple(squash(x) for x in spec.titles), tuple(squash(k) for k in spec.keywords))
        for t, spec in document_types().items()
        if t != UNKNOWN
    )


def _title_lines(pl: PageLines) -> tuple[list[str], bool]:
    lines = [ln for ln in pl.lines if ln.top < pl.page.height * 0.42]
    if not lines:
        return [], False
    typical = median([ln.height for ln in pl.lines])
    big = [ln for ln in lines if ln.height >= typical * 1.3 and len(squash(ln.text)) >= 3]
    chosen = big[:3] if big else lines[:5]
    if big:
        # a title's other language right under it, in smaller type (`Capability Statement` /
        # `디지털서비스 제공역량 증명자료`)
        for title in big[:3]:
            below = next((ln for ln in lines if 0 <= ln.top - title.bottom <= 1.5 * title.height), None)
            if below is not None and below not in chosen:
                chosen.append(below)
    texts = [squash(strip_parens(ln.text)) or squash(ln.text) for ln in chosen]
    return texts, bool(big)


def _title_score(title: str, line: str) -> float:
    if len(line) < len(title) * 0.6:
        return 0.0
    score = 1.0 if title in line else fuzz.partial_ratio(title, line) / 100
    # a long line that merely contains the title is a sentence, not a title
    if len(line) > len(title) * 2.2 + 6:
        score -= 0.15
    return score


def classify_page(pl: PageLines) -> PageClass:
    titles, prominent = _title_lines(pl)
    text = squash(" ".join(ln.text for ln in pl.lines))
    best_title: tuple[str | None, float, int] = (None, 0.0, 0)
    kw_scores: dict[str, float] = {}
    for doc_type, type_titles, keywords in _catalogue():
        for t in type_titles:
            for line in titles:
                s = _title_score(t, line)
                if s > best_title[1] or (s == best_title[1] and s > 0 and len(t) > best_title[2]):
                    best_title = (doc_type, s, len(t))
        if keywords:
            if pl.ocr:
                hits = sum(
                    1 for k in keywords if k in text or (len(k) >= 4 and fuzz.partial_ratio(k, text) >= 88)
                )
            else:
                hits = sum(1 for k in keywords if k in text)
            kw_scores[doc_type] = hits / min(len(keywords), 6)
    kw_type = max(kw_scores, key=lambda k: kw_scores[k]) if kw_scores else None
    return PageClass(
        title_type=best_title[0],
        title_score=round(best_title[1], 3),
        keyword_type=kw_type,
        keyword_score=round(kw_scores.get(kw_type, 0.0), 3) if kw_type else 0.0,
        keyword_scores=kw_scores,
        prominent=prominent,
        words=sum(len(ln.words) for ln in pl.lines),
    )
