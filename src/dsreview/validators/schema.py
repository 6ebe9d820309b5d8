"""JSON Schema (2020-12) validation of each document's fields → `schema_violation` findings."""

from __future__ import annotations

from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from dsreview.forms import document_spec, document_types, schema
from dsreview.validators.context import Context


@cache
def validator(doc_type: str) -> Draft202012Validator:
    return Draft202012Validator(schema(doc_type), format_checker=FormatChecker())


def check_schemas(ctx: Context) -> None:
    seen: set[tuple[str, str]] = set()
    # a document scanned page by page into files is one document: validated whole
    for doc in ctx.by_type():
        for error in sorted(validator(doc.type).iter_errors(doc.fields), key=lambda e: list(e.absolute_path)):
            path = list(error.absolute_path)
            field = str(path[0]) if path else _missing_field(error.message)
            if not field or (doc.type, field) in seen:
                continue
            seen.add((doc.type, field))
            value = doc.fields.get(field)
            if value is None:
                # not found: say which labels were looked for; only a scan may be unclear
                labels = ", ".join(f"‘{a}’" for a in _labels(doc.type, field))
                detail = (
                    (f" (찾아본 표기: {labels})" if ctx.lang == "ko" else f" (labels looked for: {labels})")
                    if labels
                    else ""
                )
                variant: str | None = "not_found_scan" if doc.ocr else "not_found"
            else:
                detail = f" (읽은 값: {value})" if ctx.lang == "ko" else f" (read: {value})"
                variant = "malformed_scan" if doc.ocr else None
            ctx.add(
                "schema_violation",
                document=doc.type,
                field=field,
                source=doc.source,
                detail=detail,
                variant=variant,
            )


def _labels(doc_type: str, field: str, most: int = 4) -> list[str]:
    """The labels the catalogue knows for a field, the first few, as a person would read them."""
    if doc_type not in document_types() or field not in document_spec(doc_type).fields:
        return []
    seen: list[str] = []
    for alias in document_spec(doc_type).fields[field].aliases:
        if " ".join(alias.split()) not in seen:
            seen.append(" ".join(alias.split()))
    return seen[:most]


def _missing_field(message: str) -> str:
    # "'x' is a required property"
    return message.split("'")[1] if message.count("'") >= 2 else ""
