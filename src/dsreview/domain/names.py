"""Comparison keys of names as documents print them (DOMAIN §4)."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
# (주), ㈜, ( 주 ), 주식회사 (and an OCR'd `( 주` missing its parenthesis) are the same token
_COMPANY_FORMS = re.compile(r"\(\s*주\s*\)|^\(\s*주\s+|㈜|주식\s*회사|\(\s*유\s*\)|㈲|유한\s*회사")


def company_key(name: str | None) -> str:
    """The comparison key of a company name: (주)/㈜/주식회사 forms, spacing and punctuation ignored."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name)
    s = _COMPANY_FORMS.sub("", s)
    return _PUNCT.sub("", s).lower()


def loose_key(text: str | None) -> str:
    """Comparison key for addresses and service names: spacing and punctuation ignored."""
    if not text:
        return ""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def same_service(a: str, b: str) -> bool:
    """Two service names name one service: equal, or one contains the other (`X` / `X 및 관리 조직`)."""
    ka, kb = loose_key(a), loose_key(b)
    return ka == kb or (min(len(ka), len(kb)) >= 4 and (ka in kb or kb in ka))


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def misread_variant(ka: str, kb: str) -> bool:
    """Two keys that differ in one Hangul syllable, and there in one letter only (빛/빚, 서/저):
    the same word read twice by OCR, not two names. Keys, not printed names: see `company_key`."""
    if len(ka) != len(kb) or len(ka) < 3 or ka == kb:
        return False
    diff = [(x, y) for x, y in zip(ka, kb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    ja, jb = _jamo(diff[0][0]), _jamo(diff[0][1])
    return ja is not None and jb is not None and sum(p != q for p, q in zip(ja, jb, strict=True)) == 1
