"""The document viewer of the staff's application page: one document's page image beside its
extracted fields, the evidence box of the selected field drawn over the image."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from dsreview.errors import DsreviewError
from dsreview.forms import document_spec, document_types, title_of
from dsreview.services import web_pages
from dsreview.services.actors import Actor
from dsreview.store.models import Application, ApplicationFile
from dsreview.web.deps import Parts
from dsreview.web.fields import FieldInput, field_input

PAD = 2.0  # points around the evidence box, so the box does not cover the ink it marks


@dataclass(frozen=True, slots=True)
class FieldRow:
    name: str
    label: str
    value: Any
    input: FieldInput
    evidence: dict[str, Any] | None
    selected: bool
    corrected: bool


@dataclass(slots=True)
class DocumentTab:
    index: int  # position in the report's documents
    type: str
    type_index: int  # among documents of its type: what a correction names
    title: str
    source: str
    pages: list[int]
    ocr: bool


@dataclass(slots=True)
class Viewer:
    application: Application
    tabs: list[DocumentTab]
    tab: DocumentTab | None = None
    fields: list[FieldRow] = field(default_factory=list)
    field: str | None = None
    page: int | None = None
    file_id: int | None = None
    box: dict[str, float] | None = None  # percentages of the page: left, top, width, height
    image_error: str | None = None

    def url(self, **change: Any) -> str:
        """The application page with another document, field or page selected."""
        params = {"doc": self.tab.index if self.tab else None, "field": self.field, "page": self.page}
        params.update(change)
        query = "&".join(f"{k}={v}" for k, v in params.items() if v not in (None, ""))
        return f"/staff/applications/{self.application.id}?{query}#viewer"


def _tabs(documents: list[dict[str, Any]]) -> list[DocumentTab]:
    seen: dict[str, int] = {}
    tabs = []
    for index, doc in enumerate(documents):
        kind = str(doc.get("type", "unknown"))
        tabs.append(
            DocumentTab(
                index=index,
                type=kind,
                type_index=seen.get(kind, 0),
                title=title_of(kind) if kind in document_types() else "알 수 없는 쪽",
                source=str(doc.get("source", "")),
                pages=[int(p) for p in doc.get("pages", [])],
                ocr=bool(doc.get("ocr")),
            )
        )
        seen[kind] = seen.get(kind, 0) + 1
    return tabs


def _rows(doc: dict[str, Any], kind: str, selected: str | None, corrected: set[str]) -> list[FieldRow]:
    if kind not in document_types():
        return []
    spec = document_spec(kind)
    values: dict[str, Any] = doc.get("fields", {})
    evidence: dict[str, Any] = doc.get("evidence", {})
    return [
        FieldRow(
            name=name,
            label=spec.label(name),
            value=values.get(name),
            input=field_input(kind, name),
            evidence=evidence.get(name),
            selected=name == selected,
            corrected=name in corrected,
        )
        for name in spec.fields
    ]


def build(
    session: Session,
    *,
    ctx: Parts,
    actor: Actor,
    application: Application,
    files: list[ApplicationFile],
    corrected: set[tuple[str, int, str]],
    doc: int | None,
    field_name: str | None,
    page: int | None,
) -> Viewer:
    documents: list[dict[str, Any]] = (application.report or {}).get("documents", [])
    viewer = Viewer(application=application, tabs=_tabs(documents))
    if not viewer.tabs:
        return viewer
    index = doc if doc is not None and 0 <= doc < len(viewer.tabs) else 0
    tab = viewer.tab = viewer.tabs[index]
    mine = {name for kind, i, name in corrected if kind == tab.type and i == tab.type_index}
    viewer.fields = _rows(documents[index], tab.type, field_name, mine)
    chosen = next((row for row in viewer.fields if row.selected), None)
    viewer.field = chosen.name if chosen else None
    evidence = chosen.evidence if chosen else None
    if page is None or page not in tab.pages:
        page = int(evidence["page"]) if evidence else (tab.pages[0] if tab.pages else 1)
    viewer.page = page
    viewer.file_id = next((f.id for f in files if f.name == tab.source), None)
    if viewer.file_id is None:
        viewer.image_error = "이 문서의 파일을 찾을 수 없습니다 (다시 올린 파일로 바뀌었을 수 있습니다)."
        return viewer
    try:
        image = web_pages.page_image(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            application_id=application.id,
            file_id=viewer.file_id,
            page=page,
        )
    except DsreviewError as exc:
        viewer.image_error = exc.message
        return viewer
    if evidence and int(evidence["page"]) == page:
        x0, top, x1, bottom = (float(v) for v in evidence["bbox"])
        w, h = image.width or 1.0, image.height or 1.0
        viewer.box = {
            "left": max(0.0, (x0 - PAD) / w * 100),
            "top": max(0.0, (top - PAD) / h * 100),
            "width": min(100.0, (x1 - x0 + 2 * PAD) / w * 100),
            "height": min(100.0, (bottom - top + 2 * PAD) / h * 100),
        }
    return viewer
