"""An extracted document: its type, where it came from, its fields and the evidence for each."""

from __future__ import annotations

from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    model_serializer,
)


class Evidence(BaseModel):
    """Where a value was read: 1-based page within `source`, box in points from the top-left."""

    model_config = ConfigDict(frozen=True)

    page: int
    bbox: tuple[float, float, float, float]
    confidence: float = 1.0
    text: str = ""  # the text as read, before normalisation
    # When the value is not what the page's OCR read: the repairs that read it again (their names,
    # `extractors/repair.py`, or `second_look`) and what the OCR had read there. Left out when None.
    repaired_by: str | None = None
    read_as: str | None = None

    @model_serializer(mode="wrap")
    def _without_empty_repairs(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        for key in ("repaired_by", "read_as"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class ExtractedDocument(BaseModel):
    type: str
    source: str
    pages: list[int]
    ocr: bool = False
    confidence: float = 1.0
    fields: dict[str, Any] = Field(default_factory=dict)
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    # What each OCR reading gave, per field (not serialised): the bundle-level vote uses it.
    _readings: dict[str, list[Any]] = PrivateAttr(default_factory=dict)

    @property
    def readings(self) -> dict[str, list[Any]]:
        return self._readings

    @readings.setter
    def readings(self, value: dict[str, list[Any]]) -> None:
        self._readings = value

    def get(self, name: str) -> Any:
        return self.fields.get(name)


def merged(documents: list[ExtractedDocument]) -> ExtractedDocument:
    """One document of a type from several (a document split over image files): the fullest first,
    its empty fields filled from the others."""
    ranked = sorted(
        documents, key=lambda d: (-sum(v not in (None, [], "") for v in d.fields.values()), -d.confidence)
    )
    base = ranked[0].model_copy(deep=True)
    for other in ranked[1:]:
        for name, value in other.fields.items():
            if base.fields.get(name) in (None, [], "") and value not in (None, [], ""):
                base.fields[name] = value
                if name in other.evidence:
                    base.evidence[name] = other.evidence[name]
    return base
