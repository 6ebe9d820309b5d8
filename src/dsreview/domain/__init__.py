"""Plain domain types shared by every layer."""

from dsreview.domain.documents import Evidence, ExtractedDocument
from dsreview.domain.findings import CRITERIA, Finding, Severity, Status
from dsreview.domain.reading import FileProblem, FileReading, Page, Word
from dsreview.domain.report import Report

__all__ = [
    "CRITERIA",
    "Evidence",
    "ExtractedDocument",
    "FileProblem",
    "FileReading",
    "Finding",
    "Page",
    "Report",
    "Severity",
    "Status",
    "Word",
]
