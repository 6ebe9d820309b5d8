"""The documents of one bundle must name one company: BRN, CRN and company name agree."""

from __future__ import annotations

from collections.abc import Callable

from dsreview.domain.identifiers import digits_of
from dsreview.domain.names import company_key, misread_variant
from dsreview.forms import fields_where, title_of
from dsreview.validators.context import Context


def _slots(kind: str) -> list[tuple[str, str]]:
    return fields_where(kind=kind, identity=True)


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
