"""Texts people read, as data: findings (forms/findings.json) and messages (forms/messages.json).

The caller gives the facts; severity, wording and language are in the catalogues."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from dsreview.domain import Finding, Severity
from dsreview.domain.korean import particles
from dsreview.errors import DsreviewError
from dsreview.forms import document_spec, document_types, finding_specs, title_of

E = TypeVar("E", bound=DsreviewError)


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def finding(
    code: str,
    *,
    lang: str = "ko",
    document: str | None = None,
    field: str | None = None,
    source: str | None = None,
    criterion: str | None = None,
    variant: str | None = None,
    **facts: Any,
) -> Finding:
    """A finding of `code` with its message filled in; `facts` fill the message's placeholders."""
    spec = finding_specs()[code]
    label = ""
    if field:
        label = document_spec(document).label(field) if document in document_types() else field
        if lang != "ko":
            label = field
    params = _Blank(
        document=(title_of(document) if lang == "ko" else document) or "",
        field=label,
        source=source or "",
        **{k: "" if v is None else str(v) for k, v in facts.items()},
    )
    template = spec.text(lang, variant)
    message = " ".join(template.format_map(params).split())
    return Finding(
        code=code,
        criterion=criterion if criterion is not None else spec.criterion,
        severity=Severity(spec.severity),
        document=document,
        field=field,
        message=particles(message) if lang == "ko" else message,
        source=source,
    )


def blocks_complete(f: Finding) -> bool:
    spec = finding_specs().get(f.code)
    return bool(spec and spec.blocks_complete and f.severity == Severity.error)


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1)
def _messages() -> dict[str, dict[str, str]]:
    raw = json.loads(resources.files("dsreview.forms").joinpath("messages.json").read_text(encoding="utf-8"))
    messages: dict[str, dict[str, str]] = raw["messages"]
    return messages


def message_codes() -> tuple[str, ...]:
    return tuple(_messages())


def message(code: str, lang: str = "ko", /, **facts: Any) -> str:
    """The text of a message of the catalogue (`forms/messages.json`), facts filled in, particles fitted."""
    entry = _messages()[code]
    text = entry.get(lang) or entry["ko"]
    filled = text.format_map(_Keep({k: "" if v is None else str(v) for k, v in facts.items()}))
    return particles(filled) if lang == "ko" else filled


def refuse(error: type[E], code: str, *, pointer: str | None = None, **facts: Any) -> E:
    """An error of the tree whose message is the catalogue's `code` in Korean; it keeps the code and
    the facts, so that a command run with `--lang en` says it in English (`in_language`)."""
    text = message(code, **facts)
    made = error(text, pointer=pointer) if pointer is not None else error(text)  # type: ignore[call-arg]
    made.message_code = code
    made.facts = dict(facts)
    return made


def joined(parts: Sequence[tuple[str, Mapping[str, Any]]], lang: str = "ko") -> str:
    """Several messages as one line: `; ` between them, a trailing `… more` (`template_more`) attached."""
    texts = [message(code, lang, **facts) for code, facts in parts if code != "template_more"]
    more = "".join(message(code, lang, **facts) for code, facts in parts if code == "template_more")
    return "; ".join(texts) + more


def in_language(exc: DsreviewError, lang: str) -> str:
    """The error's message in `lang` when it came from the catalogue; else as raised."""
    if lang == "ko":
        return exc.message
    parts = getattr(exc, "parts", ())
    if parts:
        return joined(parts, lang)
    if exc.message_code:
        return message(exc.message_code, lang, **exc.facts)
    return exc.message
