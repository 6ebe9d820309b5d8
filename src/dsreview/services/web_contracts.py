"""Deadlines an agency sees before it submits: the same Civil Act counting and policy periods
`contracts.register_contract` / `register_change` apply when the registration is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dsreview.config import Settings
from dsreview.forms import load_policy
from dsreview.services import clock
from dsreview.validators import periods


@dataclass(frozen=True, slots=True)
class DeadlinePreview:
    start: date  # the contract's (or the change's) date
    deadline: date
    today: date
    days: int  # the policy's period

    @property
    def days_left(self) -> int:
        return (self.deadline - self.today).days

    @property
    def late(self) -> bool:
        """Registering today would be after the deadline."""
        return self.today > self.deadline


def registration_deadline(settings: Settings, contract_date: date) -> DeadlinePreview:
    clock.plausible(contract_date, "/contract_date")
    policy = load_policy(settings.policy_file)
    return DeadlinePreview(
        start=contract_date,
        deadline=periods.contract_registration_deadline(contract_date, policy=policy),
        today=clock.today(settings),
        days=policy.period("contract_registration_days"),
    )


def change_deadline(settings: Settings, change_date: date) -> DeadlinePreview:
    clock.plausible(change_date, "/change_date")
    policy = load_policy(settings.policy_file)
    return DeadlinePreview(
        start=change_date,
        deadline=periods.contract_change_deadline(change_date, policy=policy),
        today=clock.today(settings),
        days=policy.period("contract_change_days"),
    )


def qualifying_score(settings: Settings) -> int:
    return load_policy(settings.policy_file).period("proposal_qualifying_score")


def negotiation_days(settings: Settings) -> int:
    return load_policy(settings.policy_file).period("negotiation_days")
