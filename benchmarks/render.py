"""Figures of document generation. Run: .venv/bin/python benchmarks/render.py [--quick]

(a) DOCX: milliseconds a document, warm, validation included, for every kind's sample and for a
    200-row selection notice;
(b) PDF in a batch, converters warm: our ConverterPool against the same DOCX files converted
    straight through unoserver (its own client, as many servers and threads), and the ratio;
(c) 425 selection notices (the number of services selected so far) through the command line,
    `dsreview render selection_notice notices.jsonl --out-dir DIR --pdf`, converters started by
    the command: total seconds;
(d) every planted value of the inputs visible in the DOCX and in the PDF text, and every font of
    every PDF embedded (pdffonts).

Prints figures only. The data are the samples of samples/render/ and variations of them.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.templates.conftest import docx_text, squeeze, visible  # noqa: E402
from tests.templates.edge import many_rows  # noqa: E402
from tests.templates.planted import expected  # noqa: E402

from dsreview.config import Settings  # noqa: E402
from dsreview.templates.kinds import kinds  # noqa: E402
from dsreview.templates.pdf import ConverterPool  # noqa: E402
from dsreview.templates.render import render, render_docx  # noqa: E402
from dsreview.templates.soffice import kill_groups, soffice_path, unoserver_command  # noqa: E402

SAMPLES = ROOT / "samples" / "render"
NOTICES = 425


def sample(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{kind}.json").read_text(encoding="utf-8"))
    return data


def notices(n: int) -> list[dict[str, Any]]:
    """`n` distinct selection notices, one to three services each."""
    base = sample("selection_notice")
    out = []
    for i in range(n):
        data = copy.deepcopy(base)
        data["document_number"] = f"AI클라우드혁신팀-{2000 + i}"
        data["recipient"]["company_name"] = f"주식회사 클라우드{i + 1:03d}"
        data["services"] = data["services"][: 1 + i % 3]
        for j, service in enumerate(data["services"]):
            service["selection_number"] = f"DS-2024-{i * 3 + j + 1:04d}"
        out.append(data)
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def docx_figures(settings: Settings, repeat: int) -> None:
    print("(a) DOCX rendering, warm, validation included (median of", repeat, "runs)")
    cases: list[tuple[str, str, dict[str, Any]]] = [(k, k, sample(k)) for k in kinds()]
    cases.append(("selection_notice, 200 rows", "selection_notice", many_rows("selection_notice", 200)))
    for label, kind, data in cases:
        render(kind, data, settings=settings)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            render(kind, data, settings=settings)
            times.append(time.perf_counter() - start)
        print(f"    {label:<30} {ms(statistics.median(times))} a document")


class _RawUnoserver:
    """The baseline: unoserver's own server and client, one server and one thread per converter."""

    def __init__(self, settings: Settings, folder: Path, servers: int, port: int) -> None:
        from unoserver.client import UnoClient

        base_command, env = unoserver_command(settings)
        self.folder = folder
        self.procs = []
        for i in range(servers):
            command = [
                *base_command,
                "--port",
                str(port + 2 * i),
                "--uno-port",
                str(port + 2 * i + 1),
                "--user-installation",
                str(folder / f"raw-profile-{i}"),
                "--executable",
                soffice_path(settings),
                "--quiet",
            ]
            self.procs.append(
                subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
            )
        self.clients = [UnoClient(port=str(port + 2 * i)) for i in range(servers)]

    def convert_all(self, paths: list[Path]) -> None:
        def one(job: tuple[int, Path]) -> None:
            index, path = job
            client = self.clients[index % len(self.clients)]
            client.convert(inpath=str(path), outpath=str(self.folder / f"raw-{path.stem}.pdf"))

        with ThreadPoolExecutor(max_workers=len(self.clients)) as ex:
            list(ex.map(one, enumerate(paths)))

    def stop(self) -> None:
        kill_groups(self.procs)


