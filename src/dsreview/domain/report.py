"""The engine's report on a bundle: what `dsreview check --json` prints and the service stores."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from dsreview.domain.documents import ExtractedDocument
from dsreview.domain.findings import Finding, Status


class Report(BaseModel):
    application_date: date | None
    complete: bool
    documents: list[ExtractedDocument] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    criteria: dict[str, Status] = Field(default_factory=dict)
    policy_version: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
