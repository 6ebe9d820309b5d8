"""Builders of the company documents: application form, corporate registry, business registration,
credit rating. Each takes the canonical fields (the truth) and prints them in one of several layouts."""

from __future__ import annotations

import random
from typing import Any

from .layout import Doc, checkbox_text, spaced
from .printing import fmt_date, fmt_grade, fmt_money

CATEGORY_LABELS = {
    "cloud_computing": "클라우드컴퓨팅서비스",
    "cloud_support": "클라우드 지원서비스",
    "convergence": "융합서비스",
}
SUPPORT_LABELS = {"consulting": "컨설팅", "operations": "운영관리", "migration": "마이그레이션"}
PROVIDER_LABELS = {"original": "원 제공자", "reseller": "중개 제공자"}


def _boxes(options: dict[str, str], value: Any, style: int) -> str:
    return checkbox_text(list(options.values()), {options[value]} if value in options else set(), style=style)


def application_form(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    box = rng.randint(0, 2)
    cat = _boxes(CATEGORY_LABELS, f["service_category"], box)
    model = _boxes({"IaaS": "IaaS", "PaaS": "PaaS", "SaaS": "SaaS"}, f["service_model"], box)
    support = _boxes(SUPPORT_LABELS, f["support_type"], box)
    provider = _boxes(PROVIDER_LABELS, f["provider_type"], box)
    edu = checkbox_text(["해당", "해당없음"], {"해당" if f["education_exempt"] else "해당없음"}, style=box)
    doc.small("■ 디지털서비스 심사·선정 등에 관한 고시 [별지 제1호서식]")
    if variant == 0:
        doc.title("디지털서비스 심사 신청서", size=17)
        doc.table([["구분", "항목", "내용"]], [14, 22, 64], header=True)
        rows = [
            ["신청기업", "상호", f["company_name"]],
            ["", "대표자", f["representative"]],
            ["", "사업자등록번호", f["business_registration_number"]],
            ["", "주소", f["address"]],
            ["", "담당자", f["contact_name"]],
            ["", "연락처", f["contact_phone"]],
            ["", "전자우편", f["contact_email"]],
            ["신청 서비스", "서비스명", f["service_name"]],
            ["", "서비스 구분", cat],
            ["", "서비스 모델", model],
            ["", "지원서비스 유형", support],
            ["", "제공자 유형", provider],
            ["", "교육 목적 서비스", edu],
        ]
        doc.table(rows, [14, 22, 64], label_cols=(0, 1))
    elif variant == 1:
        doc.title("디지털서비스 심사신청서", size=18, boxed=True)
        doc.line("1. 신청기업 정보", bold=True)
        doc.table(
            [
                ["상호", f["company_name"], "대표자", f["representative"]],
                ["사업자등록번호", f["business_registration_number"], "담당자", f["contact_name"]],
                ["연락처", f["contact_phone"], "전자우편", f["contact_email"]],
                ["주소", f["address"], "", ""],
            ],
            [18, 32, 14, 36],
            label_cols=(0, 2),
        )
        doc.line("2. 신청 서비스 정보", bold=True)
        doc.table(
            [
                ["서비스명", f["service_name"]],
                ["서비스 유형", cat],
                ["서비스 형태", model],
                ["지원서비스 구분", support],
                ["제공자 구분", provider],
                ["교육목적 제공 여부", edu],
            ],
            [24, 76],
            label_cols=(0,),
        )
    else:
        doc.title("디지털서비스 심사 신청서", size=16, spacing=True)
        doc.line("가. 신청기업", bold=True)
        doc.label_lines(
            [
                ("상호(법인명)", f["company_name"]),
                ("대표자 성명", f["representative"]),
                ("사업자등록번호", f["business_registration_number"]),
                ("본사 주소", f["address"]),
                ("담당자 성명", f["contact_name"]),
                ("전화번호", f["contact_phone"]),
                ("E-mail", f["contact_email"]),
            ],
            label_width=100,
            indent=12,
        )
        doc.line("나. 신청 서비스", bold=True)
        doc.label_lines(
            [
                ("신청 서비스명", f["service_name"]),
                ("디지털서비스 구분", cat),
                ("서비스 모델", model),
                ("지원 유형", support),
                ("제공자 유형", provider),
                ("교육 목적", edu),
            ],
            label_width=100,
            indent=12,
        )
    doc.space(8)
    doc.paragraph(
        "「디지털서비스 심사·선정 등에 관한 고시」에 따라 위와 같이 디지털서비스 심사를 신청합니다."
    )
    doc.space(6)
    doc.line(fmt_date(f["application_date"], ds), align="center", size=doc.s.size + 1)
    doc.space(6)
    doc.signature(
        [f"신청인  {f['company_name']}  대표이사  {f['representative']}  (인)"],
        seal="대표이사인",
        align="right",
    )
    doc.space(10)
    doc.line("과학기술정보통신부장관 귀하", bold=True, size=doc.s.size + 2)


def corporate_registry(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    title = rng.choice(["등기사항전부증명서(말소사항 포함)", "등기사항전부증명서(현재 유효사항)"])
    doc.small("[제출용]", align="right")
    doc.title(title, size=16)
    doc.line("- 법인 -" if variant != 1 else "법인", align="center")
    label_w = [20, 80]
    incorp = fmt_date(f["incorporation_date"], "kor_spaced")
    rows = [["등기번호", f["registry_number"]], ["등록번호", f["corporate_registration_number"]]]
    doc.table(rows, label_w, label_cols=(0,), shade=False)
    changed = ctx.get("name_changed")
    name_cell = f["company_name"] + (f"      {changed} 변경  {changed} 등기" if changed else "")
    doc.table(
        [
            ["상호", name_cell],
            ["본점", f["head_office"]],
            ["공고방법", "서울특별시에서 발행하는 일간 매일경제신문에 게재한다"],
            ["1주의 금액", fmt_money(5000, 0)],
            ["발행할 주식의 총수", f"{ctx['shares_total']:,} 주"],
        ],
        label_w,
        label_cols=(0,),
        shade=variant == 2,
    )
    doc.table(
        [
            ["발행주식의 총수와 그 종류 및 각각의 수", "자본금의 액"],
            [
                f"발행주식의 총수  {f['capital'] // 5000:,} 주\n보통주식  {f['capital'] // 5000:,} 주",
                fmt_money(f["capital"], variant),
            ],
        ],
        [60, 40],
        header=True,
    )
    doc.line(spaced("목적", "   "), bold=True)
    for i, p in enumerate(f["purposes"], 1):
        doc.line(f"{i}. {p}", indent=14)
    doc.space(6)
    if variant == 1:
        doc.new_page()
    doc.line("임원에 관한 사항", bold=True)
    officers: list[tuple[str, str]] = [("사내이사", n) for n in ctx["directors"]]
    officers += [("대표이사", n) for n in f["representatives"]]
    officers.append(("감사", ctx["auditor"]))
    for role, name in officers:
        birth = f"{rng.randint(60, 92)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-*******"
        doc.line(f"{role}  {name}  {birth}", indent=14)
        doc.line(
            f"{fmt_date(ctx['officer_date'], 'kor_spaced')} 취임    "
            f"{fmt_date(ctx['officer_date'], 'kor_spaced')} 등기",
            indent=28,
            size=doc.s.size - 1,
        )
    doc.space(4)
    doc.table(
        [["회사성립연월일", incorp], ["등기기록의 개설 사유 및 연월일", f"설립  {incorp}  등기"]],
        [35, 65],
        label_cols=(0,),
        shade=False,
    )
    doc.line("-- 이 하 여 백 --", align="center")
    doc.space(6)
    doc.line(
        f"수수료 1,000원 영수함     관할등기소  {f['registry_office']}  /  "
        "발행등기소  법원행정처 등기정보중앙관리소",
        size=doc.s.size - 1.5,
    )
    doc.line("이 증명서는 등기기록의 내용과 틀림없음을 증명합니다.", align="center")
    doc.line(f"발행일  {fmt_date(f['issue_date'], ds if ds != 'kor_spaced' else 'slash')}", align="right")
    doc.space(24)
    doc.signature(["법원행정처 등기정보중앙관리소 전산운영책임관"], seal="전산운영책임관인")


def business_registration(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    doc.title("사업자등록증", size=20, spacing=variant != 2)
    doc.line("( 법인사업자 )", align="center")
    doc.space(6)
    opening = fmt_date(f["opening_date"], "kor_spaced" if variant != 1 else ds)
    if variant in (0, 2):
        doc.line(f"등록번호 : {f['registration_number']}", align="center", size=doc.s.size + 2, bold=True)
        doc.space(4)
        rows = [
            ("법인명(단체명)", f["company_name"]),
            ("대표자", f["representative"]),
            ("개업연월일", opening),
            ("법인등록번호", f["corporate_registration_number"]),
            ("사업장 소재지", f["business_address"]),
            ("본점 소재지", f["head_office_address"]),
        ]
        doc.label_lines(rows, label_width=118)
    else:
        doc.table(
            [
                ["등록번호", f["registration_number"]],
                ["법인명(단체명)", f["company_name"]],
                ["대표자", f["representative"]],
                ["개업연월일", opening],
                ["법인등록번호", f["corporate_registration_number"]],
                ["사업장 소재지", f["business_address"]],
                ["본점 소재지", f["head_office_address"]],
            ],
            [26, 74],
            label_cols=(0,),
        )
    doc.space(4)
    types, items = f["business_types"], f["business_items"]
    if variant == 2:
        doc.line(f"사업의 종류 :  업태  {', '.join(types)}     종목  {', '.join(items)}")
    else:
        doc.line("사업의 종류", bold=True)
        n = max(len(types), len(items))
        rows = [["업태", "종목"]] + [
            [types[i] if i < len(types) else "", items[i] if i < len(items) else ""] for i in range(n)
        ]
        doc.table(rows, [35, 65], header=True)
    doc.label_lines(
        [
            ("발급사유", ctx.get("issue_reason", "신규")),
            ("공동사업자", ""),
            ("전자세금계산서 전용 전자우편주소", ""),
        ],
        label_width=200,
    )
    doc.space(14)
    doc.line(
        fmt_date(f["issue_date"], ds if variant != 0 else "kor_spaced"), align="center", size=doc.s.size + 1
    )
    doc.space(8)
    doc.signature([f"{f['tax_office']}장"], seal="세무서장인", size=doc.s.size + 5)
    doc.space(20)
    doc.small(
        "국세청 홈택스(www.hometax.go.kr)의 발급문서진위확인 메뉴에서 위·변조 여부를 확인할 수 있습니다."
    )


def credit_rating(doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int) -> None:
    ds = ctx["date_style"]
    grade = fmt_grade(f["rating"], zero=ctx.get("grade_zero", False))
    period = f"{fmt_date(f['valid_from'], ds)} ~ {fmt_date(f['valid_until'], ds)}"
    titles = ["기업신용평가등급확인서", "신용평가등급확인서", "신용평가등급 확인서"]
    doc.small(f"발급번호 : {ctx['cert_no']}", align="right")
    doc.title(titles[variant % 3], size=18, boxed=variant == 1)
    doc.space(4)
    if variant == 0:
        doc.table(
            [
                ["기업명", f["company_name"], "대표자", ctx["representative"]],
                ["사업자등록번호", f["business_registration_number"], "법인등록번호", ctx["crn"]],
                ["주소", ctx["address"], "", ""],
            ],
            [18, 34, 16, 32],
            label_cols=(0, 2),
        )
        doc.line("■ 평가 내용", bold=True)
        doc.table(
            [
                ["신용등급", "현금흐름등급", "결산기준일", "평가일", "유효기간"],
                [
                    grade,
                    f["cash_flow_grade"],
                    fmt_date(f["settlement_date"], ds),
                    fmt_date(f["evaluation_date"], ds),
                    period,
                ],
            ],
            [14, 15, 18, 18, 35],
            header=True,
            align_center=(0, 1, 2, 3, 4),
        )
    elif variant == 1:
        doc.table(
            [
                ["업체명", f["company_name"]],
                ["사업자등록번호", f["business_registration_number"]],
                ["대표자", ctx["representative"]],
                ["신용평가등급", grade],
                ["현금흐름등급", f["cash_flow_grade"]],
                ["결산기준일", fmt_date(f["settlement_date"], ds)],
                ["평가일자", fmt_date(f["evaluation_date"], ds)],
                ["유효기간", period],
                ["평가기관", ctx["agency_full"]],
            ],
            [28, 72],
            label_cols=(0,),
        )
    else:
        doc.label_lines(
            [
                ("상호", f["company_name"]),
                ("사업자등록번호", f["business_registration_number"]),
                ("소재지", ctx["address"]),
            ],
            label_width=110,
        )
        doc.space(6)
        doc.label_lines(
            [
                ("기업신용등급", grade),
                ("현금흐름등급", f["cash_flow_grade"]),
                ("결산기준일", fmt_date(f["settlement_date"], ds)),
                ("평가일", fmt_date(f["evaluation_date"], ds)),
                ("유효기간", period),
            ],
            label_width=110,
        )
    doc.space(8)
    doc.paragraph(
        "위 기업의 신용평가등급이 위와 같음을 확인합니다. 본 확인서는 공공기관 입찰 및 계약 참가 시 "
        "신용평가등급 확인 용도로 발급되었습니다."
    )
    if rng.random() < 0.6:
        doc.small(
            "※ 등급 정의 : AAA 최상위 신용능력 / AA 우수 / A 양호 / BBB 보통 / BB 보통 이하 / "
            "B 상거래 신용능력 보통 / CCC 이하 신용위험 높음 / D 부도"
        )
    doc.line(fmt_date(ctx["issue_date"], ds), align="center")
    doc.space(6)
    doc.signature([ctx["agency_full"], f"대표이사  {ctx['agency_ceo']}"], seal="대표이사인")
