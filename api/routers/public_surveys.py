"""The satisfaction survey's one-click link: no sign-in, the signed token is the permission.

A forged or altered token gets 403, an expired one 410, a second answer (or comment) 409; the
page reads the link's state first. Every attempt counts against the client's hourly quota.
"""

from typing import Annotated

from fastapi import APIRouter, Path, status

from api.deps import ContainerDep
from api.problems import problem_responses
from api.public_guards import SurveyQuota
from api.schemas.surveys import SurveyAnswerIn, SurveyCommentIn, SurveyOut
from domain.surveys.answers import add_survey_comment, answer_survey, survey_state

PREFIX = "/api/v1/public/surveys"
router = APIRouter(prefix=PREFIX, tags=["public"])

Token = Annotated[
    str,
    Path(min_length=1, max_length=512, description="The signed token of the survey link"),
]


@router.get("/{token}", response_model=SurveyOut, responses=problem_responses(403, 410, 422))
async def get_survey(token: Token, container: ContainerDep) -> SurveyOut:
    """Whether the link's survey was answered, and until when the link works."""
    state = await survey_state(container.context, token, tokens=container.survey_tokens)
    return SurveyOut.of(state)


@router.post(
    "/{token}/answer",
    response_model=SurveyOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(403, 409, 410, 422, 429),
)
async def answer_public_survey(
    token: Token, body: SurveyAnswerIn, container: ContainerDep, _client: SurveyQuota
) -> SurveyOut:
    """The request's one answer: a score from 1 to 5 and an optional comment (staff read it,
    the public never do). It is counted by the request's department, service and channel."""
    answer = await answer_survey(
        container.context, token, body.score, body.comment, tokens=container.survey_tokens
    )
    _, expires = container.survey_tokens.request_of(token, container.clock.now())
    return SurveyOut.answered_with(answer, expires)


@router.post(
    "/{token}/comment",
    response_model=SurveyOut,
    responses=problem_responses(403, 404, 409, 410, 422, 429),
)
async def comment_public_survey(
    token: Token, body: SurveyCommentIn, container: ContainerDep, _client: SurveyQuota
) -> SurveyOut:
    """A comment after a one-click score, once; 404 before any score."""
    answer = await add_survey_comment(
        container.context, token, body.comment, tokens=container.survey_tokens
    )
    _, expires = container.survey_tokens.request_of(token, container.clock.now())
    return SurveyOut.answered_with(answer, expires)
