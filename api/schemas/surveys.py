"""Bodies of the satisfaction survey (/api/v1/public/surveys): the resident's one answer."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from api.schemas.requests import Strict
from domain.surveys.answers import SurveyState
from domain.surveys.model import HIGHEST, LOWEST, MAX_COMMENT, Answer

Score = Annotated[int, Field(ge=LOWEST, le=HIGHEST, description="1 (very dissatisfied) to 5")]
Comment = Annotated[
    str,
    Field(max_length=MAX_COMMENT, description="Read by staff only; never published"),
]


class SurveyAnswerIn(Strict):
    score: Score
    comment: Comment | None = None


class SurveyCommentIn(Strict):
    comment: Annotated[str, Field(min_length=1, max_length=MAX_COMMENT)]


class SurveyOut(BaseModel):
    """The survey as its page shows it: nothing about the reporter, never the comment."""

    number: str = Field(description="The request's reference number")
    expires_at: datetime = Field(description="Until when the link works")
    answered: bool
    score: int | None = Field(description="The answer's score; null until answered")
    commented: bool = Field(description="Whether a comment came with the answer")

    @classmethod
    def of(cls, state: SurveyState) -> "SurveyOut":
        return cls(
            number=state.request_id,
            expires_at=state.expires_at,
            answered=state.score is not None,
            score=state.score,
            commented=state.commented,
        )

    @classmethod
    def answered_with(cls, answer: Answer, expires_at: datetime) -> "SurveyOut":
        state = SurveyState(answer.request_id, expires_at, answer.score, answer.comment is not None)
        return cls.of(state)


class SurveyAnswerOut(BaseModel):
    """A request's survey answer as staff read it: the comment is never in public output."""

    number: str
    score: int
    comment: str | None
    channel: str = Field(description="The request's intake channel")
    department_code: str
    service_code: str
    answered_at: datetime

    @classmethod
    def of(cls, answer: Answer) -> "SurveyAnswerOut":
        return cls(
            number=answer.request_id,
            score=answer.score,
            comment=answer.comment,
            channel=answer.channel,
            department_code=answer.department_code,
            service_code=answer.service_code,
            answered_at=answer.answered_at,
        )
