"""The one checklist of a check report: each required document, each criterion, and every finding
beside what to do about it. The vendor's and staff's pages, the pre-filled review opinion and the
supplement request are all built from it, so they never disagree.

Nothing here judges anything: which documents are required is `forms.applicable` over the
report's own application form (the rule the check used), statuses and messages are the report's,
and what to submit is `forms/render/supplement_actions.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from dsreview.domain import CRITERIA, Finding, Report, Severity
from dsreview.domain.documents import merged
from dsreview.forms import applicable, document_types, title_of


@lru_cache(maxsize=1)
def _actions() -> dict[str, str]:
    ref = resources.files("dsreview.forms").joinpath("render", "supplement_actions.json")
    actions: dict[str, str] = json.loads(ref.read_text(encoding="utf-8"))["actions"]
    return actions


@lru_cache(maxsize=1)
def _criteria() -> dict[str, dict[str, str]]:
    ref = resources.files("dsreview.forms").joinpath("render", "criteria.json")
    return {c["id"]: c for c in json.loads(ref.read_text(encoding="utf-8"))["criteria"]}


@dataclass(frozen=True, slots=True)
class FindingView:
    finding: Finding
    action: str | None  # what to submit, for the findings a supplement request puts to the vendor

    @property
    def severity(self) -> str:
        return self.finding.severity.value


@dataclass(slots=True)
class SourceView:
    source: str
    pages: list[int]


@dataclass(slots=True)
class DocumentRow:
    type: str
    title: str
    requirement: str  # always | conditional | extra (submitted, not required)
    sources: list[SourceView] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        return bool(self.sources)

    @property
    def state(self) -> str:
        """missing | error | warning | ok: the row's one-word summary."""
        if not self.submitted:
            return "missing"
        severities = {f.finding.severity for f in self.findings}
        if Severity.error in severities:
            return "error"
        if Severity.warning in severities:
            return "warning"
        return "ok"


@dataclass(slots=True)
class CriterionRow:
    id: str
    title: str
    detail: str
    status: str | None
    findings: list[FindingView] = field(default_factory=list)


@dataclass(slots=True)
class Checklist:
    complete: bool
    application_date: date | None
    documents: list[DocumentRow]
    criteria: list[CriterionRow]
    general: list[FindingView]  # about files or the bundle as a whole

    @property
    def asks(self) -> list[FindingView]:
        """The findings that ask the vendor for something (each once)."""
        every = [f for row in self.documents for f in row.findings] + self.general
        seen: set[int] = set()
        out = []
        for f in every:
            if f.action and f.finding.severity is not Severity.info and id(f.finding) not in seen:
                seen.add(id(f.finding))
                out.append(f)
        return out

    @property
    def to_fix(self) -> int:
        """How many findings ask the vendor for something: 0 is the only 'nothing to fix'."""
        return len(self.asks)


def _view(f: Finding) -> FindingView:
    template = _actions().get(f.code)
    action = template.format(document=title_of(f.document), source=f.source or "") if template else None
    return FindingView(finding=f, action=action)


def _form(report: Report) -> dict[str, Any]:
    forms = [d for d in report.documents if d.type == "application_form"]
    return dict(merged(forms).fields) if forms else {}


def checklist(report: Report) -> Checklist:
    """The checklist of one report."""
    required = applicable(_form(report))
    order = [r.type for r in required]
    submitted = [d.type for d in report.documents if d.type in document_types() and d.type != "unknown"]
    extra = [t for t in dict.fromkeys(submitted) if t not in order]
    rows: dict[str, DocumentRow] = {}
    for req in required:
        kind = "conditional" if req.conditional else "always"
        rows[req.type] = DocumentRow(type=req.type, title=title_of(req.type), requirement=kind)
    for doc_type in extra:
        rows[doc_type] = DocumentRow(type=doc_type, title=title_of(doc_type), requirement="extra")
    for doc in report.documents:
        if doc.type in rows:
            rows[doc.type].sources.append(SourceView(source=doc.source, pages=list(doc.pages)))
    known = _criteria()
    criteria = {
        key: CriterionRow(
            id=key,
            title=known.get(key, {}).get("title", key),
            detail=known.get(key, {}).get("detail", ""),
            status=report.criteria[key].value if key in report.criteria else None,
        )
        for key in CRITERIA
    }
    general: list[FindingView] = []
    for f in report.findings:
        view = _view(f)
        if f.criterion in criteria:
            criteria[f.criterion].findings.append(view)
        if f.document in rows:
            rows[f.document].findings.append(view)
        elif f.criterion not in criteria:
            general.append(view)
    return Checklist(
        complete=report.complete,
        application_date=report.application_date,
        documents=list(rows.values()),
        criteria=list(criteria.values()),
        general=general,
    )


def report_of(raw: dict[str, Any] | None) -> Report | None:
    """The stored report as the engine's type (None before the first check)."""
    return Report.model_validate(raw) if raw else None
