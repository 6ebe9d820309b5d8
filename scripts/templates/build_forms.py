"""Template bodies of the three forms (not letters): review opinion, review report, contract record."""

from __future__ import annotations

from typing import Any

from docx.shared import Pt
from docxkit import Grid, page_break, para, tag
from layout import caption, form_title

PAIR = [28, 59.5, 28, 59.5]  # label | value | label | value (175 mm)
FINDINGS = "{%p for f in c.findings %}", "· {{ f }}", "{%p else %}", "특이사항 없음", "{%p endfor %}"
SERVICE_MODEL = (
    "{{ service.service_model if service.service_model else service.support_type|label('support_type') }}"
)


def review_opinion(doc: Any) -> None:
    form_title(doc, "검토 의견서", "신청번호 {{ application_number }}    발송일 {{ issue_date|kdate }}")
    caption(doc, "1. 신청 개요")
    grid = Grid(doc, PAIR)
    grid.fields(
        ["신청기업", "{{ applicant.company_name|dash }}", "대표자", "{{ applicant.representative|dash }}"]
    )
    grid.fields(
        [
            "사업자등록번호",
            "{{ applicant.business_registration_number|dash }}",
            "신청일",
            "{{ application_date|kdate }}",
        ]
    )
    grid.fields(["서비스명", "{{ service.service_name|dash }}"], spans=[1, 3])
    grid.fields(
        [
            "서비스 구분",
            "{{ service.service_category|label('service_category') }}",
            "모델·유형",
            SERVICE_MODEL,
        ]
    )
    grid.fields(
        [
            "제공자 유형",
            "{{ service.provider_type|label('provider_type') }}",
            "서류 확인",
            "{{ '서류 완비' if complete else '서류 미비 (보완 필요)' }}",
        ]
    )
    grid.fields(
        [
            "검토위원",
            "{{ reviewer.name }}{% if reviewer.affiliation %} ({{ reviewer.affiliation }}){% endif %}",
            "검토 기한",
            "{{ due_date|kdate }}",
        ]
    )
    grid.keep_together()

    caption(doc, "2. 제출서류 확인")
    grid = Grid(doc, [12, 50, 18, 17, 78])
    grid.row(["연번", "서류", "구분", "제출", "자동 확인 결과"], header=True)
    grid.loop(
        "for c in checklist",
        splits=True,
        aligns=["center", "", "center", "center"],
        cells=[
            "{{ loop.index }}",
            "{{ c.document }}",
            "{{ c.requirement|label('requirement') }}",
            "{{ c.submitted|label('submitted') }}",
            ["{%p for f in c.findings %}", "· {{ f }}", "{%p else %}", "이상 없음", "{%p endfor %}"],
        ],
    )
    tag(doc, "if general_findings")
    para(doc, "그 밖의 확인 사항", "DS Caption")
    tag(doc, "for f in general_findings")
    para(doc, "· {{ f }}", "DS Table")
    tag(doc, "endfor")
    tag(doc, "endif")

    caption(doc, "3. 심사 기준별 검토")
    para(
        doc,
        "자동 확인 결과는 제출서류를 기계적으로 확인한 것이며, 판정은 검토위원이 합니다. "
        "기준별로 검토 의견을 적고 적합 또는 부적합에 표시해 주십시오.",
        "DS Table",
        keep_next=True,
    ).paragraph_format.space_after = Pt(4)
    tag(doc, "for c in criteria")
    grid = Grid(doc, [28, 97, 50])
    grid.row(
        ["{{ c.id }}", "{{ c.title }}", "자동 확인: {{ c.status|label('status') }}"],
        shade="E7E6E6",
        styles=["DS Table Head", "DS Table Head", "DS Table Head"],
    )
    grid.row(["확인 사항", list(FINDINGS)], spans=[1, 2], labels=[0], splits=True)
    grid.row(["검토 의견", ""], spans=[1, 2], labels=[0], min_height_mm=24)
    grid.row(["판정", "□ 적합          □ 부적합"], spans=[1, 2], labels=[0])
    grid.keep_together()
    para(doc, "", "DS Table")
    tag(doc, "endfor")
    para(doc, "위와 같이 검토 의견을 제출합니다.", "DS Body", align="center", space_before=12, keep_next=True)
    para(doc, "년          월          일", "DS Body", align="right", space_before=8)
    para(
        doc,
        "검토위원  {{ reviewer.name }}  (서명)",
        "DS Body",
        align="right",
        space_before=8,
    )

    page_break(doc)
    caption(doc, "붙임. 서류별 추출 항목")
    para(
        doc,
        "제출서류에서 자동으로 읽은 값입니다. 원본 서류와 다른 값이 있으면 검토 의견에 적어 주십시오.",
        "DS Table",
    )
    tag(doc, "for d in extracted")
    para(
        doc,
        "{{ loop.index }}) {{ d.document }} — {{ d.source }}{% if d.pages %} "
        "({{ d.pages|join(', ') }}쪽){% endif %}",
        "DS Caption",
        keep_next=True,
    )
    grid = Grid(doc, [50, 125])
    grid.row(["항목", "값"], header=True)
    grid.loop("for f in d.fields", ["{{ f.label }}", "{{ f.value }}"], splits=True)
    tag(doc, "endfor")
    tag(doc, "if not extracted")
    para(doc, "추출된 항목이 없습니다.", "DS Table")
    tag(doc, "endif")


