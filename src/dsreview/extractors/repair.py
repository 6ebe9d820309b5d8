"""Repairs of what the page OCR made of a scanned page's lines: named rules, tried in order.

Each rule looks at one line and may propose a part of it to read again (a crop, in Korean, as one
line of text); if the second reading passes the rule's test it replaces the words it covers, and
the new words carry the rule's name and the text they replace (`Word.repaired_by`, `read_as`),
which the value's evidence keeps. The crops of every rule and page are read together
(`reading.BatchedTools`). Rules, in order:

- `garbled_label_cell`: a label on a shaded cell read as Latin letters: `|A HAG` for 서비스명.
- `spaced_label_line`: a label printed letter-spaced, its syllables read one by one and some as
  Latin letters or other syllables: `사 업 장 A A Al: 서울…` is `사 업 장 소 재 지 : 서울…`,
  `은 점 소 재 자: 대전…` is `본점소재지: 대전…`; the line read whole again.
- `spaced_label_cell`: the same in a label cell of its own, without a colon: `저 비 스 평 | 해온…`
  is `서비스명 | 해온…`; the cell read again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from dsreview.domain import Word
from dsreview.extractors.labels import PageLines, label_vocabulary, lines_of
from dsreview.extractors.layout import Line, bbox_of, spread_words
from dsreview.extractors.text import squash, strip_parens
from dsreview.forms import document_types

# A word of OCR garbage in a Korean form: Latin letters and stray strokes, no digits, no Hangul.
_JUNK_WORD = re.compile(r"^[A-Za-z|\[\]{}!'`~;:\-.]+$")
_HANGUL_RUN = re.compile(r"[가-힣]{2,}")
_LATIN = re.compile(r"[A-Za-z]")
_MIN_CONFIDENCE = 0.75
_SHORT = re.compile(r"^(?:[가-힣]|[A-Za-z|!\[\]{}]{1,3})[:：;]?$")


@dataclass(frozen=True, slots=True)
class Proposal:
    """Words of a line to read again, and the test their second reading must pass (it returns
    the text that replaces them, or None)."""

    words: list[Word]
    accept: Callable[[str, float], str | None]
    psm: int = 7
    # the models to read it with, in turn, until a reading passes (the script model reads some
    # syllables the language model gets wrong every time: 저비스평 for 서비스명)
    langs: tuple[str, ...] = ("kor", "Hangul")


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    propose: Callable[[Line], list[Proposal]]


@lru_cache(maxsize=1)
def _known_labels() -> frozenset[str]:
    """Every label of every document type, squashed: a weak re-reading that spells one is right."""
    return frozenset(
        squash(strip_parens(alias))
        for spec in document_types().values()
        for field in spec.fields.values()
        for alias in field.aliases
    )


def _garbled_label_cell(line: Line) -> list[Proposal]:
    """`|A HAG  해온전자결재 서비스` → `서비스명  해온전자결재 서비스`: the garbled words at the start of
    a line (Latin letters and strokes, no Hangul, no digits), followed by something (a value);
    each cell's run read on its own."""
    runs: list[list[Word]] = []
    followed = False
    for seg in line.segments:
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
    if not followed or sum(len(_LATIN.findall(w.text)) for run in runs for w in run) < 3:
        return []

    def accept(text: str, confidence: float) -> str | None:
        if _LATIN.search(text) or not _HANGUL_RUN.search(text.replace(" ", "")):
            return None
        if confidence < _MIN_CONFIDENCE and re.sub(r"[^가-힣]", "", text) not in _known_labels():
            return None
        return re.sub(r"[^\w\s()]", "", text).strip() or None

    return [Proposal(run, accept) for run in runs]


