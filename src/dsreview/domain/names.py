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
