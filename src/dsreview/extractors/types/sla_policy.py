"""서비스 수준 정책서."""

from __future__ import annotations

from dsreview.extractors.base import Fields
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines


class SlaPolicyExtractor:
    doc_type = "sla_policy"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        return {
            "service_name": r.text("service_name"),
            "availability_percent": r.percent("availability_percent"),
            "monitoring": r.boolean("monitoring"),
            "backup_frequency": r.text("backup_frequency"),
            "rto_hours": r.hours("rto_hours"),
            "rpo_hours": r.hours("rpo_hours"),
            "support_hours": r.text("support_hours"),
            "response_time_hours": r.hours("response_time_hours"),
        }
