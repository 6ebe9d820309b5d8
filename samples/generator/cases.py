"""The sample cases: every document type and decision path of DOMAIN §6, with what we expect."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .bundle import Bundle, make_bundle
from .fakes import make_brn, make_crn, make_vendor

BASE = {"1": "pass", "2-1": "pass", "2-2": "pass", "3-1": "exempt", "3-2": "pass", "3-3": "pass"}
NO_CLOUD = {"1": "pass", "2-1": "pass", "2-2": "pass", "3-1": "review", "3-2": "review", "3-3": "review"}


@dataclass
class Packaging:
    mode: str = "separate"  # separate | merged | shuffled | images
    scanned: bool | set[str] = False
    omit: set[str] = field(default_factory=set)
    unknown_pages: int = 0
    hostile: list[str] = field(default_factory=list)
    heavy: bool = False


@dataclass
class Case:
    id: str
    title: str
    bundle: Bundle
    packaging: Packaging
    complete: bool
    findings: list[str]
    criteria: dict[str, str]


def crit(base: dict[str, str] = BASE, **changes: str) -> dict[str, str]:
    out = dict(base)
    out.update({k.replace("_", "-").removeprefix("c"): v for k, v in changes.items()})
    return out


CaseFn = Callable[[random.Random], Case]
CASES: list[CaseFn] = []


def case(fn: CaseFn) -> CaseFn:
    CASES.append(fn)
    return fn


def D(y: int, m: int, d: int) -> date:
    return date(y, m, d)


@case
def s01(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 3, 15), model="SaaS")
    return Case("S01", "clean text, one file per document (8 files)", b, Packaging(), True, [], crit())


@case
def s02(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 4, 22), model="IaaS")
    return Case("S02", "clean text, one merged PDF in order", b, Packaging(mode="merged"), True, [], crit())


@case
def s03(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 6, 3), model="PaaS")
    b.docs["corporate_registry"].variant = 1  # two pages
    b.docs["sla_policy"].variant = 2  # two pages
    return Case(
        "S03",
        "clean text, merged and shuffled, multi-page documents",
        b,
        Packaging(mode="shuffled"),
        True,
        [],
        crit(),
    )


@case
def s04(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 7, 1))
    return Case(
        "S04",
        "every document scanned (tilt, blur, noise, JPEG 200 dpi), one file each",
        b,
        Packaging(scanned=True),
        True,
        [],
        crit(),
    )


@case
def s05(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 8, 19), model="IaaS")
    return Case(
        "S05",
        "scanned, one merged PDF shuffled",
        b,
        Packaging(mode="shuffled", scanned=True),
        True,
        [],
        crit(),
    )


@case
def s06(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 9, 9))
    return Case(
        "S06",
        "image files (PNG, JPEG, TIFF) of scanned documents",
        b,
        Packaging(mode="images"),
        True,
        [],
        crit(),
    )


@case
def s07(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 10, 14))
    return Case(
        "S07",
        "text and scanned documents mixed",
        b,
        Packaging(scanned={"corporate_registry", "business_registration", "csap_certificate"}),
        True,
        [],
        crit(),
    )


@case
def s08(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 11, 4))
    stem = b.vendor.stem
    b.fields("application_form")["company_name"] = f"㈜{stem}"
    b.fields("credit_rating")["company_name"] = f"( 주 ){stem}"
    b.fields("business_registration")["company_name"] = f"{stem} 주식회사"
    if "csap_certificate" in b.docs:
        b.fields("csap_certificate")["company_name"] = f"{stem}(주)"
    return Case(
        "S08",
        "company name printed as ㈜, ( 주 ), 주식회사 and (주): one company",
        b,
        Packaging(),
        True,
        [],
        crit(),
    )


@case
def s09(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 12, 2), rating="BB")
    b.docs["credit_rating"].ctx["grade_zero"] = True
    b.docs["credit_rating"].scanned = True
    return Case("S09", "credit grade printed BB0 (scanned certificate)", b, Packaging(), True, [], crit())


@case
def s10(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 1, 20))
    c = b.fields("credit_rating")
    c["evaluation_date"] = c["valid_from"] = D(2023, 11, 10)
    c["settlement_date"] = D(2022, 12, 31)
    c["valid_until"] = D(2024, 11, 9)
    return Case(
        "S10",
        "expired credit rating certificate",
        b,
        Packaging(),
        False,
        ["credit_rating_expired"],
        crit(c2_1="review"),
    )


@case
def s11(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 2, 17))
    c = b.fields("csap_certificate")
    c["issue_date"] = c["valid_from"] = D(2019, 11, 1)
    c["valid_until"] = D(2024, 10, 31)
    c["grade"] = "표준" if c["certification_type"] == "SaaS" else None
    c["certificate_number"] = "CSAP-2019-S-017"
    return Case(
        "S11", "expired CSAP certificate", b, Packaging(), False, ["csap_expired"], crit(c3_1="review")
    )


@case
def s12(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 3, 10), founded_years_ago=1.6, rating="CCC")
    return Case(
        "S12",
        "startup (founded 1.6 years ago) rated CCC: exemption",
        b,
        Packaging(),
        True,
        ["startup_exemption_applied"],
        crit(c2_1="exempt"),
    )


@case
def s13(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 4, 7), founded_years_ago=9, rating="CCC+")
    return Case(
        "S13",
        "established company rated CCC+: below threshold",
        b,
        Packaging(),
        True,
        ["credit_rating_below_threshold"],
        crit(c2_1="fail"),
    )


@case
def s14(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 5, 12), education=True)
    return Case(
        "S14",
        "education service for schools without CSAP",
        b,
        Packaging(),
        True,
        ["csap_exempt_education"],
        crit(c3_1="review"),
    )


@case
def s15(rng: random.Random) -> Case:
    b = make_bundle(
        rng, application_date=D(2025, 6, 16), category="cloud_support", model=None, support="consulting"
    )
    return Case(
        "S15", "cloud support (consulting) without CSAP or SLA", b, Packaging(), True, [], crit(NO_CLOUD)
    )


@case
def s16(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 7, 21), category="convergence", model=None)
    return Case("S16", "convergence service", b, Packaging(mode="merged"), True, [], crit(NO_CLOUD))


@case
def s17(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 8, 25), provider="reseller")
    return Case("S17", "reseller with its agreement", b, Packaging(), True, [], crit())


@case
def s18(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 9, 15), provider="reseller")
    return Case(
        "S18",
        "reseller without its agreement",
        b,
        Packaging(omit={"reseller_agreement"}),
        False,
        ["missing_document:reseller_agreement"],
        crit(c1="review"),
    )


@case
def s19(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 10, 20), provider="reseller")
    b.fields("reseller_agreement")["reseller_brn"] = make_brn(rng)
    b.fields("reseller_agreement")["reseller_name"] = "주식회사 다른중개"
    return Case(
        "S19",
        "reseller agreement of another reseller",
        b,
        Packaging(),
        False,
        ["reseller_agreement_mismatch"],
        crit(c1="review"),
    )


@case
def s20(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 11, 17), provider="reseller")
    r = b.fields("reseller_agreement")
    r["agreement_date"] = r["valid_from"] = D(2023, 6, 1)
    r["valid_until"] = D(2025, 5, 31)
    return Case(
        "S20",
        "reseller agreement expired",
        b,
        Packaging(),
        False,
        ["reseller_agreement_expired"],
        crit(c1="review"),
    )


@case
def s21(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 12, 8))
    b.fields("sla_policy")["rpo_hours"] = None
    b.fields("sla_policy")["response_time_hours"] = None
    return Case(
        "S21",
        "SLA without RPO and response time",
        b,
        Packaging(),
        True,
        ["sla_metric_missing"],
        crit(c3_2="review", c3_3="review"),
    )


@case
def s22(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 1, 12))
    good = b.fields("application_form")["business_registration_number"]
    digits = good.replace("-", "")
    bad = digits[:9] + str((int(digits[9]) + 3) % 10)
    b.fields("application_form")["business_registration_number"] = f"{bad[:3]}-{bad[3:5]}-{bad[5:]}"
    return Case(
        "S22",
        "business registration number with a bad check digit on the form",
        b,
        Packaging(),
        False,
        ["invalid_identifier"],
        crit(),
    )


@case
def s23(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 2, 9))
    b.vendor.extra["sanction"] = (D(2025, 12, 1), D(2026, 5, 31), "입찰 관련 서류 위조")
    return Case(
        "S23",
        "vendor under sanction on the application date",
        b,
        Packaging(),
        True,
        ["sanctioned_vendor"],
        crit(c2_2="fail"),
    )


@case
def s24(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 3, 16))
    b.vendor.extra["sanction"] = (D(2025, 3, 1), D(2025, 8, 31), "계약 불이행")
    return Case("S24", "vendor whose sanction ended before the application", b, Packaging(), True, [], crit())


@case
def s25(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 4, 13))
    return Case(
        "S25",
        "credit rating and capability evidence missing",
        b,
        Packaging(omit={"credit_rating", "capability_evidence"}),
        False,
        ["missing_document:credit_rating", "missing_document:capability_evidence"],
        crit(c2_1="review"),
    )


@case
def s26(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 5, 18))
    return Case(
        "S26",
        "merged file with pages of no known type",
        b,
        Packaging(mode="shuffled", unknown_pages=2),
        True,
        ["unclassified_document"],
        crit(),
    )


@case
def s27(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 6, 15))
    other = make_vendor(rng, today=b.application_date)
    brc = b.fields("business_registration")
    brc.update(
        {
            "registration_number": other.brn,
            "company_name": other.name("full"),
            "corporate_registration_number": make_crn(rng),
        }
    )
    return Case(
        "S27",
        "business registration of another company",
        b,
        Packaging(),
        False,
        ["identity_mismatch"],
        crit(),
    )


@case
def s28(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 7, 20), rating="NR")
    return Case(
        "S28",
        "credit certificate says NR (not rated)",
        b,
        Packaging(),
        True,
        ["credit_rating_unrated"],
        crit(c2_1="review"),
    )


@case
def s29(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 8, 24))
    b.fields("corporate_registry")["issue_date"] = b.application_date - timedelta(days=160)
    return Case(
        "S29",
        "corporate registry issued 160 days before the application",
        b,
        Packaging(),
        False,
        ["document_expired:corporate_registry"],
        crit(),
    )


@case
def s30(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 9, 21))
    b.fields("csap_certificate")["service_name"] = "통합 보안관제 플랫폼"
    return Case(
        "S30",
        "CSAP certificate of another service",
        b,
        Packaging(),
        True,
        ["csap_service_mismatch"],
        crit(c3_1="review"),
    )


@case
def s31(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2024, 5, 27), model="IaaS")
    b.docs["corporate_registry"].variant = 1
    b.docs["service_overview"].variant = 1
    return Case(
        "S31",
        "heavier scans, multi-page documents, merged and shuffled",
        b,
        Packaging(mode="shuffled", scanned=True, heavy=True),
        True,
        [],
        crit(),
    )


@case
def s32(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 2, 3))
    c = b.fields("credit_rating")
    c["evaluation_date"] = c["valid_from"] = D(2024, 2, 20)
    c["settlement_date"] = D(2023, 12, 31)
    c["valid_until"] = D(2025, 2, 19)
    return Case(
        "S32",
        "credit certificate expiring within 30 days",
        b,
        Packaging(),
        True,
        ["credit_rating_expiring"],
        crit(),
    )


@case
def s33(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 6, 30))
    return Case(
        "S33",
        "an encrypted PDF and a truncated PDF in the bundle",
        b,
        Packaging(hostile=["encrypted", "truncated"]),
        False,
        ["unreadable_document"],
        crit(),
    )


@case
def s34(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2025, 9, 1))
    b.fields("sla_policy")["monitoring"] = False
    return Case(
        "S34",
        "SLA says monitoring information is not provided",
        b,
        Packaging(),
        True,
        ["sla_metric_missing"],
        crit(c3_2="review"),
    )


@case
def s35(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 10, 5), provider="reseller", model="PaaS")
    return Case(
        "S35",
        "reseller bundle scanned, merged in order",
        b,
        Packaging(mode="merged", scanned=True),
        True,
        [],
        crit(),
    )


@case
def s36(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 2, 23), education=True)
    from .bundle import make_csap

    b.docs["csap_certificate"] = make_csap(
        rng, b.vendor, b.fields("application_form")["service_name"], "SaaS", b.application_date
    )
    b.docs["csap_certificate"].ctx["date_style"] = "dot"
    return Case("S36", "education service that submits a valid CSAP anyway", b, Packaging(), True, [], crit())


@case
def s37(rng: random.Random) -> Case:
    b = make_bundle(rng, application_date=D(2026, 4, 27))
    return Case(
        "S37",
        "application form missing",
        b,
        Packaging(omit={"application_form"}),
        False,
        ["missing_document:application_form"],
        crit(c1="review"),
    )


def sanctions_rows(cases: list[Case]) -> list[dict[str, Any]]:
    rows = []
    for c in cases:
        s = c.bundle.vendor.extra.get("sanction")
        if s:
            rows.append(
                {
                    "business_registration_number": c.bundle.vendor.brn,
                    "company_name": c.bundle.vendor.name("full"),
                    "sanction_start": s[0].isoformat(),
                    "sanction_end": s[1].isoformat(),
                    "reason": s[2],
                }
            )
    return rows
