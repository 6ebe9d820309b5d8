"""The catalogue of generated kinds and the validation of their data against `forms/render/`.

`validate(kind, data)` is the gate every rendering passes first: JSON Schema 2020-12 (formats
checked), then characters XML cannot carry. It raises `DataValidationError` whose `pointer`
(RFC 6901) names the offending field, and whose message is one line.

Valid data is recognised by jsonschema-rs (about 0.1 ms for the largest sample, where the Python
validator takes 10 ms); the Python `jsonschema` then explains invalid data, field by field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from dsreview.errors import DataValidationError, PolicyError, UsageError
from dsreview.forms.messages import refuse

# XML 1.0 cannot carry C0 controls other than tab, newline and carriage return.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNSAFE_KEY = re.compile(r"[^\w.\-]+")


def _read(name: str) -> Any:
    ref = resources.files("dsreview.forms").joinpath("render", name)
    try:
        return json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PolicyError(f"패키지 데이터 파일 forms/render/{name}을(를) 읽을 수 없습니다: {exc}") from exc


@dataclass(frozen=True, slots=True)
class KindSpec:
    kind: str
    title: str
    version: str
    official: bool
    key: tuple[str, ...]  # JSON pointers
    date: str  # JSON pointer to the document's own date
    computed: frozenset[str] = frozenset()  # names the context adds beside the data (templates/context.py)
    unprinted: frozenset[str] = frozenset()  # required fields a template may leave to a computed value


@lru_cache(maxsize=1)
def kind_specs() -> dict[str, KindSpec]:
    raw = _read("kinds.json")
    return {
        kind: KindSpec(
            kind=kind,
            title=v["title"],
            version=str(v["version"]),
            official=bool(v["official"]),
            key=tuple(v["key"]),
            date=v["date"],
            computed=frozenset(v.get("computed", [])),
            unprinted=frozenset(v.get("unprinted", [])),
        )
        for kind, v in raw["kinds"].items()
    }


def kinds() -> tuple[str, ...]:
    """The kinds dsreview renders, in catalogue order."""
    return tuple(kind_specs())


def kind_spec(kind: str) -> KindSpec:
    try:
        return kind_specs()[kind]
    except KeyError:
        raise refuse(UsageError, "unknown_kind", kind=repr(kind), kinds=", ".join(kinds())) from None


@cache
def render_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a kind's data (`selection_notice`) or of a request (`review_opinion.request`)."""
    data: dict[str, Any] = _read(f"{name}.schema.json")
    return data


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = render_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(render_schema(name), validate_formats=True)


def pointer(path: Iterator[Any] | list[Any] | tuple[Any, ...]) -> str:
    """RFC 6901 pointer of a path of keys and indexes."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else ""


def _describe(error: ValidationError) -> tuple[str, str]:
    path = list(error.absolute_path)
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "required" and isinstance(error.instance, Mapping):
        wanted: list[str] = list(error.validator_value) if isinstance(error.validator_value, list) else []
        missing = [p for p in wanted if p not in error.instance]
        if missing:
            return pointer([*path, missing[0]]), "필수 항목이 없습니다 (required field missing)"
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = set(schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra:
            return pointer([*path, extra[0]]), "정의되지 않은 항목입니다 (unexpected field)"
    if error.validator == "format" or (error.validator == "pattern" and "format" in schema):
        return pointer(path), f"날짜 형식(YYYY-MM-DD)이 올바르지 않습니다: {error.instance!r}"
    if error.validator == "anyOf":
        # Report the most specific branch (e.g. "a date or null" → the date's message).
        inner = best_match(error.context or [])
        if inner is not None:
            return _describe(inner)
    message = " ".join(error.message.split())
    if len(message) > 160:
        message = message[:157] + "…"
    return pointer(path), message


def validate_schema(name: str, data: Any) -> None:
    """Validate against `forms/render/<name>.schema.json`; the first (best) error is raised."""
    fast = _fast_validator(name)
    try:
        valid = fast.is_valid(data)
    except ValueError:  # not JSON data at all (a date object, a non-string key): explained below
        valid = False
    if not valid:
        error = best_match(_validator(name).iter_errors(data))
        if error is not None:
            where, message = _describe(error)
        else:  # the two validators disagree, or the data is not JSON: the stricter one wins
            where, message = _fast_error(fast, data)
        raise DataValidationError(
            f"입력 데이터가 올바르지 않습니다 (invalid data) {where or '/'}: {message}", pointer=where
        )
    _check_text(data, [])


def _check_text(value: Any, path: list[Any]) -> None:
    if isinstance(value, str):
        if _ILLEGAL_XML.search(value):
            where = pointer(path)
            raise DataValidationError(
                f"입력 데이터가 올바르지 않습니다 (invalid data) {where}: "
                "문서에 쓸 수 없는 제어 문자가 있습니다",
                pointer=where,
            )
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _check_text(v, [*path, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_text(v, [*path, i])


def _fast_error(fast: jsonschema_rs.Validator, data: Any) -> tuple[str, str]:
    try:
        first = next(iter(fast.iter_errors(data)))
    except ValueError as exc:
        return "", f"JSON 데이터가 아닙니다 (not JSON data): {exc}"
    return pointer(list(first.instance_path)), " ".join(first.message.split())[:160]


def validate(kind: str, data: Any) -> None:
    """Validate a kind's data against its schema. Raises `DataValidationError` (exit 2, HTTP 422)."""
    kind_spec(kind)
    validate_schema(kind, data)


def resolve(data: Any, ptr: str) -> Any:
    """The value at a JSON pointer (None when absent)."""
    current = data
    for raw in ptr.lstrip("/").split("/") if ptr else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, Mapping):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def document_key(kind: str, data: Mapping[str, Any]) -> str:
    """The stable name of a document in a batch: the kind's key fields, joined and made file-safe."""
    spec = kind_spec(kind)
    parts = [str(resolve(data, p)) for p in spec.key if resolve(data, p) not in (None, "")]
    key = _UNSAFE_KEY.sub("_", "_".join(parts)).strip("._")
    return key[:120] or kind


def with_optional_nulls(schema: Mapping[str, Any], data: Any, root: Mapping[str, Any] | None = None) -> Any:
    """A copy of `data` where every optional property the schema declares is present (None if absent).

    The templates use StrictUndefined, so a misspelt name fails loudly; optional fields must
    therefore exist, as null, for `{% if via %}` to work.
    """
    root = root or schema
    schema = _deref(schema, root)
    if isinstance(data, Mapping):
        props = _object_properties(schema, root)
        out = {k: with_optional_nulls(props.get(k, {}), v, root) for k, v in data.items()}
        for name in props:
            out.setdefault(name, [] if _is_array(props[name], root) else None)
        return out
    if isinstance(data, list):
        items = _deref(schema.get("items", {}), root)
        return [with_optional_nulls(items, v, root) for v in data]
    return data


def _deref(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        ref = str(schema["$ref"])
        target: Any = root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    return schema


def _object_properties(schema: Mapping[str, Any], root: Mapping[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = dict(schema.get("properties", {}))
    for branch in schema.get("anyOf", []):
        props.update(_deref(branch, root).get("properties", {}))
    return props


def _is_array(schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    return _deref(schema, root).get("type") == "array"
