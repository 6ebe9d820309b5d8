"""Fake but realistic vendors: names, people, addresses, identifiers with valid check digits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

SURNAMES = [
    "김",
    "이",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "임",
    "한",
    "오",
    "서",
    "신",
    "권",
    "황",
    "안",
    "송",
]
GIVEN = [
    "민준",
    "서연",
    "도윤",
    "하은",
    "지호",
    "수아",
    "예준",
    "지우",
    "현우",
    "서윤",
    "건우",
    "민서",
    "우진",
    "채원",
    "선우",
    "지민",
    "유진",
    "승현",
    "태윤",
    "다은",
    "정훈",
    "성민",
    "혜진",
    "영수",
    "미경",
    "동현",
]
COMPANY_STEMS = [
    "하늘클라우드",
    "누리데이터",
    "한빛소프트",
    "푸른정보기술",
    "미래아이티",
    "다온시스템",
    "가람테크",
    "새봄네트웍스",
    "온누리솔루션",
    "바른정보",
    "세움데이터",
    "늘품클라우드",
    "별빛소프트",
    "한결아이앤씨",
    "두리정보통신",
    "나래시스템즈",
    "이음클라우드",
    "아라데이터랩",
    "그린웨어",
    "모아플랫폼",
    "해온정보",
    "코어브릿지",
    "빛가람소프트",
    "단비클라우드",
    "솔빛데이터",
]
SERVICE_STEMS = [
    "클라우드 그룹웨어",
    "전자결재 서비스",
    "AI 민원 챗봇",
    "클라우드 백업",
    "원격교육 플랫폼",
    "데이터 분석 플랫폼",
    "문서중앙화 서비스",
    "가상 데스크톱",
    "보안 관제 서비스",
    "협업 메신저",
    "스마트 회의록",
    "클라우드 인사관리",
    "공공 웹호스팅",
    "학습관리시스템",
    "전자계약 서비스",
]
CITIES = [
    (
        "서울특별시",
        [
            "강남구 테헤란로",
            "서초구 서초대로",
            "마포구 월드컵북로",
            "구로구 디지털로",
            "송파구 법원로",
            "영등포구 여의대로",
            "금천구 가산디지털1로",
        ],
    ),
    ("경기도 성남시", ["분당구 판교역로", "분당구 대왕판교로", "수정구 창업로"]),
    ("대전광역시", ["유성구 대덕대로", "유성구 테크노2로"]),
    ("부산광역시", ["해운대구 센텀중앙로", "남구 문현금융로"]),
    ("광주광역시", ["북구 첨단과기로"]),
    ("대구광역시", ["동구 동대구로", "북구 호암로"]),
]
REGISTRY_OFFICES = {
    "서울특별시": "서울중앙지방법원 등기국",
    "경기도 성남시": "수원지방법원 성남지원 등기과",
    "대전광역시": "대전지방법원 등기국",
    "부산광역시": "부산지방법원 등기국",
    "광주광역시": "광주지방법원 등기국",
    "대구광역시": "대구지방법원 등기국",
}
TAX_OFFICES = {
    "서울특별시": ["역삼", "서초", "마포", "구로", "송파", "영등포", "금천"],
    "경기도 성남시": ["분당", "성남"],
    "대전광역시": ["북대전", "대전"],
    "부산광역시": ["해운대", "수영"],
    "광주광역시": ["북광주"],
    "대구광역시": ["동대구", "북대구"],
}
PURPOSES = [
    "소프트웨어 개발 및 공급업",
    "정보통신 공사업",
    "클라우드컴퓨팅 서비스업",
    "데이터베이스 및 온라인 정보 제공업",
    "전자상거래업",
    "컴퓨터 시스템 통합 자문 및 구축 서비스업",
    "정보보호 컨설팅업",
    "교육 서비스업",
    "부동산 임대업",
    "위 각호에 관련된 부대사업 일체",
    "인공지능 기반 서비스 개발 및 판매업",
    "컴퓨터 및 주변장치 도소매업",
]
BUSINESS_TYPES = ["서비스업", "정보통신업", "도소매", "제조업"]
BUSINESS_ITEMS = [
    "응용소프트웨어 개발 및 공급업",
    "컴퓨터 프로그래밍 서비스업",
    "시스템 통합 구축",
    "클라우드 서비스",
    "데이터 처리 및 호스팅",
    "소프트웨어 자문",
    "전자상거래",
]
CREDIT_AGENCIES = [
    ("NICE평가정보", "NICE평가정보 주식회사"),
    ("이크레더블", "주식회사 이크레더블"),
    ("한국기업데이터", "한국기업데이터 주식회사"),
    ("나이스디앤비", "주식회사 나이스디앤비"),
]


def brn_check_digit(digits9: str) -> int:
    """NTS check digit of a business registration number (DOMAIN §5)."""
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(int(d) * w for d, w in zip(digits9, weights, strict=True))
    total += (int(digits9[8]) * 5) // 10
    return (10 - total % 10) % 10


def crn_check_digit(digits12: str) -> int:
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits12))
    return (10 - total % 10) % 10


def make_brn(rng: random.Random, *, valid: bool = True) -> str:
    head = f"{rng.randint(101, 899)}{rng.choice([81, 86, 87, 88])}{rng.randint(0, 9999):04d}"
    check = brn_check_digit(head)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    d = head + str(check)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}"


def make_crn(rng: random.Random) -> str:
    office = rng.choice(["1101", "1311", "1601", "1801", "2001", "1346"])
    head = f"{office}{rng.choice(['11', '81'])}{rng.randint(0, 999999):06d}"
    d = head + str(crn_check_digit(head))
    return f"{d[:6]}-{d[6:]}"


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@dataclass
class Vendor:
    stem: str
    name_form: (
        str  # "prefix" (주)X, "suffix" X(주), "full" 주식회사 X, "full_suffix" X 주식회사, "symbol" ㈜X
    )
    brn: str
    crn: str
    representative: str
    co_representative: str | None
    city: str
    street: str
    incorporation: date
    opening: date
    capital: int
    registry_number: str
    purposes: list[str]
    business_types: list[str]
    business_items: list[str]
    tax_office: str
    contact_name: str
    contact_phone: str
    contact_email: str
    extra: dict[str, object] = field(default_factory=dict)

    def name(self, form: str | None = None) -> str:
        form = form or self.name_form
        return {
            "prefix": f"(주){self.stem}",
            "suffix": f"{self.stem}(주)",
            "full": f"주식회사 {self.stem}",
            "full_suffix": f"{self.stem} 주식회사",
            "symbol": f"㈜{self.stem}",
            "spaced": f"( 주 ){self.stem}",
        }[form]

    @property
    def address(self) -> str:
        return f"{self.city} {self.street}"


def make_vendor(
    rng: random.Random, *, stem: str | None = None, founded_years_ago: float | None = None, today: date
) -> Vendor:
    stem = stem or rng.choice(COMPANY_STEMS)
    city, streets = rng.choice(CITIES)
    street = f"{rng.choice(streets)} {rng.randint(2, 320)}, {rng.randint(2, 15)}층"
    years = founded_years_ago if founded_years_ago is not None else rng.uniform(4, 18)
    incorporation = today - timedelta(days=int(years * 365.25))
    opening = incorporation + timedelta(days=rng.randint(0, 20))
    rep = person(rng)
    purposes = [*rng.sample(PURPOSES[:9], rng.randint(3, 5)), PURPOSES[9]]
    local = rng.choice(["sales", "biz", "contact", "cloud", "gov"])
    domain = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 9)))
    return Vendor(
        stem=stem,
        name_form=rng.choice(["prefix", "full", "prefix", "full_suffix"]),
        brn=make_brn(rng),
        crn=make_crn(rng),
        representative=rep,
        co_representative=person(rng) if rng.random() < 0.2 else None,
        city=city,
        street=street,
        incorporation=incorporation,
        opening=opening,
        capital=rng.choice([100, 300, 500, 1000, 1500, 2500, 5000]) * 1_000_000,
        registry_number=f"{rng.randint(0, 999999):06d}",
        purposes=purposes,
        business_types=rng.sample(BUSINESS_TYPES[:2], rng.randint(1, 2)),
        business_items=rng.sample(BUSINESS_ITEMS, rng.randint(1, 3)),
        tax_office=rng.choice(TAX_OFFICES[city]) + "세무서",
        contact_name=person(rng),
        contact_phone=f"02-{rng.randint(300, 999)}-{rng.randint(1000, 9999)}",
        contact_email=f"{local}@{domain}.co.kr",
    )
