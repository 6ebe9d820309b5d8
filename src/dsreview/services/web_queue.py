"""The staff's queue with the filters the pages offer, and the intake statistics of a round.

Both read what the checks stored (each application's report) through `intake.list_applications`,
the same listing the API serves; nothing is judged again here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from dsreview.domain import CRITERIA
from dsreview.services import intake
from dsreview.services.actors import Actor, require_role
from dsreview.store.models import Application, Role

MAX_SCAN = 5000  # applications a filter looks through (a round has hundreds at most)
STATUSES = ("pass", "fail", "exempt", "review")
ATTENTION = ("fail", "review")
# Processing time (submission → check stored) in buckets: (upper bound in seconds, Korean label).
DURATION_BUCKETS: tuple[tuple[float, str], ...] = (
    (60, "1분 미만"),
    (300, "1–5분"),
    (1800, "5–30분"),
    (3600, "30분–1시간"),
    (86400, "1시간–1일"),
    (float("inf"), "1일 이상"),
)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    round_id: int | None = None
    status: str | None = None
    criterion: str | None = None
    outcome: str | None = None  # the criterion's status: pass | fail | exempt | review
    finding: str | None = None  # a finding code the report must carry

    def matches(self, application: Application) -> bool:
        report = application.report or {}
        criteria = report.get("criteria", {})
        if self.criterion and self.outcome:
            if criteria.get(self.criterion) != self.outcome:
                return False
        elif self.criterion:  # a criterion alone: where it needs a person (fail or review)
            if criteria.get(self.criterion) not in ATTENTION:
                return False
        elif self.outcome and self.outcome not in criteria.values():
            return False
        if self.finding:
            return any(f.get("code") == self.finding for f in report.get("findings", []))
        return True

    @property
    def reads_reports(self) -> bool:
        return bool(self.criterion or self.outcome or self.finding)


def staff_queue(
    session: Session, *, actor: Actor, filters: QueueFilter, limit: int = 200
) -> Sequence[Application]:
    """Applications for staff, newest first, narrowed by round, status, a criterion's outcome and a
    finding."""
    require_role(actor, Role.staff)
    found = intake.list_applications(
        session,
        actor=actor,
        status=filters.status,
        round_id=filters.round_id,
        limit=MAX_SCAN if filters.reads_reports else limit,
    )
    if not filters.reads_reports:
        return found
    return [a for a in found if filters.matches(a)][:limit]


@dataclass(slots=True)
class RoundStats:
    applications: int = 0
    checked: int = 0
    complete: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)  # code → applications carrying it
    criteria: dict[str, Counter[str]] = field(default_factory=dict)  # criterion → status → count
    durations: list[float] = field(default_factory=list)  # seconds, submission → check stored

    @property
    def duration_buckets(self) -> list[tuple[str, int]]:
        counts = [0] * len(DURATION_BUCKETS)
        for seconds in self.durations:
            index = next(i for i, (upper, _) in enumerate(DURATION_BUCKETS) if seconds < upper)
            counts[index] += 1
        return [(label, counts[i]) for i, (_, label) in enumerate(DURATION_BUCKETS)]

    @property
    def median_seconds(self) -> float | None:
        if not self.durations:
            return None
        ordered = sorted(self.durations)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2


def round_statistics(session: Session, *, actor: Actor, round_id: int | None) -> RoundStats:
    """Counts of a round's applications (all rounds when None): findings by type, criterion
    outcomes, and how long the document check took."""
    require_role(actor, Role.staff)
    stats = RoundStats(criteria={key: Counter() for key in CRITERIA})
    for application in intake.list_applications(session, actor=actor, round_id=round_id, limit=MAX_SCAN):
        stats.applications += 1
        stats.by_status[application.status] += 1
        report = application.report
        if not report:
            continue
        stats.checked += 1
        stats.complete += 1 if report.get("complete") else 0
        stats.findings.update({f.get("code", "") for f in report.get("findings", [])} - {""})
        for key, status in report.get("criteria", {}).items():
            stats.criteria.setdefault(key, Counter())[status] += 1
        if application.checked_at is not None:
            stats.durations.append(
                max(0.0, (application.checked_at - application.created_at).total_seconds())
            )
    return stats