def review_report(doc: Any) -> None:
    form_title(doc, "디지털서비스 검토 결과보고서", "신청번호 {{ application_number }}")
    caption(doc, "1. 개요")
    grid = Grid(doc, PAIR)
    grid.fields(["신청기업", "{{ applicant.company_name }}", "대표자", "{{ applicant.representative }}"])
    grid.fields(
        [
            "사업자등록번호",
            "{{ applicant.business_registration_number }}",
            "신청일",
            "{{ application_date|kdate }}",
        ]
    )
    grid.fields(["서비스명", "{{ service.service_name }}"], spans=[1, 3])
    grid.fields(
        [
            "서비스 구분",
            "{{ service.service_category|label('service_category') }}",
            "모델·유형",
            SERVICE_MODEL,
        ]
    )
    grid.fields(
        [
            "제공자 유형",
            "{{ service.provider_type|label('provider_type') }}",
            "검토위원",
            "{{ reviewers|length }}명",
        ]
    )
    grid.keep_together()

    caption(doc, "2. 심사 기준별 검토 결과")
    grid = Grid(doc, [16, 59, 20, 20, 24, 36])
    grid.row(["기준", "항목", "적합", "부적합", "해당 없음", "결과"], header=True)
    grid.loop(
        "for t in tally",
        aligns=["center", "", "center", "center", "center", "center"],
        cells=[
            "{{ t.id }}",
            "{{ t.title }}",
            "{{ t.suitable }}",
            "{{ t.unsuitable }}",
            "{{ t.not_applicable }}",
            "{{ t.result }}",
        ],
    )

    caption(doc, "3. 검토위원별 검토 결과")
    tag(doc, "for r in reviewers")
    para(
        doc,
        "{{ loop.index|ganada }}. {{ r.name }}{% if r.affiliation %} ({{ r.affiliation }}){% endif %}",
        "DS Caption",
        keep_next=True,
    ).paragraph_format.space_before = Pt(6)
    grid = Grid(doc, [16, 45, 22, 92])
    grid.row(["기준", "항목", "결과", "기준별 의견"], header=True)
    grid.loop(
        "for c in criteria",
        aligns=["center", "", "center", ""],
        splits=True,
        cells=[
            "{{ c.id }}",
            "{{ c.title }}",
            "{{ r.results.get(c.id)|label('result') }}",
            "{{ (r.comments or {}).get(c.id)|dash }}",
        ],
    )
    grid.row(["종합 의견", "{{ r.opinion }}"], spans=[1, 3], labels=[0], splits=True)
    tag(doc, "endfor")

    caption(doc, "4. 현장 확인")
    tag(doc, "if site_visit")
    grid = Grid(doc, PAIR)
    grid.fields(["일자", "{{ site_visit.date|kdate }}"], spans=[1, 3])
    grid.fields(["장소", "{{ site_visit.place }}"], spans=[1, 3])
    grid.fields(["참석자", "{{ site_visit.participants|join(', ') }}"], spans=[1, 3])
    grid.fields(["확인 내용", "{{ site_visit.summary }}"], spans=[1, 3], splits=True)
    tag(doc, "else")
    para(doc, "현장 확인을 실시하지 않았습니다.", "DS Table")
    tag(doc, "endif")

    caption(doc, "5. 종합 의견")
    grid = Grid(doc, [28, 147])
    grid.row(["검토 결과", "{{ conclusion.result|label('result') }}"], labels=[0])
    grid.row(["종합 의견", "{{ conclusion.summary }}"], labels=[0], splits=True)
    para(doc, "{{ report_date|kdate }}", "DS Body", align="center", space_before=18)
    para(doc, "{{ org.agency }}", "DS Sender")


