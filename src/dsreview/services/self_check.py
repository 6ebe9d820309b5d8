"""The vendor's 품질적합성 자가점검 보고서, read by the engine like any other document: extracted,
validated against its schema and check digits, and compared with the service it is about. The job
runs in three steps (`begin` read, `read` the engine, `record` write); staff see the result beside
the month's check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.domain import Finding
from dsreview.domain.identifiers import digits_of
from dsreview.forms import load_policy
from dsreview.services.admission import service_key
from dsreview.services.check import extract_files
from dsreview.store import BlobStore
from dsreview.store.repositories import OrganisationRepository, QualityCheckRepository, ServiceRepository
from dsreview.validators.context import Context
from dsreview.validators.identifiers import check_identifiers
from dsreview.validators.schema import check_schemas

DOC = "quality_self_check"


@dataclass(frozen=True, slots=True)
class SelfCheckInput:
    check_id: int
    sha256: str
    name: str
    service_name: str
    selection_number: str
    brn: str | None


def begin(session: Session, *, check_id: int) -> SelfCheckInput | None:
    check = QualityCheckRepository(session).get(check_id)
    if check is None or not check.self_check_sha256:
        return None
    service = ServiceRepository(session).get(check.service_id)
    if service is None:
        return None
    org = OrganisationRepository(session).get(service.organisation_id)
    return SelfCheckInput(
        check_id=check.id,
        sha256=check.self_check_sha256,
        name=check.self_check_name or "self-check.pdf",
        service_name=service.name,
        selection_number=service.selection_number,
        brn=org.brn if org else None,
    )


def _compare(ctx: Context, job: SelfCheckInput) -> None:
    facts = (
        ("selection_number", job.selection_number, lambda v: v.replace(" ", "")),
        ("business_registration_number", job.brn, digits_of),
        ("service_name", job.service_name, service_key),
    )
    for field, ours, key in facts:
        value = ctx.value(DOC, field)
        if ours and isinstance(value, str) and value.strip() and key(value) != key(ours):
            ctx.add("self_check_mismatch", document=DOC, field=field, value=value, detail=ours)


def read(job: SelfCheckInput, *, settings: Settings, blobs: BlobStore, today: date) -> dict[str, Any]:
    """What the engine found in the report (stored as the check's `self_check_report`)."""
    with blobs.materialise([(job.sha256, job.name)]) as paths:
        documents, file_findings = extract_files(paths, settings=settings, names=[job.name])
    report = next((d for d in documents if d.type == DOC), None)
    ctx = Context(
        documents=[report] if report else [], application_date=today, policy=load_policy(settings.policy_file)
    )
    ctx.findings.extend(file_findings)
    if report is None:
        ctx.add("self_check_missing", source=job.name)
    else:
        check_schemas(ctx)
        check_identifiers(ctx)
        _compare(ctx, job)
        items = report.fields.get("items") or []
        failed = [
            str(i.get("item")) for i in items if isinstance(i, dict) and i.get("result") == "nonconform"
        ]
        if failed or report.fields.get("overall_result") == "nonconform":
            ctx.add("self_check_nonconforming", document=DOC, detail=", ".join(failed) or "종합 결과 부적합")
    return {
        "read_on": today.isoformat(),
        "found": report is not None,
        "fields": dict(report.fields) if report else {},
        "overall_result": report.fields.get("overall_result") if report else None,
        "findings": [f.model_dump(mode="json") for f in ctx.findings],
    }


def record(session: Session, *, job: SelfCheckInput, result: dict[str, Any]) -> bool:
    check = QualityCheckRepository(session).get(job.check_id)
    if check is None or check.self_check_sha256 != job.sha256:
        return False  # another report was submitted meanwhile
    check.self_check_report = result
    return True


def findings_of(result: dict[str, Any] | None) -> list[Finding]:
    return [Finding.model_validate(f) for f in (result or {}).get("findings", [])]
