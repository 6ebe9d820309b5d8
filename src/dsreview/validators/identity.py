"""The documents of one bundle must name one company: BRN, CRN and company name agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dsreview.domain import ExtractedDocument
from dsreview.domain.identifiers import digits_of
from dsreview.domain.names import company_key, misread_variant
from dsreview.forms import fields_where, title_of
from dsreview.validators.context import Context


def _slots(kind: str) -> list[tuple[str, str]]:
    return fields_where(kind=kind, identity=True)


@dataclass(frozen=True, slots=True)
class Applicant:
    """The company of the account that submitted the bundle (the service knows it; the CLI does not)."""

    brn: str | None
    name: str


def bundle_brn(documents: list[ExtractedDocument]) -> str | None:
    """The business registration number the bundle gives (the form's, else another document's)."""
    by_type = {d.type: d for d in reversed(documents)}
    for doc_type, name in _slots("brn"):
        doc = by_type.get(doc_type)
        value = doc.fields.get(name) if doc else None
        if isinstance(value, str) and len(digits_of(value)) == 10:
            return digits_of(value)
    return None


def check_applicant(ctx: Context, applicant: Applicant) -> None:
    """The bundle must be the applying account's company: its BRN, else its name, names it."""
    who = f"{applicant.name}, {applicant.brn}" if applicant.brn else applicant.name
    for slots, key, theirs in (
        (_slots("brn"), digits_of, applicant.brn),
        (_slots("company"), company_key, applicant.name),
    ):
        if not theirs:
            continue
        found = [
            (doc_type, name, value)
            for doc_type, name in slots
            if isinstance(value := ctx.value(doc_type, name), str) and value.strip()
        ]
        if not found:
            continue
        odd = next(((t, n, v) for t, n, v in found if key(v) != key(theirs)), None)
        if odd is not None:
            ctx.add(
                "identity_mismatch",
                variant="applicant",
                document=odd[0],
                field=odd[1],
                value=odd[2],
                detail=who,
            )
        return  # the BRN decides when the documents carry one; the name only without it


def check_identity(ctx: Context) -> None:
    _agree(ctx, _slots("brn"), digits_of)
    _agree(ctx, _slots("crn"), digits_of)
    _agree(ctx, _slots("company"), company_key, misread=True)


def _agree(
    ctx: Context, slots: list[tuple[str, str]], key: Callable[[str], str], *, misread: bool = False
) -> None:
    seen: list[tuple[str, str, str]] = []
    for doc_type, name in slots:
        value = ctx.value(doc_type, name)
        if isinstance(value, str) and value.strip():
            seen.append((doc_type, value, key(value)))
    if misread:
        seen = _misreads_joined(ctx, seen)
    if len({k for _, _, k in seen}) <= 1:
        return
    detail = ", ".join(f"{title_of(t) if ctx.lang == 'ko' else t}: {v}" for t, v, _ in seen)
    # name the document that disagrees with the others (the first when there is no majority)
    counts: dict[str, int] = {}
    for _, _, k in seen:
        counts[k] = counts.get(k, 0) + 1
    majority = max(counts, key=lambda k: counts[k])
    odd = next((t for t, _, k in seen if k != majority), seen[0][0])
    odd_field = dict(slots)[odd]
    ctx.add("identity_mismatch", document=odd, field=odd_field, detail=detail)


def _misreads_joined(ctx: Context, seen: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A name read from a scan that differs from another reading by one letter of one syllable
    (별빛/별빚) is the same name misread, not another company: both get one key, the more common."""
    counts: dict[str, int] = {}
    for _, _, k in seen:
        counts[k] = counts.get(k, 0) + 1
    out = []
    for doc_type, value, k in seen:
        doc = ctx.doc(doc_type)
        if doc is not None and doc.ocr:
            group = [k, *(o for o in counts if misread_variant(k, o))]
            k = max(group, key=lambda o: (counts[o], o))
        out.append((doc_type, value, k))
    return out
