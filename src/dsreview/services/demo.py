"""Demo data for a first start: a round, vendors, staff, reviewers, an agency, sample applications.

`load` makes the accounts and submits sample bundles (their checks are jobs the caller runs);
`finish` then turns one checked application into a service selected over a year ago, listed in
the catalogue and bought by the demo agency, so every step of the procedure can be tried at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError
from dsreview.services import clock, contracts, intake, sanctions, selection, users
from dsreview.services.actors import Actor
from dsreview.store import BlobStore
from dsreview.store.models import Application, ApplicationStatus, RoundStatus, Service
from dsreview.store.repositories import ApplicationRepository, RoundRepository, UserRepository

PASSWORD = "dsreview-demo"
DOMAIN = "demo.dsreview.kr"
STAFF_EMAIL = f"staff@{DOMAIN}"
# The demo's closing block (기안자 · 검토자 · 결재권자): its own staff, not defaults of the code.
SENDER = {"drafter": "주임 김하늘", "reviewer": "책임 박서준", "approver": "팀장 이도윤"}
# Sample cases shown as current applications (all born-digital, quick to check).
CURRENT_CASES = ("S01", "S10", "S17", "S13")
# Services selected over a year ago, listed in the catalogue (the first is under contract), with the
# details their vendors keep (상세규격, price): what agencies search and compare.
SELECTED_CASES: dict[str, tuple[str, int, str]] = {
    "S02": ("전자결재, 문서 보존, 모바일 결재. 가상서버 4vCPU·16GB 기준", 1_200_000, "월, 사용자 100명"),
    "S03": ("가상 데스크톱(VDI) 플랫폼, GPU 선택, 망분리 지원", 3_500_000, "월, 50석"),
    "S15": ("클라우드 전환 컨설팅: 현황 분석, 전환 설계, 이행 지원", 85_000_000, "과업 1건"),
}
AGENCY_BRN, AGENCY_NAME = "138-83-00012", "한빛시청"


@dataclass(frozen=True, slots=True)
class Login:
    role: str
    email: str
    name: str
    note: str


@dataclass(slots=True)
class DemoState:
    logins: list[Login] = field(default_factory=list)
    check_jobs: list[int] = field(default_factory=list)
    selected_applications: dict[int, str] = field(default_factory=dict)  # application id → sample case


def is_loaded(session: Session) -> bool:
    return UserRepository(session).by_email(STAFF_EMAIL) is not None


def logins() -> list[Login]:
    """The demo accounts (all with the password `PASSWORD`)."""
    out = [
        Login("staff", STAFF_EMAIL, "김하늘", "NIA 담당자: 서류 확인, 보완 요청, 검토 배정, 결정, 통보"),
        Login("reviewer", f"reviewer1@{DOMAIN}", "박서준", "검토위원"),
        Login("reviewer", f"reviewer2@{DOMAIN}", "이도윤", "검토위원"),
        Login("agency", f"agency@{DOMAIN}", "정민호", f"수요기관 ({AGENCY_NAME}): 계약정보 등록"),
    ]
    for index, case in enumerate((*CURRENT_CASES, *SELECTED_CASES), start=1):
        out.append(Login("vendor", f"vendor{index}@{DOMAIN}", f"신청기업 {index}", f"표본 {case}"))
    return out


def _case(samples_dir: Path, case: str) -> tuple[dict[str, str], list[Path], date]:
    truth = json.loads((samples_dir / case / "truth.json").read_text(encoding="utf-8"))
    form = next(d["fields"] for d in truth["documents"] if d["type"] == "application_form")
    files = [samples_dir / case / name for name in truth["files"]]
    return form, files, date.fromisoformat(truth["application_date"])


def _submit(
    session: Session,
    *,
    settings: Settings,
    blobs: BlobStore,
    vendor: Actor,
    files: list[Path],
    when: date,
    round_id: int,
) -> Application:
    handles = [path.open("rb") for path in files]
    try:
        return intake.submit_application(
            session,
            actor=vendor,
            settings=settings,
            blobs=blobs,
            files=[intake.IncomingFile(name=p.name, stream=h) for p, h in zip(files, handles, strict=True)],
            round_id=round_id,
            received_on=when,
        )
    finally:
        for handle in handles:
            handle.close()


def load(session: Session, *, settings: Settings, blobs: BlobStore, samples_dir: Path) -> DemoState:
    """Accounts, two rounds, the sanctions list and the sample applications (checks requested)."""
    if is_loaded(session):
        raise ConflictError("데모 데이터가 이미 있습니다.")
    state = DemoState(logins=logins())
    accounts = {login.email: login for login in state.logins}
    made: dict[str, Actor] = {}
    cases = {case: _case(samples_dir, case) for case in (*CURRENT_CASES, *SELECTED_CASES)}
    for email, login in accounts.items():
        org_brn = org_name = None
        if login.role == "vendor":
            form = cases[login.note.split()[-1]][0]
            org_brn, org_name = form["business_registration_number"], form["company_name"]
        elif login.role == "agency":
            org_brn, org_name = AGENCY_BRN, AGENCY_NAME
        user = users.create_user(
            session,
            settings=settings,
            email=email,
            password=PASSWORD,
            role=login.role,
            name=login.name,
            org_brn=org_brn,
            org_name=org_name,
        )
        made[email] = Actor.of(user)
    staff = made[STAFF_EMAIL]
    today = clock.today(settings)
    old = selection.create_round(
        session,
        actor=staff,
        name=f"{today.year - 1}년 제1차 디지털서비스 심사",
        number=1,
        committee_date=today - timedelta(days=400),
    )
    current = selection.create_round(
        session,
        actor=staff,
        name=f"{today.year}년 제1차 디지털서비스 심사",
        number=1,
        committee_date=today + timedelta(days=14),
    )
    sanctions_csv = samples_dir.parent / "sanctions.csv"
    if sanctions_csv.is_file():
        with sanctions_csv.open("rb") as handle:
            sanctions.upload(
                session,
                actor=staff,
                settings=settings,
                blobs=blobs,
                file=intake.IncomingFile(name=sanctions_csv.name, stream=handle),
            )
    vendors = [login for login in state.logins if login.role == "vendor"]
    for login in vendors:
        case = login.note.split()[-1]
        _, files, when = cases[case]
        round_id = old.id if case in SELECTED_CASES else current.id
        application = _submit(
            session,
            settings=settings,
            blobs=blobs,
            vendor=made[login.email],
            files=files,
            when=when,
            round_id=round_id,
        )
        if case in SELECTED_CASES:
            state.selected_applications[application.id] = case
        state.check_jobs.append(_latest_job(session, application))
    old.status = RoundStatus.committee  # its committee met 400 days ago; `finish` records its result
    return state


def _latest_job(session: Session, application: Application) -> int:
    job = intake.latest_check_job(session, application=application)
    if job is None:
        raise ConflictError("확인 작업이 만들어지지 않았습니다.")
    return job.id


def finish(session: Session, *, settings: Settings, blobs: BlobStore, state: DemoState) -> None:
    """The historical selections (after their checks ran): selected, listed, the first under contract."""
    users_repo = UserRepository(session)
    staff_user = users_repo.by_email(STAFF_EMAIL)
    agency_user = users_repo.by_email(f"agency@{DOMAIN}")
    if staff_user is None or agency_user is None:
        return
    staff = Actor.of(staff_user)
    listed = []
    for application_id, case in state.selected_applications.items():
        application = ApplicationRepository(session).get(application_id)
        if application is None or application.status != ApplicationStatus.checked:
            continue  # the check failed: leave it for staff to look at
        service = _select(session, settings=settings, staff=staff, application=application)
        if service is not None:
            service.spec, service.price, service.price_unit = SELECTED_CASES[case]
            listed.append(service)
    old_round = RoundRepository(session).get(listed[0].round_id) if listed else None
    if old_round is not None:
        old_round.status = RoundStatus.finalised
    if not listed:
        return
    service = listed[0]
    contract_date = service.selection_date + timedelta(days=60)
    contracts.register_contract(
        session,
        actor=Actor.of(agency_user),
        settings=settings,
        blobs=blobs,
        data=contracts.ContractInput(
            name=f"{service.name} 도입",
            method="private",
            amount=48_000_000,
            contract_date=contract_date,
            start_date=contract_date + timedelta(days=1),
            end_date=contract_date + timedelta(days=365),
            service_ids=[service.id],
            registered_on=contract_date + timedelta(days=12),
        ),
    )


def _select(
    session: Session, *, settings: Settings, staff: Actor, application: Application
) -> Service | None:
    old_round = RoundRepository(session).get(application.round_id)
    decided = old_round.committee_date if old_round and old_round.committee_date else clock.today(settings)
    # History: the review of that round happened outside this demo.
    application.status = ApplicationStatus.reviewed
    selection.record_decision(
        session,
        actor=staff,
        settings=settings,
        application_id=application.id,
        decision="selected",
        reason="심사위원회 선정",
        decided_on=decided,
    )
    service = selection.service_of(session, application_id=application.id)
    if service is None:
        return None
    selection.publish(session, actor=staff, service_ids=[service.id])
    return service
