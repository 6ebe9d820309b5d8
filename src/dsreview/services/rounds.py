"""A committee round as a state machine: 접수 중 → 접수 마감 → 검토 → 심사위원회 → 결과 확정.

Each step of the procedure names the states it may run in (`require`); a step in another state
is a 409 whose message says what the round is at. The states, where each may go and what staff
read about them are data (`forms/rounds.json`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dsreview.domain.korean import particle
from dsreview.errors import ConflictError
from dsreview.forms import round_states
from dsreview.store.models import Application, ApplicationStatus, Purpose, Round, RoundStatus
from dsreview.store.repositories import ApplicationRepository

R, S = RoundStatus, ApplicationStatus
OUT = (S.withdrawn, S.refused)  # applications that no longer take part in the round's outcome


def name(status: str) -> str:
    names: dict[str, str] = round_states()["names"]
    return names.get(status, status)


def _kdate(day: date | None) -> str:
    return f"{day.year}. {day.month}. {day.day}." if day else "미정"


@dataclass(frozen=True, slots=True)
class RoundProgress:
    """What a round holds and what it waits for, in a sentence staff read."""

    counts: Counter[str]
    waiting_for: str
    next_status: str | None


def _applications(session: Session, round_: Round) -> list[Application]:
    return [a for a in ApplicationRepository(session).in_round(round_.id) if a.purpose == Purpose.selection]


def progress(session: Session, round_: Round, today: date) -> RoundProgress:
    counts = Counter(a.status for a in _applications(session, round_))
    key = str(round_.status)
    if key == R.committee and (round_.committee_date is None or today < round_.committee_date):
        key = "committee_before"
    text = round_states()["waiting"][key].format(
        live=sum(n for status, n in counts.items() if status not in OUT),
        checking=counts[S.received] + counts[S.processing],
        supplement=counts[S.supplement_requested],
        in_review=counts[S.under_review],
        reported=counts[S.reviewed],
        selected=counts[S.selected],
        not_selected=counts[S.not_selected],
        date=_kdate(round_.committee_date),
    )
    return RoundProgress(
        counts=counts, waiting_for=text, next_status=round_states()["next"].get(round_.status)
    )


def require(round_: Round, *states: str, action: str) -> None:
    """Refuse a step the round's state does not allow, saying what the round is at."""
    if round_.status not in states:
        allowed = ", ".join(name(s) for s in states)
        raise ConflictError(
            f"{particle(action, '은', '는')} 심사 차수가 {allowed} 단계일 때 할 수 있습니다. "
            f"{particle(f'「{round_.name}」', '은', '는')} 지금 {name(round_.status)} 단계입니다.",
            detail={"round_id": round_.id, "round_status": round_.status, "allowed": list(states)},
        )


def committee_met(round_: Round, today: date, *, action: str) -> date:
    """The committee's date, once it has come; before that nothing it decides can be recorded."""
    require(round_, R.committee, action=action)
    day = round_.committee_date
    if day is None or today < day:
        raise ConflictError(
            f"{particle(action, '은', '는')} 심사위원회 개최일({_kdate(day)}) 이후에 할 수 있습니다.",
            detail={"round_id": round_.id, "committee_date": day.isoformat() if day else None},
        )
    return day


def _undecided(session: Session, round_: Round) -> list[str]:
    return [str(a.number) for a in _applications(session, round_) if a.status == S.reviewed]


def transition(session: Session, round_: Round, to: str, today: date) -> None:
    """Move the round to `to`, when the state machine allows it and its condition holds."""
    if to == round_.status:
        return
    allowed: list[str] = round_states()["transitions"].get(round_.status, [])
    if to not in allowed:
        raise ConflictError(
            f"{particle(f'「{round_.name}」', '은', '는')} {name(round_.status)} 단계에서 "
            f"{name(to)} 단계로 바꿀 수 없습니다.",
            detail={"round_status": round_.status, "to": to, "allowed": allowed},
        )
    if to == R.committee and round_.committee_date is None:
        raise ConflictError("심사위원회 개최일을 먼저 입력해 주십시오.", detail={"round_id": round_.id})
    if to == R.finalised:
        committee_met(round_, today, action="결과 확정")
        waiting = _undecided(session, round_)
        if waiting:
            raise ConflictError(
                f"결정을 기록하지 않은 신청이 {len(waiting)}건 있습니다: {', '.join(waiting[:5])}",
                detail={"undecided": waiting},
            )
    round_.status = to


def may_change_committee_date(session: Session, round_: Round) -> None:
    decided = any(a.decided_on is not None for a in _applications(session, round_))
    if round_.status == R.finalised or (round_.status == R.committee and decided):
        raise ConflictError(
            "결정이 기록된 뒤에는 심사위원회 개최일을 바꿀 수 없습니다.", detail={"round_id": round_.id}
        )
