"""Korean particles chosen by the word they follow (받침): 을/를, 이/가, 은/는, 과/와, (으)로."""

from __future__ import annotations


def _final_consonant(word: str) -> int | None:
    """The final consonant index of the word's last Hangul syllable (0: none); None for no Hangul."""
    for ch in reversed(word.strip()):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28
        if ch.isdigit():
            return 0 if ch in "2459" else 1  # 이, 사, 오, 구 end open; 영, 일, 삼 … closed
        if ch.isalpha():
            return None
    return None


def particle(word: str, closed: str, open_: str) -> str:
    """`word` with the particle its ending takes: particle("계약명", "을", "를") == "계약명을"."""
    final = _final_consonant(word)
    if final is None:
        return f"{word}{closed}({open_})"
    if closed == "의":
        return f"{word}의"
    if closed == "으로":
        return f"{word}{'로' if final in (0, 8) else '으로'}"  # ㄹ takes 로
    return f"{word}{closed if final else open_}"
