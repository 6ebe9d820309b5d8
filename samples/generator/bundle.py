"""A bundle: one vendor's application documents as canonical fields (the truth) plus print context."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .company_docs import CATEGORY_LABELS
from .fakes import CREDIT_AGENCIES, REGISTRY_OFFICES, SERVICE_STEMS, Vendor, make_brn, make_vendor, person
from .printing import pick_date_style

ORDER = [
    "application_form",
    "corporate_registry",
    "business_registration",
    "credit_rating",
    "service_overview",
    "capability_evidence",
    "csap_certificate",
    "sla_policy",
    "reseller_agreement",
]
GOOD_GRADES = ["A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-"]
CAPABILITY_ITEMS = [
    "서비스 개발 및 기능 개선",
    "클라우드 인프라 운영",
    "보안 관리 및 보안인증 유지",
    "영업 및 계약",
    "1차 기술지원(헬프데스크)",
    "장애 대응 및 복구",
    "이용자 교육",
]


@dataclass
class DocSpec:
    type: str
    fields: dict[str, Any]
    ctx: dict[str, Any] = field(default_factory=dict)
    variant: int = 0
    scanned: bool = False
    family: str | None = None


@dataclass
class Bundle:
    vendor: Vendor
    application_date: date
    docs: dict[str, DocSpec]
    extra_docs: list[DocSpec] = field(default_factory=list)  # unknown pages, quality reports…

    def fields(self, doc_type: str) -> dict[str, Any]:
        return self.docs[doc_type].fields


def years_before(d: date, years: float) -> date:
    return d - timedelta(days=int(years * 365.25))


def years_validity(start: date, years: int = 1) -> date:
    """The last day of a validity of whole years from `start` (a 29 February start ends on
    28 February)."""
    try:
        return start.replace(year=start.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def one_year_validity(start: date) -> date:
    return years_validity(start, 1)


def service_name(rng: random.Random, stem: str) -> str:
    base = rng.choice(SERVICE_STEMS)
    return rng.choice(
        [f"{stem[:2]} {base}", f"{base} {rng.choice(['3.0', 'Pro', 'v2', '플러스'])}", f"{stem[:2]}{base}"]
    )


def make_bundle(
    rng: random.Random,
    *,
    application_date: date,
    category: str = "cloud_computing",
    model: str | None = "SaaS",
    support: str | None = None,
    provider: str = "original",
    education: bool = False,
    founded_years_ago: float | None = None,
    rating: str | None = None,
) -> Bundle:
    v = make_vendor(rng, founded_years_ago=founded_years_ago, today=application_date)
    svc = service_name(rng, v.stem)
    company_on_form = v.name()
    app = {
        "company_name": company_on_form,
        "representative": v.representative,
        "business_registration_number": v.brn,
        "address": v.address,
        "contact_name": v.contact_name,
        "contact_phone": v.contact_phone,
        "contact_email": v.contact_email,
        "service_name": svc,
        "service_category": category,
        "service_model": model if category == "cloud_computing" else None,
        "support_type": support if category == "cloud_support" else None,
        "provider_type": provider,
        "education_exempt": education,
        "application_date": application_date,
    }
    issue = application_date - timedelta(days=rng.randint(3, 40))
    directors = [person(rng) for _ in range(rng.randint(1, 2))]
    reps = [v.representative] + ([v.co_representative] if v.co_representative else [])
    registry = {
        "registry_number": v.registry_number,
        "corporate_registration_number": v.crn,
        "company_name": v.name("full"),
        "head_office": v.address,
        "incorporation_date": v.incorporation,
        "capital": v.capital,
        "representatives": reps,
        "purposes": v.purposes,
        "issue_date": issue,
        "registry_office": REGISTRY_OFFICES[v.city],
    }
    brc = {
        "registration_number": v.brn,
        "company_name": v.name(rng.choice(["full", "prefix"])),
        "representative": v.representative,
        "opening_date": v.opening,
        "corporate_registration_number": v.crn,
        "business_address": v.address,
        "head_office_address": v.address,
        "business_types": v.business_types,
        "business_items": v.business_items,
        "issue_date": issue - timedelta(days=rng.randint(0, 300)),
        "tax_office": v.tax_office,
    }
    evaluation = application_date - timedelta(days=rng.randint(20, 200))
    if date(evaluation.year + 1, 6, 30) < application_date:
        # a December rating on the year-before-last's accounts ran out on 30 June: a vendor applying
        # after that holds a newer one (no random draw here, so other seeds' cases stay as they were)
        evaluation = application_date - timedelta(days=20)
    settlement = date(evaluation.year - 1, 12, 31)
    agency, agency_full = rng.choice(CREDIT_AGENCIES)
    credit = {
        "agency": agency,
        "company_name": v.name(rng.choice(["prefix", "full", "symbol"])),
        "business_registration_number": v.brn,
        "rating": rating or rng.choice(GOOD_GRADES),
        "cash_flow_grade": rng.choice(["CF1", "CF2", "CF3", "CF4"]),
        "settlement_date": settlement,
        "evaluation_date": evaluation,
        "valid_from": evaluation,
        "valid_until": min(one_year_validity(evaluation), date(settlement.year + 2, 6, 30)),
    }
    docs = {
        "application_form": DocSpec("application_form", app),
        "corporate_registry": DocSpec(
            "corporate_registry",
            registry,
            {
                "directors": directors,
                "auditor": person(rng),
                "officer_date": years_before(application_date, 1.5),
                "shares_total": 1_000_000,
            },
        ),
        "business_registration": DocSpec("business_registration", brc),
        "credit_rating": DocSpec(
            "credit_rating",
            credit,
            {
                "cert_no": f"{evaluation.year}-{rng.randint(100000, 999999)}",
                "representative": v.representative,
                "crn": v.crn,
                "address": v.address,
                "issue_date": evaluation + timedelta(days=rng.randint(0, 10)),
                "agency_full": agency_full,
                "agency_ceo": person(rng),
            },
        ),
        "service_overview": DocSpec("service_overview", {}),
        "capability_evidence": DocSpec("capability_evidence", {}),
    }
    if category == "cloud_computing" and not education:
        docs["csap_certificate"] = make_csap(rng, v, svc, model or "SaaS", application_date)
    if category == "cloud_computing":
        docs["sla_policy"] = make_sla(rng, svc, company_on_form)
    if provider == "reseller":
        docs["reseller_agreement"] = make_reseller(rng, v, svc, application_date)
        # a reseller's CSAP belongs to the original provider
        if "csap_certificate" in docs:
            docs["csap_certificate"].fields["company_name"] = docs["reseller_agreement"].fields[
                "original_provider_name"
            ]
    common = {"service_name": svc, "company": company_on_form, "category_label": CATEGORY_LABELS[category]}
    for d in ("service_overview", "capability_evidence"):
        docs[d].ctx.update(common)
    for spec in docs.values():
        spec.variant = rng.randint(0, 2)
        spec.ctx.setdefault("date_style", pick_date_style(rng))
    return Bundle(vendor=v, application_date=application_date, docs=docs)


def make_csap(rng: random.Random, v: Vendor, svc: str, model: str, today: date) -> DocSpec:
    issue = today - timedelta(days=rng.randint(60, 1200))
    grade: str | None
    if model == "SaaS":
        grade = (
            rng.choice(["표준", "간편", "상", "중", "하"])
            if issue.year >= 2023
            else rng.choice(["표준", "간편"])
        )
    else:
        grade = rng.choice(["상", "중", None]) if issue.year >= 2023 else None
    fields = {
        "certificate_number": f"CSAP-{issue.year}-{model[0]}-{rng.randint(1, 300):03d}",
        "company_name": v.name(rng.choice(["prefix", "full"])),
        "service_name": svc,
        "certification_type": model,
        "grade": grade,
        "issue_date": issue,
        "valid_from": issue,
        "valid_until": years_validity(issue, 5),
        "issuer": "한국인터넷진흥원",
    }
    return DocSpec(
        "csap_certificate", fields, {"scope": f"{svc} 및 이를 운영하기 위한 클라우드 인프라, 관리 조직"}
    )


def make_sla(rng: random.Random, svc: str, company: str) -> DocSpec:
    fields = {
        "service_name": svc,
        "availability_percent": rng.choice([99.5, 99.9, 99.95, 99.99]),
        "monitoring": True,
        "backup_frequency": rng.choice(["일 1회", "매일 1회", "주 1회", "일 2회", "실시간 복제"]),
        "rto_hours": rng.choice([1, 2, 4, 8, 24]),
        "rpo_hours": rng.choice([0.5, 1, 4, 24]),
        "support_hours": rng.choice(["평일 09:00~18:00", "24시간 365일", "평일 09:00~21:00"]),
        "response_time_hours": rng.choice([0.5, 1, 2, 4]),
    }
    return DocSpec("sla_policy", fields, {"company": company})


def make_reseller(rng: random.Random, v: Vendor, svc: str, today: date) -> DocSpec:
    orig_stem = rng.choice(["글로벌클라우드", "코리아웹서비스", "오픈스택코리아", "스카이데이터센터"])
    start = today - timedelta(days=rng.randint(30, 300))
    split = []
    for item in CAPABILITY_ITEMS[: rng.randint(4, 7)]:
        resp = (
            "original"
            if "개발" in item or "인프라" in item or "보안" in item
            else ("reseller" if "영업" in item or "1차" in item or "교육" in item else "shared")
        )
        split.append({"item": item, "responsible": resp})
    fields = {
        "original_provider_name": f"주식회사 {orig_stem}",
        "original_provider_brn": make_brn(rng),
        "reseller_name": v.name(),
        "reseller_brn": v.brn,
        "service_name": svc,
        "agreement_date": start,
        "valid_from": start,
        "valid_until": years_validity(start, 2),
        "capability_split": split,
    }
    return DocSpec(
        "reseller_agreement", fields, {"original_rep": person(rng), "reseller_rep": v.representative}
    )
