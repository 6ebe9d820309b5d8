"""The required-document table (forms/required.json) applied to a bundle → `missing_document`."""

from __future__ import annotations

from dsreview.forms import Requirement, title_of
from dsreview.forms import applicable as required_for
from dsreview.validators.context import Context


def applicable(ctx: Context, stage: str = "application") -> list[Requirement]:
    return required_for(ctx.application, stage)


def check_required(ctx: Context, stage: str = "application") -> list[str]:
    """Adds a finding per missing document; returns the missing types."""
    missing = []
    for req in applicable(ctx, stage):
        if ctx.doc(req.type) is None:
            missing.append(req.type)
            why = _why(req, ctx.lang)
            ctx.add("missing_document", document=req.type, detail=why)
    return missing


def _why(req: Requirement, lang: str) -> str:
    if not req.conditional:
        return ""
    reasons = {
        "service_category": {"cloud_computing": "클라우드컴퓨팅서비스로 신청하여"},
        "provider_type": {"reseller": "중개 제공자로 신청하여"},
    }
    for key, value in req.when.items():
        text = reasons.get(key, {}).get(str(value))
        if text and lang == "ko":
            return f"{text} {title_of(req.type)} 제출이 필요합니다. "
    return ""
