"""Staff read a request's satisfaction survey answer, with the resident's comment."""

from fastapi import APIRouter

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.surveys import SurveyAnswerOut
from domain.surveys.staff import answer_for_staff

router = APIRouter(prefix="/api/v1/requests", tags=["requests"])


@router.get(
    "/{request_id}/survey",
    response_model=SurveyAnswerOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_request_survey(
    request_id: str, container: ContainerDep, principal: PrincipalDep
) -> SurveyAnswerOut:
    """The request's survey answer: score, comment (staff only), when. Whoever may see the
    request; not partner systems. 404 when it has none."""
    answer = await answer_for_staff(container.context, request_id, principal)
    return SurveyAnswerOut.of(answer)
