"""Text helpers shared by classification and extraction: squashing, company-name keys, OCR digit maps."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dsreview.extractors.lookalikes import LATIN_LOOKALIKES

_SPACE = re.compile(r"\s+")
_PAREN = re.compile(r"\([^()]*\)")
# Characters that OCR commonly reads for digits, mapped only inside spans that should be numeric.
HANGUL_SYLLABLE = re.compile(r"^[가-힣]$")
HANGUL = re.compile(r"[가-힣]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    """Runs of spaces to one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Text without any whitespace, NFKC-normalised (㈜ → (주)), for label and title matching."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def strip_parens(text: str) -> str:
    return _PAREN.sub("", text)


def join_letter_spaced(text: str) -> str:
    """`김 민 준` → `김민준`: single Hangul syllables separated by spaces are one word."""
    tokens = text.split()
    if len(tokens) > 1 and all(HANGUL_SYLLABLE.match(t) for t in tokens):
        return "".join(tokens)
    out: list[str] = []
    run: list[str] = []
    for t in tokens:
        if HANGUL_SYLLABLE.match(t):
            run.append(t)
            continue
        if run:
            out.append("".join(run) if len(run) > 1 else run[0])
            run = []
        out.append(t)
    if run:
        out.append("".join(run) if len(run) > 1 else run[0])
    return " ".join(out)


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)


def fold_latin(text: str) -> str:
    """Latin text with the letters OCR confuses folded together: `laaS` and `IaaS`, `N1CE` and
    `NICE` are one. For comparing with known words only, never for a value."""
    return text.translate(LATIN_LOOKALIKES)
