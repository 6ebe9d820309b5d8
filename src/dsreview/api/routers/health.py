"""`GET /healthz`: 200 when the database answers at the current schema, the data directory takes a
write and the queue is reachable; else 503 naming which."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from dsreview.api.context import AppContext
from dsreview.api.deps import context
from dsreview.api.schemas import ErrorOut, Health
from dsreview.services import health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, responses={503: {"model": ErrorOut}})
def healthz(ctx: AppContext = Depends(context)) -> Health:
    state = health.check(ctx.db, ping_queue=ctx.queue.ping, storage=ctx.settings.blob_dir / "tmp")
    return Health(
        status="ok",
        database=state.database,
        schema_revision=state.revision,
        queue=state.queue,
        storage=state.storage,
    )
