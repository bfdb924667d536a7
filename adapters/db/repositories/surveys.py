"""Survey decisions and answers (domain/surveys/)."""

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.surveys import survey_answers as a
from adapters.db.tables.surveys import survey_invitations as i
from domain.surveys.model import Answer, Invitation


def _answer(row: Any) -> Answer:
    return Answer(
        request_id=row.request_id,
        score=row.score,
        channel=row.channel,
        department_code=row.department_code,
        service_code=row.service_code,
        answered_at=row.answered_at,
        comment=row.comment,
    )


class SqlSurveyRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def invite(self, invitation: Invitation) -> bool:
        added = await self._db.execute(
            insert(i)
            .values(**invitation.__dict__)
            .on_conflict_do_nothing(index_elements=[i.c.request_id])
            .returning(i.c.request_id)
        )
        return added.first() is not None

    async def invitation_of(self, request_id: str) -> Invitation | None:
        row = (await self._db.execute(select(i).where(i.c.request_id == request_id))).first()
        if row is None:
            return None
        return Invitation(row.request_id, row.invited_at, row.channel, row.skipped)

    async def answer_of(self, request_id: str, *, for_update: bool = False) -> Answer | None:
        query = select(a).where(a.c.request_id == request_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else _answer(row)

    async def add_answer(self, answer: Answer) -> bool:
        added = await self._db.execute(
            insert(a)
            .values(**answer.__dict__)
            .on_conflict_do_nothing(index_elements=[a.c.request_id])
            .returning(a.c.request_id)
        )
        return added.first() is not None

    async def add_comment(self, request_id: str, comment: str) -> None:
        await self._db.execute(
            update(a).where(a.c.request_id == request_id).values(comment=comment)
        )
