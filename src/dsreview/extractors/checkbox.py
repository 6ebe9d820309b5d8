"""Ticked boxes: which option of `■ A □ B □ C` is chosen.

On a text layer the marks are characters. OCR reads them unreliably (■ → `m`, `=`, `@`; □ → `O`, `ㅁ`),
so on scanned pages the darkness of the box left of each option in the page image decides.
"""

from __future__ import annotations

import re

from dsreview.domain import Word
from dsreview.extractors.text import squash, strip_parens
from dsreview.extractors.values import Value

FILLED = set("■▣☑●◼◾✔✓√▪◆")
EMPTY = set("□☐○◻◽ㅁ口◇\u1106")  # ㅁ also as NFKC leaves it (U+1106): `squash` normalises
BRACKETS = set("[]()【】「」 ")
# What the Korean OCR models print for the boxes: ■ as 를/뿔/#/@/=/m, □ as ㅁ/0/o/1.
OCR_FILLED = set("를뿔#@=m")
OCR_EMPTY = set("0oO1lI|口ㅁ")


# A box written with brackets: `(O) 해당  ( ) 해당 없음`, `[√] 예`, or after its option: `여( ) 부(V)`.
_BRACKET_TICKS = frozenset("OoVv√✓✔Xx●■○0")
_OPENING, _CLOSING = "([【", ")]】"


def _bracket_mark(inside: str) -> str | None:
    if inside == "":
        return "empty"
    return "filled" if len(inside) == 1 and inside in _BRACKET_TICKS else None


def _bracket_before(text: str, index: int) -> str | None:
    """`(O)` or `( )` right before the option (spaces already squashed away)."""
    if index < 2 or text[index - 1] not in _CLOSING:
        return None
    start = max(text.rfind(c, 0, index - 1) for c in _OPENING)
    return _bracket_mark(text[start + 1 : index - 1]) if start >= 0 and index - 1 - start <= 2 else None


def _bracket_after(text: str, end: int) -> str | None:
    """`부(V)`: the mark right after the option."""
    if end >= len(text) or text[end] not in _OPENING:
        return None
    close = min((i for i in (text.find(c, end + 1) for c in _CLOSING) if i >= 0), default=-1)
    return _bracket_mark(text[end + 1 : close]) if close >= 0 and close - end <= 2 else None


def has_boxes(text: str) -> bool:
    """Does the text print boxes to tick (□ ■ ☐ ○ ●, or brackets `( )` `[ ]`)?"""
    return any(ch in FILLED or ch in EMPTY for ch in text) or bool(re.search(r"[(\[]\s*[)\]]", text))


def _marker_before(text: str, index: int, *, ocr: bool) -> str | None:
    bracketed = _bracket_before(text, index)
    if bracketed is not None:
        return bracketed
    i = index - 1
    while i >= 0 and text[i] in BRACKETS:
        i -= 1
    if i < 0:
        return None
    ch = text[i]
    if ch in FILLED or (ocr and ch in OCR_FILLED):
        return "filled"
    if ch in EMPTY or (ocr and ch in OCR_EMPTY):
        return "empty"
    return _box_before_translation(text, i)


_TRANSLATION = re.compile(r"[A-Za-z][A-Za-z0-9&.'’\-/]+$")


def _box_before_translation(text: str, i: int) -> str | None:
    """`■ Original Provider (원 제공자)`: the option printed in English first, its Korean words in
    brackets; the box is before the English (a printed box only: on a scan a Latin letter may be
    the box itself)."""
    m = _TRANSLATION.search(text[: i + 1])
    if m is None or len(m.group(0)) < 2:
        return None
    j = m.start() - 1
    while j >= 0 and text[j] in BRACKETS:
        j -= 1
    if j < 0:
        return None
    return "filled" if text[j] in FILLED else "empty" if text[j] in EMPTY else None


