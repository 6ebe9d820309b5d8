"""Findings built from forms/findings.json: severity and text are data, the caller gives the facts."""

from __future__ import annotations

from typing import Any

from dsreview.domain import Finding, Severity
from dsreview.domain.korean import particles
from dsreview.forms import document_spec, document_types, finding_specs, title_of


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
