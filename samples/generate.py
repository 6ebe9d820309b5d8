#!/usr/bin/env python3
"""Generate the sample corpus: samples/cases/<ID>/ with the bundle's files and truth.json (DOMAIN §10).

Deterministic: the same seed gives the same data (PDF bytes may differ in timestamps).
Usage: python samples/generate.py [--out samples/cases] [--only S01,S04] [--seed 2024]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import company_docs, service_docs
from generator.bundle import ORDER, DocSpec
from generator.cases import CASES, Case, sanctions_rows
from generator.layout import Doc, Style, new_canvas
from generator.scan import ScanProfile, image_files, scanned_pdf

BUILDERS = {
    "application_form": company_docs.application_form,
    "corporate_registry": company_docs.corporate_registry,
    "business_registration": company_docs.business_registration,
    "credit_rating": company_docs.credit_rating,
    **service_docs.BUILDERS,
}
FILE_NAMES = {
    "application_form": ["01_디지털서비스_심사신청서.pdf", "application_form.pdf", "신청서.pdf"],
    "corporate_registry": ["02_법인등기부등본.pdf", "corporate_registry.pdf", "등기사항전부증명서.pdf"],
    "business_registration": ["03_사업자등록증.pdf", "brc.pdf", "사업자등록증_사본.pdf"],
    "credit_rating": ["04_신용평가등급확인서.pdf", "credit.pdf", "신용등급.pdf"],
    "service_overview": ["05_서비스개요서.pdf", "overview.pdf"],
    "capability_evidence": ["06_제공역량_증명자료.pdf", "capability.pdf"],
    "csap_certificate": ["07_CSAP_인증서.pdf", "csap.pdf"],
    "sla_policy": ["08_SLA.pdf", "sla_policy.pdf", "서비스수준정책서.pdf"],
    "reseller_agreement": ["09_공급및기술지원협약서.pdf", "reseller.pdf"],
    "unknown": ["10_기타.pdf"],
}


def jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def draw(spec: DocSpec, path: Path, rng: random.Random) -> int:
    style = Style.random(rng)
    if spec.family:
        style.family = spec.family
    canvas = new_canvas(str(path), title="")
    doc = Doc(canvas, style)
    BUILDERS[spec.type](doc, spec.fields, spec.ctx, rng, spec.variant)
    doc.finish()
    canvas.save()
    return doc.pages


def concat(parts: list[Path], dst: Path) -> None:
    out = pdfium.PdfDocument.new()
    for part in parts:
        src = pdfium.PdfDocument(str(part))
        out.import_pages(src)
        src.close()
    out.save(str(dst))
    out.close()


def hostile_file(kind: str, folder: Path, source: Path) -> str:
    if kind == "encrypted":
        name = "추가_제출자료.pdf"
        subprocess.run(
            [
                "qpdf",
                "--encrypt",
                "user-secret",
                "owner-secret",
                "256",
                "--",
                str(source),
                str(folder / name),
            ],
            check=True,
        )
    else:
        name = "scan_old.pdf"
        data = source.read_bytes()
        (folder / name).write_bytes(data[: len(data) // 3])
    return name


DrawFn = Callable[[DocSpec, Path, random.Random], int]


def build_case(
    c: Case,
    out: Path,
    rng: random.Random,
    *,
    draw_doc: DrawFn | None = None,
    file_names: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """Render a case into `out/<id>/` with its truth.json. Layout families (benchmarks/families/)
    pass their own `draw_doc` and file names; the sample corpus uses this module's."""
    draw_doc = draw_doc or draw
    file_names = file_names or FILE_NAMES
    folder = out / c.id
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pack = c.packaging
    specs = [c.bundle.docs[t] for t in ORDER if t in c.bundle.docs and t not in pack.omit]
    for i in range(pack.unknown_pages):
        specs.append(DocSpec("unknown", {}, {"date_style": "dot"}, variant=i % 2))
    profile_for = (
        (lambda: ScanProfile.noisy(rng))
        if not pack.heavy
        else (
            lambda: ScanProfile(
                dpi=200,
                tilt=rng.uniform(1.0, 2.0),
                blur=rng.uniform(0.7, 1.1),
                noise=rng.uniform(14, 22),
                quality=rng.randint(40, 55),
                contrast=0.8,
            )
        )
    )
    truth_docs: list[dict[str, Any]] = []
    files: list[str] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rendered: list[tuple[DocSpec, Path, int, bool]] = []
        for n, spec in enumerate(specs):
            text_pdf = tmp / f"{n}_{spec.type}.pdf"
            pages = draw_doc(spec, text_pdf, rng)
            scanned = (
                spec.scanned
                or pack.scanned is True
                or (isinstance(pack.scanned, set) and spec.type in pack.scanned)
                or pack.mode == "images"
            )
            final = text_pdf
            if scanned and pack.mode != "images":
                final = tmp / f"{n}_{spec.type}.scan.pdf"
                scanned_pdf(text_pdf, final, profile_for(), rng)
            rendered.append((spec, final, pages, scanned))
        if pack.mode in ("merged", "shuffled"):
            order = list(rendered)
            if pack.mode == "shuffled":
                rng.shuffle(order)
            concat([r[1] for r in order], folder / "bundle.pdf")
            files.append("bundle.pdf")
            page = 1
            for spec, _, pages, scanned in order:
                truth_docs.append(
                    {
                        "type": spec.type,
                        "file": "bundle.pdf",
                        "pages": list(range(page, page + pages)),
                        "scanned": scanned,
                        "fields": jsonable(spec.fields),
                    }
                )
                page += pages
        else:
            for spec, final, _, scanned in rendered:
                name = rng.choice(file_names.get(spec.type) or FILE_NAMES[spec.type])
                if pack.mode == "images":
                    fmt = rng.choice(["png", "jpeg", "tiff"])
                    paths = image_files(final, folder / Path(name).stem, fmt, profile_for(), rng)
                    for p in paths:
                        files.append(p.name)
                        truth_docs.append(
                            {
                                "type": spec.type,
                                "file": p.name,
                                "scanned": True,
                                "fields": jsonable(spec.fields),
                            }
                        )
                    continue
                shutil.copy(final, folder / name)
                files.append(name)
                truth_docs.append(
                    {"type": spec.type, "file": name, "scanned": scanned, "fields": jsonable(spec.fields)}
                )
        for kind in pack.hostile:
            files.append(hostile_file(kind, folder, rendered[0][1]))
    # Multi-page documents split into image files: only the first page's file carries the fields.
    seen: set[str] = set()
    for td in truth_docs:
        if "pages" not in td and td["type"] in seen and pack.mode == "images":
            td["fields"] = {}
        seen.add(td["type"])
    truth = {
        "id": c.id,
        "title": c.title,
        "application_date": c.bundle.application_date.isoformat(),
        "files": files,
        "documents": truth_docs,
        "expected": {"complete": c.complete, "findings": c.findings, "criteria": c.criteria},
    }
    (folder / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return truth


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "cases")
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    built: list[Case] = []
    for i, fn in enumerate(CASES):
        rng = random.Random(args.seed * 1000 + i)
        c = fn(rng)
        built.append(c)
        if only and c.id not in only:
            continue
        truth = build_case(c, args.out, rng)
        print(f"{c.id}: {len(truth['files'])} files, {len(truth['documents'])} documents — {c.title}")
    rows = sanctions_rows(built)
    rows.append(
        {
            "business_registration_number": "220-81-62517",
            "company_name": "주식회사 제재예시",
            "sanction_start": "2024-01-01",
            "sanction_end": "2027-12-31",
            "reason": "허위서류 제출",
        }
    )
    sanctions = args.out.parent / "sanctions.csv"
    with sanctions.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
