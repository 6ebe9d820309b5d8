"""Korean as the official documents write it: particles by 받침, money in words, item markers, dates.

Particles (을/를, 이/가, 은/는, 과/와, (으)로) follow the final consonant of the last syllable *as
read aloud*: `계약금액은`, `「big.pdf」를` (에프), `DS-2026-00010을` (십), `1로` (일: ㄹ takes 로).
Money follows 시행규칙 제2조②: `금113,560원(금일십일만삼천오백육십원)`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

_RIEUL = 8  # ㄹ as a final-consonant index: takes 로, not 으로
# Final consonant of each digit as read (영 일 이 삼 사 오 육 칠 팔 구).
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
# A number ending in zeros is read by its lowest unit: 십 백 천 만 … 억 … 조.
_UNIT_FINAL = [(12, 0), (8, 1), (4, 4), (3, 4), (2, 1), (1, 17)]
# Latin letters read by name: 엘 엠 엔 알 end closed; 에이 비 씨 … end open.
_LETTER_FINAL = {"l": 8, "m": 16, "n": 4, "r": 8}
_NUMBER_END = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?$")


def _number_final(digits: str) -> int:
    whole, _, fraction = digits.replace(",", "").partition(".")
    if fraction:
        return _DIGIT_FINAL[fraction[-1]]
    stripped = whole.lstrip("0")
    if not stripped:
        return _DIGIT_FINAL["0"]
    zeros = len(stripped) - len(stripped.rstrip("0"))
    if zeros == 0:
        return _DIGIT_FINAL[stripped[-1]]
    return next(final for power, final in _UNIT_FINAL if zeros >= power)


def final_consonant(word: str) -> int | None:
    """The final consonant (0: none, 8: ㄹ …) of the word's last syllable as read; None if unreadable."""
    text = word.rstrip()
    if text.endswith(")") and "(" in text and text[: text.rfind("(")].strip():
        text = text[: text.rfind("(")]  # an aside in parentheses is not read: 기한(2024. 4. 5.)이
    while text and not (text[-1].isalnum() or text[-1] == "%"):
        text = text[:-1]  # closing brackets, quotes and punctuation are not read
    if not text:
        return None
    ch = text[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28
    if ch == "%":
        return 0  # 퍼센트
    if ch.isdigit():
        match = _NUMBER_END.search(text)
        return _number_final(match.group(0) if match else ch)
    if ch.isascii() and ch.isalpha():
        return _LETTER_FINAL.get(ch.lower(), 0)
    return None


def particle(word: str, closed: str, open_: str) -> str:
    """`word` with the particle its ending takes: particle("계약명", "을", "를") == "계약명을"."""
    final = final_consonant(word)
    if final is None:
        return f"{word}{closed}({open_})"
    if closed == "으로":
        return f"{word}{'로' if final in (0, _RIEUL) else '으로'}"
    return f"{word}{closed if final else open_}"


# `X을(를)` as written in messages, either order, and `X(으)로`: resolved by the word before.
_PAIRS = {"을": "를", "이": "가", "은": "는", "과": "와"}
_EITHER = re.compile(r"(을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로)")
_CLOSED_OF = {**{k: k for k in _PAIRS}, **{v: k for k, v in _PAIRS.items()}}


def particles(text: str) -> str:
    """Resolve every `을(를)`, `이(가)`, `은(는)`, `과(와)`, `(으)로` by the word before it.

    >>> particles("「big.pdf」을(를) 받았습니다. 계약금액이(가) 없습니다.")
    '「big.pdf」를 받았습니다. 계약금액이 없습니다.'
    """
    out: list[str] = []
    last = 0
    for match in _EITHER.finditer(text):
        before = text[last : match.start()]
        out.append(before)
        written = "".join(out)
        token = match.group(0)
        final = final_consonant(written)
        if final is None or not written or written[-1].isspace():
            out.append(token)
        elif token == "(으)로":
            out.append("로" if final in (0, _RIEUL) else "으로")
        else:
            closed = _CLOSED_OF[token[0]]
            out.append(closed if final else _PAIRS[closed])
        last = match.end()
    out.append(text[last:])
    return "".join(out)


_DIGITS = "영일이삼사오육칠팔구"
_SMALL_UNITS = ("", "십", "백", "천")
_LARGE_UNITS = ("", "만", "억", "조", "경")


def won_in_words(amount: int) -> str:
    """113560 → `일십일만삼천오백육십`: every digit read, `일` included (시행규칙 제2조②)."""
    if amount < 0:
        return "마이너스" + won_in_words(-amount)
    if amount == 0:
        return "영"
    words: list[str] = []
    text = str(amount)
    groups = [text[max(0, i - 4) : i] for i in range(len(text), 0, -4)]
    if len(groups) > len(_LARGE_UNITS):
        raise ValueError(f"amount too large to read: {amount}")
    for power in range(len(groups) - 1, -1, -1):
        group = groups[power].rjust(4, "0")
        read = "".join(_DIGITS[int(d)] + _SMALL_UNITS[3 - i] for i, d in enumerate(group) if d != "0")
        if read:
            words.append(read + _LARGE_UNITS[power])
    return "".join(words)


def won(amount: int) -> str:
    """113560 → `금113,560원(금일십일만삼천오백육십원)`."""
    return f"금{amount:,}원(금{won_in_words(amount)}원)"


def kdate(value: date | str) -> str:
    """`2024-04-05` → `2024. 4. 5.`."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}. {d.month}. {d.day}."


def ktime(value: time | datetime | str) -> str:
    """`15:20:07` → `15:20` (24-hour, colon between hour and minute)."""
    if isinstance(value, str):
        value = time.fromisoformat(value) if "T" not in value else datetime.fromisoformat(value)
    return f"{value.hour:02d}:{value.minute:02d}"


def kdatetime(value: datetime | str) -> str:
    """`2024-04-05T15:20` → `2024. 4. 5. 15:20`."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return f"{kdate(moment.date())} {ktime(moment)}"


def days(count: int) -> str:
    """20 → `(20일간)`, the way a period's length follows its dates."""
    return f"({count}일간)"


# 가 나 다 … 하: the letters of the 가. / 가) / (가) levels.
_GANADA = "가나다라마바사아자차카타파하"
_CIRCLED = [chr(c) for c in range(0x2460, 0x2474)] + [chr(c) for c in range(0x3251, 0x3260)]
_CIRCLED += [chr(c) for c in range(0x32B1, 0x32C0)]
_CIRCLED_GANADA = [chr(c) for c in range(0x326E, 0x327C)]


def item_marker(level: int, index: int) -> str:
    """The marker of item `index` at `level` 1–8: `1.` `가.` `1)` `가)` `(1)` `(가)` `①` `㉮`.

    Past 하 the letters go on 거 너 더 … as the 편람 allows; past ⑳ … ㊿ the digits are bracketed.
    """
    if not 1 <= level <= 8:
        raise ValueError(f"official item levels are 1 to 8: {level}")
    if index < 1:
        raise ValueError(f"item index starts at 1: {index}")
    letter = _letter(index)
    forms = {
        1: f"{index}.",
        2: f"{letter}.",
        3: f"{index})",
        4: f"{letter})",
        5: f"({index})",
        6: f"({letter})",
        7: _CIRCLED[index - 1] if index <= len(_CIRCLED) else f"({index})",
        8: _CIRCLED_GANADA[index - 1] if index <= len(_CIRCLED_GANADA) else f"({letter})",
    }
    return forms[level]


_VOWEL_CYCLE = (0, 4, 8, 13, 18, 20)  # ㅏ ㅓ ㅗ ㅜ ㅡ ㅣ
_INITIAL_INDEX = (0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18)


def _letter(index: int) -> str:
    cycle, pos = divmod(index - 1, len(_GANADA))
    if cycle >= len(_VOWEL_CYCLE):
        return str(index)
    return chr(0xAC00 + (_INITIAL_INDEX[pos] * 21 + _VOWEL_CYCLE[cycle]) * 28)


def as_text(value: Any) -> str:
    """A value as a Korean reader sees it: dates as `2024. 4. 5.`, booleans as 예/아니요."""
    if isinstance(value, bool):
        return "예" if value else "아니요"
    if isinstance(value, datetime):
        return kdatetime(value)
    if isinstance(value, date):
        return kdate(value)
    return "" if value is None else str(value)
