"""Generated documents: render from validated data, store the DOCX with its input hash, convert to PDF.

The DOCX is rendered in the caller's transaction (milliseconds); the PDF is a job, because
LibreOffice takes longer and runs in the worker next to its converter processes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, NotFoundError, UsageError
from dsreview.services import audit, rendering, work
from dsreview.services.actors import Actor
from dsreview.store import BlobStore
from dsreview.store.models import GeneratedDocument, Role
from dsreview.store.repositories import DocumentRepository

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
HWPX = "application/hwp+zip"


@dataclass(frozen=True, slots=True)
class Links:
    """What a document concerns and who receives it (who may download it)."""

    application_id: int | None = None
    service_id: int | None = None
    contract_id: int | None = None
    round_id: int | None = None
    recipient_organisation_id: int | None = None
    recipient_user_id: int | None = None
    public: bool = False


def document_number(settings: Settings, doc_id: int) -> str:
    return f"{settings.organisation.document_prefix}-{doc_id}"


def generate(
    session: Session,
    *,
    settings: Settings,
    blobs: BlobStore,
    actor: Actor | None,
    kind: str,
    build: Callable[[str], dict[str, Any]],
    links: Links,
    title: str,
) -> GeneratedDocument:
    """Render `build(document_number)` as `kind`, store it, and ask for its PDF.

    The row is made first so its id can give the document its number.
    """
    repo = DocumentRepository(session)
    doc = repo.add(
        GeneratedDocument(
            kind=kind,
            title=title[:255],
            docx_sha256="",
            input_sha256="",
            template_version="",
            data={},
            application_id=links.application_id,
            service_id=links.service_id,
            contract_id=links.contract_id,
            round_id=links.round_id,
            recipient_organisation_id=links.recipient_organisation_id,
            recipient_user_id=links.recipient_user_id,
            public=links.public,
            created_by=actor.user_id if actor else None,
        )
    )
    data = build(document_number(settings, doc.id))
    rendered = rendering.render_docx(kind, data, settings=settings)
    blob = blobs.put_bytes(rendered.docx)
    doc.docx_sha256 = blob.sha256
    doc.input_sha256 = rendered.input_sha256
    doc.template_version = rendered.template_version
    doc.data = data
    doc.pdf_status = "pending"
    session.flush()
    work.request_job(session, kind=work.PDF, subject_id=doc.id, actor=actor)
    audit.record(
        session,
        actor=actor,
        action="document.generated",
        subject_type="document",
        subject_id=doc.id,
        data={
            "kind": kind,
            "input_sha256": rendered.input_sha256,
            "template_version": rendered.template_version,
            "application_id": links.application_id,
            "service_id": links.service_id,
            "contract_id": links.contract_id,
            "round_id": links.round_id,
        },
        files=[blob.sha256],
    )
    return doc


def store_pdf(session: Session, *, doc_id: int, pdf: bytes, blobs: BlobStore) -> GeneratedDocument | None:
    doc = DocumentRepository(session).get(doc_id)
    if doc is None:
        return None
    blob = blobs.put_bytes(pdf)
    doc.pdf_sha256 = blob.sha256
    doc.pdf_status = "done"
    audit.record(
        session,
        actor=None,
        action="document.pdf_converted",
        subject_type="document",
        subject_id=doc.id,
        data={"kind": doc.kind},
        files=[doc.docx_sha256, blob.sha256],
    )
    return doc


def pdf_failed(session: Session, *, doc_id: int, message: str) -> None:
    doc = DocumentRepository(session).get(doc_id)
    if doc is not None:
        doc.pdf_status = "failed"
        audit.record(
            session,
            actor=None,
            action="document.pdf_failed",
            subject_type="document",
            subject_id=doc.id,
            data={"error": message[:500]},
        )


def _may_see(actor: Actor | None, doc: GeneratedDocument) -> bool:
    if doc.public:
        return True
    if actor is None:
        return False
    if actor.role is Role.staff:
        return True
    if actor.role in (Role.vendor, Role.agency):
        return actor.organisation_id is not None and doc.recipient_organisation_id == actor.organisation_id
    return doc.recipient_user_id == actor.user_id


def visible_document(session: Session, *, actor: Actor | None, document_id: int) -> GeneratedDocument:
    doc = DocumentRepository(session).get(document_id)
    if doc is None or not doc.docx_sha256 or not _may_see(actor, doc):
        raise NotFoundError("문서를 찾을 수 없습니다.", detail={"document_id": document_id})
    return doc


def list_documents(
    session: Session,
    *,
    actor: Actor,
    kind: str | None = None,
    application_id: int | None = None,
    round_id: int | None = None,
    limit: int = 200,
    offset: int = 0,
) -> Sequence[GeneratedDocument]:
    """The documents addressed to this actor (staff: all)."""
    scope: dict[str, Any] = {}
    if actor.role in (Role.vendor, Role.agency):
        scope["organisation_id"] = actor.organisation_id if actor.organisation_id is not None else -1
    elif actor.role is Role.reviewer:
        scope["user_id"] = actor.user_id
    return DocumentRepository(session).search(
        kind=kind, application_id=application_id, round_id=round_id, limit=limit, offset=offset, **scope
    )


@dataclass(frozen=True, slots=True)
class Download:
    sha256: str
    filename: str
    media_type: str


def download(
    session: Session,
    *,
    actor: Actor | None,
    document_id: int,
    fmt: str = "docx",
    settings: Settings | None = None,
    blobs: BlobStore | None = None,
) -> Download:
    """A stored document as DOCX or PDF; as HWPX (한글) rendered from the same stored data."""
    doc = visible_document(session, actor=actor, document_id=document_id)
    stem = f"{doc.title}_{doc.id}"
    if fmt == "docx":
        return Download(sha256=doc.docx_sha256, filename=f"{stem}.docx", media_type=DOCX)
    if fmt == "hwpx" and settings is not None and blobs is not None:
        # Rendered on request from the data the DOCX was made of (validated when it was stored);
        # the blob store keeps it by its hash, so asking again writes nothing new.
        hwpx = rendering.render_hwpx(doc.kind, dict(doc.data), settings=settings)
        return Download(sha256=blobs.put_bytes(hwpx).sha256, filename=f"{stem}.hwpx", media_type=HWPX)
    if fmt != "pdf":
        raise UsageError("형식은 docx, pdf 또는 hwpx 이어야 합니다.", detail={"format": fmt})
    if doc.pdf_status == "failed":
        raise ConflictError(
            "PDF 변환에 실패했습니다. DOCX 파일을 받아 주십시오.", detail={"pdf_status": "failed"}
        )
    if doc.pdf_sha256 is None:
        raise ConflictError(
            "PDF 변환 중입니다. 잠시 후 다시 시도해 주십시오.", detail={"pdf_status": doc.pdf_status}
        )
    return Download(sha256=doc.pdf_sha256, filename=f"{stem}.pdf", media_type=PDF)
