"""Bounded parameters of the pages, as the API's: an id past the database's integers is an address
that does not exist (404), never a server error."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import Field

from dsreview.services.inputs import MAX_ID

PageId = Annotated[int, Path(ge=1, le=MAX_ID)]
PageNumber = Annotated[int, Path(ge=0, le=100_000)]
FormId = Annotated[int, Field(ge=1, le=MAX_ID)]
