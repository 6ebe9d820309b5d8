"""From words to lines and segments: the geometry extraction works on.

A line is the words whose vertical centres agree; a segment is a run of words on a line without a
wide gap (a table cell, a label, a value). Both carry their bounding box for evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from dsreview.domain import Word
from dsreview.extractors.cells import Cells
from dsreview.extractors.text import squash

_RULE = re.compile(r"^[|¦│┃丨ㅣ]+$")  # also the Hangul letter ㅣ, as the Korean models read a rule


@dataclass(slots=True)
class Segment:
    words: list[Word]
    cell: tuple[float, float, float, float] | None = None  # the ruled cell it is in, if any

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def squashed(self) -> str:
        return squash(self.text)


@dataclass(slots=True)
class Line:
    words: list[Word]
    segments: list[Segment] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return median([w.height for w in self.words])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0


def bbox_of(words: list[Word]) -> tuple[float, float, float, float]:
    return (
        round(min(w.x0 for w in words), 1),
        round(min(w.top for w in words), 1),
        round(max(w.x1 for w in words), 1),
        round(max(w.bottom for w in words), 1),
    )


def spread_words(
    text: str, words: list[Word], confidence: float, *, repaired_by: str | None = None
) -> list[Word]:
    """The tokens of a re-read text laid over the box of the words they replace, each as wide as
    its share of the characters (marked with the repair that read them, and what they replace)."""
    x0, _, x1, _ = bbox_of(words)
    # the words' typical top and bottom, not their union: a tall seal stroke is no letter
    top, bottom = median([w.top for w in words]), median([w.bottom for w in words])
    was = " ".join(w.text for w in words) if repaired_by else None
    tokens = text.split()
    total = sum(len(t) for t in tokens) + len(tokens) - 1
    out, pos = [], 0
    for t in tokens:
        start = x0 + (x1 - x0) * pos / total
        pos += len(t)
        out.append(Word(t, start, top, x0 + (x1 - x0) * pos / total, bottom, confidence, repaired_by, was))
        pos += 1
    return out


def skew_slope(words: list[Word], typical: float) -> float:
    """The page's tilt as dy/dx, from neighbouring words on a line (median, robust to tables)."""
    by_x = sorted(words, key=lambda w: w.x0)
    slopes: list[float] = []
    for i, w in enumerate(by_x):
        for v in by_x[i + 1 : i + 12]:
            gap = v.x0 - w.x1
            if gap > typical * 2.5:
                break
            dy = v.mid_y - w.mid_y
            if gap >= 0 and abs(dy) < typical * 0.6 and abs(v.height - w.height) < typical * 0.5:
                dx = (v.x0 + v.x1) / 2 - (w.x0 + w.x1) / 2
                if dx > typical:
                    slopes.append(dy / dx)
                break
    if len(slopes) < 8:
        return 0.0
    return max(-0.07, min(0.07, median(slopes)))


_SYLLABLE = re.compile(r"^[가-힣][:：]?$")
_SPACED_PART = re.compile(r"^(?:[가-힣]|[(（][가-힣]{0,4}|[가-힣]{0,4}[)）])[:：]?$")


def join_spaced_labels(words: list[Word], vocabulary: frozenset[str]) -> list[Word]:
    """A label printed with its syllables spread apart (`대   표   자`, `법 인 명 ( 단 체 명 )`) as one
    word, when the syllables of a run on one line spell a label of the catalogue (`vocabulary`
    holds them squashed). Words of a line, left to right."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not _SYLLABLE.match(w.text):
            out.append(w)
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and j - i < 14
            and _SPACED_PART.match(words[j + 1].text)
            and words[j + 1].x0 - words[j].x1 <= 8 * max(w.height, 1.0)
        ):
            j += 1
        for end in range(j, i, -1):
            run = words[i : end + 1]
            text = "".join(r.text for r in run)
            if squash(text).rstrip(":：") in vocabulary:
                out.append(
                    Word(
                        text,
                        min(r.x0 for r in run),
                        min(r.top for r in run),
                        max(r.x1 for r in run),
                        max(r.bottom for r in run),
                        min(r.confidence for r in run),
                    )
                )
                i = end + 1
                break
        else:
            out.append(w)
            i += 1
    return out


def build_lines(
    words: list[Word],
    *,
    gap_factor: float = 0.9,
    cells: Cells | None = None,
    vocabulary: frozenset[str] = frozenset(),
) -> list[Line]:
    """Group words into lines top to bottom and split each line into segments at wide gaps.

    With the page's ruled `cells`, a line splits where its words change cell and not inside a
    cell: a label printed letter-spaced across its cell (`상      호`) stays one segment. Labels
    letter-spaced over wide gaps are joined first (`join_spaced_labels`, with `vocabulary`).
    """
    usable = [w for w in words if w.text.strip() and w.bottom > w.top]
    if not usable:
        return []
    typical = median([w.height for w in usable])
    slope = skew_slope(usable, typical)

    def level(w: Word) -> float:  # the word's centre with the page's tilt taken out
        return w.mid_y - slope * (w.x0 + w.x1) / 2

    ordered = sorted(usable, key=lambda w: (level(w), w.x0))
    lines: list[list[Word]] = []
    centres: list[float] = []
    for w in ordered:
        # Join the line whose centre is closest, within half a typical height.
        y = level(w)
        best = -1
        best_d = typical * 0.5
        for i in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            d = abs(centres[i] - y)
            if d <= best_d:
                best, best_d = i, d
        if best >= 0:
            lines[best].append(w)
            n = len(lines[best])
            centres[best] += (y - centres[best]) / n
        else:
            lines.append([w])
            centres.append(y)
    out: list[Line] = []
    for group in lines:
        group.sort(key=lambda w: w.x0)
        if vocabulary:
            group = join_spaced_labels(group, vocabulary)
        line = Line(words=group)
        height = median([w.height for w in group]) or typical
        segments: list[list[Word]] = [[]]
        boxes: list[tuple[float, float, float, float] | None] = [None]
        prev: Word | None = None
        prev_cell: tuple[float, float, float, float] | None = None
        for cur in group:
            if _RULE.match(cur.text):  # a table rule read as `|`: a cell boundary, not a word
                if segments[-1]:
                    segments.append([])
                    boxes.append(None)
                prev = None
                continue
            cell = cells.of(cur) if cells else None
            if prev is not None and segments[-1] and (cell is not None or prev_cell is not None):
                # another cell, or a gap wide enough to set apart two things in one cell (an address
                # and the date it changed on); spaced-out letters inside a cell stay together
                spaced_letters = (
                    _SYLLABLE.match(prev.text) is not None and _SYLLABLE.match(cur.text) is not None
                )
                split = cell != prev_cell or (cur.x0 - prev.x1 > height * 6 and not spaced_letters)
            else:
                split = prev is not None and cur.x0 - prev.x1 > height * gap_factor and bool(segments[-1])
            if split:
                segments.append([cur])
                boxes.append(cell)
            else:
                if not segments[-1]:
                    boxes[-1] = cell
                segments[-1].append(cur)
            prev, prev_cell = cur, cell
        line.segments = [Segment(s, b) for s, b in zip(segments, boxes, strict=True) if s]
        line.words = [w for s in line.segments for w in s.words]
        if line.words:
            out.append(line)
    out.sort(key=lambda ln: ln.top)
    return out
