#!/usr/bin/env python3
# Vendored verbatim from the workplace's shared/tools/score_bundles.py so that tests and benchmarks
# run from a clean clone; keep it in step with the shared copy.
"""Scores a bundle checker against a corpus of cases with ground truth.

A corpus is a folder of case folders; each case folder holds the files of one application
bundle and a truth.json (format: see ../spec/DOMAIN.md, "Ground truth files"). For every case
this runs the checker command on the case's files, reads its JSON report from stdout and
compares it with the truth:

  classification  each true document was found with the right type (and pages, in a merged file)
  fields          each true field value equals the extracted one, after normalisation
  decisions       'complete', the expected finding codes and the expected criterion statuses

Usage:
  score_bundles.py CORPUS [--cmd "dsreview check --json"] [--sanctions FILE] [--json OUT] [-v]

The command gets: --application-date DATE [--sanctions FILE] FILE... appended.
Standard library only. Exit status 0 whatever the score; 2 when the corpus can't be read.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

COMPANY_FORMS = [("㈜", "주식회사"), ("(주)", "주식회사"), ("( 주 )", "주식회사"), ("주식 회사", "주식회사")]


def norm_text(value) -> str:
    s = unicodedata.normalize("NFKC", str(value))
    for a, b in COMPANY_FORMS:
        s = s.replace(unicodedata.normalize("NFKC", a), b)
    return re.sub(r"[\s\W_]+", "", s).lower()


def same(truth, got) -> bool:
    if truth is None:
        return got in (None, "", [], {})
    if isinstance(truth, bool):
        return got is truth
    if isinstance(truth, (int, float)):
        try:
            return abs(float(got) - float(truth)) < 1e-6
        except (TypeError, ValueError):
            return False
    if isinstance(truth, list):
        if not isinstance(got, list):
            return False
        if truth and isinstance(truth[0], dict):
            return len(truth) == len(got) and all(
                isinstance(g, dict) and all(same(t.get(k), g.get(k)) for k in t) for t, g in zip(truth, got))
        return sorted(map(norm_text, truth)) == sorted(map(norm_text, got))
    if isinstance(truth, dict):
        return isinstance(got, dict) and all(same(v, got.get(k)) for k, v in truth.items())
    return norm_text(truth) == norm_text(got)


def find_doc(truth_doc: dict, docs: list[dict]):
    candidates = [d for d in docs if d.get("type") == truth_doc["type"]]
    if "pages" in truth_doc:
        want = set(truth_doc["pages"])
        candidates = [d for d in candidates
                      if Path(str(d.get("source", ""))).name == truth_doc["file"] and set(d.get("pages") or []) == want]
    else:
        named = [d for d in candidates if Path(str(d.get("source", ""))).name == truth_doc["file"]]
        candidates = named or candidates
    return candidates[0] if candidates else None


def finding_keys(report: dict) -> set[str]:
    keys = set()
    for f in report.get("findings", []):
        code = f.get("code")
        keys.add(code)
        if f.get("document"):
            keys.add(f"{code}:{f['document']}")
    return keys


def score_case(case: Path, cmd: list[str], sanctions: str | None, verbose: bool) -> dict:
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    args = cmd + ["--application-date", truth["application_date"]]
    if sanctions:
        args += ["--sanctions", sanctions]
    args += [str(case / f) for f in truth["files"]]
    start = time.monotonic()
    try:
        run = subprocess.run(args, capture_output=True, text=True, timeout=900)
        seconds = time.monotonic() - start
        report = json.loads(run.stdout)
        error = None if run.returncode == 0 else f"exit {run.returncode}: {run.stderr.strip()[-300:]}"
    except (subprocess.TimeoutExpired, json.JSONDecodeError, OSError) as exc:
        seconds = time.monotonic() - start
        report, error = {}, f"{type(exc).__name__}: {str(exc)[:300]}"
    docs = report.get("documents", []) if isinstance(report, dict) else []
    out = {"id": truth["id"], "seconds": round(seconds, 2), "error": error, "classified": 0, "documents": 0,
           "fields": {"text": [0, 0], "scanned": [0, 0]}, "misses": [], "decisions": [0, 0]}
    for td in truth["documents"]:
        out["documents"] += 1
        got = find_doc(td, docs)
        kind = "scanned" if td.get("scanned") else "text"
        if got is None:
            out["misses"].append(f"{td['type']}: not found")
            out["fields"][kind][1] += len(td["fields"])
            continue
        out["classified"] += 1
        fields = got.get("fields") or {}
        for name, value in td["fields"].items():
            out["fields"][kind][1] += 1
            if same(value, fields.get(name)):
                out["fields"][kind][0] += 1
            else:
                out["misses"].append(f"{td['type']}.{name}: want {value!r} got {fields.get(name)!r}")
    exp = truth["expected"]
    checks = [("complete", exp["complete"], report.get("complete"))]
    keys = finding_keys(report) if isinstance(report, dict) else set()
    checks += [(f"finding {code}", True, code in keys) for code in exp.get("findings", [])]
    criteria = report.get("criteria", {}) if isinstance(report, dict) else {}
    checks += [(f"criterion {k}", v, criteria.get(k)) for k, v in exp.get("criteria", {}).items()]
    for what, want, got in checks:
        out["decisions"][1] += 1
        if want == got:
            out["decisions"][0] += 1
        else:
            out["misses"].append(f"{what}: want {want!r} got {got!r}")
    if verbose:
        print(f"{truth['id']} {seconds:6.1f}s  " + ("; ".join(out["misses"]) or "all right") + (f"  [{error}]" if error else ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cmd", default="dsreview check --json")
    ap.add_argument("--sanctions")
    ap.add_argument("--json", type=Path, help="write the full result here")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    cases = sorted(p.parent for p in a.corpus.glob("*/truth.json"))
    if not cases:
        print(f"no */truth.json under {a.corpus}", file=sys.stderr)
        return 2
    results = [score_case(c, shlex.split(a.cmd), a.sanctions, a.verbose) for c in cases]

    def ratio(pairs):
        hit, total = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        return hit, total, (hit / total if total else 1.0)

    text = ratio([r["fields"]["text"] for r in results])
    scanned = ratio([r["fields"]["scanned"] for r in results])
    classified = ratio([(r["classified"], r["documents"]) for r in results])
    decisions = ratio([tuple(r["decisions"]) for r in results])
    summary = {
        "cases": len(results), "errors": sum(1 for r in results if r["error"]),
        "classification": round(classified[2], 4), "fields_text": round(text[2], 4),
        "fields_scanned": round(scanned[2], 4), "decisions": round(decisions[2], 4),
        "seconds": round(sum(r["seconds"] for r in results), 1),
    }
    if a.json:
        a.json.write_text(json.dumps({"summary": summary, "cases": results}, ensure_ascii=False, indent=1))
    print(f"classification {classified[0]}/{classified[1]}  fields(text) {text[0]}/{text[1]}  "
          f"fields(scanned) {scanned[0]}/{scanned[1]}  decisions {decisions[0]}/{decisions[1]}  "
          f"errors {summary['errors']}  {summary['seconds']}s")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
