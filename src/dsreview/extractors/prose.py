"""Values written in sentences: `월간 가용률은 99.9% 이상을 목표로 한다`, `복구목표시간(RTO)은 24 시간`.

A document that states its values in numbered prose (an SLA of articles, an agreement between 갑
and 을) has no label cells. A field's `prose` keywords in the catalogue (groups of words, one of each
group in the sentence) find its sentences; the field's kind then reads the value in the sentence,
the nearest after the last keyword first. Sentences are the page's lines joined while a line does
not end one (`… 1 시` / `간으로 한다.`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dsreview.domain import Word
from dsreview.extractors.labels import PageLines

_END = re.compile(r"(다|음|함|임|요)\s*[.。]?\s*$|[.。]\s*$")
_STARTS_ITEM = re.compile(r"^\s*([①-⑳]|\(?\d{1,2}[.)]|제\s*\d+\s*조|[가-하][.)]|[-•·※▶○●■□\uf0a7\uf0b7])")


@dataclass(slots=True)
class Sentence:
    text: str
    words: list[Word]
    page: PageLines


def sentences(pages: list[PageLines]) -> Iterator[Sentence]:
    """The text of the pages cut into sentences (a line, and the lines it runs on to)."""
    for pl in pages:
        i = 0
        while i < len(pl.lines):
            line = pl.lines[i]
            words = list(line.words)
            text = line.text
            j = i + 1
            # a table row is no sentence to join: its cells hold labelled values, read as such
            tabular = len(line.segments) > 1 or any(seg.cell for seg in line.segments)
            while not tabular and j < len(pl.lines) and j - i < 4 and not _END.search(text):
                nxt = pl.lines[j]
                gap = nxt.top - pl.lines[j - 1].bottom
                if (
                    gap > 1.2 * pl.lines[j - 1].height
                    or _STARTS_ITEM.match(nxt.text)
                    or len(nxt.segments) > 1
                ):
                    break  # a new item, or a row (a bullet set apart from its text)
                words += nxt.words
                text += " " + nxt.text
                j += 1
            yield Sentence(text, words, pl)
            i = j


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_in_prose(
    pages: list[PageLines],
    groups: list[list[str]],
    read: Callable[[str], list[tuple[int, Any]]],
) -> tuple[Any, Sentence] | None:
    """The first sentence holding a word of every keyword group and a value `read` finds in it.
    `read` returns (position, value) pairs in the sentence's text; the one nearest after the last
    keyword wins, else the nearest before it."""
    if not groups:
        return None
    for s in sentences(pages):
        flat = _squash(s.text)
        ends = []
        for group in groups:
            at = [flat.find(_squash(k)) + len(_squash(k)) for k in group if _squash(k) in flat]
            if not at:
                break
            ends.append(min(at))
        else:
            found = read(s.text)
            if not found:
                continue
            anchor = max(ends)
            positions = [(len(_squash(s.text[:p])), v) for p, v in found]
            after = [(p, v) for p, v in positions if p >= anchor]
            chosen = min(after, key=lambda pv: pv[0]) if after else max(positions, key=lambda pv: pv[0])
            return chosen[1], s
    return None
