"""The Inbox read model on PostgreSQL: the queue's order, counts and totals in one statement,
and a conversation with its authors."""

from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.inbox import InboxReadModel
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.inbox.model import Direction, MessageChannel
from domain.inbox.queries import InboxFilter
from tests.inbox_messages import NOW, email, received_case, store_reply, text_message
from tests.integration.builders import AGENT_ID
from tests.statements import statements

pytestmark = pytest.mark.usefixtures("seeded")


async def test_the_queue_orders_by_latest_message_in_or_out(seeded: AsyncEngine) -> None:
    first = await received_case(seeded, email(received_at=NOW))
    second = await received_case(seeded, text_message(received_at=NOW + timedelta(minutes=1)))
    await store_reply(seeded, first, AGENT_ID, "On it", NOW + timedelta(minutes=2))
    reads = InboxReadModel(seeded)

    page = await reads.queue(InboxFilter())

    assert [i.case_id for i in page.items] == [first, second]
    replied = page.items[0]
    assert (replied.unread, replied.messages, replied.sender) == (1, 2, "ana@example.net")
    assert replied.last_message_at == NOW + timedelta(minutes=2)
    assert (page.total, page.unread_total) == (2, 2)
    texts = await reads.queue(InboxFilter(channel=MessageChannel.TEXT))
    assert ([i.case_id for i in texts.items], texts.unread_total) == ([second], 1)


async def test_the_queue_is_one_statement_however_many_cases(seeded: AsyncEngine) -> None:
    for minute in range(6):
        await received_case(seeded, email(received_at=NOW + timedelta(minutes=minute)))
    with statements(seeded) as sent:
        page = await InboxReadModel(seeded).queue(InboxFilter(limit=4))

    assert (len(page.items), page.total, page.unread_total) == (4, 6, 6)
    assert len(sent) == 1


async def test_an_empty_inbox_has_zero_totals(seeded: AsyncEngine) -> None:
    page = await InboxReadModel(seeded).queue(InboxFilter())
    assert (page.items, page.total, page.unread_total) == ([], 0, 0)


async def test_a_conversation_names_the_author_of_each_reply(seeded: AsyncEngine) -> None:
    case_id = await received_case(seeded, email())
    await store_reply(seeded, case_id, AGENT_ID, "On it", NOW + timedelta(minutes=2))
    async with SqlUnitOfWork(seeded) as uow:
        await uow.messages.mark_read(case_id, NOW + timedelta(minutes=1))
        await uow.commit()

    conversation = await InboxReadModel(seeded).conversation(case_id)

    assert conversation is not None
    assert conversation.case.id == case_id
    said = [(m.message.direction, m.author_name) for m in conversation.messages]
    assert said == [(Direction.IN, None), (Direction.OUT, "Alex Agent")]
    assert conversation.messages[0].message.read_at == NOW + timedelta(minutes=1)
    assert await InboxReadModel(seeded).conversation(uuid4()) is None
