"""The worker's inbox side on PostgreSQL: acknowledgements and replies, sent as real MIME."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.deliveries import SqlDeliveryLog
from adapters.db.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
from adapters.jobs.codec import decode_event
from adapters.notifications.files import FileEmailSender, FileSmsSender
from api.bootstrap import sms_opt_out_list
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.inbox.model import Direction, InboundMessage, MessageChannel, Outcome
from domain.inbox.outbound import Outgoing, reply_to_case
from domain.inbox.sending import AcknowledgementLimit, InboxMessenger
from domain.inbox.threading import case_reference
from domain.inbox.use_cases import Received, receive_message
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden
from tests.integration.builders import demo_user_id
from tests.integration.jobs.helpers import take_jobs

pytestmark = pytest.mark.usefixtures("seeded")

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
SENDER = "City 311 <311@city.example>"


def email(**changes: object) -> InboundMessage:
    base = InboundMessage(
        channel=MessageChannel.EMAIL,
        sender="ana@example.net",
        external_id=f"{uuid4()}@mail.example.net",
        subject="Streetlight out",
        body="The light at 100 Elm St is out.",
        received_at=NOW,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


class Worker:
    """The messenger over a fixed clock, writing mail and texts as files."""

    def __init__(self, engine: AsyncEngine, folder: Path) -> None:
        self.engine, self.folder = engine, folder
        self.clock = FixedClock(NOW)
        self.context = Context(SqlUnitOfWorkFactory(engine), self.clock)
        self.messenger = InboxMessenger(
            self.context,
            SqlDeliveryLog(engine),
            FileEmailSender(folder / "mail", SENDER, self.clock),
            FileSmsSender(folder / "sms", self.clock),
            mail_domain="city.example",
            limit=AcknowledgementLimit(count=2, per=timedelta(hours=1)),
        )

    async def receive(self, inbound: InboundMessage) -> Received:
        return await receive_message(self.context, inbound, text_window=timedelta(hours=24))

    async def run_events(self) -> None:
        while jobs := await take_jobs(self.engine):
            for job in jobs:
                await self.messenger.handle(decode_event(job.payload))

    def mail(self) -> list[EmailMessage]:
        files = sorted((self.folder / "mail").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]  # type: ignore[misc]


@pytest.fixture
def worker(seeded: AsyncEngine, tmp_path: Path) -> Worker:
    return Worker(seeded, tmp_path)


async def test_a_new_email_is_acknowledged_with_its_case_number_and_the_reply_threads_back(
    worker: Worker,
) -> None:
    opened = await worker.receive(email(language="es"))
    await worker.run_events()

    [ack] = worker.mail()
    assert opened.case_id is not None
    number = case_reference(opened.case_id)
    assert ack["To"] == "ana@example.net"
    assert ack["Subject"] == f"[311 #{number}] Hemos recibido su mensaje: Streetlight out"
    assert number in ack.get_content()
    assert ack["Auto-Submitted"] == "auto-replied"
    stored = {m.direction: m for m in await messages(worker.engine, opened)}
    assert ack["Message-ID"] == f"<{stored[Direction.OUT].external_id}>"
    assert ack["In-Reply-To"] == f"<{stored[Direction.IN].external_id}>"
    assert stored[Direction.OUT].sent_at == NOW

    answer = await worker.receive(
        email(subject=f"Re: {ack['Subject']}", thread_ids=(ack["Message-ID"].strip("<>"),))
    )
    assert (answer.outcome, answer.case_id) == (Outcome.CASE_REPLY, opened.case_id)


async def test_an_event_run_twice_sends_one_acknowledgement(worker: Worker) -> None:
    await worker.receive(email())
    jobs = await take_jobs(worker.engine)
    for job in [*jobs, *jobs]:
        await worker.messenger.handle(decode_event(job.payload))
    await worker.run_events()

    assert len(worker.mail()) == 1


async def test_auto_replies_get_no_acknowledgement_and_loops_die_out(worker: Worker) -> None:
    await worker.receive(email(automated=True))
    for _ in range(4):
        await worker.receive(email())
    await worker.run_events()

    assert len(worker.mail()) == 2  # the limit: two automatic messages per hour


async def test_an_agent_reply_goes_out_with_the_threading_headers(worker: Worker) -> None:
    opened = await worker.receive(email())
    await worker.run_events()
    assert opened.case_id is not None
    agent = Principal(demo_user_id("agent@example.org"), "Alex Agent", Role.AGENT)
    worker.clock.set(NOW + timedelta(minutes=5))

    reply = await reply_to_case(
        worker.context,
        opened.case_id,
        Outgoing("We have sent a crew."),
        agent,
        mail_domain="city.example",
        stopped=sms_opt_out_list(worker.engine),
    )
    await worker.run_events()

    sent = worker.mail()[-1]
    assert sent["Subject"] == f"[311 #{case_reference(opened.case_id)}] Re: Streetlight out"
    assert sent["Message-ID"] == f"<{reply.external_id}>"
    stored = await messages(worker.engine, opened)
    [inbound_id] = [m.external_id for m in stored if m.direction is Direction.IN]
    assert sent["In-Reply-To"] == f"<{inbound_id}>"
    assert sent["Auto-Submitted"] == "no"
    assert sent.get_content().strip() == "We have sent a crew."
    assert all(m.read_at is not None for m in await messages(worker.engine, opened))


async def test_only_the_call_center_replies(worker: Worker) -> None:
    opened = await worker.receive(email())
    assert opened.case_id is not None
    staff = Principal(demo_user_id("staff@example.org"), "Sam Staff", Role.STAFF, "dpw")

    with pytest.raises(Forbidden):
        await reply_to_case(
            worker.context,
            opened.case_id,
            Outgoing("hi"),
            staff,
            mail_domain="city.example",
            stopped=sms_opt_out_list(worker.engine),
        )


async def test_a_text_is_acknowledged_by_text(worker: Worker) -> None:
    await worker.receive(email(channel=MessageChannel.TEXT, sender="4105550123", subject=""))
    await worker.run_events()

    [sms] = list((worker.folder / "sms").glob("*.txt"))
    content = sms.read_text()
    assert content.startswith("To: 4105550123") and "case number is C-" in content
    assert worker.mail() == []


async def messages(engine: AsyncEngine, received: Received) -> list:  # type: ignore[type-arg]
    assert received.case_id is not None
    async with SqlUnitOfWork(engine) as uow:
        return await uow.messages.of_case(received.case_id)
