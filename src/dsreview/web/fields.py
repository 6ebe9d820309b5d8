"""Form inputs for extracted values: which control a field gets, and how its text becomes a value.

The control follows the field's JSON Schema (`forms/schemas`); the corrections service validates
the parsed value against the same schema, so this only turns text into JSON types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dsreview.errors import DataValidationError
from dsreview.forms import schema
from dsreview.templates.filters import labels

_LABEL_GROUPS = ("service_category", "service_model", "support_type", "provider_type", "responsible")


@dataclass(frozen=True, slots=True)
class FieldInput:
    kind: str  # text | date | integer | number | boolean | enum | lines | json
    nullable: bool
    options: tuple[tuple[str, str], ...] = ()  # (value, Korean label) of an enum or a boolean

    def text(self, value: Any) -> str:
        """The value as the control shows it."""
        if value is None:
            return ""
        if self.kind == "lines" and isinstance(value, list):
            return "\n".join(str(v) for v in value)
        if self.kind == "json":
            return json.dumps(value, ensure_ascii=False, indent=1)
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def parse(self, raw: str, label: str) -> Any:
        """The value of the control's text (empty is null where the field allows it)."""
        raw = raw.strip()
        if not raw:
            if self.nullable or self.kind in ("text", "lines"):
                return None if self.nullable else ""
            raise DataValidationError(f"'{label}' 값을 입력해 주십시오.", pointer="/value")
        try:
            return self._parse(raw)
        except ValueError:
            raise DataValidationError(f"'{label}' 값의 형식이 올바르지 않습니다.", pointer="/value") from None

    def _parse(self, raw: str) -> Any:
        if self.kind == "integer":
            return int(raw.replace(",", ""))
        if self.kind == "number":
            return float(raw.replace(",", "").rstrip("%"))
        if self.kind == "boolean":
            if raw not in ("true", "false"):
                raise ValueError(raw)
            return raw == "true"
        if self.kind == "enum":
            if raw not in {value for value, _ in self.options}:
                raise ValueError(raw)
            return raw
        if self.kind == "lines":
            return [line.strip() for line in raw.splitlines() if line.strip()]
        if self.kind == "json":
            return json.loads(raw)
        return raw


def _types(prop: dict[str, Any]) -> list[str]:
    kind = prop.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


@lru_cache(maxsize=256)
def field_input(document_type: str, field: str) -> FieldInput:
    prop: dict[str, Any] = schema(document_type).get("properties", {}).get(field, {})
    types = _types(prop)
    nullable = "null" in types or None in prop.get("enum", [])
    if "enum" in prop:
        names = labels(field) if field in _LABEL_GROUPS else {}
        options = tuple((str(v), names.get(str(v), str(v))) for v in prop["enum"] if v is not None)
        return FieldInput("enum", nullable, options)
    if "boolean" in types:
        return FieldInput("boolean", nullable, (("true", "예"), ("false", "아니오")))
    if "integer" in types:
        return FieldInput("integer", nullable)
    if "number" in types:
        return FieldInput("number", nullable)
    if "array" in types:
        items = prop.get("items", {})
        return FieldInput("lines" if "string" in _types(items) else "json", nullable)
    if prop.get("format") == "date":
        return FieldInput("date", nullable)
    return FieldInput("text", nullable)
