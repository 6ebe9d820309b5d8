#!/usr/bin/env python3
"""Layout families: build them, score the engine on them, keep the first-sight ledger.

  python benchmarks/first_sight.py list
  python benchmarks/first_sight.py build NAME [--out DIR] [--seed N]
  python benchmarks/first_sight.py score NAME... [--engine DIR] [-v] [--record first-sight|after --note TEXT]
  python benchmarks/first_sight.py ledger            # rewrite benchmarks/LEDGER.md from ledger.jsonl

A family (benchmarks/families/<name>.py, see kit.py) prints the sample scenarios in the layouts of
one set of real issuers. `score` builds it, runs `dsreview check --json` of the engine checked out at
`--engine` (default: this checkout) with an empty OCR cache through the workplace's scorer, and
prints the figures. `--record` appends them to benchmarks/ledger.jsonl with the engine's commit:
`first-sight` before any change to the engine made for that family, `after` once it was changed.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from families import kit  # noqa: E402
from fieldkinds import scanned_field_kinds  # noqa: E402

LEDGER = HERE / "ledger.jsonl"
LEDGER_MD = HERE / "LEDGER.md"
CACHE = ROOT / ".families"


def _fingerprint(name: str, seed: int) -> str:
    module = HERE / "families" / f"{name}.py"
    package = HERE / "families" / name
    parts = [module] if module.exists() else sorted(p for p in package.rglob("*") if p.is_file())
    parts += [HERE / "families" / "kit.py", ROOT / "samples" / "generate.py"]
    parts += sorted((ROOT / "samples" / "generator").glob("*.py"))
    h = hashlib.sha256(str(seed).encode())
    for p in parts:
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def built(name: str, seed: int | None) -> Path:
    """The family's cases, built once per version of its code (kept under .families/)."""
    fam = kit.load(name).FAMILY
    seed = fam.seed if seed is None else seed
    folder = CACHE / f"{name}-{seed}-{_fingerprint(name, seed)}"
    if not (folder / "sanctions.csv").exists():
        for old in CACHE.glob(f"{name}-{seed}-*"):
            shutil.rmtree(old)
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        kit.build(name, tmp, seed=seed)
        tmp.rename(folder)
    return folder


def engine_commit(engine: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(engine), *args], capture_output=True, text=True
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--", "src")
    return commit + ("+dirty" if dirty else "")


def _clean_complete(report: dict[str, Any], cases: Path) -> tuple[int, int]:
    """Bundles that are complete and wholly born-digital: how many the engine called complete."""
    right = total = 0
    for case in report["cases"]:
        truth = json.loads((cases / case["id"] / "truth.json").read_text(encoding="utf-8"))
        if not truth["expected"]["complete"] or any(d.get("scanned") for d in truth["documents"]):
            continue
        total += 1
        right += not any(m.startswith("complete:") for m in case["misses"])
    return right, total


