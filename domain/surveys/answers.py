"""Answering the survey from its signed link: no sign-in, one answer per request.

The link names the request and expires; a forged or altered link is refused as such, an
expired one as expired, and a second answer as a conflict. The comment may come with the
score or once after it (the one-click score first, then a few words).
"""

from dataclasses import dataclass, replace
from datetime import datetime

from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed
from domain.surveys.errors import SurveyAnswered, SurveyLinkInvalid
from domain.surveys.model import Answer, checked_comment, checked_score
from domain.surveys.ports import SurveysUnitOfWork
from domain.surveys.tokens import SurveyTokens


@dataclass(frozen=True)
class SurveyState:
    """What the survey page shows: the request's number, whether it was answered, and until
    when the link works. Nothing about the reporter; the comment never comes back."""

    request_id: str
    expires_at: datetime
    score: int | None
    commented: bool


async def survey_state(
    context: Context[SurveysUnitOfWork], token: str, *, tokens: SurveyTokens
) -> SurveyState:
    request_id, expires = tokens.request_of(token, context.clock.now())
    async with context.uow() as work:
        await _require_invited(work, request_id)
        answer = await work.surveys.answer_of(request_id)
    if answer is None:
        return SurveyState(request_id, expires, None, False)
    return SurveyState(request_id, expires, answer.score, answer.comment is not None)


async def answer_survey(
    context: Context[SurveysUnitOfWork],
    token: str,
    score: int,
    comment: str | None = None,
    *,
    tokens: SurveyTokens,
) -> Answer:
    """Record the request's one answer, with its department, service and intake channel."""
    now = context.clock.now()
    request_id, _ = tokens.request_of(token, now)
    score, comment = checked_score(score), checked_comment(comment)
    async with context.uow() as work:
        await _require_invited(work, request_id)
        request = await work.requests.get(request_id)
        if request is None:
            raise NotFound(f"service request {request_id} was not found")
        answer = Answer(
            request_id=request_id,
            score=score,
            channel=request.channel.value,
            department_code=request.department_code,
            service_code=request.service_code,
            answered_at=now,
            comment=comment,
        )
        if not await work.surveys.add_answer(answer):
            raise SurveyAnswered()
        await work.commit()
    return answer


async def add_survey_comment(
    context: Context[SurveysUnitOfWork],
    token: str,
    comment: str,
    *,
    tokens: SurveyTokens,
) -> Answer:
    """The comment of an answer given without one; a second comment is a conflict."""
    request_id, _ = tokens.request_of(token, context.clock.now())
    text = checked_comment(comment)
    if text is None:
        raise ValidationFailed.single("comment", "is required")
    async with context.uow() as work:
        answer = await work.surveys.answer_of(request_id, for_update=True)
        if answer is None:
            raise NotFound("this survey has no answer yet: choose a score first")
        if answer.comment is not None:
            raise SurveyAnswered("this survey already has a comment")
        await work.surveys.add_comment(request_id, text)
        await work.commit()
    return replace(answer, comment=text)


async def _require_invited(work: SurveysUnitOfWork, request_id: str) -> None:
    """A well-signed token for a request never surveyed (a secret shared with another
    deployment, say) is refused like a forged one."""
    invitation = await work.surveys.invitation_of(request_id)
    if invitation is None or invitation.channel is None:
        raise SurveyLinkInvalid()
