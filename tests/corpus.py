"""The sample corpus (samples/cases) and the scorer the workplace uses on it."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "samples" / "cases"
SANCTIONS = ROOT / "samples" / "sanctions.csv"


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_bundles", ROOT / "benchmarks" / "score_bundles.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_bundles"] = module
    spec.loader.exec_module(module)
    return module


def truth(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    return data


def case_ids(*, scanned: bool | None = None) -> list[str]:
    ids = sorted(p.parent.name for p in CASES.glob("*/truth.json"))
    if scanned is None:
        return ids
    return [c for c in ids if any(d.get("scanned") for d in truth(c)["documents"]) is scanned]
