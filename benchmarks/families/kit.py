"""What every layout family shares: the scenarios, the truth, scanning and packaging.

A layout family (one module beside this one) prints the documents of a bundle the way one set of
real issuers prints them. The *data* of a bundle and its expected decisions come from the sample
generator's case definitions (samples/generator/cases.py), so that a family differs from the sample
corpus only where real documents differ: layout, wording, fonts, how the PDF was produced. The
generator's scanning (tilt, blur, noise, 200-dpi JPEG), merging, shuffling and image files are
reused as they are.

A family module defines:

  FAMILY      a `Family` (name, what it imitates, who wrote it and when)
  draw(spec, path, rng) -> int
              print one document (`spec.type`, canonical fields in `spec.fields`, extra print data
              in `spec.ctx`) to a PDF at `path`; return its page count. A field whose value is None
              is not printed (the scenario has it missing).
  FILE_NAMES  optional {doc type: [file names]} as vendors of this family name their files
"""

from __future__ import annotations

import csv
import importlib
import json
import pkgutil
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "samples"))

import generate  # noqa: E402  (samples/generate.py: build_case, concat, the scan profiles)
from generator import cases as sample_cases  # noqa: E402
from generator.bundle import DocSpec  # noqa: E402

__all__ = ["SCENARIOS", "DocSpec", "Family", "build", "families", "load"]


@dataclass(frozen=True)
class Family:
    name: str  # module name, snake_case
    title: str  # one line: what this family looks like
    written: str  # ISO date the family was written
    written_by: str  # who wrote it, and that they did not read the extractor code
    imitates: dict[str, str] = field(default_factory=dict)  # doc type → the real document and its source
    seed: int = 0  # the family's default seed (its cases are reproducible)


# The sample cases each family prints in its own layouts: every decision path that a layout can
# break, text and scanned. (Ids are the sample ids; a family's cases are `<prefix>-<id>`.)
SCENARIOS: list[str] = [
    "s01",  # clean text, one file per document
    "s03",  # clean text, merged and shuffled, multi-page documents
    "s04",  # every document scanned, one file each
    "s06",  # image files (PNG, JPEG, TIFF)
    "s07",  # text and scanned documents mixed
    "s10",  # expired credit rating
    "s13",  # credit grade below threshold
    "s14",  # education service without CSAP
    "s15",  # cloud support (consulting): no CSAP, no SLA
    "s17",  # reseller with its agreement
    "s19",  # reseller agreement naming another reseller
    "s21",  # SLA without RPO and response time
    "s27",  # business registration of another company
    "s35",  # reseller bundle scanned, merged in order
]

DrawFn = Callable[[DocSpec, Path, random.Random], int]


def families() -> list[str]:
    """The names of every family module in this folder."""
    here = Path(__file__).parent
    return sorted(
        m.name
        for m in pkgutil.iter_modules([str(here)])
        if m.name not in ("kit",) and not m.name.startswith("_")
    )


def load(name: str) -> ModuleType:
    sys.path.insert(0, str(Path(__file__).parent.parent))
    module = importlib.import_module(f"families.{name}")
    if not isinstance(getattr(module, "FAMILY", None), Family) or not callable(getattr(module, "draw", None)):
        raise SystemExit(f"families/{name}.py must define FAMILY (a kit.Family) and draw(spec, path, rng)")
    return module


def build(
    name: str, out: Path, *, seed: int | None = None, only: set[str] | None = None
) -> list[dict[str, Any]]:
    """Write the family's cases into `out/<ID>/` (files and truth.json) and `out/sanctions.csv`."""
    module = load(name)
    fam: Family = module.FAMILY
    seed = fam.seed if seed is None else seed
    draw: DrawFn = module.draw
    names: dict[str, list[str]] = getattr(module, "FILE_NAMES", {}) or {}
    by_name = {fn.__name__: fn for fn in sample_cases.CASES}
    out.mkdir(parents=True, exist_ok=True)
    built = []
    truths = []
    prefix = "".join(part[0] for part in name.split("_") if part).upper()
    for i, scenario in enumerate(SCENARIOS):
        rng = random.Random(seed * 1000 + i)
        c = by_name[scenario](rng)
        c.id = f"{prefix}-{c.id}"
        built.append(c)
        if only and c.id not in only and scenario not in only:
            continue
        truth = generate.build_case(c, out, rng, draw_doc=draw, file_names=names)
        truth["family"] = name
        (out / c.id / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        truths.append(truth)
    rows = sample_cases.sanctions_rows(built) or [
        {
            "business_registration_number": "220-81-62517",
            "company_name": "주식회사 제재예시",
            "sanction_start": "2024-01-01",
            "sanction_end": "2027-12-31",
            "reason": "허위서류 제출",
        }
    ]
    with (out / "sanctions.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return truths
