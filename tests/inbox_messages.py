"""Inbox test data: messages taken in through receive_message, as the email and text
adapters do, and outgoing ones stored as a reply would be."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
from domain.inbox.model import Direction, InboundMessage, Message, MessageChannel
from domain.inbox.use_cases import Received, receive_message
from domain.shared.clock import FixedClock
from domain.shared.context import Context

NOW = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)  # in the past of every test run
WINDOW = timedelta(hours=24)


def email(**changes: object) -> InboundMessage:
    base = InboundMessage(
        channel=MessageChannel.EMAIL,
        sender="ana@example.net",
        external_id=f"{uuid4()}@mail.example.net",
        subject="Pothole on Holliday",
        body="There is a huge pothole in front of 101 N Holliday St, please fix it.",
        received_at=NOW,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def text_message(**changes: object) -> InboundMessage:
    return email(channel=MessageChannel.TEXT, sender="4105550123", subject="", **changes)


async def receive(engine: AsyncEngine, inbound: InboundMessage) -> Received:
    context = Context(SqlUnitOfWorkFactory(engine), FixedClock(inbound.received_at))
    return await receive_message(context, inbound, text_window=WINDOW)


async def received_case(engine: AsyncEngine, inbound: InboundMessage) -> UUID:
    received = await receive(engine, inbound)
    assert received.case_id is not None
    return received.case_id


async def store_reply(
    engine: AsyncEngine, case_id: UUID, author_id: UUID, body: str, at: datetime
) -> Message:
    """An outgoing message on the case, as the reply use case stores it."""
    message = Message(
        uuid4(),
        MessageChannel.EMAIL,
        Direction.OUT,
        "ana@example.net",
        "[311 #C-…] Re: Pothole",
        body,
        f"{uuid4()}@frontdoor.example.org",
        at,
        case_id=case_id,
        author_id=author_id,
    )
    async with SqlUnitOfWork(engine) as uow:
        assert await uow.messages.add(message)
        await uow.commit()
    return message
