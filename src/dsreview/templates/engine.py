"""docxtpl, with the template prepared once per process.

`DocxTemplate.render()` reloads the package, re-patches and recompiles the Jinja source of every
part, and re-serialises every part on save: about 30 ms a document, most of it repeated work.
`PreparedTemplate` runs docxtpl's own steps (`patch_xml`, `resolve_listing`, `fix_tables`,
`fix_docpr_ids`) in the same order, but patches and compiles each templated part once, skips the
steps that cannot change anything (`resolve_listing` when no value brought a tab or line break,
`fix_tables` when no `{%tc %}` loop can change a table's columns, `fix_docpr_ids` when there is no
picture), and writes the package by appending the changed parts to a pre-built archive of the
unchanged ones.
`render_with_docxtpl()` is the plain docxtpl call; the tests check that both produce the same
document for every sample.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree  # type: ignore[import-untyped]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_JINJA = re.compile(rb"\{[{%]")
_DOCUMENT = "word/document.xml"


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


@dataclass(frozen=True, slots=True)
class _Part:
    name: str
    template: jinja2.Template
    prefix: bytes  # the part's XML before the templated element (body / root), as bytes
    suffix: bytes
    whole: bool  # True: the template is the whole root element (headers, footers)
    column_loops: bool  # `{%tc %}` tags: docxtpl's fix_tables must adjust the grids
    pictures: bool  # drawings: docxtpl's fix_docpr_ids must renumber them


class PreparedTemplate:
    """One DOCX template: its templated parts compiled once; thread-safe rendering."""

    def __init__(self, template: bytes, env: jinja2.Environment, *, replaced: tuple[str, ...] = ()) -> None:
        self._tpl = DocxTemplate(io.BytesIO(template))
        self._tpl.init_docx()
        self._lock = threading.Lock()
        self._parts: list[_Part] = []
        self.sources: dict[str, str] = {}  # part name → its Jinja source, for the placeholder check
        with zipfile.ZipFile(io.BytesIO(template)) as zin:
            names = zin.namelist()
            raw = {n: zin.read(n) for n in names}
        templated = [_DOCUMENT] + [
            n for n in names if n.startswith(("word/header", "word/footer")) and _JINJA.search(raw[n])
        ]
        for name in templated:
            self._parts.append(self._prepare(name, raw[name], env))
        # The unchanged parts, written once; each render appends its own parts to a copy.
        skip = set(templated) | set(replaced)
        skeleton = io.BytesIO()
        with zipfile.ZipFile(skeleton, "w") as zout:
            for name in names:
                if name not in skip:
                    zout.writestr(_zip_info(name), raw[name])
        self._skeleton = skeleton.getvalue()

    def _prepare(self, name: str, xml: bytes, env: jinja2.Environment) -> _Part:
        root = etree.fromstring(xml)
        if name == _DOCUMENT:
            body = root.find("{*}body")
            source = self._tpl.xml_to_string(body)
            shell = etree.fromstring(xml)
            old = shell.find("{*}body")
            placeholder = etree.SubElement(shell, "dsreview-body")
            shell.replace(old, placeholder)
            text = etree.tostring(shell, encoding="UTF-8", xml_declaration=True, standalone=True)
            prefix, suffix = text.split(b"<dsreview-body/>")
            whole = False
        else:
            source = self._tpl.xml_to_string(root)
            prefix = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            suffix = b""
            whole = True
        column_loops = bool(re.search(r"\{%-?\s*tc\s", source))
        pictures = "docPr" in source
        patched = self._tpl.patch_xml(source)
        self.sources[name] = patched
        patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
        return _Part(name, env.from_string(patched), prefix, suffix, whole, column_loops, pictures)

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> bytes:
        xml = part.template.render(context)
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if any(c in xml for c in "\t\n\a\f"):  # a value brought a tab or a line break
            xml = self._tpl.resolve_listing(xml)
        if not part.whole and (part.column_loops or part.pictures):
            with self._lock:  # docxtpl's helpers keep a counter on the instance
                tree = self._tpl.fix_tables(xml)
                self._tpl.docx_ids_index = 1000
                self._tpl.fix_docpr_ids(tree)
            xml = etree.tostring(tree, encoding="unicode")
        return part.prefix + xml.encode("utf-8") + part.suffix

    def render(self, context: Mapping[str, Any], extra: Mapping[str, bytes] | None = None) -> bytes:
        """The rendered package; `extra` adds (or replaces, if named in `replaced`) whole parts."""
        rendered = [(p.name, self._render_part(p, context)) for p in self._parts]
        out = io.BytesIO(self._skeleton)
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a") as zout:
            for name, data in [*rendered, *(extra or {}).items()]:
                zout.writestr(_zip_info(name), data, compresslevel=1)
        return out.getvalue()


def render_with_docxtpl(template: bytes, context: Mapping[str, Any], env: jinja2.Environment) -> bytes:
    """The plain docxtpl call (reference for the tests; about 30 ms a document)."""
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(dict(context), env, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
