"""The closing block's people are settings: none in code, the demo's own when the demo runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsreview.cli.serve import _demo_sender
from dsreview.config import OrganisationProfile, get_settings
from dsreview.services import demo


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[dict[str, str]]:
    copy = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_ORGANISATION__")}
    copy["DSREVIEW_DATA_DIR"] = str(tmp_path)
    monkeypatch.setattr(os, "environ", copy)
    get_settings.cache_clear()
    yield copy
    get_settings.cache_clear()


def test_no_personal_names_are_defaults_of_the_code() -> None:
    profile = OrganisationProfile()
    assert (profile.drafter, profile.reviewer, profile.approver) == ("", "", "")


def test_the_demo_sets_its_own_people(environ: dict[str, str]) -> None:
    settings = _demo_sender(None, None)
    assert settings.organisation.drafter == demo.SENDER["drafter"]
    assert settings.organisation.approver == demo.SENDER["approver"]
    assert environ["DSREVIEW_ORGANISATION__REVIEWER"] == demo.SENDER["reviewer"]  # for the worker and API


def test_a_deployments_own_people_win(environ: dict[str, str]) -> None:
    environ["DSREVIEW_ORGANISATION__DRAFTER"] = "사무관 홍길동"
    settings = _demo_sender(None, None)
    assert settings.organisation.drafter == "사무관 홍길동"
    assert settings.organisation.reviewer == demo.SENDER["reviewer"]
