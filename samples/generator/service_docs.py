"""Builders of the service documents: CSAP certificate, SLA, reseller agreement, overview,
capability evidence, quality self-check, and pages of no known type."""

from __future__ import annotations

import random
from typing import Any

from .layout import Doc, checkbox_text
from .printing import fmt_date, fmt_hours

RESPONSIBLE = {"original": "원 제공자", "reseller": "중개 제공자", "shared": "공동"}


def csap_certificate(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    kind = f["certification_type"] + (f" ({f['grade']}등급)" if f["grade"] in ("표준", "간편") else "")
    period = f"{fmt_date(f['valid_from'], ds)} ~ {fmt_date(f['valid_until'], ds)}"
    doc.space(20)
    doc.line(f"제 {f['certificate_number']} 호", align="left")
    doc.space(10)
    doc.title(
        ["클라우드서비스 보안인증서", "클라우드 보안인증서", "클라우드서비스 보안 인증서"][variant % 3],
        size=22,
        spacing=variant == 0,
    )
    doc.space(16)
    rows = [("업체명", f["company_name"]), ("서비스명", f["service_name"]), ("인증유형", kind)]
    if f["grade"] in ("상", "중", "하"):
        rows.append(("인증등급", f["grade"]))
    rows += [("인증범위", ctx["scope"]), ("유효기간", period)]
    if variant == 1:
        doc.table([[a, b] for a, b in rows], [25, 75], label_cols=(0,))
    else:
        doc.label_lines(rows, label_width=92)
    doc.space(16)
    doc.paragraph(
        "「클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률」 제23조의2 및 「클라우드컴퓨팅서비스 정보보호에 "
        "관한 기준」 고시에 따라 위 클라우드서비스가 보안인증 기준에 적합함을 인증합니다."
    )
    doc.space(30)
    doc.line(fmt_date(f["issue_date"], ds), align="center", size=doc.s.size + 2)
    doc.space(24)
    doc.signature([f"{f['issuer']}장"], seal="원장인", size=doc.s.size + 8)


def sla_policy(doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int) -> None:
    def has(name: str) -> bool:
        return f.get(name) is not None

    doc.title(["서비스 수준 정책서", "서비스 수준 정책서 (SLA)", "서비스수준 정책서"][variant % 3], size=18)
    doc.line(f"{ctx['company']}", align="right")
    doc.space(6)
    if variant == 1:
        doc.label_lines([("서비스명", f["service_name"])], label_width=70)
        rows = [["항목", "서비스 수준", "비고"]]
        if has("availability_percent"):
            rows.append(["서비스 가용률", f"{f['availability_percent']}% 이상", "월 단위 측정"])
        if has("monitoring"):
            rows.append(
                ["모니터링 정보 제공", "제공" if f["monitoring"] else "미제공", "이용자 포털 대시보드"]
            )
        if has("backup_frequency"):
            rows.append(["백업 주기", f["backup_frequency"], "보관 30일"])
        if has("rto_hours"):
            rows.append(["복구목표시간(RTO)", fmt_hours(f["rto_hours"], rng), "장애 선언 시점부터"])
        if has("rpo_hours"):
            rows.append(["복구목표시점(RPO)", fmt_hours(f["rpo_hours"], rng), "데이터 손실 허용 범위"])
        if has("support_hours"):
            rows.append(["고객지원 시간", f["support_hours"], "헬프데스크 및 원격지원"])
        if has("response_time_hours"):
            rows.append(
                ["장애 대응 시간", f"{fmt_hours(f['response_time_hours'], rng)} 이내", "접수 후 초기 대응"]
            )
        doc.table(rows, [32, 30, 38], header=True, label_cols=(0,))
        doc.paragraph(
            "위 서비스 수준은 매월 측정하여 이용기관에 보고하며, "
            "미달 시 이용약관에 따라 서비스 요금을 감면합니다."
        )
        return
    doc.line("1. 개요", bold=True)
    doc.label_lines(
        [("서비스명", f["service_name"]), ("적용 범위", "공공기관 이용계약 전체")], label_width=80, indent=12
    )
    doc.paragraph(
        "본 정책서는 이용기관에 제공하는 디지털서비스의 품질 수준과 측정 방법, 미달 시 조치를 정한다.",
        indent=12,
    )
    doc.line("2. 서비스 가용성", bold=True)
    if has("availability_percent"):
        doc.label_lines([("월간 가용률", f"{f['availability_percent']}% 이상")], label_width=100, indent=12)
    doc.paragraph(
        "가용률은 (전체 시간 - 장애 시간) / 전체 시간 × 100 으로 산정하며 계획된 점검 시간은 제외한다.",
        indent=12,
    )
    doc.line("3. 모니터링", bold=True)
    if has("monitoring"):
        mark = checkbox_text(["제공", "미제공"], {"제공" if f["monitoring"] else "미제공"})
        doc.label_lines([("모니터링 정보 제공", mark)], label_width=110, indent=12)
    doc.paragraph("자원 사용량, 응답 시간, 장애 이력을 이용자 포털에서 확인할 수 있다.", indent=12)
    if variant == 2:
        doc.new_page()
    doc.line("4. 백업 및 복구", bold=True)
    rows = []
    if has("backup_frequency"):
        rows.append(("백업 주기", f["backup_frequency"]))
    if has("rto_hours"):
        rows.append(("RTO(복구목표시간)", fmt_hours(f["rto_hours"], rng)))
    if has("rpo_hours"):
        rows.append(("RPO(복구목표시점)", fmt_hours(f["rpo_hours"], rng)))
    doc.label_lines(rows, label_width=120, indent=12)
    doc.line("5. 고객 지원", bold=True)
    rows = []
    if has("support_hours"):
        rows.append(("고객지원 시간", f["support_hours"]))
    if has("response_time_hours"):
        rows.append(("장애 대응 시간", f"접수 후 {fmt_hours(f['response_time_hours'], rng)} 이내"))
    rows.append(("지원 채널", "전화, 전자우편, 원격지원"))
    doc.label_lines(rows, label_width=110, indent=12)
    doc.line("6. 서비스 수준 미달 시 조치", bold=True)
    doc.paragraph(
        "서비스 수준에 미달하는 경우 해당 월 이용요금의 일부를 감면하며, 감면 기준은 이용약관에 따른다.",
        indent=12,
    )


def reseller_agreement(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    doc.title("디지털서비스 공급 및 기술지원 협약서", size=17)
    doc.space(4)
    if variant == 0:
        doc.table(
            [
                ["구분", "원 제공자", "중개 제공자"],
                ["상호", f["original_provider_name"], f["reseller_name"]],
                ["사업자등록번호", f["original_provider_brn"], f["reseller_brn"]],
                ["대표자", ctx["original_rep"], ctx["reseller_rep"]],
            ],
            [24, 38, 38],
            header=True,
            label_cols=(0,),
        )
        doc.label_lines(
            [
                ("대상 서비스", f["service_name"]),
                ("협약기간", f"{fmt_date(f['valid_from'], ds)} ~ {fmt_date(f['valid_until'], ds)}"),
            ],
            label_width=90,
        )
    else:
        doc.paragraph(
            f"원 제공자 {f['original_provider_name']}"
            f'(사업자등록번호 {f["original_provider_brn"]}, 이하 "갑")와 '
            f'중개 제공자 {f["reseller_name"]}(사업자등록번호 {f["reseller_brn"]}, 이하 "을")는 '
            f"디지털서비스의 공공부문 공급 및 기술지원에 관하여 다음과 같이 협약을 체결한다."
        )
        doc.line("제1조 (대상 서비스)", bold=True)
        doc.label_lines([("서비스명", f["service_name"])], label_width=70, indent=12)
        doc.line("제2조 (협약기간)", bold=True)
        doc.paragraph(
            f"협약기간 : {fmt_date(f['valid_from'], ds)} ~ {fmt_date(f['valid_until'], ds)}", indent=12
        )
    doc.line("제3조 (공급 및 기술지원)", bold=True)
    doc.paragraph(
        "갑은 을이 공공기관에 디지털서비스를 공급할 수 있도록 서비스 이용 권한과 기술지원을 제공하며, "
        "을은 이용기관에 대한 영업, 계약 및 1차 기술지원을 수행한다.",
        indent=12,
    )
    doc.line("제4조 (서비스 품질 유지)", bold=True)
    doc.paragraph(
        "갑과 을은 디지털서비스 선정기준을 유지하며, 보안인증 또는 서비스 수준에 변동이 있는 경우 "
        "지체 없이 상대방에게 통보한다.",
        indent=12,
    )
    doc.space(4)
    doc.line("[별첨] 원 제공자-중개 제공자 간 제공 역량 항목별 구분 명세서", bold=True)
    if variant == 2:
        rows = [["구분", "책임 주체"]] + [
            [r["item"], RESPONSIBLE[r["responsible"]]] for r in f["capability_split"]
        ]
        doc.table(rows, [60, 40], header=True)
    else:
        rows = [["제공 역량 항목", "원 제공자", "중개 제공자"]]
        for r in f["capability_split"]:
            rows.append(
                [
                    r["item"],
                    "○" if r["responsible"] in ("original", "shared") else "",
                    "○" if r["responsible"] in ("reseller", "shared") else "",
                ]
            )
        doc.table(rows, [56, 22, 22], header=True, align_center=(1, 2))
    doc.line(fmt_date(f["agreement_date"], ds), align="center")
    doc.space(4)
    doc.signature(
        [
            f"(갑) 원 제공자  {f['original_provider_name']}  대표이사 {ctx['original_rep']} (인)",
            f"(을) 중개 제공자  {f['reseller_name']}  대표이사 {ctx['reseller_rep']} (인)",
        ],
        align="right",
        size=doc.s.size,
    )


def service_overview(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    doc.title(["디지털서비스 개요서", "디지털서비스개요서"][variant % 2], size=18)
    doc.table(
        [
            ["서비스명", ctx["service_name"]],
            ["제공기업", ctx["company"]],
            ["서비스 분야", ctx["category_label"]],
        ],
        [22, 78],
        label_cols=(0,),
    )
    doc.line("1. 서비스 개요", bold=True)
    doc.paragraph(
        f"{ctx['service_name']}은(는) 공공기관이 별도의 구축 없이 인터넷으로 이용하는 서비스로, "
        "기관별 독립된 환경과 통합 관리 기능을 제공한다. 이용기관은 사용량에 따라 요금을 납부한다.",
        indent=12,
    )
    doc.line("2. 주요 기능", bold=True)
    for i, feat in enumerate(
        rng.sample(
            [
                "전자결재 및 문서관리",
                "일정 및 자원 예약",
                "화상회의 연동",
                "모바일 앱 지원",
                "통합 검색",
                "권한 및 감사 로그 관리",
                "데이터 분석 대시보드",
                "API 연계",
            ],
            5,
        ),
        1,
    ):
        doc.line(f"{i}) {feat}", indent=18)
    doc.line("3. 서비스 구성도", bold=True)
    doc.boxes(["이용기관", "웹·모바일", "서비스 플랫폼", "데이터 저장소"])
    if variant == 1:
        doc.new_page()
    doc.line("4. 이용 요금", bold=True)
    doc.table(
        [
            ["요금제", "기준", "월 요금"],
            ["기본형", "사용자 100명", "1,200,000원"],
            ["표준형", "사용자 500명", "4,800,000원"],
            ["기관형", "사용자 무제한", "별도 협의"],
        ],
        [30, 40, 30],
        header=True,
    )
    doc.line("5. 특장점", bold=True)
    doc.paragraph(
        "공공기관 보안 요구사항을 반영한 설계, 무중단 업데이트, 전담 기술지원 인력 운영.", indent=12
    )


def capability_evidence(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    doc.title(["디지털서비스 제공역량 증명자료", "디지털서비스 제공 역량 증명자료"][variant % 2], size=17)
    doc.line(ctx["company"], align="right")
    doc.line("1. 수행실적", bold=True)
    rows = [["사업명", "발주기관", "기간", "금액"]]
    for _ in range(4):
        year = rng.randint(2019, 2023)
        rows.append(
            [
                f"{rng.choice(['통합', '차세대', '클라우드 전환', '고도화'])} "
                f"{rng.choice(['플랫폼', '시스템', '서비스'])} 구축",
                rng.choice(["○○시청", "△△공사", "□□교육청", "◇◇진흥원"]),
                f"{year}.03~{year}.12",
                f"{rng.randint(1, 30) * 10_000_000:,}원",
            ]
        )
    doc.table(rows, [40, 22, 20, 18], header=True)
    doc.line("2. 보유 인력", bold=True)
    doc.table(
        [
            ["구분", "인원", "주요 자격"],
            ["개발", f"{rng.randint(8, 40)}명", "정보처리기사"],
            ["운영", f"{rng.randint(4, 20)}명", "클라우드 자격"],
            ["기술지원", f"{rng.randint(2, 10)}명", "-"],
        ],
        [30, 20, 50],
        header=True,
    )
    doc.line("3. 인증 및 특허 현황", bold=True)
    doc.paragraph("GS인증 1등급, 소프트웨어 품질인증, 관련 특허 2건 보유.", indent=12)


def quality_self_check(
    doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int
) -> None:
    ds = ctx["date_style"]
    doc.title("품질적합성 자가점검 보고서", size=18)
    doc.table(
        [
            ["기업명", f["company_name"]],
            ["사업자등록번호", f["business_registration_number"]],
            ["서비스명", f["service_name"]],
            ["선정번호", f["selection_number"]],
            ["작성일", fmt_date(f["report_date"], ds)],
        ],
        [25, 75],
        label_cols=(0,),
    )
    rows = [["점검항목", "점검결과"]] + [
        [i["item"], "적합" if i["result"] == "conform" else "부적합"] for i in f["items"]
    ]
    doc.table(rows, [70, 30], header=True)
    doc.label_lines([("종합 결과", "적합" if f["overall_result"] == "conform" else "부적합")], label_width=90)
    doc.paragraph("위와 같이 디지털서비스 선정기준 유지 여부를 자가점검하였음을 확인합니다.")
    doc.signature([f"{f['company_name']} 대표이사 (인)"], align="right")


def unknown_page(doc: Doc, f: dict[str, Any], ctx: dict[str, Any], rng: random.Random, variant: int) -> None:
    if variant == 0:
        doc.title("개인정보 수집·이용 동의서", size=16)
        doc.paragraph(
            "본인은 디지털서비스 이용지원시스템 회원 관리를 위하여 "
            "아래와 같이 개인정보를 수집·이용하는 데 동의합니다."
        )
        doc.table(
            [
                ["수집 항목", "성명, 전화번호, 전자우편"],
                ["이용 목적", "회원 관리 및 안내"],
                ["보유 기간", "회원 탈퇴 시까지"],
            ],
            [30, 70],
            label_cols=(0,),
        )
        doc.line("동의함 ■   동의하지 않음 □", align="center")
    else:
        doc.title("회사 소개", size=20)
        doc.paragraph("고객과 함께 성장하는 기업. 우리는 공공과 민간의 디지털 전환을 돕습니다.")
        doc.boxes(["비전", "핵심가치", "연혁"])
        doc.paragraph("주요 고객사: 다수의 공공기관 및 기업. 본사 위치와 조직도는 홈페이지를 참고하십시오.")


BUILDERS = {
    "csap_certificate": csap_certificate,
    "sla_policy": sla_policy,
    "reseller_agreement": reseller_agreement,
    "service_overview": service_overview,
    "capability_evidence": capability_evidence,
    "quality_self_check": quality_self_check,
    "unknown": unknown_page,
}