def _spaced_label_line(line: Line) -> list[Proposal]:
    """`사 업 장 A A Al: 서 울 특 별시 …` → `사 업 장 소 재 지 : 서 울 특 별시 …`: a line that starts with
    letters read one by one, some of them as Latin, before a colon, spelling no label; read whole
    again, it is taken when its start before the colon is a label of the catalogue."""
    head: list[Word] = []
    for w in line.words[:12]:
        head.append(w)
        if ":" in w.text or "：" in w.text:
            break
    else:
        return []
    shorts = [w for w in head if _SHORT.match(w.text)]
    latin = any(_LATIN.search(w.text) for w in head)
    label = squash("".join(w.text for w in head)).rstrip(":：;")
    # two letters read apart with Latin among them, or three or more read apart (some misread as
    # other syllables: `은 점 소 재 자:` for 본점소재지)
    if len(shorts) < (2 if latin else 3) or label in label_vocabulary():
        return []
    vocabulary = label_vocabulary()

    def accept(text: str, confidence: float) -> str | None:
        before = squash(re.split(r"[:：]", text, maxsplit=1)[0])
        return text if (":" in text or "：" in text) and _spells_a_label(before, vocabulary) else None

    return [Proposal(list(line.words), accept)]


def _spaced_label_cell(line: Line) -> list[Proposal]:
    """`저 비 스 평 | 해온전자결재 서비스` → `서비스명 | …`: a cell of its own at the start of a line,
    of three or more letters read one by one, spelling no label; read again, it is taken when it
    spells one."""
    if len(line.segments) < 2:
        return []
    words = line.segments[0].words
    vocabulary = label_vocabulary()
    label = squash("".join(w.text for w in words)).rstrip(":：;")
    if len(words) < 3 or not all(_SHORT.match(w.text) for w in words) or _spells_a_label(label, vocabulary):
        return []

    def accept(text: str, confidence: float) -> str | None:
        return text if _spells_a_label(squash(text).rstrip(":：;"), vocabulary) else None

    return [Proposal(list(words), accept)]


def _spells_a_label(text: str, vocabulary: frozenset[str]) -> bool:
    """A label of the catalogue, or one of four or more syllables with one of them misread (its
    last one right): `인중유형` is 인증유형."""
    if text in vocabulary:
        return True
    if len(text) < 4 or not _HANGUL_RUN.fullmatch(text):
        return False
    return any(
        len(label) == len(text) and label[-1] == text[-1] and Levenshtein.distance(label, text) == 1
        for label in vocabulary
    )


LINE_RULES: tuple[LineRule, ...] = (
    LineRule("garbled_label_cell", _garbled_label_cell),
    LineRule("spaced_label_line", _spaced_label_line),
    LineRule("spaced_label_cell", _spaced_label_cell),
)


def repair_labels(pl: PageLines, source: list[Word]) -> PageLines:
    """The page's lines with the line rules' repairs in place (OCR pages with a way to look again).

    `source` is the word list the lines were built from (the page's words or its second reading):
    the lines are rebuilt from it, table rules included, with the re-read words in place.
    """
    if not (pl.ocr and pl.tools is not None and pl.page.image_path):
        return pl
    replaced: list[tuple[tuple[float, float, float, float], list[Word]]] = []
    for line in pl.lines:
        for rule in LINE_RULES:
            done = False
            for proposal in rule.propose(line):
                for lang in proposal.langs:
                    again = pl.reread_box(bbox_of(proposal.words), lang=lang, psm=proposal.psm)
                    text = proposal.accept(*again) if again is not None else None
                    if again is not None and text:
                        new = spread_words(text, proposal.words, again[1], repaired_by=rule.name)
                        replaced.append((bbox_of(proposal.words), new))
                        done = True
                        break
            if done:
                break
    if not replaced:
        return pl

    def inside(w: Word, box: tuple[float, float, float, float]) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        return box[0] - 0.5 <= cx <= box[2] + 0.5 and box[1] - 0.5 <= cy <= box[3] + 0.5

    words = [w for w in source if not any(inside(w, box) for box, _ in replaced)]
    for _, new in replaced:
        words += new
    return lines_of(pl.page, words, pl.tools)
