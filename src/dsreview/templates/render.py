"""Render a kind's data into its DOCX template with docxtpl, and stamp the output's provenance.

    rendered = render("selection_notice", data, settings=settings)   # validates first
    rendered.docx            # bytes
    rendered.input_sha256    # SHA-256 of the canonical JSON of `data`
    rendered.template_version  # e.g. "selection_notice/1+3f2a…" (catalogue version + template hash)

Jinja runs with autoescape on (so `R&D <AI>` prints as written) and StrictUndefined (a name the
data lacks is an error, not an empty string). The provenance goes into the DOCX core properties
(keywords, comments, identifier) and custom properties; LibreOffice copies title, subject, author
and keywords into the PDF's metadata.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from dsreview.config import Settings
from dsreview.templates.context import build_context
from dsreview.templates.engine import PreparedTemplate
from dsreview.templates.filters import jinja_env
from dsreview.templates.kinds import (
    document_key,
    kind_spec,
    render_schema,
    resolve,
    validate,
    with_optional_nulls,
)
from dsreview.templates.sources import TemplateSource, check_template, template_source

_PROVENANCE_PARTS = ("docProps/core.xml", "docProps/custom.xml")
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """One generated document. `key` names it in a batch (`<key>.docx`, `<key>.pdf`)."""

    kind: str
    key: str
    docx: bytes
    input_sha256: str
    template_version: str
    pdf: bytes | None = None
    hwpx: bytes | None = None

    def with_pdf(self, pdf: bytes) -> RenderedDocument:
        return replace(self, pdf=pdf)


def input_sha256(data: Any) -> str:
    """SHA-256 of the canonical JSON of the input (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def template_bytes(kind: str, folder: Path | None = None, fmt: str = "docx") -> bytes:
    """The kind's template: the override in `folder` (DSREVIEW_TEMPLATES_DIR) if any, else the shipped one."""
    return template_source(kind, fmt, folder).data


def template_version(kind: str, folder: Path | None = None, fmt: str = "docx") -> str:
    """The catalogue version of the kind's template and the first 12 hex digits of its SHA-256."""
    digest = hashlib.sha256(template_bytes(kind, folder, fmt)).hexdigest()[:12]
    return f"{kind}/{kind_spec(kind).version}+{digest}"


def prepared_template(kind: str, folder: Path | None = None) -> PreparedTemplate:
    """The kind's DOCX template, checked, patched and compiled once per process (and per edit)."""
    source = template_source(kind, "docx", folder)
    return _prepared(source)


@lru_cache(maxsize=32)
def _prepared(source: TemplateSource) -> PreparedTemplate:
    if source.name.startswith("templates/") is False:
        check_template(source)  # an override edited since start-up is checked again before use
    return PreparedTemplate(source.data, jinja_env(), replaced=_PROVENANCE_PARTS)


def prepare(kind: str, data: Mapping[str, Any], *, settings: Settings) -> tuple[dict[str, Any], str]:
    """Validate `data` and build the template context; returns (context, input SHA-256)."""
    validate(kind, data)
    filled = with_optional_nulls(render_schema(kind), data)
    return build_context(kind, filled, settings=settings), input_sha256(data)


def render(kind: str, data: Mapping[str, Any], *, settings: Settings, hwpx: bool = False) -> RenderedDocument:
    """Validate and render one document to DOCX, and to HWPX with `hwpx` (PDF: see `templates.pdf`)."""
    context, digest = prepare(kind, data, settings=settings)
    version = template_version(kind, settings.templates_dir)
    key = document_key(kind, data)
    parts = provenance_parts(kind, key=key, data=data, digest=digest, version=version, settings=settings)
    docx = prepared_template(kind, settings.templates_dir).render(context, parts)
    doc = RenderedDocument(kind=kind, key=key, docx=docx, input_sha256=digest, template_version=version)
    if hwpx:
        doc = replace(doc, hwpx=_hwpx(kind, context, data, digest, settings))
    return doc


def render_hwpx(kind: str, data: Mapping[str, Any], *, settings: Settings) -> bytes:
    """Validate and render one document to HWPX from the kind's HWPX template (same data, same checks)."""
    context, digest = prepare(kind, data, settings=settings)
    return _hwpx(kind, context, data, digest, settings)


def _hwpx(
    kind: str, context: Mapping[str, Any], data: Mapping[str, Any], digest: str, settings: Settings
) -> bytes:
    from dsreview.templates.hwpx import prepared as prepared_hwpx

    source = template_source(kind, "hwpx", settings.templates_dir)
    if not source.name.startswith("templates/"):
        check_template(source)  # an override edited since start-up is checked again before use
    spec = kind_spec(kind)
    version = template_version(kind, settings.templates_dir, "hwpx")
    day = resolve(data, spec.date)
    when = f"{day}T00:00:00Z" if isinstance(day, str) else "2024-01-01T00:00:00Z"
    meta = {
        "creator": settings.organisation.agency,
        "lastsaveby": "dsreview",
        "subject": spec.title,
        "description": f"dsreview가 생성한 문서입니다. input-sha256={digest} template={version}",
        "keyword": f"dsreview, input-sha256={digest}, template={version}",
        "CreatedDate": when,
        "ModifiedDate": when,
    }
    return prepared_hwpx(source).render(context, title=f"{spec.title} {document_key(kind, data)}", meta=meta)


def render_docx(kind: str, data: Mapping[str, Any], *, settings: Settings) -> bytes:
    """Validate and render one document; the DOCX bytes."""
    return render(kind, data, settings=settings).docx


def _core_xml(
    *,
    title: str,
    subject: str,
    author: str,
    keywords: str,
    comments: str,
    identifier: str,
    category: str,
    when: str,
) -> bytes:
    e = escape
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{e(title)}</dc:title><dc:subject>{e(subject)}</dc:subject>"
        f"<dc:creator>{e(author)}</dc:creator><cp:keywords>{e(keywords)}</cp:keywords>"
        f"<dc:description>{e(comments)}</dc:description><cp:lastModifiedBy>dsreview</cp:lastModifiedBy>"
        f"<cp:revision>1</cp:revision><dc:identifier>{e(identifier)}</dc:identifier>"
        f"<cp:category>{e(category)}</cp:category><dc:language>ko-KR</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def _custom_xml(props: Mapping[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{items}</Properties>'
    ).encode()


