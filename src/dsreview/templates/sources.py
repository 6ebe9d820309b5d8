"""Where each kind's template comes from, and the check every template passes before it is used.

The shipped templates are files (`templates/docx/<kind>.docx`, `templates/hwpx/<kind>.hwpx`) that
staff edit in Word, LibreOffice or 한글. `DSREVIEW_TEMPLATES_DIR` names a folder whose
`<kind>.docx` / `<kind>.hwpx` replace the shipped ones, kind by kind. `check_templates(settings)`,
run at start-up, refuses a template whose placeholders the kind's schema does not declare, or that
never prints a required field, with a message naming the template file and the placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from dsreview.config import Settings
from dsreview.errors import PolicyError
from dsreview.forms.messages import joined
from dsreview.templates.filters import jinja_env
from dsreview.templates.kinds import kind_spec, kinds, render_schema
from dsreview.templates.placeholders import Problem, check

FORMATS = ("docx", "hwpx")


class TemplateError(PolicyError):
    """A template (shipped or overriding) cannot be used: unreadable, broken Jinja, or a placeholder
    the data does not have. A deployment error: the service does not start. `parts` are the
    catalogue's (code, facts) of each problem, said again in English for `--lang en`."""

    code = "template_error"
    parts: tuple[tuple[str, dict[str, Any]], ...] = ()


def template_error(
    parts: list[tuple[str, dict[str, Any]]], *, more: int = 0, template: str = ""
) -> TemplateError:
    """A `TemplateError` of one or more catalogue messages (forms/messages.json), joined by `; `."""
    if more:
        parts = [*parts, ("template_more", {"count": more})]
    error = TemplateError(joined(parts), detail={"template": template} if template else None)
    error.parts = tuple(parts)
    return error


@dataclass(frozen=True, slots=True)
class TemplateSource:
    kind: str
    format: str
    name: str  # what a person recognises: the override's path, or `templates/docx/<kind>.docx`
    data: bytes


@lru_cache(maxsize=32)
def _shipped(kind: str, fmt: str) -> bytes:
    return resources.files("dsreview.templates").joinpath(fmt, f"{kind}.{fmt}").read_bytes()


@lru_cache(maxsize=64)
def _override(path: Path, mtime_ns: int) -> bytes:
    return path.read_bytes()


def template_source(kind: str, fmt: str = "docx", folder: Path | None = None) -> TemplateSource:
    """A kind's template in a format: the folder's `<kind>.<fmt>` if there is one, else the shipped one."""
    kind_spec(kind)  # an unknown kind is a usage error, not a missing file
    if folder is not None:
        path = folder / f"{kind}.{fmt}"
        if path.is_file():
            try:
                return TemplateSource(kind, fmt, str(path), _override(path, path.stat().st_mtime_ns))
            except OSError as exc:
                raise template_error([("template_unreadable", {"path": path, "reason": exc})]) from exc
    return TemplateSource(kind, fmt, f"templates/{fmt}/{kind}.{fmt}", _shipped(kind, fmt))


def jinja_sources(source: TemplateSource) -> dict[str, str]:
    """The Jinja source of each templated part of a template, as the renderer compiles it."""
    if source.format == "docx":
        from dsreview.templates.engine import PreparedTemplate

        try:
            return PreparedTemplate(source.data, jinja_env()).sources
        except jinja2.TemplateSyntaxError as exc:
            raise syntax_error(source, exc) from exc
        except Exception as exc:  # not a DOCX package at all
            facts = {"template": source.name, "reason": exc}
            raise template_error([("template_not_docx", facts)], template=source.name) from exc
    from dsreview.templates.hwpx import hwpx_sources

    return hwpx_sources(source)


@lru_cache(maxsize=64)
def problems(source: TemplateSource) -> list[Problem]:
    """What is wrong with one template against its kind's schema (empty: it may be used)."""
    spec = kind_spec(source.kind)
    parts = jinja_sources(source)
    try:
        joined = "\n".join(parts.values())
        return check(
            source.kind,
            joined,
            render_schema(source.kind),
            computed=spec.computed,
            unprinted=spec.unprinted,
        )
    except jinja2.TemplateSyntaxError as exc:
        raise syntax_error(source, exc) from exc


def syntax_error(source: TemplateSource, exc: jinja2.TemplateSyntaxError) -> TemplateError:
    facts = {"template": source.name, "reason": exc.message}
    return template_error([("template_syntax", facts)], template=source.name)


def describe(source: TemplateSource, problem: Problem) -> tuple[str, dict[str, Any]]:
    """The catalogue's message of one problem: which template, which placeholder, what is wrong."""
    facts: dict[str, Any] = {
        "template": source.name,
        "placeholder": f"{{{{ {problem.placeholder} }}}}"
        if problem.reason == "unknown"
        else problem.placeholder,
        "pointer": problem.pointer,
        "kind": source.kind,
    }
    if problem.reason == "unknown" and problem.pointer.startswith("org"):
        return "template_unknown_setting", facts
    if problem.reason == "unknown":
        return "template_unknown_placeholder", facts
    return "template_unprinted", facts


def check_template(source: TemplateSource) -> None:
    """Raise `TemplateError` naming the template and its first problems."""
    found = problems(source)
    if found:
        parts = [describe(source, p) for p in found[:3]]
        raise template_error(parts, more=max(0, len(found) - 3), template=source.name)


def check_templates(settings: Settings, formats: tuple[str, ...] = FORMATS) -> None:
    """Check every kind's template in every format, overrides included (at start-up)."""
    for kind in kinds():
        for fmt in formats:
            check_template(template_source(kind, fmt, settings.templates_dir))
