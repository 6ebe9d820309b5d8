"""JSON Schema (2020-12) validation of each document's fields → `schema_violation` findings."""

from __future__ import annotations

from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from dsreview.forms import schema
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
            detail = (
                "" if value is None else (f" (읽은 값: {value})" if ctx.lang == "ko" else f" (read: {value})")
            )
            ctx.add("schema_violation", document=doc.type, field=field, source=doc.source, detail=detail)


def _missing_field(message: str) -> str:
    # "'x' is a required property"
    return message.split("'")[1] if message.count("'") >= 2 else ""
