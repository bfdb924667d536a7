"""The audit trail, newest first, filtered by record, actor and time."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.audit import audit_log
from domain.audit.model import AuditEntry, AuditPage, AuditQuery


class SqlAuditTrail:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def page(self, query: AuditQuery) -> AuditPage:
        t = audit_log
        statement = select(t).order_by(t.c.seq.desc()).limit(query.limit + 1)
        if query.entity is not None:
            statement = statement.where(t.c.entity == query.entity.value)
        if query.entity_id is not None:
            statement = statement.where(t.c.entity_id == query.entity_id)
        if query.actor is not None:
            statement = statement.where(t.c.actor == query.actor)
        if query.since is not None:
            statement = statement.where(t.c.at >= query.since)
        if query.until is not None:
            statement = statement.where(t.c.at < query.until)
        if query.before_seq is not None:
            statement = statement.where(t.c.seq < query.before_seq)
        async with self._engine.connect() as db:
            rows = (await db.execute(statement)).all()
        items = [
            AuditEntry(
                seq=row.seq,
                at=row.at,
                actor=row.actor,
                request_id=row.request_id,
                entity=row.entity,
                entity_id=row.entity_id,
                action=row.action,
                before=row.before,
                after=row.after,
            )
            for row in rows[: query.limit]
        ]
        more = len(rows) > query.limit
        return AuditPage(items, items[-1].seq if more else None)