def contract_info(doc: Any) -> None:
    form_title(doc, "디지털서비스 계약정보 등록 확인서", "등록번호 {{ registration_number }}")
    caption(doc, "1. 수요기관")
    grid = Grid(doc, PAIR)
    grid.fields(["기관명", "{{ agency.name }}", "부서", "{{ agency.department|dash }}"])
    grid.fields(["담당자", "{{ agency.contact_name|dash }}", "연락처", "{{ agency.contact_phone|dash }}"])

    caption(doc, "2. 계약 내용")
    grid = Grid(doc, PAIR)
    grid.fields(["계약명", "{{ contract_name }}"], spans=[1, 3])
    grid.fields(
        ["계약번호", "{{ contract_number|dash }}", "계약 방법", "{{ method|label('contract_method') }}"]
    )
    grid.fields(["계약금액", "{{ amount|won }}", "계약일", "{{ contract_date|kdate }}"])
    grid.fields(["계약기간", "{{ period.start|kdate }} ~ {{ period.end|kdate }}"], spans=[1, 3])

    caption(doc, "3. 계약 디지털서비스")
    grid = Grid(doc, [12, 53, 45, 30, 35])
    grid.row(["연번", "서비스명", "공급기업", "선정번호", "금액"], header=True)
    grid.loop(
        "for s in services",
        aligns=["center"],
        cells=[
            "{{ loop.index }}",
            "{{ s.service_name }}",
            "{{ s.company_name }}",
            "{{ s.selection_number|dash }}",
            "{{ s.amount|won }}",
        ],
    )

    caption(doc, "4. 계약정보 등록")
    grid = Grid(doc, PAIR)
    grid.fields(["등록일", "{{ registration_date|kdate }}", "등록 기한", "{{ registration_deadline|kdate }}"])
    grid.fields(["기한 준수", "{{ registration_met|label('met') }}", "기준", "{{ registration_rule }}"])

    tag(doc, "if change")
    caption(doc, "5. 계약 변경")
    grid = Grid(doc, PAIR)
    grid.fields(
        ["변경일", "{{ change.change_date|kdate }}", "변경 등록일", "{{ change.registration_date|kdate }}"]
    )
    grid.fields(["등록 기한", "{{ change_deadline|kdate }}", "기한 준수", "{{ change_met|label('met') }}"])
    grid.fields(
        [
            "변경 후 금액",
            "{{ change.amount|won }}",
            "변경 후 기간",
            "{% if change.period %}{{ change.period.start|kdate }} ~ {{ change.period.end|kdate }}"
            "{% else %}—{% endif %}",
        ]
    )
    grid.fields(["변경 내용", "{{ change.description }}"], spans=[1, 3], splits=True)
    tag(doc, "endif")

    para(
        doc,
        "위와 같이 디지털서비스 계약정보가 등록되었음을 확인합니다.",
        "DS Body",
        align="center",
        space_before=18,
    )
    para(doc, "{{ issue_date|kdate }}", "DS Body", align="center", space_before=10)
    para(doc, "{{ org.head_title }}", "DS Sender")
