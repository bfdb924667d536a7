"""Satisfaction survey figures: the facts (answers, invitations) and their measures.

An answer is counted when it was given, by the department, service and intake channel the
request had then (kept on the answer); an invitation when it went out.
"""

from typing import Any

from sqlalchemy import ColumnElement, Double, cast, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.read_models.metrics_facts import in_window, sr
from adapters.db.tables.surveys import survey_answers, survey_invitations
from domain.metrics.model import Filters, SurveysSummary
from domain.metrics.rates import mean, rate
from domain.metrics.window import Window
from domain.surveys.model import SATISFIED

answers = survey_answers
SATISFIED_ANSWER = answers.c.score >= SATISFIED
SCORE = cast(answers.c.score, Double)


def answer_conditions(window: Window, f: Filters) -> list[ColumnElement[bool]]:
    conditions = [in_window(answers.c.answered_at, window)]
    if f.department:
        conditions.append(answers.c.department_code == f.department)
    if f.service_codes:
        conditions.append(answers.c.service_code.in_(f.service_codes))
    if f.channels:
        conditions.append(answers.c.channel.in_(f.channels))
    return conditions


def _sent_query(window: Window, f: Filters) -> Any:
    i = survey_invitations
    query = select(func.count()).where(in_window(i.c.invited_at, window), i.c.channel.is_not(None))
    if f.department:
        query = query.join(sr, sr.c.id == i.c.request_id).where(
            sr.c.department_code == f.department
        )
    return query


def _answered_query(window: Window, f: Filters) -> Any:
    return select(
        func.count().label("answered"),
        func.sum(SCORE).label("score_sum"),
        func.count().filter(SATISFIED_ANSWER).label("satisfied"),
    ).where(*answer_conditions(window, f))


async def surveys_summary(db: AsyncConnection, window: Window, f: Filters) -> SurveysSummary:
    sent = int(await db.scalar(_sent_query(window, f)) or 0)
    row = (await db.execute(_answered_query(window, f))).one()
    return SurveysSummary(
        sent=sent,
        answered=row.answered,
        average_score=mean(row.score_sum, row.answered),
        satisfied_rate=rate(row.satisfied, row.answered),
    )
