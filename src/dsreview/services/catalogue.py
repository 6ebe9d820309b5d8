"""The catalogue as agencies use it: search against requirements, compare, download the result.

The briefing's agency searches the 이용지원시스템 by its requirements, may compare several services
and may receive and keep the result (a download). What a service is searched by comes from its
current application's documents (`describe`) and from the details its vendor keeps up to date.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.errors import DataValidationError, NotFoundError
from dsreview.services.inputs import CatalogueQuery
from dsreview.store.models import Application, Service, utcnow
from dsreview.store.repositories import ServiceRepository
from dsreview.templates.filters import kdate, label
from dsreview.validators.context import as_date

MAX_COMPARE = 5
FORMULA_PREFIXES = ("=", "+", "-", "@")


def _fields(application: Application, doc_type: str) -> dict[str, Any]:
    for doc in (application.report or {}).get("documents", []):
        if doc.get("type") == doc_type:
            fields: dict[str, Any] = doc.get("fields") or {}
            return fields
    return {}


def describe(service: Service, application: Application) -> None:
    """Take the service's certificates from `application` (the selected one, or a re-review 적정)."""
    csap = _fields(application, "csap_certificate")
    credit = _fields(application, "credit_rating")
    service.current_application_id = application.id
    service.csap_type = (
        csap.get("certification_type") if isinstance(csap.get("certification_type"), str) else None
    )
    service.csap_grade = csap.get("grade") if isinstance(csap.get("grade"), str) else None
    service.csap_valid_until = as_date(csap.get("valid_until"))
    service.credit_valid_until = as_date(credit.get("valid_until"))
    service.updated_at = utcnow()


def search(
    session: Session, query: CatalogueQuery, *, limit: int = 200, offset: int = 0
) -> Sequence[Service]:
    """Listed services meeting the query, in selection order."""
    return ServiceRepository(session).search(
        status="listed",
        text=query.q,
        category=query.category,
        model=query.model,
        support_type=query.support_type,
        provider_type=query.provider_type,
        csap_type=query.csap_type,
        csap_grade=query.csap_grade,
        company=query.company,
        limit=limit,
        offset=offset,
    )


def compare(session: Session, service_ids: Sequence[int]) -> list[Service]:
    """Up to five listed services side by side, in the order asked."""
    wanted = list(dict.fromkeys(service_ids))
    if not wanted:
        raise DataValidationError("비교할 서비스를 선택해 주십시오.", pointer="/ids")
    if len(wanted) > MAX_COMPARE:
        raise DataValidationError(
            f"한 번에 {MAX_COMPARE}개까지 비교할 수 있습니다.", pointer="/ids", detail={"max": MAX_COMPARE}
        )
    found = {s.id: s for s in ServiceRepository(session).by_ids(wanted) if s.status == "listed"}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFoundError("카탈로그에 없는 서비스입니다.", detail={"service_ids": missing})
    return [found[i] for i in wanted]


# The columns of a comparison and of a download: (Korean heading, how a service shows it).
def _price(s: Service) -> str:
    if s.price is None:
        return ""
    return f"{s.price:,}원" + (f" ({s.price_unit})" if s.price_unit else "")


COLUMNS: tuple[tuple[str, Any], ...] = (
    ("서비스명", lambda s: s.name),
    ("기업명", lambda s: s.company_name),
    ("구분", lambda s: label(s.category, "service_category") if s.category else ""),
    ("서비스 모델", lambda s: s.model or ""),
    ("지원서비스 유형", lambda s: label(s.support_type, "support_type") if s.support_type else ""),
    ("제공자 유형", lambda s: label(s.provider_type, "provider_type") if s.provider_type else ""),
    ("CSAP 인증 유형", lambda s: s.csap_type or ""),
    ("CSAP 등급", lambda s: s.csap_grade or ""),
    ("CSAP 유효기간", lambda s: kdate(s.csap_valid_until) if s.csap_valid_until else ""),
    ("가격", _price),
    ("상세규격", lambda s: s.spec),
    ("담당자", lambda s: " ".join(p for p in (s.contact_name, s.contact_phone, s.contact_email) if p)),
    ("선정번호", lambda s: s.selection_number),
    ("선정일", lambda s: kdate(s.selection_date)),
)


def rows(services: Sequence[Service]) -> list[list[str]]:
    return [[str(show(s) or "") for _, show in COLUMNS] for s in services]


def headings() -> list[str]:
    return [heading for heading, _ in COLUMNS]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run: text that starts like a formula gets a leading quote."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def export_csv(services: Sequence[Service]) -> bytes:
    """UTF-8 with a BOM (so spreadsheet programs read Hangul), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings())
    for row in rows(services):
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(services: Sequence[Service], *, searched_on: date) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "검색 결과"
    sheet.append(headings())
    for row in rows(services):
        sheet.append([safe_cell(cell) for cell in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = "s"  # text, never a formula, whatever it starts with
    sheet.freeze_panes = "A2"
    book.properties.title = f"디지털서비스 카탈로그 검색 결과 ({searched_on.isoformat()})"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
