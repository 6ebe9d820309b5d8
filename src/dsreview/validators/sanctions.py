"""The sanctions list (부정당업자 제재 목록): CSV `business_registration_number,company_name,
sanction_start,sanction_end,reason`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dsreview.errors import UsageError

COLUMNS = ("business_registration_number", "company_name", "sanction_start", "sanction_end", "reason")


@dataclass(frozen=True, slots=True)
class Sanction:
    business_registration_number: str
    company_name: str
    start: date
    end: date
    reason: str

    def active_on(self, day: date) -> bool:
        return self.start <= day <= self.end


def parse_sanctions(text: str, *, source: str = "sanctions.csv") -> list[Sanction]:
    """Parse the CSV; a malformed list is a usage error naming the line, never a silent pass."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise UsageError(f"{source}: 제재 목록에 열이 없습니다 (missing columns): {', '.join(missing)}")
    out: list[Sanction] = []
    for n, row in enumerate(reader, start=2):
        try:
            out.append(
                Sanction(
                    business_registration_number="".join(
                        ch for ch in row["business_registration_number"] if ch.isdigit()
                    ),
                    company_name=(row["company_name"] or "").strip(),
                    start=date.fromisoformat(row["sanction_start"].strip()),
                    end=date.fromisoformat(row["sanction_end"].strip()),
                    reason=(row["reason"] or "").strip(),
                )
            )
        except (ValueError, AttributeError) as exc:
            raise UsageError(
                f"{source}:{n}: 제재 목록의 날짜 형식이 올바르지 않습니다 (bad row): {exc}"
            ) from None
    return out


def load_sanctions(path: Path) -> list[Sanction]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: 제재 목록을 읽을 수 없습니다 (cannot read): {exc}") from None
    return parse_sanctions(text, source=str(path))
