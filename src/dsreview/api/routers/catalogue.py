"""Selected services, the catalogue, quality checks and nonconformance postings."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Response, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import STAFF, VENDOR, allow, context, read_session, write_session
from dsreview.api.params import MONTH_PATTERN, BodyId, Id, Limit, Offset
from dsreview.api.routers.common import ERRORS, PUBLIC_ERRORS, TOO_LARGE, blob_response, incoming
from dsreview.api.schemas import (
    CatalogueEntry,
    CatalogueQuery,
    DueCheckOut,
    PostingOut,
    PublicPosting,
    PublishIn,
    QualityCheckOut,
    QualityResultIn,
    QualityResultOut,
    ServiceOut,
)
from dsreview.jobs import dispatch
from dsreview.services import catalogue as services_catalogue
from dsreview.services import clock, documents, quality, selection
from dsreview.services import postings as postings_service
from dsreview.services.actors import Actor
from dsreview.store.models import Role

router = APIRouter(prefix="/api", tags=["services"], responses=ERRORS)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
public = APIRouter(prefix="/api/public", tags=["public"], responses=PUBLIC_ERRORS)


@router.get("/services", response_model=list[ServiceOut])
def list_services(
    status: Literal["selected", "listed", "removed"] | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
    actor: Actor = Depends(allow(Role.staff, Role.vendor, Role.agency)),
    session: Session = Depends(read_session),
) -> list[ServiceOut]:
    """Selected services: staff all, a vendor its own, an agency those in the catalogue."""
    found = selection.list_services(session, actor=actor, status=status, limit=limit, offset=offset)
    return [ServiceOut.model_validate(s) for s in found]


@router.post("/services/publish", response_model=list[ServiceOut])
def publish(
    body: PublishIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> list[ServiceOut]:
    """List selected services in the public catalogue (이용지원시스템)."""
    services = selection.publish(session, actor=actor, service_ids=body.service_ids)
    dispatch.commit(session, ctx.queue)
    return [ServiceOut.model_validate(s) for s in services]


@router.post(
    "/services/{service_id}/self-checks", status_code=201, response_model=QualityCheckOut, responses=TOO_LARGE
)
def submit_self_check(
    service_id: Id,
    file: Annotated[UploadFile, File(description="품질적합성 자가점검 보고서")],
    month: Annotated[str | None, Form(pattern=MONTH_PATTERN)] = None,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> QualityCheckOut:
    """The vendor's monthly quality self-check report."""
    check = quality.submit_self_check(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        service_id=service_id,
        file=incoming(file),
        month=month,
    )
    dispatch.commit(session, ctx.queue)
    return QualityCheckOut.model_validate(check)


@router.get("/services/{service_id}/quality-checks", response_model=list[QualityCheckOut])
def quality_history(
    service_id: Id,
    actor: Actor = Depends(allow(Role.staff, Role.vendor)),
    session: Session = Depends(read_session),
) -> list[QualityCheckOut]:
    return [
        QualityCheckOut.model_validate(c)
        for c in quality.history(session, actor=actor, service_id=service_id)
    ]


@router.post("/services/{service_id}/quality-checks", status_code=201, response_model=QualityResultOut)
def record_quality(
    service_id: Id,
    body: QualityResultIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> QualityResultOut:
    """Record the month's outcome: conforming (적합), supplement (보완 by `due_date`, the service stays
    listed), nonconforming (부적합: removed and posted publicly), re_review (재심사 요청)."""
    check, posting = quality.record_result(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        service_id=service_id,
        result=body.result,
        month=body.month,
        reason=body.reason,
        decision_date=body.decision_date,
        posting_start=body.posting_start,
        posting_end=body.posting_end,
        due_date=body.due_date,
    )
    dispatch.commit(session, ctx.queue)
    return QualityResultOut(
        check=QualityCheckOut.model_validate(check),
        posting=PostingOut.model_validate(posting) if posting else None,
    )


@router.get("/quality/due", response_model=list[DueCheckOut])
def due_checks(
    month: str | None = Query(default=None, pattern=MONTH_PATTERN),
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> list[DueCheckOut]:
    """Services due for the monthly quality check (selected at least a year before)."""
    due = quality.due_checks(session, actor=actor, settings=ctx.settings, month=month)
    return [
        DueCheckOut(
            service=ServiceOut.model_validate(d.service),
            check=QualityCheckOut.model_validate(d.check) if d.check else None,
        )
        for d in due
    ]


@public.get("/catalogue", response_model=list[CatalogueEntry])
def catalogue_search(
    query: Annotated[CatalogueQuery, Query()],
    limit: Limit = 100,
    offset: Offset = 0,
    session: Session = Depends(read_session),
) -> list[CatalogueEntry]:
    """The catalogue of selected services (no sign-in), searched by an agency's requirements:
    category, model, support type, provider type, CSAP type and grade, company and words."""
    found = services_catalogue.search(session, query, limit=limit, offset=offset)
    return [CatalogueEntry.model_validate(s) for s in found]


@public.get("/catalogue/compare", response_model=list[CatalogueEntry])
def compare(
    ids: Annotated[list[BodyId], Query(min_length=1, max_length=5, description="up to five service ids")],
    session: Session = Depends(read_session),
) -> list[CatalogueEntry]:
    """Up to five listed services side by side."""
    return [CatalogueEntry.model_validate(s) for s in services_catalogue.compare(session, ids)]


@public.get("/catalogue/export")
def export(
    query: Annotated[CatalogueQuery, Query()],
    format: Literal["csv", "xlsx"] = Query(default="csv"),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> Response:
    """The search result to keep (CSV or XLSX); a cell that begins like a formula is escaped."""
    found = services_catalogue.search(session, query, limit=5000)
    today = clock.today(ctx.settings)
    name = f"catalogue-{today.isoformat()}.{format}"
    if format == "xlsx":
        body, media = services_catalogue.export_xlsx(found, searched_on=today), XLSX
    else:
        body, media = services_catalogue.export_csv(found), "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@public.get("/postings", response_model=list[PublicPosting])
def public_postings(
    ctx: AppContext = Depends(context), session: Session = Depends(read_session)
) -> list[PublicPosting]:
    """Nonconformance postings public today (no sign-in)."""
    return [
        PublicPosting(
            id=p.id,
            service_name=p.service.name,
            company_name=p.service.company_name,
            selection_number=p.service.selection_number,
            reason=p.reason,
            decision_date=p.decision_date,
            start_date=p.start_date,
            end_date=p.end_date,
            document_id=p.document_id,
        )
        for p in postings_service.current_postings(session, settings=ctx.settings)
    ]


@public.get("/documents/{document_id}", response_class=FileResponse)
def public_document(
    document_id: Id,
    format: Literal["docx", "pdf", "hwpx"] = Query(default="pdf"),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> FileResponse:
    """A public document (a posting) as PDF, DOCX or HWPX (한글)."""
    found = documents.download(
        session, actor=None, document_id=document_id, fmt=format, settings=ctx.settings, blobs=ctx.blobs
    )
    return blob_response(ctx, found.sha256, filename=found.filename, media_type=found.media_type)
