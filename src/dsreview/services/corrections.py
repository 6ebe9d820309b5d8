"""Staff corrections of extracted values: kept with their history, and the bundle re-checked.

A correction is stored as a row (old value, new value, who, why); the check job applies every
correction, oldest first, to the engine's fresh extraction before the rules judge the bundle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jsonschema
from sqlalchemy.orm import Session

from dsreview.domain import ExtractedDocument
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.forms import document_types, schema
from dsreview.services import audit
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import request_recheck, visible_application
from dsreview.store.models import Application, ApplicationStatus, FieldCorrection, Role
from dsreview.store.repositories import ApplicationRepository

S = ApplicationStatus
CORRECTABLE_STATES = (S.checked, S.supplement_requested)


@dataclass(frozen=True, slots=True)
class Correction:
    document_type: str
    index: int
    field: str
    value: Any


def overlay(
    documents: Sequence[ExtractedDocument], corrections: Sequence[Correction]
) -> list[ExtractedDocument]:
    """The documents with the corrected values written over the extracted ones (oldest first)."""
    out = [d.model_copy(deep=True) for d in documents]
    for c in corrections:
        same_type = [d for d in out if d.type == c.document_type]
        if c.index < len(same_type):
            same_type[c.index].fields[c.field] = c.value
            same_type[c.index].evidence.pop(c.field, None)
    return out


def _validate_value(document_type: str, field: str, value: Any) -> None:
    spec = document_types().get(document_type)
    if spec is None or field not in spec.fields:
        raise DataValidationError(
            f"「{document_type}」 문서에는 '{field}' 항목이 없습니다.",
            pointer="/field",
            detail={"field": field},
        )
    field_schema = schema(document_type).get("properties", {}).get(field)
    if field_schema is None:
        return
    try:
        jsonschema.Draft202012Validator(
            field_schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).validate(value)
    except jsonschema.ValidationError as exc:
        raise DataValidationError(
            f"'{spec.label(field)}' 값의 형식이 올바르지 않습니다: {exc.message}",
            pointer="/value",
            detail={"field": field},
        ) from None


def correct_field(
    session: Session,
    *,
    actor: Actor,
    application_id: int,
    document_type: str,
    field: str,
    value: Any,
    document_index: int = 0,
    reason: str = "",
) -> Application:
    """Record a corrected value and start a re-check with it."""
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in CORRECTABLE_STATES or application.report is None:
        raise ConflictError(
            "서류 확인이 끝난 신청에서만 값을 고칠 수 있습니다.", detail={"status": application.status}
        )
    documents = [d for d in application.report.get("documents", []) if d.get("type") == document_type]
    if document_index < 0 or document_index >= len(documents):
        raise NotFoundError(
            "해당 문서를 찾을 수 없습니다.", detail={"document": document_type, "index": document_index}
        )
    _validate_value(document_type, field, value)
    old = documents[document_index].get("fields", {}).get(field)
    correction = FieldCorrection(
        application_id=application.id,
        document_type=document_type,
        document_index=document_index,
        field=field,
        old_value=old,
        new_value=value,
        reason=reason.strip(),
        corrected_by=actor.user_id,
    )
    session.add(correction)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="application.field_corrected",
        subject_type="application",
        subject_id=application.id,
        data={
            "correction_id": correction.id,
            "document": document_type,
            "index": document_index,
            "field": field,
            "old": old,
            "new": value,
        },
    )
    return request_recheck(session, actor=actor, application=application, reason="field_corrected")


def history(session: Session, *, actor: Actor, application_id: int) -> Sequence[FieldCorrection]:
    application = visible_application(session, actor=actor, application_id=application_id)
    return ApplicationRepository(session).corrections(application.id)