def _occurrences(
    text: str, options: dict[str, tuple[str, ...]], *, fold: bool = False
) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, key) of option phrases in `text`, longest phrases first; with
    `fold`, `text` is lower-case and so are the phrases (OCR reads `SaaS` as `Saas`)."""
    phrases = sorted(
        ((squash(p).lower() if fold else squash(p), key) for key, ps in options.items() for p in ps),
        key=lambda x: -len(x[0]),
    )
    taken: list[tuple[int, int, str]] = []
    for phrase, key in phrases:
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, key))
            start = text.find(phrase, start + 1)
    return sorted(taken)


# The confidence of a choice made by elimination, not by a mark or ink: a reading that says
# "nothing ticked" outweighs it.
GUESS = 0.6
_LATIN_I = re.compile(r"[l1|!](?=aaS)")


def choose_option(value: Value, options: dict[str, tuple[str, ...]]) -> tuple[str, float] | None:
    text = squash(value.text)
    if value.page.ocr:
        text = _LATIN_I.sub("I", text).lower()  # laaS → IaaS; Saas → saas, as the phrases fold
    found = _occurrences(text, options, fold=value.page.ocr)
    if not found:
        return None
    ocr = value.page.ocr
    marks = [(_marker_before(text, s, ocr=ocr) or _bracket_after(text, e), key) for s, e, key in found]
    filled = {key for mark, key in marks if mark == "filled"}
    if len(filled) == 1 and not ocr:
        return filled.pop(), 1.0
    if ocr:
        by_ink = _by_darkness(value, found, options)
        if by_ink is not None:
            return by_ink
    if len(filled) == 1:
        return filled.pop(), 0.8
    if ocr:
        # by elimination: every option read is an empty box, and exactly one option was not read
        empty = {key for mark, key in marks if mark == "empty"}
        unread = set(options) - {key for _, key in marks}
        if len(empty) == len(marks) and len(unread) == 1 and len(options) <= 3:
            # a guess: the unread option may be garbled because its box is empty too
            return unread.pop(), GUESS
    if ocr and len(found) == 1 and not marks[0][0] and found[0][0] == 0:
        # a value printed alone and read with trailing noise: `SaaS (HESS`
        return found[0][2], 0.85
    if all(mark is None for mark, _ in marks) and len({key for _, key in marks}) == 1:
        # one option printed as plain text (`모니터링 정보 제공 : 제공`), nothing else in the cell
        start, end, key = found[0]
        if len(strip_parens(text[:start] + text[end:])) <= 2:
            return key, 0.95
        if not has_boxes(value.text) and len(text) <= 24:
            # the one option named in a short value with words of its own (`SaaS 표준등급`)
            return key, 0.9
    return None


_TICKED_INK = 0.2  # share of dark pixels: a ticked ■ is about 0.4 here, an empty □ under 0.1
_MARKER_CHARS = "".join(FILLED | EMPTY | BRACKETS | OCR_FILLED) + "MoO0"


def _option_words(value: Value, options: dict[str, tuple[str, ...]]) -> list[tuple[str, Word, bool]]:
    """The first word of each option phrase in the value, with the option's key, and whether the
    box was read glued to that word (`BilaaS`: the box read as `Bi`)."""
    out: list[tuple[str, Word, bool]] = []
    phrases = sorted(((squash(p), key) for key, ps in options.items() for p in ps), key=lambda x: -len(x[0]))
    words = value.words
    used: set[int] = set()
    for phrase, key in phrases:
        for i in range(len(words)):
            if i in used:
                continue
            acc = ""
            for j in range(i, min(len(words), i + 14)):
                acc += squash(words[j].text)
                stripped = acc.lstrip(_MARKER_CHARS)
                marker = stripped != acc  # the box was read as a character before the option
                if value.page.ocr:
                    stripped = _LATIN_I.sub("I", stripped)
                glued = j == i and value.page.ocr and 0 < len(stripped) - len(phrase) <= 2
                if value.page.ocr:
                    stripped, phrase = stripped.lower(), phrase.lower()
                if stripped == phrase or (glued and stripped.endswith(phrase)):
                    out.append((key, words[i], glued or marker))
                    used.update(range(i, j + 1))
                    break
                if len(stripped) >= len(phrase):
                    break
    return out


def _by_darkness(
    value: Value, found: list[tuple[int, int, str]], options: dict[str, tuple[str, ...]]
) -> tuple[str, float] | None:
    """The ticked box is the darkest: measure the ink left of each option in the page image."""
    keys: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    for key, word, read_glued in _option_words(value, options):
        h = word.bottom - word.top
        keys.append(key)
        if not word.text.strip(_MARKER_CHARS):
            # the word is the box itself, read as a character of its own (`m 해당 없음`)
            boxes.append((word.x0 - 0.1 * h, word.top, word.x1 + 0.1 * h, word.bottom))
            continue
        # The box sits left of the option text; when OCR glued it to the word, it is the word's start.
        glued = read_glued or word.text[:1] in FILLED | EMPTY | BRACKETS or not word.text[:1].isalnum()
        boxes.append(
            (
                word.x0 - (0.1 * h if glued else 1.5 * h),
                word.top,
                word.x0 + (1.0 * h if glued else -0.1 * h),
                word.bottom,
            )
        )
    inks = value.page.ink(boxes) if len(set(keys)) >= 2 else None
    if not inks:
        return None
    scores: dict[str, float] = {}
    for key, ink in zip(keys, inks, strict=True):
        scores[key] = max(scores.get(key, 0.0), ink)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top - second < 0.12 or top < _TICKED_INK:
        return None  # no box clearly darker than the others, or none dark enough to be ticked
    return best, min(1.0, 0.6 + (top - second))
