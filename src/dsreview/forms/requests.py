"""What a person reads when a request is refused for one field (`forms/requests.json`).

    request_error({"type": "missing", "loc": ("body", "files")})
    → "제출 파일이 필요합니다."

The field is named by its Korean label, never its code, and the reason comes from the catalogue by
the validator's error type, with its particles chosen by the label (domain/korean.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from dsreview.domain.korean import particles


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("dsreview.forms").joinpath("requests.json").read_text(encoding="utf-8")
    )
    return data


def field_label(name: str, lang: str = "ko") -> str:
    """The Korean label of a request field (`files` → `제출 파일`); English keeps the name."""
    if lang != "ko":
        return name
    fields: dict[str, str] = _catalogue()["fields"]
    return fields.get(name) or str(_catalogue()["unknown_field"]["ko"])


def _field_of(loc: Sequence[Any]) -> str:
    """The innermost named part of an error's location (`body.criteria.1.verdict` → `verdict`)."""
    names = [str(p) for p in loc if isinstance(p, str) and p not in ("body", "query", "path", "form")]
    return names[-1] if names else "body"


def request_error(error: Mapping[str, Any], lang: str = "ko") -> str:
    """One sentence for one validation error (a pydantic error dict: `type`, `loc`, `ctx`)."""
    errors: dict[str, dict[str, str]] = _catalogue()["errors"]
    kind = str(error.get("type", ""))
    template = (errors.get(kind) or errors["*"])[lang if lang in ("ko", "en") else "ko"]
    ctx = {k: _plain(v) for k, v in dict(error.get("ctx") or {}).items()}
    text = template.format_map(_Blank(ctx, label=field_label(_field_of(error.get("loc", ())), lang)))
    return particles(text) if lang == "ko" else text


def request_refused(reason: str, lang: str = "ko") -> str:
    """The whole message of a refused request."""
    template: str = _catalogue()["request_refused"][lang if lang in ("ko", "en") else "ko"]
    return template.format(reason=reason)


def _plain(value: Any) -> str:
    # pydantic's `expected` reads "'a', 'b' or 'c'": kept as the values a client sends
    return str(value)