def _subset(cases: Path, tmp: Path, *, text_only: bool, only: set[str]) -> Path:
    """A corpus of some of the cases (symbolic links), for quick runs while developing."""
    out = tmp / "subset"
    out.mkdir()
    for truth_file in sorted(cases.glob("*/truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        scanned = any(d.get("scanned") for d in truth["documents"])
        if (text_only and scanned) or (only and not any(truth["id"].endswith(o) for o in only)):
            continue
        (out / truth_file.parent.name).symlink_to(truth_file.parent)
    shutil.copy(cases / "sanctions.csv", out / "sanctions.csv")
    return out


def score(
    name: str,
    engine: Path,
    seed: int | None,
    verbose: bool,
    *,
    text_only: bool = False,
    only: set[str] | None = None,
) -> dict[str, Any]:
    cases = built(name, seed)
    scratch = tempfile.TemporaryDirectory()
    if text_only or only:
        cases = _subset(cases, Path(scratch.name), text_only=text_only, only=only or set())
    python = engine / ".venv" / "bin" / "python"
    cmd = f"{python} -m dsreview.cli.app check --json"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        env = {**os.environ, "DSREVIEW_DATA_DIR": str(Path(tmp) / "data")}
        args = [sys.executable, str(HERE / "score_bundles.py"), str(cases), "--cmd", cmd]
        args += ["--sanctions", str(cases / "sanctions.csv"), "--json", str(out)] + (
            ["-v"] if verbose else []
        )
        run = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
        if verbose:
            print(run.stdout, end="")
        report = json.loads(out.read_text(encoding="utf-8"))
    s = report["summary"]
    text = [sum(c["fields"]["text"][i] for c in report["cases"]) for i in (0, 1)]
    scanned = [sum(c["fields"]["scanned"][i] for c in report["cases"]) for i in (0, 1)]
    decisions = [sum(c["decisions"][i] for c in report["cases"]) for i in (0, 1)]
    classified = [sum(c["classified"] for c in report["cases"]), sum(c["documents"] for c in report["cases"])]
    kinds = scanned_field_kinds(report, cases)
    clean = _clean_complete(report, cases)
    scratch.cleanup()
    return {
        "family": name,
        "engine": engine_commit(engine),
        "cases": s["cases"],
        "errors": s["errors"],
        "classification": classified,
        "fields_text": text,
        "fields_scanned": scanned,
        "decisions": decisions,
        "clean_complete": list(clean),
        "scanned_dates": list(kinds["dates"]),
        "scanned_identifiers": list(kinds["identifiers"]),
        "seconds": s["seconds"],
    }


def _ratio(pair: list[int]) -> str:
    hit, total = pair
    return f"{hit / total:.3f} ({hit}/{total})" if total else "–"


def line(r: dict[str, Any]) -> str:
    return (
        f"{r['family']} [{r['engine']}]: classification {_ratio(r['classification'])}  "
        f"fields(text) {_ratio(r['fields_text'])}  fields(scanned) {_ratio(r['fields_scanned'])}  "
        f"decisions {_ratio(r['decisions'])}  "
        f"clean bundles complete {r['clean_complete'][0]}/{r['clean_complete'][1]}  "
        f"scanned dates {r['scanned_dates'][0]}/{r['scanned_dates'][1]}, identifiers "
        f"{r['scanned_identifiers'][0]}/{r['scanned_identifiers'][1]}  "
        f"errors {r['errors']}  ({r['seconds']} s)"
    )


def write_ledger_md() -> None:
    rows = (
        [json.loads(x) for x in LEDGER.read_text(encoding="utf-8").splitlines() if x.strip()]
        if LEDGER.exists()
        else []
    )
    out = [
        "# First-sight ledger",
        "",
        "Every layout family (benchmarks/families/) scored by",
        "`benchmarks/first_sight.py score NAME --record …`: `first-sight` is the engine as it was before",
        "any change made for that family, `after` is a later engine. Written by",
        "`benchmarks/first_sight.py ledger` from ledger.jsonl; do not edit by hand.",
        "",
        "| date | family | stage | engine | fields, text | fields, scans | decisions | clean complete "
        "| note |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r['date']} | {r['family']} | {r['stage']} | {r['engine']} | {_ratio(r['fields_text'])} | "
            f"{_ratio(r['fields_scanned'])} | {_ratio(r['decisions'])} | "
            f"{r['clean_complete'][0]}/{r['clean_complete'][1]} | {r.get('note', '')} |"
        )
    LEDGER_MD.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("list")
    b = sub.add_parser("build")
    b.add_argument("name")
    b.add_argument("--out", type=Path)
    b.add_argument("--seed", type=int)
    s = sub.add_parser("score")
    s.add_argument("names", nargs="+")
    s.add_argument("--engine", type=Path, default=ROOT)
    s.add_argument("--seed", type=int)
    s.add_argument("-v", "--verbose", action="store_true")
    s.add_argument("--text-only", action="store_true", help="only the wholly born-digital cases")
    s.add_argument("--only", default="", help="comma-separated case ids (or their endings: S01,S17)")
    s.add_argument("--record", choices=["first-sight", "after"])
    s.add_argument("--note", default="")
    sub.add_parser("ledger")
    a = ap.parse_args()
    if a.command == "list":
        for name in kit.families():
            fam = kit.load(name).FAMILY
            print(f"{name}: {fam.title} (written {fam.written})")
        return 0
    if a.command == "build":
        if a.out:
            kit.build(a.name, a.out, seed=a.seed)
            print(a.out)
        else:
            print(built(a.name, a.seed))
        return 0
    if a.command == "ledger":
        write_ledger_md()
        return 0
    if a.record and (a.text_only or a.only):
        print("--record scores whole families: drop --text-only and --only", file=sys.stderr)
        return 2
    only = {x.strip() for x in a.only.split(",") if x.strip()}
    for name in a.names:
        result = score(name, a.engine.resolve(), a.seed, a.verbose, text_only=a.text_only, only=only)
        print(line(result))
        if a.record:
            entry = {"date": date.today().isoformat(), "stage": a.record, **result, "note": a.note}
            with LEDGER.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    if a.record:
        write_ledger_md()
    return 0


if __name__ == "__main__":
    sys.exit(main())
