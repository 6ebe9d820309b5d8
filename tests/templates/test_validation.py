"""Invalid data is refused before anything is rendered, with the pointer of the field at fault."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from dsreview.config import Settings
from dsreview.errors import DataValidationError, UsageError
from dsreview.templates.render import render
from tests.templates.conftest import sample

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


def _delete(key: str) -> Mutation:
    return lambda data: data.pop(key) and None


CASES: list[tuple[str, Mutation, str]] = [
    ("selection_notice", _delete("document_number"), "/document_number"),
    ("selection_notice", _set("services/0/selection_date", "2024-02-30"), "/services/0/selection_date"),
    ("selection_notice", _set("issue_date", "2024.4.5"), "/issue_date"),
    ("selection_notice", _set("issue_date", date(2024, 4, 5)), "/issue_date"),  # not JSON
    ("selection_notice", _set("services", []), "/services"),
    ("selection_notice", _set("unexpected", "x"), "/unexpected"),
    ("selection_notice", _set("committee/round", "42"), "/committee/round"),
    ("selection_notice", _set("services/1/service_category", "cloud"), "/services/1/service_category"),
    ("selection_notice", _set("recipient/company_name", "하늘\x07클라우드"), "/recipient/company_name"),
    ("selection_notice", _set("recipient/representative", ""), "/recipient/representative"),
    ("supplement_request", _set("due_date", "2024-03-01"), "/due_date"),
    ("supplement_request", _set("items/0/problems", []), "/items/0/problems"),
    ("review_opinion", _set("checklist/0/requirement", "maybe"), "/checklist/0/requirement"),
    ("review_opinion", _set("due_date", "2024-03-19"), "/due_date"),
    ("review_report", _set("reviewers/0/results/9", "suitable"), "/reviewers/0/results/9"),
    ("review_report", _set("reviewers/1/results/2-1", "good"), "/reviewers/1/results/2-1"),
    (
        "review_report",
        _set("applicant/business_registration_number", "1348672607"),
        "/applicant/business_registration_number",
    ),
    ("nonconformance_posting", _set("posting_end", "2024-04-30"), "/posting_end"),
    ("contract_info", _set("amount", -1), "/amount"),
    ("contract_info", _set("amount", 1.5), "/amount"),
    ("contract_info", _set("registration_date", "2024-02-13"), "/registration_date"),
    ("contract_info", _set("period/end", "2024-02-28"), "/period/end"),
    ("contract_info", _set("change/registration_date", "2024-06-02"), "/change/registration_date"),
    ("contract_info", _set("method", "tender"), "/method"),
]


@pytest.mark.parametrize(("kind", "mutate", "pointer"), CASES, ids=[f"{k}{p}" for k, _, p in CASES])
def test_invalid_data_names_the_field(kind: str, mutate: Mutation, pointer: str, settings: Settings) -> None:
    data = sample(kind)
    mutate(data)
    with pytest.raises(DataValidationError) as caught:
        render(kind, data, settings=settings)
    assert caught.value.pointer == pointer
    assert pointer in caught.value.message
    assert "\n" not in caught.value.message
    assert caught.value.exit_code == 2


def test_a_posting_shorter_than_the_minimum_is_refused(settings: Settings) -> None:
    data = sample("nonconformance_posting")
    data["posting_end"] = "2024-04-30"
    with pytest.raises(DataValidationError, match="20일"):
        render("nonconformance_posting", data, settings=settings)
    data["posting_end"] = "2024-05-01"  # exactly the minimum (DOMAIN §7)
    render("nonconformance_posting", data, settings=settings)


def test_data_must_be_an_object(settings: Settings) -> None:
    with pytest.raises(DataValidationError) as caught:
        render("selection_notice", [sample("selection_notice")], settings=settings)  # type: ignore[arg-type]
    assert caught.value.pointer == ""


def test_an_unknown_kind_is_a_usage_error(settings: Settings) -> None:
    with pytest.raises(UsageError, match="selection_notice"):
        render("selection_notices", sample("selection_notice"), settings=settings)
