"""The package's data: document catalogue, JSON Schemas, required documents, policy, finding texts.

Everything a new round of the 고시 may change lives in these JSON files, read once with
importlib.resources. A policy file given in settings replaces the packaged one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dsreview.errors import PolicyError

UNKNOWN = "unknown"


def _read_json(*parts: str) -> Any:
    ref = resources.files(__package__).joinpath(*parts)
    try:
        return json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PolicyError(f"패키지 데이터 파일 {'/'.join(parts)}을(를) 읽을 수 없습니다: {exc}") from exc


# What a field's value is: the grammar that reads it and the rules that compare it. The one list.
FIELD_KINDS = frozenset(
    {
        "company",  # a company name (legal forms (주), ㈜, 주식회사 compare equal)
        "person",  # a person's name
        "people",  # several people's names (a list)
        "brn",  # business registration number XXX-XX-XXXXX, check digit
        "crn",  # corporate registration number XXXXXX-XXXXXXX, check digit
        "date",
        "period_start",  # the start of a validity period printed as `A ~ B`
        "period_end",  # its end
        "money",  # won
        "percent",
        "hours",
        "grade",  # a credit grade
        "cash_flow_grade",
        "enum",  # one of `options`, by its words or a ticked box
        "boolean",  # `options` true/false: yes/no words or ticked boxes
        "list",  # items of a list (comma-separated, or a row each)
        "items",  # rows of a table with their own structure
        "address",
        "phone",
        "email",
        "digits",  # a number printed as digits (a registry number)
        "text",  # free text as printed
    }
)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str
    aliases: tuple[str, ...]
    options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kind: str = "text"
    # fields of several documents that name the same thing (the company, its representative, its
    # address, the service): the bundle's readings of a group are compared and voted on
    group: str | None = None
    identity: bool = False  # the documents must agree on it (identity check: BRN, CRN, name)
    # labels of this field alone where `aliases` name a pair (a period's start: `유효기간 시작일`)
    own_labels: tuple[str, ...] = ()
    # where a document states the value in a sentence: groups of keywords, one of each group in it
    prose: tuple[tuple[str, ...], ...] = ()
    # a text field whose value is a phrase of a known form inside the printed text (`frequency`,
    # `support_hours`): the phrase is the value
    grammar: str | None = None
    # where else to look when no label of the field's own leads to it: beside another field
    # (`near`: a phone in the contact's cell), or the document's own date line (`fallback`:
    # `first_date` or `last_date`, a date printed alone above or under the text)
    near: str | None = None
    fallback: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    type: str
    title: str
    titles: tuple[str, ...]
    keywords: tuple[str, ...]
    fields: dict[str, FieldSpec]
    extras: dict[str, Any] = field(default_factory=dict)

    def label(self, field_name: str) -> str:
        spec = self.fields.get(field_name)
        return spec.label if spec else field_name


@dataclass(frozen=True, slots=True)
class Requirement:
    type: str
    when: dict[str, Any] = field(default_factory=dict)
    unless: dict[str, Any] = field(default_factory=dict)

    def applies(self, application: dict[str, Any]) -> bool:
        if any(application.get(k) != v for k, v in self.when.items()):
            return False
        return not any(application.get(k) == v for k, v in self.unless.items())

    @property
    def conditional(self) -> bool:
        return bool(self.when or self.unless)


@lru_cache(maxsize=1)
def document_types() -> dict[str, DocumentSpec]:
    """Every document type of the catalogue, by id, in a stable order."""
    specs: dict[str, DocumentSpec] = {}
    folder = resources.files(__package__).joinpath("documents")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        raw = json.loads(entry.read_text(encoding="utf-8"))
        fields = {name: _field_spec(raw["type"], name, f) for name, f in raw["fields"].items()}
        specs[raw["type"]] = DocumentSpec(
            type=raw["type"],
            title=raw["title"],
            titles=tuple(raw["titles"]),
            keywords=tuple(raw["keywords"]),
            fields=fields,
            extras=raw.get("extras", {}),
        )
    return specs


def _field_spec(doc_type: str, name: str, raw: dict[str, Any]) -> FieldSpec:
    kind = raw.get("kind", "text")
    if kind not in FIELD_KINDS:
        raise PolicyError(f"문서 유형 {doc_type}의 항목 {name}: 알 수 없는 종류 {kind}")
    return FieldSpec(
        name=name,
        label=raw["label"],
        aliases=tuple(raw.get("aliases", [raw["label"]])),
        options={k: tuple(v) for k, v in raw.get("options", {}).items()},
        kind=kind,
        group=raw.get("group"),
        identity=bool(raw.get("identity", False)),
        own_labels=tuple(raw.get("own_labels", [])),
        prose=tuple(tuple(group) for group in raw.get("prose", [])),
        grammar=raw.get("grammar"),
        near=raw.get("near"),
        fallback=_fallback(doc_type, name, raw.get("fallback")),
    )


def _fallback(doc_type: str, name: str, value: Any) -> str | None:
    if value not in (None, "first_date", "last_date"):
        raise PolicyError(f"문서 유형 {doc_type}의 항목 {name}: 알 수 없는 fallback {value}")
    return None if value is None else str(value)


def fields_where(
    *, kind: str | None = None, group: str | None = None, identity: bool | None = None
) -> list[tuple[str, str]]:
    """(document type, field) of every catalogued field of this kind / group / identity flag."""
    return [
        (doc_type, name)
        for doc_type, spec in document_types().items()
        for name, f in spec.fields.items()
        if (kind is None or f.kind == kind)
        and (group is None or f.group == group)
        and (identity is None or f.identity == identity)
    ]


def groups() -> dict[str, list[tuple[str, str]]]:
    """Every group of fields that name the same thing, with its members, in catalogue order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for doc_type, spec in document_types().items():
        for name, f in spec.fields.items():
            if f.group:
                out.setdefault(f.group, []).append((doc_type, name))
    return out


