"""What of a kind's input must be visible in its output: every text value, every date, every amount.

Dates print `2024. 4. 5.`, amounts `금120,000,000원`, coded values as their Korean labels.
"""

from __future__ import annotations

import re
from typing import Any

from dsreview.templates.filters import kdate, label, won

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GROUPS = {
    "service_category": "service_category",
    "service_model": "service_model",
    "support_type": "support_type",
    "provider_type": "provider_type",
    "method": "contract_method",
    "status": "status",
    "requirement": "requirement",
    "submitted": "submitted",
}


def expected(data: Any, key: str = "") -> list[str]:
    """The strings that must appear in the rendered document, for any kind's data."""
    out: list[str] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "results" and isinstance(v, dict):  # review_report: criterion → result
                out += [label(r, "result") for r in v.values()]
            elif k == "result" and isinstance(v, str):
                out.append(label(v, "result"))
            elif k == "complete" and isinstance(v, bool):
                out.append("서류 완비" if v else "서류 미비")
            else:
                out += expected(v, k)
        return out
    if isinstance(data, list):
        for item in data:
            out += expected(item, key)
        return out
    if data is None:
        return out
    if key in _GROUPS:
        out.append(label(data, _GROUPS[key]))
    elif isinstance(data, bool):
        pass
    elif isinstance(data, int):
        out.append(won(data) if key == "amount" else str(data))
    elif isinstance(data, str) and _ISO.match(data):
        out.append(kdate(data))
    else:
        out.append(str(data))
    return out
