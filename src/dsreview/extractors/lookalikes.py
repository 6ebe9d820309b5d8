"""What OCR confuses, in one place: the look-alike maps and the tests built on them.

- `OCR_DIGITS`: letters read where digits are printed (`O` for 0, `l` for 1, `S` for 5), for
  numbers only (`2O24` → `2024`);
- `LATIN_LOOKALIKES`: Latin letters folded together to compare with known words (`laaS` = `IaaS`);
- `DIGIT_FOR_MODEL`, `MODEL_LOOKALIKES`: a CSAP number's model letter read as a digit or another
  letter (`CSAP-2021-1-093` is I, `-5-` is S);
- `JAMO_LOOKALIKE`: Hangul syllables a stroke apart — one of their jamo (initial, vowel or final)
  read as another (`저비스평` for 서비스명: ㅅ→ㅈ, ㅁ→ㅍ); `strokes_apart` counts them.
"""

from __future__ import annotations

OCR_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "l": "1",
        "I": "1",
        "|": "1",
        "i": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
        "b": "6",
        "g": "9",
        "q": "9",
        "T": "7",
        "A": "4",
    }
)
LATIN_LOOKALIKES = str.maketrans({"l": "I", "1": "I", "|": "I", "!": "I", "5": "S", "$": "S"})

# a CSAP number's model letter (I, S, P, D …) read as a digit, or as a letter that looks like it
DIGIT_FOR_MODEL = {"1": "I", "|": "I", "!": "I", "5": "S"}  # a digit can't be the model letter
MODEL_LOOKALIKES = {"I": "1l|!i", "S": "5s$", "D": "0O", "P": "p", "C": "cG6(0O", "A": "4a"}

_FIRST = 0xAC00
_LAST = 0xD7A3


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable)
    if not _FIRST <= code <= _LAST:
        return None
    index = code - _FIRST
    return index // (21 * 28), (index // 28) % 21, index % 28


def strokes_apart(a: str, b: str) -> int | None:
    """How many syllables of two words of equal length differ, when each differing pair differs in
    one jamo only (`서`/`저`, `명`/`평`, `증`/`중`); None when a pair differs more, or the lengths do."""
    if len(a) != len(b):
        return None
    count = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        jx, jy = _jamo(x), _jamo(y)
        if jx is None or jy is None or sum(p != q for p, q in zip(jx, jy, strict=True)) != 1:
            return None
        count += 1
    return count


def looks_like_label(key: str, label: str) -> bool:
    """An OCR reading of a label of four syllables or more with one or two syllables a stroke off,
    half of them or more read right."""
    if len(label) < 4 or key == label:
        return False
    apart = strokes_apart(key, label)
    return apart is not None and 0 < apart <= 2 and len(label) - apart >= 2
