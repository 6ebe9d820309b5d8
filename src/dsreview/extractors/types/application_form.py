"""디지털서비스 심사 신청서."""

from __future__ import annotations

import re

from dsreview.extractors.base import Fields
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines

# (a dot of the domain may be read as a comma: `co,kr`)
_EMAIL = re.compile(r"[\w.+\-]+\s*@\s*[\w\-]+(?:\s*\.\s*[\w\-]+|,[a-z]{2,3}\b)+")
_PHONE = re.compile(r"(?<!\d)(0\d{1,2})\s*[-)\s.]\s*(\d{3,4})\s*[-\s.]\s*(\d{4})(?!\d)")


def email(text: str) -> str | None:
    m = _EMAIL.search(text)
    return re.sub(r"\s+", "", m.group(0)).replace(",", ".") if m else None


def phone(text: str) -> str | None:
    m = _PHONE.search(text)
    return "-".join(m.groups()) if m else None


class ApplicationFormExtractor:
    doc_type = "application_form"

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        return {
            "company_name": r.company("company_name"),
            "representative": r.name("representative"),
            "business_registration_number": r.identifier("business_registration_number", "brn"),
            "address": r.address("address"),
            "contact_name": r.name("contact_name"),
            "contact_phone": r.text("contact_phone", clean=phone)
            or r.anywhere("contact_phone", phone, near="contact_name"),
            "contact_email": r.text("contact_email", clean=email)
            or r.anywhere("contact_email", email, near="contact_name"),
            "service_name": r.text("service_name"),
            "service_category": r.option("service_category"),
            "service_model": r.option("service_model"),
            "support_type": r.option("support_type"),
            "provider_type": r.option("provider_type"),
            "education_exempt": r.boolean("education_exempt"),
            "application_date": r.date("application_date") or r.standalone_date(last=False),
        }
