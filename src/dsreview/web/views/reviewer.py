"""Reviewer pages: the applications assigned to me, the pre-filled form to download, and the
opinion entered online per criterion (적합 / 부적합 / 해당 없음 with text)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.orm import Session

from dsreview.domain import CRITERIA
from dsreview.errors import DataValidationError
from dsreview.jobs import dispatch
from dsreview.services import intake, review
from dsreview.services.actors import Actor
from dsreview.services.review import VERDICTS, CriterionOpinion
from dsreview.templates.checklist import checklist, report_of
from dsreview.web.deps import REVIEWER, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act
from dsreview.web.pages import PageRoute, render
from dsreview.web.params import PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)


async def form_fields(request: Request) -> dict[str, str]:
    """The posted form's text fields (the opinion form has two per criterion)."""
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.get("/reviewer")
def reviewer_home(
    request: Request, actor: Actor = Depends(REVIEWER), session: Session = Depends(read_session)
) -> Response:
    applications = intake.list_applications(session, actor=actor, limit=200)
    assignments = {
        a.id: review.my_assignment(session, actor=actor, application_id=a.id) for a in applications
    }
    return render(
        request, "reviewer/home.html", actor=actor, applications=applications, assignments=assignments
    )


@router.get("/reviewer/applications/{application_id}")
def application_page(
    request: Request,
    application_id: PageId,
    actor: Actor = Depends(REVIEWER),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    assignment = review.my_assignment(session, actor=actor, application_id=application_id)
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    report = report_of(application.report)
    return render(
        request,
        "reviewer/application.html",
        actor=actor,
        application=application,
        assignment=assignment,
        opinions={o.criterion: o for o in assignment.opinions},
        checklist=checklist(report) if report else None,
        verdicts=VERDICTS,
        open=application.status == "under_review",
    )


@router.post("/reviewer/applications/{application_id}/opinion", dependencies=[Depends(csrf_protected)])
def submit_opinion(
    request: Request,
    application_id: PageId,
    form: dict[str, str] = Depends(form_fields),
    actor: Actor = Depends(REVIEWER),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        criteria = {
            key: CriterionOpinion(
                verdict=form.get(f"verdict-{key}", ""), text=form.get(f"text-{key}", "").strip()
            )
            for key in CRITERIA
            if form.get(f"verdict-{key}")
        }
        if form.get("overall") not in ("suitable", "unsuitable"):
            raise DataValidationError("종합 판정(적합 또는 부적합)을 선택해 주십시오.", pointer="/overall")
        review.submit_opinion(
            session,
            actor=actor,
            application_id=application_id,
            criteria=criteria,
            overall=form.get("overall", ""),
            summary=form.get("summary", "").strip()[:4000],
        )
        dispatch.commit(session, ctx.queue)
        return "검토 의견을 제출했습니다. 검토 기한까지 고쳐서 다시 제출할 수 있습니다."

    return act(request, f"/reviewer/applications/{application_id}", run)
