"""The tables of dsreview. Import from here; every model registers on `Base.metadata`."""

from dsreview.store.models.applications import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    Assignment,
    FieldCorrection,
    Opinion,
    Purpose,
    Round,
    RoundStatus,
)
from dsreview.store.models.base import Base, utcnow
from dsreview.store.models.catalogue import (
    Contract,
    ContractChange,
    ContractService,
    Posting,
    QualityCheck,
    Service,
    ServiceChange,
    ServiceEvent,
)
from dsreview.store.models.people import Organisation, OrganisationKind, Role, User
from dsreview.store.models.records import AuditEvent, GeneratedDocument, Job, SanctionsList

__all__ = [
    "Application",
    "ApplicationFile",
    "ApplicationStatus",
    "Assignment",
    "AuditEvent",
    "Base",
    "Contract",
    "ContractChange",
    "ContractService",
    "FieldCorrection",
    "GeneratedDocument",
    "Job",
    "Opinion",
    "Organisation",
    "OrganisationKind",
    "Posting",
    "Purpose",
    "QualityCheck",
    "Role",
    "Round",
    "RoundStatus",
    "SanctionsList",
    "Service",
    "ServiceChange",
    "ServiceEvent",
    "User",
    "utcnow",
]
