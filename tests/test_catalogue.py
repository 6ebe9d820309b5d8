"""Every document type has a schema, an extractor, a sample and a Korean title (STYLE habit 2)."""

from __future__ import annotations

import re

from jsonschema import Draft202012Validator

from dsreview.extractors.types import EXTRACTORS
from dsreview.forms import UNKNOWN, document_types, finding_specs, requirements, schema
from tests.corpus import case_ids, truth

TEN_TYPES = {
    "application_form",
    "corporate_registry",
    "business_registration",
    "credit_rating",
    "service_overview",
    "capability_evidence",
    "csap_certificate",
    "sla_policy",
    "reseller_agreement",
    "quality_self_check",
}


def test_the_ten_types_and_unknown() -> None:
    assert set(document_types()) == TEN_TYPES | {UNKNOWN}
    assert set(EXTRACTORS) == set(document_types())


def test_each_type_has_a_valid_schema_and_a_korean_title() -> None:
    for doc_type, spec in document_types().items():
        Draft202012Validator.check_schema(schema(doc_type))
        assert re.search(r"[가-힣]", spec.title), doc_type
        for name in spec.fields:
            assert name in schema(doc_type)["properties"], (doc_type, name)


def test_each_application_type_has_a_sample() -> None:
    seen = {d["type"] for c in case_ids() for d in truth(c)["documents"]}
    assert TEN_TYPES - {"quality_self_check"} <= seen


def test_required_table_names_known_types() -> None:
    for stage in ("application", "quality_check"):
        for req in requirements(stage):
            assert req.type in document_types()


def test_every_finding_code_of_the_domain_is_defined() -> None:
    codes = {
        "missing_document",
        "unreadable_document",
        "unclassified_document",
        "schema_violation",
        "invalid_identifier",
        "identity_mismatch",
        "document_expired",
        "credit_rating_expired",
        "credit_rating_below_threshold",
        "credit_rating_unrated",
        "startup_exemption_applied",
        "sanctioned_vendor",
        "sanctions_unavailable",
        "csap_expired",
        "csap_exempt_education",
        "csap_service_mismatch",
        "sla_metric_missing",
        "reseller_agreement_mismatch",
        "reseller_agreement_expired",
    }
    assert codes <= set(finding_specs())
    for spec in finding_specs().values():
        assert re.search(r"[가-힣]", spec.ko)
        assert spec.en
