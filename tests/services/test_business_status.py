"""The 국세청 상태조회 provider against a local server speaking its API: batches of 100, codes read,
failures said, not raised past the engine's hook."""

from __future__ import annotations

from datetime import date

import pytest

from dsreview.domain.business import BusinessState
from dsreview.errors import UnavailableError
from dsreview.services.business_status import NtsBusinessStatus, lookup
from tests.services.fake_nts import KEY, FakeNts


def test_batches_of_a_hundred_and_the_codes() -> None:
    numbers = [f"{n:010d}" for n in range(1, 251)]
    with FakeNts(statuses={numbers[0]: ("02", ""), numbers[1]: ("03", "20250131")}) as fake:
        found = NtsBusinessStatus(url=fake.url, service_key=KEY).statuses(numbers)
        assert [len(r) for r in fake.requests] == [100, 100, 50]
    assert found[numbers[0]].state is BusinessState.suspended
    assert (found[numbers[1]].state, found[numbers[1]].closed_on) == (BusinessState.closed, date(2025, 1, 31))
    assert found[numbers[2]].state is BusinessState.unregistered


def test_a_wrong_key_or_no_server_is_unavailable_and_the_hook_says_so() -> None:
    with FakeNts() as fake:
        with pytest.raises(UnavailableError):
            NtsBusinessStatus(url=fake.url, service_key="wrong").statuses(["2718781566"])
        check = lookup(NtsBusinessStatus(url=fake.url, service_key="wrong"))("2718781566")
    assert (check.status, check.unavailable) == (None, "failed")
    assert lookup(None)("2718781566").unavailable == "not_configured"
    assert (
        lookup(NtsBusinessStatus(url="http://127.0.0.1:9/x", service_key=KEY, timeout=2))(None).unavailable
        == "no_number"
    )
