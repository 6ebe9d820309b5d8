"""From validated data to a template's context: the sender, the policy periods, computed values.

Each kind may add what its document shows but its data does not carry (a deadline and whether it
was met, a tally of reviewers' results) and refuse data that is valid JSON but not a valid
document (a posting shorter than the minimum): such refusals are `DataValidationError`s with the
pointer of the field at fault, like schema errors.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from dsreview.config import Settings
from dsreview.errors import DataValidationError
from dsreview.forms import Policy, load_policy
from dsreview.templates.filters import kdate, label
from dsreview.validators import periods

Context = dict[str, Any]


def _d(value: str) -> date:
    return date.fromisoformat(value)


def _refuse(pointer: str, message: str) -> DataValidationError:
    return DataValidationError(
        f"입력 데이터가 올바르지 않습니다 (invalid data) {pointer}: {message}", pointer=pointer
    )


def _not_before(later: str, earlier: str, pointer: str, what: str) -> None:
    if _d(later) < _d(earlier):
        raise _refuse(pointer, f"{what}({kdate(later)})이(가) {kdate(earlier)}보다 앞설 수 없습니다")


def _org_address(settings: Settings) -> str:
    org = settings.organisation
    if org.address.startswith(f"({org.postal_code})") or not org.postal_code:
        return org.address
    return f"우 {org.postal_code} {org.address}"


def base_context(settings: Settings, policy: Policy) -> Context:
    """What every template may print besides its data: the sender and the policy periods."""
    return {
        "org": settings.organisation.model_dump(),
        "org_address": _org_address(settings),
        "periods": dict(policy.section("periods")),
    }


def _end_mark(data: dict[str, Any]) -> str:
    # `끝.` follows the body's last sentence, two spaces after it, unless attachments follow.
    return "" if data.get("attachments") else "  끝."


def _letter(data: dict[str, Any], policy: Policy) -> Context:
    return {"end_mark": _end_mark(data)}


def _supplement_request(data: dict[str, Any], policy: Policy) -> Context:
    _not_before(data["due_date"], data["issue_date"], "/due_date", "보완 기한")
    return _letter(data, policy)


def _nonconformance_posting(data: dict[str, Any], policy: Policy) -> Context:
    start, end = _d(data["posting_start"]), _d(data["posting_end"])
    minimum = periods.minimum_posting_end(start, policy=policy)
    if end < minimum:
        days = policy.period("posting_min_days")
        raise _refuse(
            "/posting_end",
            f"게시 종료일({kdate(end)})이 최소 게시 기간 {days}일에 못 미칩니다 "
            f"({kdate(minimum)} 이후여야 합니다)",
        )
    return {**_letter(data, policy), "posting_days": periods.days_between(start, end)}


def _contract_info(data: dict[str, Any], policy: Policy) -> Context:
    _not_before(data["period"]["end"], data["period"]["start"], "/period/end", "계약 종료일")
    _not_before(data["registration_date"], data["contract_date"], "/registration_date", "등록일")
    deadline = periods.contract_registration_deadline(_d(data["contract_date"]), policy=policy)
    days = policy.period("contract_registration_days")
    context: Context = {
        "registration_deadline": deadline.isoformat(),
        "registration_met": _d(data["registration_date"]) <= deadline,
        "registration_rule": f"계약일부터 {days}일 이내 (말일이 토요일·공휴일이면 다음 날)",
        "change_deadline": None,
        "change_met": None,
    }
    change = data.get("change")
    if change:
        _not_before(change["change_date"], data["contract_date"], "/change/change_date", "변경일")
        _not_before(
            change["registration_date"], change["change_date"], "/change/registration_date", "변경 등록일"
        )
        if change.get("period"):
            _not_before(
                change["period"]["end"], change["period"]["start"], "/change/period/end", "변경 후 종료일"
            )
        change_deadline = periods.contract_change_deadline(_d(change["change_date"]), policy=policy)
        context["change_deadline"] = change_deadline.isoformat()
        context["change_met"] = _d(change["registration_date"]) <= change_deadline
    return context


def _review_opinion(data: dict[str, Any], policy: Policy) -> Context:
    _not_before(data["due_date"], data["issue_date"], "/due_date", "검토 기한")
    return {}


def _review_report(data: dict[str, Any], policy: Policy) -> Context:
    ids = [c["id"] for c in data["criteria"]]
    for i, reviewer in enumerate(data["reviewers"]):
        for key in reviewer["results"]:
            if key not in ids:
                raise _refuse(
                    f"/reviewers/{i}/results/{key}", f"심사 기준 목록(criteria)에 없는 기준입니다: {key}"
                )
    tally = []
    for criterion in data["criteria"]:
        results = [r["results"].get(criterion["id"]) for r in data["reviewers"]]
        ok, ko, na = (results.count(v) for v in ("suitable", "unsuitable", "not_applicable"))
        if ok > ko:
            verdict = label("suitable", "result")
        elif ko > ok:
            verdict = label("unsuitable", "result")
        elif ok:
            verdict = "가부 동수"
        else:
            verdict = label("not_applicable", "result") if na else "—"
        tally.append({**criterion, "suitable": ok, "unsuitable": ko, "not_applicable": na, "result": verdict})
    return {"tally": tally}


_BUILDERS: dict[str, Callable[[dict[str, Any], Policy], Context]] = {
    "selection_notice": _letter,
    "supplement_request": _supplement_request,
    "nonconformance_posting": _nonconformance_posting,
    "contract_info": _contract_info,
    "review_opinion": _review_opinion,
    "review_report": _review_report,
}


def build_context(kind: str, data: dict[str, Any], *, settings: Settings) -> Context:
    """The full context of a template: data (optional fields present), sender, periods, computed."""
    policy = load_policy(settings.policy_file)
    extra = _BUILDERS[kind](data, policy)
    return {**base_context(settings, policy), **data, **extra}
