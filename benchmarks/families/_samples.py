"""The sample generator's own layouts as a family: a check of the kit (it should score as samples/ do)."""

from __future__ import annotations

import random
from pathlib import Path

from families.kit import DocSpec, Family, generate

FAMILY = Family(
    name="_samples",
    title="the sample generator's layouts (a check of the kit, not a family)",
    written="2026-12-02",
    written_by="the engine's developers",
    seed=2024,
)


def draw(spec: DocSpec, path: Path, rng: random.Random) -> int:
    return int(generate.draw(spec, path, rng))