def document_spec(doc_type: str) -> DocumentSpec:
    try:
        return document_types()[doc_type]
    except KeyError as exc:
        raise PolicyError(f"알 수 없는 문서 유형: {doc_type}") from exc


def title_of(doc_type: str | None) -> str:
    if doc_type is None:
        return ""
    spec = document_types().get(doc_type)
    return spec.title if spec else doc_type


@cache
def schema(doc_type: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a document type's fields."""
    data: dict[str, Any] = _read_json("schemas", f"{doc_type}.schema.json")
    return data


@lru_cache(maxsize=4)
def requirements(stage: str = "application") -> tuple[Requirement, ...]:
    raw = _read_json("required.json")
    return tuple(
        Requirement(type=r["type"], when=r.get("when", {}), unless=r.get("unless", {})) for r in raw[stage]
    )


def applicable(application: dict[str, Any], stage: str = "application") -> list[Requirement]:
    """The documents required of a bundle whose application form says `application` (with no
    form, the unconditional ones)."""
    return [
        r for r in requirements(stage) if r.applies(application) or (not application and not r.conditional)
    ]


@dataclass(frozen=True, slots=True)
class Policy:
    """The versioned policy file: thresholds and periods of the 고시 in force."""

    raw: dict[str, Any]

    @property
    def version(self) -> str:
        return str(self.raw["version"])

    def section(self, name: str) -> dict[str, Any]:
        value: dict[str, Any] = self.raw[name]
        return value

    def period(self, name: str) -> int:
        return int(self.raw["periods"][name])

    @property
    def grades(self) -> list[str]:
        return list(self.raw["credit"]["grades"])

    @property
    def effective_from(self) -> date:
        return date.fromisoformat(self.raw["effective_from"])


@lru_cache(maxsize=4)
def load_policy(path: Path | None = None) -> Policy:
    if path is None:
        return Policy(_read_json("policy.json"))
    try:
        return Policy(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise PolicyError(f"정책 파일 {path}을(를) 읽을 수 없습니다: {exc}") from exc


@dataclass(frozen=True, slots=True)
class FindingSpec:
    code: str
    severity: str
    blocks_complete: bool
    criterion: str | None
    ko: str
    en: str
    variants: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (ko, en)

    def text(self, lang: str, variant: str | None = None) -> str:
        ko, en = self.variants.get(variant, (self.ko, self.en)) if variant else (self.ko, self.en)
        return ko if lang == "ko" else en


@lru_cache(maxsize=1)
def finding_specs() -> dict[str, FindingSpec]:
    raw = _read_json("findings.json")
    return {
        code: FindingSpec(
            code=code,
            severity=v["severity"],
            blocks_complete=bool(v["blocks_complete"]),
            criterion=v.get("criterion"),
            ko=v["ko"],
            en=v["en"],
            variants={name: (t["ko"], t["en"]) for name, t in v.get("variants", {}).items()},
        )
        for code, v in raw["codes"].items()
    }


@lru_cache(maxsize=1)
def round_states() -> dict[str, Any]:
    """The committee round's state machine and its words (`forms/rounds.json`)."""
    data: dict[str, Any] = _read_json("rounds.json")
    return data


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, dict[str, Any]]:
    """What may take a service below the criteria (`forms/events.json`): name, who raises it, text."""
    data: dict[str, dict[str, Any]] = _read_json("events.json")["kinds"]
    return data


def resource_path(*parts: str) -> Path:
    """A filesystem path of a packaged data file (the package is installed unzipped)."""
    return Path(str(resources.files(__package__).joinpath(*parts)))
