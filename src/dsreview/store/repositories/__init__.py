"""Repositories: every query of dsreview lives here, one class per aggregate."""

from dsreview.store.repositories.applications import (
    ApplicationRepository,
    AssignmentRepository,
    RoundRepository,
)
from dsreview.store.repositories.catalogue import (
    ContractRepository,
    PostingRepository,
    QualityCheckRepository,
    ServiceChangeRepository,
    ServiceEventRepository,
    ServiceRepository,
)
from dsreview.store.repositories.people import OrganisationRepository, UserRepository
from dsreview.store.repositories.records import (
    AuditRepository,
    DocumentRepository,
    JobRepository,
    SanctionsRepository,
)

__all__ = [
    "ApplicationRepository",
    "AssignmentRepository",
    "AuditRepository",
    "ContractRepository",
    "DocumentRepository",
    "JobRepository",
    "OrganisationRepository",
    "PostingRepository",
    "QualityCheckRepository",
    "RoundRepository",
    "SanctionsRepository",
    "ServiceChangeRepository",
    "ServiceEventRepository",
    "ServiceRepository",
    "UserRepository",
]
