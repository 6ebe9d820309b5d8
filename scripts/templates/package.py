"""The package of a template: slim (unused parts and styles dropped), byte-for-byte reproducible.

Used by `templates/build.py` after the document is laid out with `docxkit`.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

FIXED_TIME = (1980, 1, 1, 0, 0, 0)

CUSTOM_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)
CUSTOM_CT = (
    '<Override PartName="/docProps/custom.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)
CUSTOM_REL = (
    '<Relationship Id="rIdDsreviewCustom" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
    'Target="docProps/custom.xml"/>'
)


# Parts of python-docx's default package that no template uses. They cost LibreOffice time on every
# load (the default styles.xml alone defines 180 styles, 100 of them table styles).
_DROPPED_PARTS = (
    "word/stylesWithEffects.xml",
    "word/webSettings.xml",
    "docProps/thumbnail.jpeg",
    "customXml/item1.xml",
    "customXml/itemProps1.xml",
    "customXml/_rels/item1.xml.rels",
)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _prune_styles(styles_xml: bytes, used: set[str]) -> bytes:
    """Keep the styles the template uses, their `basedOn` ancestors and the defaults; no latent styles."""
    root = etree.fromstring(styles_xml)
    by_id = {s.get(f"{_W}styleId"): s for s in root.iter(f"{_W}style")}
    keep = {sid for sid, s in by_id.items() if s.get(f"{_W}default") == "1" or sid.startswith("DS")} | used
    pending = list(keep)
    while pending:
        style = by_id.get(pending.pop())
        based = style.find(f"{_W}basedOn") if style is not None else None
        if based is not None and based.get(f"{_W}val") not in keep:
            keep.add(based.get(f"{_W}val"))
            pending.append(based.get(f"{_W}val"))
    for sid, style in by_id.items():
        if sid not in keep:
            root.remove(style)
    for latent in root.findall(f"{_W}latentStyles"):
        root.remove(latent)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _without(xml: bytes, element: str, attribute: str, dropped: tuple[str, ...]) -> bytes:
    root = etree.fromstring(xml)
    for child in list(root):
        target = (child.get(attribute) or "").lstrip("/")
        if child.tag.endswith(element) and any(target.endswith(d.split("/", 1)[-1]) for d in dropped):
            root.remove(child)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def deterministic_docx(doc: Any) -> bytes:
    """Save slim (unused parts and styles dropped), with fixed zip timestamps and an empty
    custom-properties part that rendering fills with the provenance."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin, zipfile.ZipFile(out, "w") as zout:
        names = [n for n in zin.namelist() if n not in _DROPPED_PARTS]
        parts = {n: zin.read(n) for n in names}
        used = set()
        for name in (
            "word/document.xml",
            *[n for n in names if n.startswith(("word/header", "word/footer"))],
        ):
            used |= {
                m.decode() for m in re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', parts[name])
            }
        parts["word/styles.xml"] = _prune_styles(parts["word/styles.xml"], used)
        parts["[Content_Types].xml"] = _without(
            parts["[Content_Types].xml"], "Override", "PartName", _DROPPED_PARTS
        )
        for name in [n for n in names if n.endswith(".rels")]:
            parts[name] = _without(parts[name], "Relationship", "Target", _DROPPED_PARTS)
        if b"/docProps/custom.xml" not in parts["[Content_Types].xml"]:
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
                b"</Types>", CUSTOM_CT.encode() + b"</Types>"
            )
        if b"custom-properties" not in parts["_rels/.rels"]:
            parts["_rels/.rels"] = parts["_rels/.rels"].replace(
                b"</Relationships>", CUSTOM_REL.encode() + b"</Relationships>"
            )
        parts.setdefault("docProps/custom.xml", CUSTOM_XML.encode())
        for name, data in parts.items():
            _write(zout, name, data)
    return out.getvalue()


def _write(zout: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zout.writestr(info, data)
