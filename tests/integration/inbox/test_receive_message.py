"""receive_message on PostgreSQL: each message stored once, on its thread or a new Inbox case."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
from domain.inbox.model import (
    MAX_BODY,
    Attachment,
    Direction,
    InboundMessage,
    Message,
    MessageChannel,
    Outcome,
)
from domain.inbox.threading import case_reference
from domain.inbox.use_cases import Received, receive_message
from domain.residents.model import Resident
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from tests.integration.builders import add_requests, count, make_request

pytestmark = pytest.mark.usefixtures("seeded")

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
WINDOW = timedelta(hours=24)


def email(**changes: object) -> InboundMessage:
    base = InboundMessage(
        channel=MessageChannel.EMAIL,
        sender="ana@example.net",
        external_id=f"{uuid4()}@mail.example.net",
        subject="Streetlight out on Elm St",
        body="The light at 100 Elm St has been out for a week.",
        received_at=NOW,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def text(**changes: object) -> InboundMessage:
    return email(channel=MessageChannel.TEXT, sender="4105550123", subject="", **changes)


async def receive(engine: AsyncEngine, inbound: InboundMessage) -> Received:
    context = Context(SqlUnitOfWorkFactory(engine), FixedClock(NOW))
    return await receive_message(context, inbound, text_window=WINDOW)


async def messages_of_case(engine: AsyncEngine, received: Received) -> list[Message]:
    assert received.case_id is not None
    async with SqlUnitOfWork(engine) as uow:
        return await uow.messages.of_case(received.case_id)


async def test_a_new_email_opens_an_inbox_case_linked_to_the_resident(
    seeded: AsyncEngine,
) -> None:
    resident = Resident(uuid4(), NOW, "Ana", "Ruiz", emails=["Ana@Example.net"])
    async with SqlUnitOfWork(seeded) as uow:
        await uow.residents.add(resident)
        await uow.commit()

    received = await receive(seeded, email(language="es"))

    assert (received.outcome, received.acknowledge) == (Outcome.NEW_CASE, True)
    async with SqlUnitOfWork(seeded) as uow:
        assert received.case_id is not None
        case = await uow.cases.get(received.case_id)
    assert case is not None
    assert (case.channel.value, case.type.value, case.in_inbox) == ("email", "other", True)
    assert (case.summary, case.resident_id, case.language) == (
        "Streetlight out on Elm St",
        resident.id,
        "es",
    )
    assert case.notes == "The light at 100 Elm St has been out for a week."
    [stored] = await messages_of_case(seeded, received)
    assert (stored.direction, stored.address, stored.resident_id) == (
        Direction.IN,
        "ana@example.net",
        resident.id,
    )
    assert stored.read_at is None
    assert await count(seeded, "pgqueuer", "entrypoint = 'events.dispatch'") == 1


async def test_a_resent_message_is_stored_once(seeded: AsyncEngine) -> None:
    first = email()
    assert (await receive(seeded, first)).outcome is Outcome.NEW_CASE

    again = await receive(seeded, replace(first, subject="something else"))

    assert (again.outcome, again.message_id) == (Outcome.DUPLICATE, None)
    assert await count(seeded, "messages") == 1
    assert await count(seeded, "cases") == 1


async def test_a_reply_by_in_reply_to_joins_the_case_and_puts_it_back_in_the_inbox(
    seeded: AsyncEngine,
) -> None:
    opened = await receive(seeded, email())
    assert opened.case_id is not None
    ours = Message(
        uuid4(),
        MessageChannel.EMAIL,
        Direction.OUT,
        "ana@example.net",
        "Re: Streetlight",
        "Thanks, we are on it.",
        "ack-1@frontdoor.example.org",
        NOW + timedelta(minutes=1),
        case_id=opened.case_id,
    )
    async with SqlUnitOfWork(seeded) as uow:
        case = await uow.cases.get(opened.case_id)
        assert case is not None
        case.in_inbox = False
        await uow.cases.save(case, case.version)
        await uow.messages.add(ours)
        await uow.commit()

    reply = await receive(
        seeded,
        email(
            subject="Re: Streetlight",
            thread_ids=("ack-1@frontdoor.example.org",),
            received_at=NOW + timedelta(minutes=2),
        ),
    )

    assert (reply.outcome, reply.case_id, reply.acknowledge) == (
        Outcome.CASE_REPLY,
        opened.case_id,
        False,
    )
    assert [m.direction for m in await messages_of_case(seeded, reply)] == [
        Direction.IN,
        Direction.OUT,
        Direction.IN,
    ]
    async with SqlUnitOfWork(seeded) as uow:
        case = await uow.cases.get(opened.case_id)
    assert case is not None and case.in_inbox
    assert await count(seeded, "cases") == 1


async def test_a_case_number_in_the_subject_threads_onto_that_case(seeded: AsyncEngine) -> None:
    opened = await receive(seeded, email())
    assert opened.case_id is not None

    reply = await receive(
        seeded, email(subject=f"Re: [311 #{case_reference(opened.case_id)}] Streetlight")
    )

    assert (reply.outcome, reply.case_id) == (Outcome.CASE_REPLY, opened.case_id)


async def test_a_request_number_in_the_subject_becomes_a_staff_only_comment(
    seeded: AsyncEngine,
) -> None:
    await add_requests(seeded, make_request("26-00000001"))

    reply = await receive(
        seeded,
        email(
            subject="Re: [311 #26-00000001] Pothole",
            body="It got bigger.",
            attachments=(Attachment("run.exe", "application/x-msdownload", 10, refused="type"),),
        ),
    )

    assert (reply.outcome, reply.request_id, reply.case_id) == (
        Outcome.REQUEST_REPLY,
        "26-00000001",
        None,
    )
    async with SqlUnitOfWork(seeded) as uow:
        request = await uow.requests.get("26-00000001")
        assert [m.body for m in await uow.messages.of_request("26-00000001")] == ["It got bigger."]
    assert request is not None
    comments = await count(
        seeded,
        "request_timeline",
        "request_id = '26-00000001' AND kind = 'comment' AND visibility = 'internal'"
        " AND data->>'body' LIKE '%It got bigger.%' AND data->>'body' LIKE '%run.exe%'",
    )
    assert comments == 1
    assert await count(seeded, "cases") == 0


async def test_an_unknown_request_number_opens_a_new_case(seeded: AsyncEngine) -> None:
    received = await receive(seeded, email(subject="[311 #26-99999999] about my request"))

    assert received.outcome is Outcome.NEW_CASE


async def test_texts_from_one_phone_thread_within_the_window_only(seeded: AsyncEngine) -> None:
    first = await receive(seeded, text(body="Trash not picked up on Oak Ave"))
    later = await receive(seeded, text(body="Still not", received_at=NOW + timedelta(hours=2)))
    next_week = await receive(seeded, text(body="New problem", received_at=NOW + timedelta(days=7)))

    assert first.outcome is Outcome.NEW_CASE
    assert (later.outcome, later.case_id) == (Outcome.CASE_REPLY, first.case_id)
    assert next_week.outcome is Outcome.NEW_CASE and next_week.case_id != first.case_id
    async with SqlUnitOfWork(seeded) as uow:
        assert first.case_id is not None
        case = await uow.cases.get(first.case_id)
    assert case is not None
    assert (case.channel.value, case.summary) == ("text", "Trash not picked up on Oak Ave")


async def test_auto_replies_open_a_case_but_are_not_acknowledged(seeded: AsyncEngine) -> None:
    received = await receive(seeded, email(automated=True))

    assert (received.outcome, received.acknowledge) == (Outcome.NEW_CASE, False)


async def test_a_long_body_is_cut_to_what_a_case_holds(seeded: AsyncEngine) -> None:
    received = await receive(seeded, email(body="word " * 5000))

    async with SqlUnitOfWork(seeded) as uow:
        assert received.case_id is not None
        case = await uow.cases.get(received.case_id)
    assert case is not None
    assert len(case.notes) <= MAX_BODY and case.notes.endswith("[…]")


async def test_a_new_case_takes_the_residents_language_else_the_one_it_reads_in(
    seeded: AsyncEngine,
) -> None:
    known = Resident(uuid4(), NOW, "Lupe", emails=["lupe@example.net"], preferred_language="es")
    async with SqlUnitOfWork(seeded) as uow:
        await uow.residents.add(known)
        await uow.commit()

    of_resident = await receive(seeded, email(sender="lupe@example.net", body="Pothole"))
    spanish = await receive(seeded, email(body="Hay un bache enorme en mi calle desde el lunes."))
    said = await receive(seeded, email(body="Hay un bache en la calle.", language="en"))

    languages = []
    async with SqlUnitOfWork(seeded) as uow:
        for received in (of_resident, spanish, said):
            assert received.case_id is not None
            case = await uow.cases.get(received.case_id)
            assert case is not None
            languages.append(case.language)
    assert languages == ["es", "es", "en"]
