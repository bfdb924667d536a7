"""Messages in and out (domain/inbox/)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.cases import case_from_row
from adapters.db.tables.cases import cases
from adapters.db.tables.inbox import messages as m
from domain.cases.model import Case
from domain.inbox.model import Attachment, Direction, Message, MessageChannel


def _attachment_values(attachment: Attachment) -> dict[str, Any]:
    return {
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "byte_size": attachment.byte_size,
        "photo_id": str(attachment.photo_id) if attachment.photo_id else None,
        "refused": attachment.refused,
    }


def _attachment(raw: dict[str, Any]) -> Attachment:
    photo = raw.get("photo_id")
    return Attachment(
        raw["filename"],
        raw["content_type"],
        raw["byte_size"],
        UUID(photo) if photo else None,
        raw.get("refused"),
    )


def message_values(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "channel": message.channel.value,
        "direction": message.direction.value,
        "address": message.address,
        "subject": message.subject,
        "body": message.body,
        "external_id": message.external_id,
        "at": message.at,
        "case_id": message.case_id,
        "request_id": message.request_id,
        "resident_id": message.resident_id,
        "thread_ids": list(message.thread_ids),
        "attachments": [_attachment_values(a) for a in message.attachments],
        "author_id": message.author_id,
        "read_at": message.read_at,
        "language": message.language,
        "sent_at": message.sent_at,
    }


def message_from_row(row: Row[Any]) -> Message:
    return Message(
        id=row.id,
        channel=MessageChannel(row.channel),
        direction=Direction(row.direction),
        address=row.address,
        subject=row.subject,
        body=row.body,
        external_id=row.external_id,
        at=row.at,
        case_id=row.case_id,
        request_id=row.request_id,
        resident_id=row.resident_id,
        thread_ids=tuple(row.thread_ids),
        attachments=tuple(_attachment(a) for a in row.attachments),
        author_id=row.author_id,
        read_at=row.read_at,
        language=row.language,
        sent_at=row.sent_at,
    )


class SqlMessageRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, message: Message) -> bool:
        statement = (
            insert(m)
            .values(**message_values(message))
            .on_conflict_do_nothing(index_elements=[m.c.external_id, m.c.channel])
        )
        result = await self._db.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def get(self, message_id: UUID) -> Message | None:
        row = (await self._db.execute(select(m).where(m.c.id == message_id))).first()
        return None if row is None else message_from_row(row)

    async def mark_sent(self, message_id: UUID, at: datetime) -> None:
        await self._db.execute(update(m).where(m.c.id == message_id).values(sent_at=at))

    async def automatic_sent_to(
        self, channel: MessageChannel, address: str, since: datetime
    ) -> int:
        query = (
            select(func.count())
            .select_from(m)
            .where(m.c.channel == channel.value, m.c.address == address, m.c.at >= since)
            .where(m.c.direction == "out", m.c.author_id.is_(None))
        )
        return int(await self._db.scalar(query) or 0)

    async def by_external_id(self, channel: MessageChannel, external_id: str) -> Message | None:
        query = select(m).where(m.c.external_id == external_id, m.c.channel == channel.value)
        row = (await self._db.execute(query)).first()
        return None if row is None else message_from_row(row)

    async def thread_of(self, external_ids: Sequence[str]) -> Message | None:
        if not external_ids:
            return None
        query = (
            select(m)
            .where(m.c.external_id.in_(list(external_ids)))
            .where(m.c.case_id.is_not(None) | m.c.request_id.is_not(None))
            .order_by(m.c.at.desc())
            .limit(1)
        )
        row = (await self._db.execute(query)).first()
        return None if row is None else message_from_row(row)

    async def latest_with(
        self, channel: MessageChannel, address: str, since: datetime
    ) -> Message | None:
        query = (
            select(m)
            .where(m.c.channel == channel.value, m.c.address == address, m.c.at >= since)
            .order_by(m.c.at.desc())
            .limit(1)
        )
        row = (await self._db.execute(query)).first()
        return None if row is None else message_from_row(row)

    async def of_case(self, case_id: UUID) -> list[Message]:
        query = select(m).where(m.c.case_id == case_id).order_by(m.c.at, m.c.id)
        return [message_from_row(r) for r in await self._db.execute(query)]

    async def of_request(self, request_id: str) -> list[Message]:
        query = select(m).where(m.c.request_id == request_id).order_by(m.c.at, m.c.id)
        return [message_from_row(r) for r in await self._db.execute(query)]

    async def mark_read(self, case_id: UUID, at: datetime) -> int:
        result = await self._db.execute(
            update(m)
            .where(m.c.case_id == case_id, m.c.direction == "in", m.c.read_at.is_(None))
            .values(read_at=at)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


class SqlInboxCases:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def by_id_prefix(self, hex_prefix: str) -> Case | None:
        """A range over the primary key: ids from `prefix000…` to `prefixfff…`."""
        low = UUID(hex_prefix.ljust(32, "0"))
        high = UUID(hex_prefix.ljust(32, "f"))
        query = (
            select(cases)
            .where(cases.c.id.between(low, high))
            .order_by(cases.c.created_at.desc())
            .limit(1)
            .with_for_update()
        )
        row = (await self._db.execute(query)).first()
        return None if row is None else case_from_row(row)
