"""HWPX (한글, KS X 6101 / OWPML) from HWPX templates, with the same data and Jinja as the DOCX ones.

A template is an `.hwpx` file edited in 한글 (`templates/hwpx/<kind>.hwpx`, or the override folder's).
Its text carries the same placeholders as the DOCX template, and the same control lines:

    {%p for a in attachments %}   a paragraph of its own: the whole paragraph becomes the tag
    {%tr for s in services %}     in a table row: the whole row becomes the tag (rows repeat)

After Jinja, every table's row count and cell addresses are renumbered (a looped row is one row of
the template but many of the document), cached line layouts are dropped (한글 lays the text out
again), a value's line breaks become `<hp:lineBreak/>`, and the preview text is the document's.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import jinja2
from lxml import etree  # type: ignore[import-untyped]

from dsreview.templates.filters import jinja_env

if TYPE_CHECKING:
    from dsreview.templates.sources import TemplateSource

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_SECTION = re.compile(r"^Contents/section\d+\.xml$")
_CONTROL = re.compile(r"^\s*\{%(p|tr)\s+(.*?)\s*%\}\s*$", re.S)
_MARKER = re.compile(r"<dsreview-tag n=\"(\d+)\"/>")
_JINJA_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_TAG = re.compile(r"<[^>]+>")
_T = re.compile(r"(<hp:t(?: [^>]*)?>)(.*?)(</hp:t>)", re.S)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_PREVIEW_CHARS = 1024


def _own_text(element: Any, boundary: str) -> str:
    """The text of `element` that is not inside a nested `boundary` (a table inside a paragraph)."""
    parts = []
    for t in element.iter(f"{HP}t"):
        owner = t.getparent()
        while owner is not None and owner is not element and owner.tag != f"{HP}{boundary}":
            owner = owner.getparent()
        if owner is element:
            parts.append("".join(t.itertext()))
    return "".join(parts)


def patch(xml: bytes) -> str:
    """The Jinja source of a section: control paragraphs and rows replaced by their bare tags."""
    root = etree.fromstring(xml)
    tags: list[str] = []

    def replace(element: Any, text: str) -> None:
        match = _CONTROL.match(text)
        if match is None:
            return
        marker = etree.Element("dsreview-tag", n=str(len(tags)))
        marker.tail = element.tail
        tags.append("{% " + match.group(2) + " %}")
        element.getparent().replace(element, marker)

    for row in list(root.iter(f"{HP}tr")):
        text = "".join(row.itertext())
        if "{%tr" in text:
            replace(row, text)
    for paragraph in list(root.iter(f"{HP}p")):
        if paragraph.getparent() is None:
            continue
        text = _own_text(paragraph, "tbl")
        if "{%p" in text and paragraph.find(f".//{HP}tbl") is None:
            replace(paragraph, text)
    source = etree.tostring(root, encoding="unicode")
    source = _MARKER.sub(lambda m: tags[int(m.group(1))], source)

    def clean(match: re.Match[str]) -> str:
        # a placeholder split over runs by the editor, and the XML escapes of its operators
        inner = _TAG.sub("", match.group(0))
        return inner.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", '"').replace("&amp;", "&")

    return _JINJA_SPAN.sub(clean, source)


def _line_breaks(xml: str) -> str:
    def fix(match: re.Match[str]) -> str:
        body = match.group(2).replace("\r\n", "\n").replace("\t", " ")
        if "\n" not in body:
            return match.group(0) if "\t" not in match.group(2) else match.group(1) + body + match.group(3)
        return match.group(1) + body.replace("\n", "<hp:lineBreak/>") + match.group(3)

    return _T.sub(fix, xml)


def _renumber(root: Any) -> None:
    for table in root.iter(f"{HP}tbl"):
        rows = table.findall(f"{HP}tr")
        table.set("rowCnt", str(len(rows)))
        for index, row in enumerate(rows):
            for cell in row.findall(f"{HP}tc"):
                address = cell.find(f"{HP}cellAddr")
                if address is not None:
                    address.set("rowAddr", str(index))
    for cache in list(root.iter(f"{HP}linesegarray")):
        cache.getparent().remove(cache)


def _text_of(root: Any) -> str:
    lines = []
    for paragraph in root.iter(f"{HP}p"):
        text = _own_text(paragraph, "p")
        if text.strip():
            lines.append(text)
    return "\r\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Section:
    name: str
    template: jinja2.Template


class PreparedHwpx:
    """One HWPX template: its sections patched and compiled once; thread-safe rendering."""

    def __init__(self, template: bytes, env: jinja2.Environment) -> None:
        with zipfile.ZipFile(io.BytesIO(template)) as zin:
            self._infos = zin.infolist()
            self._raw = {info.filename: zin.read(info.filename) for info in self._infos}
        self.sources = {n: patch(self._raw[n]) for n in self._raw if _SECTION.match(n)}
        self._sections = [_Section(n, env.from_string(src)) for n, src in self.sources.items()]
        self._lock = threading.Lock()

    def render(
        self, context: Mapping[str, Any], *, title: str = "", meta: Mapping[str, str] | None = None
    ) -> bytes:
        """The rendered package; `title` and `meta` (creator, subject, description, dates) go into
        the package's metadata (`Contents/content.hpf`), which 한글 shows as the document's properties."""
        rendered: dict[str, bytes] = {}
        preview: list[str] = []
        for section in self._sections:
            xml = _line_breaks(section.template.render(context))
            root = etree.fromstring(xml.encode("utf-8"))
            _renumber(root)
            preview.append(_text_of(root))
            rendered[section.name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        if "Preview/PrvText.txt" in self._raw:
            rendered["Preview/PrvText.txt"] = "\r\n".join(preview)[:_PREVIEW_CHARS].encode("utf-8")
        if "Contents/content.hpf" in self._raw:
            hpf = self._raw["Contents/content.hpf"].decode("utf-8")
            rendered["Contents/content.hpf"] = _metadata(hpf, title, meta or {}).encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for info in self._infos:  # same order: `mimetype` first and stored, as OWPML requires
                data = rendered.get(info.filename, self._raw[info.filename])
                entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
                entry.compress_type = info.compress_type
                entry.external_attr = 0o644 << 16
                zout.writestr(entry, data)
        return out.getvalue()


def _metadata(hpf: str, title: str, meta: Mapping[str, str]) -> str:
    if title:
        hpf = re.sub(
            r"<opf:title\s*/>|<opf:title>.*?</opf:title>",
            f"<opf:title>{escape(title)}</opf:title>",
            hpf,
            count=1,
        )
    for name, value in meta.items():
        pattern = re.compile(
            rf'<opf:meta name="{re.escape(name)}" content="text"\s*(?:/>|>.*?</opf:meta>)', re.S
        )
        element = f'<opf:meta name="{name}" content="text">{escape(value)}</opf:meta>'
        found = pattern.search(hpf)
        if found:
            hpf = hpf[: found.start()] + element + hpf[found.end() :]
        else:
            hpf = hpf.replace("</opf:metadata>", element + "</opf:metadata>", 1)
    return hpf


def hwpx_sources(source: TemplateSource) -> dict[str, str]:
    """The Jinja source of each section of an HWPX template (for the placeholder check)."""
    from dsreview.templates.sources import syntax_error, template_error

    try:
        return prepared(source).sources
    except jinja2.TemplateSyntaxError as exc:
        raise syntax_error(source, exc) from exc
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as exc:
        facts = {"template": source.name, "reason": exc}
        raise template_error([("template_not_hwpx", facts)], template=source.name) from exc


@lru_cache(maxsize=32)
def prepared(source: TemplateSource) -> PreparedHwpx:
    return PreparedHwpx(source.data, jinja_env())


def hwpx_text(hwpx: bytes) -> str:
    """The text of an HWPX document, paragraph by paragraph (table cells included), for tests and checks."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(hwpx)) as z:
        for name in sorted(n for n in z.namelist() if _SECTION.match(n)):
            root = etree.fromstring(z.read(name))
            for paragraph in root.iter(f"{HP}p"):
                text = _own_text(paragraph, "p")
                if text.strip():
                    lines.append(text)
    return "\n".join(lines) + "\n"
