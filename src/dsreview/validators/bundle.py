"""Checking one application bundle: every rule of DOMAIN §6, in order, into one `Report`."""

from __future__ import annotations

from datetime import date

from dsreview.domain import CRITERIA, ExtractedDocument, Finding, Report, Status
from dsreview.domain.business import BusinessCheck
from dsreview.forms import Policy
from dsreview.forms.messages import blocks_complete
from dsreview.validators.context import Context, as_date
from dsreview.validators.criteria.category import check_reseller, criterion_1
from dsreview.validators.criteria.management import criterion_2_1
from dsreview.validators.criteria.operations import sla_criterion
from dsreview.validators.criteria.sanctions import criterion_2_2
from dsreview.validators.criteria.security import criterion_3_1
from dsreview.validators.identifiers import check_identifiers
from dsreview.validators.identity import Applicant, check_applicant, check_identity
from dsreview.validators.required import check_required
from dsreview.validators.sanctions import Sanction
from dsreview.validators.schema import check_schemas
from dsreview.validators.validity import check_document_age


def application_date_of(documents: list[ExtractedDocument], given: date | None, today: date) -> date:
    """The date the rules are judged on: the one given, else the application form's, else today."""
    if given is not None:
        return given
    for doc in documents:
        if doc.type == "application_form":
            found = as_date(doc.fields.get("application_date"))
            if found:
                return found
    return today


def check_form_date(ctx: Context) -> None:
    """A form dated otherwise than the reference date (the receipt date in the service) is noted:
    the documents are judged on the reference date, never on a date the vendor typed."""
    typed = ctx.date("application_form", "application_date")
    if typed is not None and typed != ctx.application_date:
        ctx.add(
            "application_date_differs",
            document="application_form",
            field="application_date",
            value=ctx.fmt(typed),
            date=ctx.fmt(ctx.application_date),
        )


def check_bundle(
    documents: list[ExtractedDocument],
    *,
    application_date: date,
    policy: Policy,
    sanctions: list[Sanction] | None,
    file_findings: list[Finding] | None = None,
    lang: str = "ko",
    applicant: Applicant | None = None,
    business: BusinessCheck | None = None,
    rehabilitation: str = "",
) -> Report:
    """The report on one bundle judged on `application_date`. The service also gives the applying
    account's company, the business status it looked up and a rehabilitation staff recorded."""
    ctx = Context(documents=documents, application_date=application_date, policy=policy, lang=lang)
    ctx.findings.extend(file_findings or [])
    check_required(ctx)
    check_schemas(ctx)
    check_identifiers(ctx)
    check_identity(ctx)
    if applicant is not None:
        check_applicant(ctx, applicant)
    check_form_date(ctx)
    check_document_age(ctx)
    check_reseller(ctx)
    criteria: dict[str, Status] = {
        "1": criterion_1(ctx),
        "2-1": criterion_2_1(ctx, business, rehabilitation),
        "2-2": criterion_2_2(ctx, sanctions),
        "3-1": criterion_3_1(ctx),
        "3-2": sla_criterion(ctx, "3-2"),
        "3-3": sla_criterion(ctx, "3-3"),
    }
    assert tuple(criteria) == CRITERIA
    return Report(
        application_date=application_date,
        complete=not any(blocks_complete(f) for f in ctx.findings),
        documents=documents,
        findings=ctx.findings,
        criteria=criteria,
        policy_version=policy.version,
    )
