"""A second look at label cells that the page OCR turned into Latin garbage.

A label printed on a shaded cell often comes out of the whole-page OCR as Latin letters
(`|A HAG` for 서비스명, `MBAS mactC` for 서비스 구분), and its value is then never found. Read
alone, as one line of Korean, the same pixels give the label back. Only the garbled run at the
start of a line is read again, and only a confident Korean reading replaces it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dsreview.domain import Word
from dsreview.extractors.labels import PageLines, lines_of
from dsreview.extractors.layout import Segment, bbox_of, spread_words
from dsreview.extractors.text import squash, strip_parens
from dsreview.forms import document_types

# A word of OCR garbage in a Korean form: Latin letters and stray strokes, no digits, no Hangul.
_JUNK_WORD = re.compile(r"^[A-Za-z|\[\]{}!'`~;:\-.]+$")
_HANGUL_RUN = re.compile(r"[가-힣]{2,}")
_LATIN = re.compile(r"[A-Za-z]")
_MIN_CONFIDENCE = 0.75


def _leading_junk(segments: list[Segment]) -> list[list[Word]]:
    """The garbled words at the start of a line, grouped by segment; empty if there are none or
    nothing follows them (a label needs a value after it)."""
    runs: list[list[Word]] = []
    followed = False
    for seg in segments:
        run: list[Word] = []
        for w in seg.words:
            if _JUNK_WORD.match(w.text) and w.text not in (":", "-", "."):
                run.append(w)
            else:
                followed = True
                break
        if run:
            runs.append(run)
        if followed:
            break
    letters = sum(len(_LATIN.findall(w.text)) for run in runs for w in run)
    return runs if followed and letters >= 3 else []


@lru_cache(maxsize=1)
def _known_labels() -> frozenset[str]:
    """Every label of every document type, squashed: a weak re-reading that spells one is right."""
    return frozenset(
        squash(strip_parens(alias))
        for spec in document_types().values()
        for field in spec.fields.values()
        for alias in field.aliases
    )


def _accept(text: str, confidence: float) -> bool:
    if _LATIN.search(text) or not _HANGUL_RUN.search(text.replace(" ", "")):
        return False
    return confidence >= _MIN_CONFIDENCE or re.sub(r"[^가-힣]", "", text) in _known_labels()


def repair_labels(pl: PageLines, source: list[Word]) -> PageLines:
    """The page's lines with garbled leading label cells read again in Korean (OCR pages only).

    `source` is the word list the lines were built from (the page's words or its second reading):
    the lines are rebuilt from it, table rules included, with the re-read words in place.
    """
    if not (pl.ocr and pl.tools is not None and pl.page.image_path):
        return pl
    replaced: dict[int, list[Word]] = {}  # id of a run's first word → its new words
    dropped: set[int] = set()
    for line in pl.lines:
        for run in _leading_junk(line.segments):
            # as a line, then as a single word (a label cell smudged by its shading)
            for psm in (7, 8):
                again = pl.reread_box(bbox_of(run), lang="kor", psm=psm)
                if again is not None and _accept(*again):
                    text = re.sub(r"[^\w\s()]", "", again[0]).strip()
                    replaced[id(run[0])] = spread_words(text, run, again[1])
                    dropped.update(id(w) for w in run[1:])
                    break
    if not replaced:
        return pl
    words: list[Word] = []
    for w in source:
        if id(w) in replaced:
            words += replaced[id(w)]
        elif id(w) not in dropped:
            words.append(w)
    return lines_of(pl.page, words, pl.tools)
