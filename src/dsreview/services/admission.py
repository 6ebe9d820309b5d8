"""Whether a checked bundle is admitted: one application per service and round, none for a service
already selected (that is a change request). Runs when the check is recorded, the first moment the
service's name is known; a refused application keeps its report and says why."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from dsreview.domain import Report
from dsreview.forms.messages import finding
from dsreview.services import audit
from dsreview.store.models import Application, ApplicationStatus, Purpose
from dsreview.store.repositories import ApplicationRepository, ServiceRepository

S = ApplicationStatus
INACTIVE = (S.withdrawn, S.refused, S.not_selected)
LIVE_SERVICE = ("selected", "listed")


def service_key(name: str) -> str:
    """Names of one service compare equal whatever their spacing and case."""
    return re.sub(r"\s+", "", name).casefold()


def _twin(session: Session, application: Application, key: str) -> Application | None:
    siblings = ApplicationRepository(session).search(
        organisation_id=application.organisation_id, round_id=application.round_id, limit=1000
    )
    return next(
        (
            a
            for a in siblings
            if a.id != application.id
            and a.purpose == Purpose.selection
            and a.status not in INACTIVE
            and a.service_name
            and service_key(a.service_name) == key
        ),
        None,
    )


def admit(session: Session, *, application: Application, report: Report) -> bool:
    """Refuse `application` (status `refused`, a finding in its report) when it repeats an
    application of its round or a selected service. True when it is admitted."""
    if application.purpose != Purpose.selection or not application.service_name:
        return True
    key = service_key(application.service_name)
    twin = _twin(session, application, key)
    selected = next(
        (
            s
            for s in ServiceRepository(session).search(
                organisation_id=application.organisation_id, limit=1000
            )
            if s.status in LIVE_SERVICE and service_key(s.name) == key
        ),
        None,
    )
    if twin is None and selected is None:
        application.refusal = ""
        return True
    if selected is not None:
        found = finding(
            "duplicate_application",
            variant="selected",
            value=application.service_name,
            detail=selected.selection_number,
        )
    else:
        assert twin is not None
        found = finding("duplicate_application", value=application.service_name, detail=twin.number)
    report.findings.append(found)
    application.report = report.to_json_dict()
    application.status = S.refused
    application.refusal = found.message
    audit.record(
        session,
        actor=None,
        action="application.refused",
        subject_type="application",
        subject_id=application.id,
        data={
            "reason": "selected_service" if selected else "same_round",
            "other_application_id": twin.id if twin else None,
            "service_id": selected.id if selected else None,
        },
    )
    return False
