"""The intake use case without a database: read a bundle, extract its documents, check them.

`dsreview check`, the service's check job and the benchmarks all call `check_files`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, Finding, Report
from dsreview.domain.business import BusinessCheck
from dsreview.extractors.pipeline import extract_readings
from dsreview.extractors.reading import BatchedTools, ProgressCallback, read_files
from dsreview.forms import load_policy
from dsreview.validators.bundle import application_date_of, check_bundle
from dsreview.validators.identity import Applicant, bundle_brn
from dsreview.validators.sanctions import Sanction, load_sanctions

# Second looks at OCR'd page images, decoded in the reading layer's limited children and batched.
SandboxTools = BatchedTools


def extract_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    lang: str = "ko",
) -> tuple[list[ExtractedDocument], list[Finding]]:
    """Read, split, classify and extract. Returns the documents and the findings about the files."""
    readings = read_files(paths, settings=settings, names=names, progress=progress)

    return extract_readings(readings, lang=lang, tools=SandboxTools(settings))


def check_files(
    paths: Sequence[Path],
    *,
    settings: Settings,
    application_date: date | None = None,
    sanctions_csv: Path | None = None,
    sanctions: list[Sanction] | None = None,
    names: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    lang: str = "ko",
    today: date | None = None,
    adjust: Callable[[list[ExtractedDocument]], list[ExtractedDocument]] | None = None,
    applicant: Applicant | None = None,
    business_status: Callable[[str | None], BusinessCheck] | None = None,
    rehabilitation: str = "",
) -> Report:
    """The engine's report on one application bundle (DOMAIN §9).

    Sanctions come as a CSV path (the CLI) or as parsed rows (the service); with neither, criterion
    2-2 is left to a person (`sanctions_unavailable`). `adjust` changes the extracted documents
    before they are judged: staff's corrections in the service. The service also names the
    applying account's company, looks the bundle's BRN up (`business_status`: 국세청 상태조회) and
    passes a rehabilitation staff recorded; the CLI does none of these.
    """
    if sanctions is None and sanctions_csv is not None:
        sanctions = load_sanctions(sanctions_csv)
    documents, file_findings = extract_files(
        paths, settings=settings, names=names, progress=progress, lang=lang
    )
    if adjust is not None:
        documents = adjust(documents)
    return check_bundle(
        documents,
        application_date=application_date_of(documents, application_date, today or date.today()),
        policy=load_policy(settings.policy_file),
        sanctions=sanctions,
        file_findings=file_findings,
        lang=lang,
        applicant=applicant,
        business=business_status(bundle_brn(documents)) if business_status is not None else None,
        rehabilitation=rehabilitation,
    )
