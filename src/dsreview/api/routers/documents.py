"""Generated documents (download as DOCX, HWPX or PDF), the sanctions list, and the audit trail."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import ANY_USER, STAFF, context, read_session, write_session
from dsreview.api.params import Id, Limit, Offset, QueryId
from dsreview.api.routers.common import ERRORS, TOO_LARGE, blob_response, incoming
from dsreview.api.schemas import AuditEventOut, DocumentOut, SanctionsOut
from dsreview.jobs import dispatch
from dsreview.services import audit, documents, sanctions
from dsreview.services.actors import Actor

router = APIRouter(prefix="/api", tags=["documents"], responses=ERRORS)


@router.get("/documents", response_model=list[DocumentOut])
def list_documents(
    kind: str | None = Query(default=None, max_length=40),
    application_id: QueryId = None,
    round_id: QueryId = None,
    limit: Limit = 200,
    offset: Offset = 0,
    actor: Actor = Depends(ANY_USER),
    session: Session = Depends(read_session),
) -> list[DocumentOut]:
    """Documents addressed to you (notices, forms, records); staff see all."""
    found = documents.list_documents(
        session,
        actor=actor,
        kind=kind,
        application_id=application_id,
        round_id=round_id,
        limit=limit,
        offset=offset,
    )
    return [DocumentOut.model_validate(d) for d in found]


@router.get("/documents/{document_id}", response_model=DocumentOut)
def get_document(
    document_id: Id, actor: Actor = Depends(ANY_USER), session: Session = Depends(read_session)
) -> DocumentOut:
    return DocumentOut.model_validate(
        documents.visible_document(session, actor=actor, document_id=document_id)
    )


@router.get("/documents/{document_id}/content", response_class=FileResponse)
def document_content(
    document_id: Id,
    format: Literal["docx", "pdf", "hwpx"] = Query(default="docx"),
    actor: Actor = Depends(ANY_USER),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> FileResponse:
    """The document as DOCX, as HWPX (한글), or as PDF once converted (409 while the conversion runs)."""
    found = documents.download(
        session, actor=actor, document_id=document_id, fmt=format, settings=ctx.settings, blobs=ctx.blobs
    )
    return blob_response(ctx, found.sha256, filename=found.filename, media_type=found.media_type)


@router.post("/sanctions", status_code=201, response_model=SanctionsOut, responses=TOO_LARGE)
def upload_sanctions(
    file: Annotated[UploadFile, File(description="CSV: business_registration_number,company_name,…")],
    recheck: Annotated[bool, Form(description="check every checked application again")] = False,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> SanctionsOut:
    """Upload the sanctions list (부정당업자 제재 목록); checks use the newest."""
    entry, count = sanctions.upload(
        session, actor=actor, settings=ctx.settings, blobs=ctx.blobs, file=incoming(file), recheck=recheck
    )
    dispatch.commit(session, ctx.queue)
    out = SanctionsOut.model_validate(entry)
    out.rechecks = count
    return out


@router.get("/sanctions", response_model=SanctionsOut)
def current_sanctions(
    actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> SanctionsOut:
    return SanctionsOut.model_validate(sanctions.latest(session, actor=actor))


@router.get("/audit", response_model=list[AuditEventOut])
def audit_events(
    subject_type: str | None = Query(default=None, max_length=32),
    subject_id: QueryId = None,
    action: str | None = Query(default=None, max_length=64),
    limit: Limit = 200,
    offset: Offset = 0,
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
) -> list[AuditEventOut]:
    """The audit trail: who did what, when, with the hashes of the files involved."""
    events = audit.list_events(
        session,
        actor=actor,
        subject_type=subject_type,
        subject_id=subject_id,
        action=action,
        limit=limit,
        offset=offset,
    )
    return [AuditEventOut.model_validate(e) for e in events]
