"""An extracted document: its type, where it came from, its fields and the evidence for each."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Evidence(BaseModel):
    """Where a value was read: 1-based page within `source`, box in points from the top-left."""

    model_config = ConfigDict(frozen=True)

    page: int
    bbox: tuple[float, float, float, float]
    confidence: float = 1.0
    text: str = ""  # the text as read, before normalisation


class ExtractedDocument(BaseModel):
    type: str
    source: str
    pages: list[int]
    ocr: bool = False
    confidence: float = 1.0
    fields: dict[str, Any] = Field(default_factory=dict)
    evidence: dict[str, Evidence] = Field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields.get(name)
