"""What a template prints, checked against its kind's JSON Schema before any document is rendered.

A template is a file staff edit (Word, LibreOffice, 한글), so it can name a field the data does not
have (`{{ recipient.compnay_name }}`) or drop one the document must carry. `check(kind, source)`
walks the template's Jinja and returns one `Problem` per placeholder that the schema does not
declare and per required field that no placeholder reads:

    {{ services|length }}             reads /services
    {% for s in services %}{{ s.x }}  reads /services/*/x, refused unless the items declare x
    {{ org.agency }}                  the sender (the organisation settings), not the data

Names the context adds beside the data (the sender, the periods, values a kind computes) are
declared per kind in `forms/render/kinds.json` (`computed`); fields a template may leave unprinted
(because a computed value prints them) are listed there as `unprinted`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes

from dsreview.config import OrganisationProfile

# Names every template may use besides the data (templates/context.py `base_context`).
BASE_NAMES = frozenset({"org", "org_address", "periods"})
_JINJA_GLOBALS = frozenset({"loop", "range", "true", "false", "none", "True", "False", "None"})
_ORG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {name: {"type": "string"} for name in OrganisationProfile.model_fields},
}
_UNKNOWN: dict[str, Any] = {}  # a value whose shape the schema does not tell: not checked further


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a template: `placeholder` is the name as written, `pointer` the field."""

    kind: str
    placeholder: str
    pointer: str
    reason: str  # "unknown" (the data has no such field) | "unprinted" (a required field never read)
    line: int = 0


class _Walker:
    def __init__(self, kind: str, schema: Mapping[str, Any], computed: frozenset[str]) -> None:
        self.kind = kind
        self.root = schema
        self.computed = computed
        self.read: set[str] = set()
        self.problems: list[Problem] = []

    def deref(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            target: Any = self.root
            for part in str(schema["$ref"]).removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return schema

    def properties(self, schema: Mapping[str, Any]) -> dict[str, Any] | None:
        """The declared properties of an object schema (anyOf branches merged); None: not an object."""
        schema = self.deref(schema)
        props: dict[str, Any] = {}
        found = "properties" in schema
        props.update(schema.get("properties", {}))
        for branch in schema.get("anyOf", []):
            branch = self.deref(branch)
            if "properties" in branch:
                found = True
                props.update(branch["properties"])
        return props if found else None

    def items(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        schema = self.deref(schema)
        if "items" in schema:
            return self.deref(schema["items"])
        for branch in schema.get("anyOf", []):
            branch = self.deref(branch)
            if "items" in branch:
                return self.deref(branch["items"])
        return _UNKNOWN

    def resolve(
        self, node: nodes.Node, scope: Mapping[str, tuple[str, Mapping[str, Any]]]
    ) -> tuple[str, Mapping[str, Any]] | None:
        """(pointer, schema) of an expression that names data; None when it names none."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name == "org":
                return "org", _ORG_SCHEMA
            if node.name in BASE_NAMES or node.name in self.computed or node.name in _JINJA_GLOBALS:
                return None
            top = self.properties(self.root) or {}
            if node.name not in top:
                self.problem(node.name, f"/{node.name}", node)
                return None
            self.read.add(f"/{node.name}")
            return f"/{node.name}", self.deref(top[node.name])
        attr = _attribute(node)
        if attr is not None:
            parent = self.resolve(attr[0], scope)
            if parent is None or parent[1] is _UNKNOWN:
                return None
            where, schema = parent
            props = self.properties(schema)
            if props is None:
                return None
            if attr[1] not in props:
                self.problem(f"{_written(attr[0])}.{attr[1]}", f"{where}/{attr[1]}", node)
                return None
            if not where.startswith("org"):
                self.read.add(f"{where}/{attr[1]}")
            return f"{where}/{attr[1]}", self.deref(props[attr[1]])
        return None

    def problem(self, placeholder: str, pointer: str, node: nodes.Node) -> None:
        self.problems.append(Problem(self.kind, placeholder, pointer, "unknown", node.lineno))

    def walk(self, node: nodes.Node, scope: dict[str, tuple[str, Mapping[str, Any]]]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            iterated = self.resolve(node.iter, scope)
            inner = dict(scope)
            if isinstance(node.target, nodes.Name):
                if iterated is not None:
                    where, schema = iterated
                    inner[node.target.name] = (f"{where}/*", self.items(schema))
                else:
                    inner[node.target.name] = ("", _UNKNOWN)
            for target in node.target.find_all(nodes.Name):
                inner.setdefault(target.name, ("", _UNKNOWN))
            for child in [*node.body, *node.else_]:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            for target in node.target.find_all(nodes.Name):
                scope[target.name] = ("", _UNKNOWN)
        if isinstance(node, nodes.Name):
            if node.ctx == "load":
                self.resolve(node, scope)
            return
        if _attribute(node) is not None and _root_is_name(node):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def required(self, schema: Mapping[str, Any], where: str) -> Iterator[str]:
        """Pointers of the required fields, through objects and arrays' items."""
        schema = self.deref(schema)
        if schema.get("type") == "array" or "items" in schema:
            yield from self.required(self.items(schema), f"{where}/*")
            return
        props = self.properties(schema) or {}
        for name in schema.get("required", []):
            yield f"{where}/{name}"
            if name in props:
                yield from self.required(props[name], f"{where}/{name}")


def _attribute(node: nodes.Node) -> tuple[nodes.Node, str] | None:
    if isinstance(node, nodes.Getattr):
        return node.node, node.attr
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    ):
        return node.node, node.arg.value
    return None


def _root_is_name(node: nodes.Node) -> bool:
    """`a.b.c` (checked against the schema) rather than `(a or {}).get` (its parts walked)."""
    while (attr := _attribute(node)) is not None:
        node = attr[0]
    return isinstance(node, nodes.Name)


def _written(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    attr = _attribute(node)
    return f"{_written(attr[0])}.{attr[1]}" if attr else "…"


def check(
    kind: str,
    source: str,
    schema: Mapping[str, Any],
    *,
    computed: frozenset[str] = frozenset(),
    unprinted: frozenset[str] = frozenset(),
) -> list[Problem]:
    """The problems of one template's Jinja source against its kind's schema (empty: it may be used)."""
    walker = _Walker(kind, schema, computed)
    tree = jinja2.Environment(extensions=[]).parse(source)
    walker.walk(tree, {})
    for pointer in walker.required(schema, ""):
        if pointer in unprinted:
            continue
        if not any(read == pointer or read.startswith(pointer + "/") for read in walker.read):
            parent = pointer.rsplit("/", 1)[0]
            # inside an object or list the template never reads: the object itself is what is missing
            if parent and not _under_read(parent, walker.read):
                continue
            written = pointer.strip("/").replace("/*/", "[].").replace("/", ".")
            walker.problems.append(Problem(kind, written, pointer, "unprinted"))
    return walker.problems


def _under_read(pointer: str, read: set[str]) -> bool:
    return any(r == pointer or r.startswith(pointer + "/") for r in read)
