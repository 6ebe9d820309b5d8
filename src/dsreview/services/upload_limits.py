"""Upload limits checked before anything is stored: the per-file limit (413 naming the file) and
the company's storage quota (every file its applications hold, replaced ones too)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import PayloadTooLargeError
from dsreview.store.repositories import ApplicationRepository

if TYPE_CHECKING:
    from dsreview.services.intake import IncomingFile


def _size(incoming: IncomingFile) -> int | None:
    """The upload's size without reading it (a spooled upload can seek), or None."""
    try:
        here = incoming.stream.tell()
        end = incoming.stream.seek(0, os.SEEK_END)
        incoming.stream.seek(here)
    except (OSError, AttributeError, ValueError):
        return None
    return end - here


def too_large(incoming: IncomingFile, limit: int) -> PayloadTooLargeError:
    mb = limit // (1024 * 1024)
    return PayloadTooLargeError(
        f"「{incoming.name}」 파일이 한 파일의 크기 제한({mb} MB)을 넘습니다.",
        detail={"file": incoming.name, "max_file_bytes": limit},
    )


def check_sizes(
    session: Session, files: Sequence[IncomingFile], *, settings: Settings, organisation_id: int | None
) -> None:
    """Before anything is stored: each file within the per-file limit, all within the company's quota."""
    limits = settings.limits
    sizes = [_size(f) for f in files]
    for incoming, size in zip(files, sizes, strict=True):
        if size is not None and size > limits.max_file_bytes:
            raise too_large(incoming, limits.max_file_bytes)
    if organisation_id is None:
        return
    used = ApplicationRepository(session).stored_bytes(organisation_id)
    adding = sum(s for s in sizes if s is not None)
    if used + adding > limits.vendor_quota_bytes:
        mb = limits.vendor_quota_bytes // (1024 * 1024)
        raise PayloadTooLargeError(
            f"기업의 저장 용량 한도({mb} MB)를 넘습니다. "
            f"이미 제출한 파일이 {used // (1024 * 1024)} MB입니다. 담당자에게 문의해 주십시오.",
            detail={"quota_bytes": limits.vendor_quota_bytes, "used_bytes": used, "adding_bytes": adding},
        )
