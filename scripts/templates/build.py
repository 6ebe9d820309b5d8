"""How the first DOCX templates were laid out: `python scripts/templates/build.py OUT_DIR`.

The shipped templates (`src/dsreview/templates/docx/<kind>.docx`) are the source now: staff edit
them in Word or LibreOffice, and dsreview checks their placeholders against the kinds' schemas at
start-up. This script is kept outside the package as a record of the original layout and to start a
template of a new kind; it writes to OUT_DIR and never over the shipped templates.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import build_forms
from docxkit import Grid, new_document, preserve_spaces
from layout import (
    attachments,
    item,
    official_closing,
    official_head,
    page_numbers,
)
from package import deterministic_docx

from dsreview.templates.kinds import kind_spec

CENTER_FIRST = ["center"]

MODEL = "{{ s.service_model if s.service_model else s.support_type|label('support_type') }}"


def selection_notice(doc: Any) -> None:
    official_head(
        doc,
        recipient="{{ recipient.company_name }} 대표 {{ recipient.representative }} 귀하",
        subject="디지털서비스 선정 결과 통보",
    )
    item(doc, 1, "1.", "귀 사의 무궁한 발전을 기원합니다.")
    item(
        doc,
        1,
        "2.",
        "귀 사가 신청한 디지털서비스에 대하여 「디지털서비스 심사·선정 등에 관한 고시」에 따라 "
        "제{{ committee.round }}차 디지털서비스 심사위원회({{ committee.date|kdate }})에서 심사한 결과, "
        "아래와 같이 선정되었음을 알려 드립니다.",
    )
    item(doc, 2, "가.", "선정 디지털서비스: {{ services|length }}건", keep_next=True)
    grid = Grid(doc, [12, 41, 28, 19, 19, 34, 22])
    grid.row(["연번", "서비스명", "구분", "모델·유형", "제공자", "선정번호", "선정일"], header=True)
    grid.loop(
        "for s in services",
        aligns=CENTER_FIRST,
        cells=[
            "{{ loop.index }}",
            "{{ s.service_name }}",
            "{{ s.service_category|label('service_category') }}",
            MODEL,
            "{{ s.provider_type|label('provider_type') }}",
            "{{ s.selection_number }}",
            "{{ s.selection_date|kdate }}",
        ],
    )
    item(
        doc,
        2,
        "나.",
        "선정된 디지털서비스는 디지털서비스 이용지원시스템(www.digitalmarket.kr)에 등록되며, "
        "국가기관등은 수의계약 또는 카탈로그계약으로 이를 이용할 수 있습니다.",
        space_before=6,
    )
    item(
        doc,
        1,
        "3.",
        "선정된 디지털서비스는 선정 후 1년이 지나면 매월 품질 점검 대상이 되며, 선정 기준에 적합하지 "
        "않은 것으로 확인되면 선정이 취소되고 그 명칭과 사유가 이용지원시스템에 "
        "{{ periods.posting_min_days }}일 이상 게시됩니다.",
    )
    item(
        doc,
        1,
        "4.",
        "수요기관과 계약을 체결한 경우 계약일부터 {{ periods.contract_registration_days }}일 이내에 "
        "계약정보가 이용지원시스템에 등록되도록 협조하여 주시기 바랍니다.{{ end_mark }}",
        keep_next=True,
    )
    attachments(doc)
    official_closing(doc)


def supplement_request(doc: Any) -> None:
    official_head(
        doc,
        recipient="{{ recipient.company_name }} 대표 {{ recipient.representative }} 귀하",
        subject="디지털서비스 심사 신청서류 보완 요청",
    )
    item(doc, 1, "1.", "귀 사의 무궁한 발전을 기원합니다.")
    item(
        doc,
        1,
        "2.",
        "귀 사가 {{ application_date|kdate }} 신청한 디지털서비스 「{{ service_name }}」"
        "(신청번호 {{ application_number }})의 제출서류를 확인한 결과, 아래와 같이 보완이 필요하여 "
        "요청하오니 {{ due_date|kdate }}까지 보완서류를 제출하여 주시기 바랍니다.",
    )
    item(doc, 2, "가.", "보완 요청 사항: {{ items|length }}건", keep_next=True)
    grid = Grid(doc, [12, 34, 81, 48])
    grid.row(["연번", "서류", "확인 결과", "보완 요청"], header=True)
    grid.loop(
        "for i in items",
        splits=True,
        aligns=CENTER_FIRST,
        cells=[
            "{{ loop.index }}",
            "{{ i.document }}",
            [
                "{%p for m in i.problems %}",
                "{% if i.problems|length > 1 %}· {% endif %}{{ m }}",
                "{%p endfor %}",
            ],
            "{{ i.request }}",
        ],
    )
    item(doc, 2, "나.", "보완 기한: {{ due_date|kdate }}까지", space_before=6)
    item(
        doc,
        2,
        "다.",
        "기한까지 보완서류를 제출하지 않으면 제출된 서류만으로 심사가 진행되거나 신청이 반려될 수 있습니다.",
    )
    item(
        doc,
        1,
        "3.",
        "보완서류는 디지털서비스 이용지원시스템을 통하여 제출하여 주시기 바랍니다.{{ end_mark }}",
        keep_next=True,
    )
    attachments(doc)
    official_closing(doc)


def nonconformance_posting(doc: Any) -> None:
    official_head(doc, recipient="{{ recipient }}", subject="부적합 디지털서비스 게시")
    item(
        doc,
        1,
        "1.",
        "「디지털서비스 심사·선정 등에 관한 고시」에 따른 품질 점검 결과, 선정 기준에 적합하지 않은 것으로 "
        "판정된 디지털서비스를 아래와 같이 게시합니다.",
    )
    item(
        doc,
        2,
        "가.",
        "게시 기간: {{ posting_start|kdate }} ~ {{ posting_end|kdate }} ({{ posting_days }}일간)",
    )
    item(doc, 2, "나.", "부적합 디지털서비스: {{ services|length }}건", keep_next=True)
    grid = Grid(doc, [12, 33, 28, 28, 52, 22])
    grid.row(["연번", "서비스명", "기업명", "선정번호", "부적합 사유", "결정일"], header=True)
    grid.loop(
        "for s in services",
        splits=True,
        aligns=CENTER_FIRST,
        cells=[
            "{{ loop.index }}",
            "{{ s.service_name }}",
            "{{ s.company_name }}",
            "{{ s.selection_number }}",
            "{{ s.reason }}",
            "{{ s.decision_date|kdate }}",
        ],
    )
    item(
        doc,
        1,
        "2.",
        "위 디지털서비스는 디지털서비스 이용지원시스템의 선정 디지털서비스 목록에서 삭제되었으며, "
        "게시 기간 동안 그 명칭과 부적합 사유를 공개합니다.{{ end_mark }}",
        space_before=6,
        keep_next=True,
    )
    attachments(doc)
    official_closing(doc)


KINDS: dict[str, Callable[[Any], None]] = {
    "selection_notice": selection_notice,
    "supplement_request": supplement_request,
    "nonconformance_posting": nonconformance_posting,
    "review_opinion": build_forms.review_opinion,
    "review_report": build_forms.review_report,
    "contract_info": build_forms.contract_info,
}


def build(kind: str) -> bytes:
    """The template of one kind, as bytes (deterministic); its title from forms/render/kinds.json."""
    body = KINDS[kind]
    doc = new_document(kind_spec(kind).title)
    body(doc)
    page_numbers(doc)
    preserve_spaces(doc)
    return deterministic_docx(doc)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python scripts/templates/build.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    shipped = Path(__file__).resolve().parents[2] / "src" / "dsreview" / "templates" / "docx"
    if out.resolve() == shipped.resolve():
        print("refusing to overwrite the shipped templates, which are edited as files", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        path = out / f"{kind}.docx"
        path.write_bytes(build(kind))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