def pdf_figures(settings: Settings, count: int, rounds: int) -> None:
    print(
        f"\n(b) PDF in a batch of {count} selection notices, {settings.pdf_converters} converters, warm "
        f"(best of {rounds} alternating rounds)"
    )
    docs = [render_docx("selection_notice", d, settings=settings) for d in notices(count)]
    with tempfile.TemporaryDirectory() as tmp, ConverterPool(settings) as pool:
        folder = Path(tmp)
        paths = []
        for i, docx in enumerate(docs):
            path = folder / f"n{i:04d}.docx"
            path.write_bytes(docx)
            paths.append(path)
        raw = _RawUnoserver(settings, folder, settings.pdf_converters, settings.unoserver_base_port + 300)
        try:
            raw.convert_all(paths[: 2 * settings.pdf_converters])  # waits for the servers, warms them up
            list(pool.convert_many(docs[: 2 * settings.pdf_converters]))
            raw_times, our_times, failed = [], [], 0
            for _ in range(rounds):
                start = time.perf_counter()
                raw.convert_all(paths)
                raw_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                results = list(pool.convert_many(docs))
                our_times.append(time.perf_counter() - start)
                failed += sum(1 for r in results if not isinstance(r, bytes))
        finally:
            raw.stop()
    best_raw, best_ours = min(raw_times), min(our_times)
    print(f"    raw unoserver (client + server)  {ms(best_raw / count)} a document")
    print(f"    dsreview ConverterPool           {ms(best_ours / count)} a document  ({failed} failed)")
    print(f"    ratio                            {best_ours / best_raw:7.2f} ×")


def _run_cli(args: list[str], settings: Settings) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "DSREVIEW_DATA_DIR": str(settings.data_dir)}
    start = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dsreview"), *args], capture_output=True, text=True, env=env
    )
    return time.perf_counter() - start, result


def batch_figures(settings: Settings, count: int) -> Path:
    print(
        f"\n(c) {count} selection notices to DOCX and PDF through the command line (converters started by it)"
    )
    folder = Path(tempfile.mkdtemp(prefix="bench-notices-"))
    data = notices(count)
    (folder / "notices.jsonl").write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data), encoding="utf-8"
    )
    seconds, result = _run_cli(
        [
            "render",
            "selection_notice",
            str(folder / "notices.jsonl"),
            "--out-dir",
            str(folder / "out"),
            "--pdf",
        ],
        settings,
    )
    pdfs = list((folder / "out").glob("*.pdf"))
    print(
        f"    total {seconds:6.1f} s  ({seconds / count * 1000:.0f} ms a notice; exit {result.returncode}; "
        f"{len(pdfs)} PDF files)"
    )
    return folder


def check_figures(settings: Settings, folder: Path, count: int) -> None:
    print("\n(d) planted values and fonts")
    out = folder / "out"
    checked: list[tuple[str, dict[str, Any], bytes, bytes]] = []
    with ConverterPool(settings) as pool:
        for kind in kinds():
            doc = render(kind, sample(kind), settings=settings)
            checked.append((kind, sample(kind), doc.docx, pool.convert(doc.docx)))
    for data in notices(count):
        key = data["document_number"]
        checked.append(
            ("selection_notice", data, (out / f"{key}.docx").read_bytes(), (out / f"{key}.pdf").read_bytes())
        )
    values = missing_docx = missing_pdf = fonts = unembedded = 0
    tmp = folder
    for _, data, docx, pdf in checked:
        wanted = expected(data)
        values += len(wanted)
        text = squeeze(docx_text(docx))
        missing_docx += sum(1 for v in wanted if squeeze(v) not in text)
        (tmp / "x.pdf").write_bytes(pdf)
        ptext = squeeze(
            subprocess.run(
                ["pdftotext", "-raw", str(tmp / "x.pdf"), "-"], capture_output=True, text=True
            ).stdout
        )
        missing_pdf += sum(1 for v in wanted if not visible(v, ptext))
        listing = subprocess.run(["pdffonts", str(tmp / "x.pdf")], capture_output=True, text=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:]]
        fonts += len(rows)
        unembedded += sum(1 for r in rows if r[-5] != "yes")
    print(
        f"    {len(checked)} documents, {values} planted values: "
        f"{missing_docx} missing in DOCX, {missing_pdf} missing in PDF"
    )
    print(f"    {fonts} fonts in the PDFs: {unembedded} not embedded")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and a batch of 60 notices")
    args = parser.parse_args()
    # Other work on the machine slows LibreOffice down: the figures are only comparable at a low load.
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)\n")
    with tempfile.TemporaryDirectory(prefix="bench-render-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), unoserver_base_port=26000)
        docx_figures(settings, 20 if args.quick else 100)
        pdf_figures(settings, 40 if args.quick else 100, 2 if args.quick else 3)
        count = 60 if args.quick else NOTICES
        folder = batch_figures(settings, count)
        try:
            check_figures(settings, folder, count)
        finally:
            shutil.rmtree(folder)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
