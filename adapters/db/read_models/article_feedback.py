"""How readers answered "Was this helpful?": counts per article, one query for any number."""

from collections.abc import Sequence

from sqlalchemy import false, func, select, true
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.knowledge import article_feedback as f
from domain.knowledge.public import FeedbackCounts


class ArticleFeedbackReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def feedback(self, article_ids: Sequence[int]) -> dict[int, FeedbackCounts]:
        """By article id; articles nobody answered about are left out."""
        if not article_ids:
            return {}
        query = (
            select(
                f.c.article_id,
                func.count().filter(f.c.helpful == true()).label("helpful"),
                func.count().filter(f.c.helpful == false()).label("not_helpful"),
            )
            .where(f.c.article_id.in_(sorted(set(article_ids))))
            .group_by(f.c.article_id)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return {r.article_id: FeedbackCounts(r.helpful, r.not_helpful) for r in rows}