def provenance(kind: str, *, key: str, digest: str, version: str) -> dict[str, str]:
    """The custom properties every output carries."""
    return {
        "dsreview.kind": kind,
        "dsreview.key": key,
        "dsreview.input_sha256": digest,
        "dsreview.template_version": version,
    }


def provenance_parts(
    kind: str, *, key: str, data: Mapping[str, Any], digest: str, version: str, settings: Settings
) -> dict[str, bytes]:
    """The package's core and custom properties, carrying the input's SHA-256 and the template version."""
    spec = kind_spec(kind)
    day = resolve(data, spec.date)
    when = f"{day}T00:00:00Z" if isinstance(day, str) else "2024-01-01T00:00:00Z"
    core = _core_xml(
        title=f"{spec.title} {key}",
        subject=spec.title,
        author=settings.organisation.agency,
        keywords=f"dsreview, input-sha256={digest}, template={version}",
        comments=f"dsreview가 생성한 문서입니다. input-sha256={digest} template={version}",
        identifier=key,
        category=kind,
        when=when,
    )
    custom = _custom_xml(provenance(kind, key=key, digest=digest, version=version))
    return {"docProps/core.xml": core, "docProps/custom.xml": custom}


def read_provenance(docx: bytes) -> dict[str, str]:
    """The custom properties of a generated DOCX (to trace a document back to its input)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("docProps/custom.xml").decode("utf-8")
    pairs = re.findall(r'name="([^"]+)"><vt:lpwstr>([^<]*)</vt:lpwstr>', xml)
    return dict(pairs)
