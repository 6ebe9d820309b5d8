"""One extractor per document type, kept in one registry."""

from __future__ import annotations

from dsreview.extractors.base import Extractor
from dsreview.extractors.types.business_registration import BusinessRegistrationExtractor
from dsreview.extractors.types.catalogue import CatalogueExtractor
from dsreview.extractors.types.corporate_registry import CorporateRegistryExtractor
from dsreview.extractors.types.credit_rating import CreditRatingExtractor
from dsreview.extractors.types.csap_certificate import CsapCertificateExtractor
from dsreview.extractors.types.free_text import FreeTextExtractor
from dsreview.extractors.types.quality_self_check import QualitySelfCheckExtractor
from dsreview.extractors.types.reseller_agreement import ResellerAgreementExtractor

EXTRACTORS: dict[str, Extractor] = {
    "application_form": CatalogueExtractor("application_form"),
    "corporate_registry": CorporateRegistryExtractor(),
    "business_registration": BusinessRegistrationExtractor(),
    "credit_rating": CreditRatingExtractor(),
    "service_overview": FreeTextExtractor("service_overview"),
    "capability_evidence": FreeTextExtractor("capability_evidence"),
    "csap_certificate": CsapCertificateExtractor(),
    "sla_policy": CatalogueExtractor("sla_policy"),
    "reseller_agreement": ResellerAgreementExtractor(),
    "quality_self_check": QualitySelfCheckExtractor(),
    "unknown": FreeTextExtractor("unknown"),
}
