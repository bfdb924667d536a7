"""The agent's Inbox: the queue of cases waiting for an answer, and one conversation."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, Select, Text, and_, func, select, true, type_coerce
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.cases import case_from_row
from adapters.db.repositories.messages import message_from_row
from adapters.db.tables.cases import cases
from adapters.db.tables.directory import users
from adapters.db.tables.inbox import messages as m
from adapters.db.tables.residents import residents
from domain.inbox.queries import (
    AuthoredMessage,
    Conversation,
    InboxFilter,
    InboxItem,
    InboxPage,
)


def _resident_name() -> Any:
    full = func.concat_ws(" ", residents.c.first_name, residents.c.last_name)
    return func.nullif(func.trim(full), "")


def _message_stats() -> Any:
    """Per case: the latest message, unread incoming ones, all of them, the latest sender."""
    incoming = m.c.direction == "in"
    senders = func.array_agg(aggregate_order_by(m.c.address, m.c.at.desc())).filter(incoming)
    return (
        select(
            func.max(m.c.at).label("last_at"),
            func.count().filter(and_(incoming, m.c.read_at.is_(None))).label("unread"),
            func.count().label("total"),
            type_coerce(senders, ARRAY(Text))[1].label("sender"),
        )
        .where(m.c.case_id == cases.c.id)
        .lateral("stats")
    )


def _waiting(f: InboxFilter) -> Select[Any]:
    stats = _message_stats()
    joined = cases.join(stats, true()).outerjoin(residents, residents.c.id == cases.c.resident_id)
    query = (
        select(
            cases.c.id,
            cases.c.channel,
            cases.c.summary,
            cases.c.language,
            cases.c.resident_id,
            cases.c.created_at,
            cases.c.version,
            _resident_name().label("resident_name"),
            stats.c.last_at,
            stats.c.unread,
            stats.c.total,
            stats.c.sender,
            func.coalesce(stats.c.last_at, cases.c.updated_at).label("activity"),
        )
        .select_from(joined)
        .where(cases.c.in_inbox)
    )
    if f.channel is not None:
        query = query.where(cases.c.channel == f.channel.value)
    if f.unread_only:
        query = query.where(stats.c.unread > 0)
    return query


def _queue_query(f: InboxFilter) -> Select[Any]:
    """One statement: the page, and the totals of the whole filtered queue on every row
    (a page past the end still gets the totals, on a row without a case)."""
    waiting = _waiting(f).cte("waiting")
    totals = select(
        func.count().label("queue_total"),
        func.coalesce(func.sum(waiting.c.unread), 0).label("unread_total"),
    ).cte("totals")
    page = (
        select(waiting)
        .order_by(waiting.c.activity.desc(), waiting.c.id.desc())
        .limit(f.limit)
        .offset(f.offset)
        .cte("page")
    )
    return (
        select(totals, page)
        .select_from(totals.outerjoin(page, true()))
        .order_by(page.c.activity.desc(), page.c.id.desc())
    )


def _item(row: Row[Any]) -> InboxItem:
    return InboxItem(
        case_id=row.id,
        channel=row.channel,
        summary=row.summary,
        language=row.language,
        sender=row.sender,
        resident_id=row.resident_id,
        resident_name=row.resident_name,
        created_at=row.created_at,
        last_message_at=row.last_at,
        unread=row.unread,
        messages=row.total,
        version=row.version,
    )


def _conversation_query(case_id: UUID) -> Select[Any]:
    return (
        select(m, users.c.display_name.label("author_name"))
        .select_from(m.outerjoin(users, users.c.id == m.c.author_id))
        .where(m.c.case_id == case_id)
        .order_by(m.c.at, m.c.id)
    )


class InboxReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def queue(self, f: InboxFilter) -> InboxPage:
        async with self._engine.connect() as db:
            rows = (await db.execute(_queue_query(f))).all()
        first = rows[0]
        items = [_item(row) for row in rows if row.id is not None]
        return InboxPage(items, int(first.queue_total), int(first.unread_total))

    async def conversation(self, case_id: UUID) -> Conversation | None:
        case_query = (
            select(cases, _resident_name().label("resident_name"))
            .select_from(cases.outerjoin(residents, residents.c.id == cases.c.resident_id))
            .where(cases.c.id == case_id)
        )
        async with self._engine.connect() as db:
            case_row = (await db.execute(case_query)).first()
            if case_row is None:
                return None
            message_rows = (await db.execute(_conversation_query(case_id))).all()
        said = [AuthoredMessage(message_from_row(r), r.author_name) for r in message_rows]
        return Conversation(case_from_row(case_row), case_row.resident_name, said)
