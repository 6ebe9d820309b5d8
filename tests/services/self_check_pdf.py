"""A 품질적합성 자가점검 보고서 PDF drawn by the sample generator (samples/generator), for the tests of
the monthly check: the engine reads it like any other document."""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tests.services.support import ROOT


def self_check_pdf(path: Path, **fields: Any) -> Path:
    if str(ROOT / "samples") not in sys.path:
        sys.path.insert(0, str(ROOT / "samples"))
    from generator.layout import Doc, Style, new_canvas
    from generator.service_docs import quality_self_check

    values = {
        "company_name": "누리데이터 주식회사",
        "business_registration_number": "271-87-81566",
        "service_name": "문서중앙화 서비스 Pro",
        "selection_number": "DS2025-0001",
        "report_date": date(2026, 11, 30),
        "items": [
            {"item": "서비스 가용률 유지", "result": "conform"},
            {"item": "보안인증 유효기간", "result": "nonconform"},
        ],
        "overall_result": "conform",
        **fields,
    }
    rng = random.Random(7)
    canvas = new_canvas(str(path), title="")
    doc = Doc(canvas, Style.random(rng))
    quality_self_check(doc, values, {"date_style": "dot"}, rng, 0)
    doc.finish()
    canvas.save()
    return path
