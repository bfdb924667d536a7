"""The survey scan's candidates, set-based: `SurveyPolicy.is_due` in SQL, less the requests
that had their decision. The scan hands each to the `invite` use case, which decides on the
loaded request by the Python rule."""

from datetime import datetime

from sqlalchemy import exists, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests as t
from adapters.db.tables.surveys import survey_invitations
from domain.requests.model import CloseReason, Status
from domain.surveys.model import SurveyPolicy

BATCH = 500


class SqlSurveyCandidates:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def due(self, policy: SurveyPolicy, now: datetime, limit: int = BATCH) -> list[str]:
        """Closed between `delay + send_within` and `delay` ago, not merged, not yet decided;
        the earliest closed first."""
        decided = exists().where(survey_invitations.c.request_id == t.c.id)
        not_duplicate = or_(
            t.c.close_reason.is_(None), t.c.close_reason != CloseReason.DUPLICATE.value
        )
        query = (
            select(t.c.id)
            .where(
                t.c.status == Status.CLOSED.value,
                t.c.closed_at <= now - policy.delay,
                t.c.closed_at > now - policy.delay - policy.send_within,
                t.c.duplicate_of.is_(None),
                not_duplicate,
                not_(decided),
            )
            .order_by(t.c.closed_at, t.c.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            return list((await db.scalars(query)).all())
