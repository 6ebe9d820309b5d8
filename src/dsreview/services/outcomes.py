"""What a quality finding leads to (briefing, 점검결과 조치방안): 적합 (nothing), 보완 (the vendor fixes a
minor gap by a date and the service stays listed), 부적합 (removed from the catalogue, its name and
reason posted for at least the policy's minimum days) or 재심사 요청 (the review procedure again).

The monthly check, a 상시점검 item and a vendor's 제7조 report all end through `apply`; a re-review
judged 부적정 ends through `postings.remove_and_post`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError
from dsreview.forms import load_policy
from dsreview.services import clock, postings, rereview
from dsreview.services.actors import Actor
from dsreview.store import BlobStore
from dsreview.store.models import Application, Posting, Service
from dsreview.validators import periods

OUTCOMES = ("conforming", "supplement", "nonconforming", "re_review")


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: str
    reason: str = ""
    due_date: date | None = None  # 보완
    decision_date: date | None = None
    posting_start: date | None = None
    posting_end: date | None = None


@dataclass(frozen=True, slots=True)
class Applied:
    outcome: str
    day: date
    due_date: date | None = None
    posting: Posting | None = None
    application: Application | None = None


def validate(decision: Decision, service: Service) -> None:
    if decision.outcome not in OUTCOMES:
        raise DataValidationError(
            "결과는 적합(conforming), 보완(supplement), 부적합(nonconforming), "
            "재심사 요청(re_review) 중 하나입니다.",
            pointer="/result",
        )
    if service.status != "listed":
        raise ConflictError(
            "이용지원시스템에 등록된 서비스만 점검할 수 있습니다.", detail={"status": service.status}
        )
    if decision.outcome != "conforming" and not decision.reason.strip():
        raise DataValidationError("사유를 입력해 주십시오 (보완·부적합·재심사 요청).", pointer="/reason")
    for pointer in ("decision_date", "posting_start", "posting_end", "due_date"):
        clock.plausible(getattr(decision, pointer), f"/{pointer}")


def apply(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service: Service,
    decision: Decision,
    source: str,
) -> Applied:
    """Carry out a validated decision on `service`; `source` says where it came from (audit)."""
    today = clock.today(settings)
    day = decision.decision_date or today
    reason = decision.reason.strip()
    if decision.outcome == "supplement":
        due = decision.due_date or periods.supplement_due(day, policy=load_policy(settings.policy_file))
        if due < day:
            raise DataValidationError("보완 기한은 결정일 이후여야 합니다.", pointer="/due_date")
        return Applied("supplement", day, due_date=due)
    if decision.outcome == "nonconforming":
        posting = postings.remove_and_post(
            session,
            actor=actor,
            settings=settings,
            blobs=blobs,
            service=service,
            reason=reason,
            decision_date=day,
            start=decision.posting_start,
            end=decision.posting_end,
        )
        return Applied("nonconforming", day, posting=posting)
    if decision.outcome == "re_review":
        application = rereview.open_re_review(
            session, actor=actor, settings=settings, service=service, reason=f"{source}: {reason}"
        )
        return Applied("re_review", day, application=application)
    return Applied("conforming", day)
