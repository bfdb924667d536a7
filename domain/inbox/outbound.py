"""Writing back: a reply or an acknowledgement, stored first and sent by the worker.

An outgoing message is a row and a `message.queued` event written in one transaction, so
a rolled-back reply sends nothing and a committed one is sent even if the API process dies.
Its Message-ID is chosen here and stored, so the resident's answer threads back to it.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from domain.cases.model import Case
from domain.contacts.use_cases import require_case_writer
from domain.directory.permissions import Principal
from domain.inbox.model import MAX_BODY, Direction, Message, MessageChannel, bounded
from domain.inbox.ports import InboxUnitOfWork
from domain.inbox.threading import case_reference, tagged_subject
from domain.notifications.ports import OptOutList
from domain.residents.model import phone_digits
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound, ValidationFailed
from domain.shared.events import Event, EventType

MAX_REFERENCES = 10  # the newest ids of the thread; RFC 5322 lets us trim the middle


@dataclass(frozen=True)
class Outgoing:
    body: str
    subject: str = ""
    author_id: UUID | None = None  # None: written by Frontdoor itself (an acknowledgement)
    id: UUID | None = None  # given when a retry must find the same message again


def answering(conversation: list[Message]) -> Message | None:
    """The resident's latest message: the one a reply answers."""
    incoming = [m for m in conversation if m.direction is Direction.IN]
    return incoming[-1] if incoming else None


async def queue_outgoing(
    uow: InboxUnitOfWork, case: Case, outgoing: Outgoing, *, at: datetime, mail_domain: str
) -> Message | None:
    """Store the message to the case's resident and ask the worker to send it; None when a
    message with this id was already queued."""
    body = bounded(outgoing.body, MAX_BODY)
    if not body:
        raise ValidationFailed.single("body", "must not be empty")
    conversation = await uow.messages.of_case(case.id)
    last = answering(conversation)
    if last is None:
        raise Conflict("this case has no message to answer")
    message = Message(
        id=(message_id := outgoing.id or uuid4()),
        channel=last.channel,
        direction=Direction.OUT,
        address=last.address,
        subject=_subject(case, last, outgoing),
        body=body,
        external_id=f"{message_id}@{mail_domain}",
        at=at,
        case_id=case.id,
        resident_id=case.resident_id,
        thread_ids=_references(last),
        author_id=outgoing.author_id,
        read_at=at,
        language=case.language,
    )
    if not await uow.messages.add(message):
        return None
    await uow.events.publish(message_queued(message))
    return message


def _subject(case: Case, last: Message, outgoing: Outgoing) -> str:
    if last.channel is MessageChannel.TEXT:
        return ""
    subject = outgoing.subject or last.subject or case.summary
    if outgoing.author_id is not None and not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    return tagged_subject(case_reference(case.id), subject)


def _references(last: Message) -> tuple[str, ...]:
    """The References of the reply, oldest first; the last one is what it answers."""
    earlier = [i for i in last.thread_ids if i != last.external_id]
    return (*earlier[-(MAX_REFERENCES - 1) :], last.external_id)


def message_queued(message: Message) -> Event:
    data: dict[str, object] = {"message_id": str(message.id), "channel": message.channel.value}
    subject = str(message.case_id or message.request_id)
    return Event(EventType.MESSAGE_QUEUED, subject, message.at, data=data)


async def reply_to_case(
    context: Context[InboxUnitOfWork],
    case_id: UUID,
    outgoing: Outgoing,
    principal: Principal,
    *,
    mail_domain: str,
    stopped: OptOutList,
) -> Message:
    """An agent answers the resident on the channel they wrote from; the case's incoming
    messages count as read. A phone that texted STOP is not texted: the agent hears so,
    rather than a reply that silently never leaves."""
    require_case_writer(principal)
    now = context.clock.now()
    async with context.uow() as uow:
        case = await uow.cases.get(case_id, for_update=True)
        if case is None:
            raise NotFound("no such case")
        await _refuse_stopped_phone(uow, case, stopped)
        mine = Outgoing(outgoing.body, outgoing.subject, principal.user_id)
        message = await queue_outgoing(uow, case, mine, at=now, mail_domain=mail_domain)
        if message is None:  # a fresh id is never queued already
            raise Conflict("the reply was queued already")
        await uow.messages.mark_read(case.id, now)
        await uow.commit()
    return message


async def _refuse_stopped_phone(uow: InboxUnitOfWork, case: Case, stopped: OptOutList) -> None:
    last = answering(await uow.messages.of_case(case.id))
    if last is None or last.channel is not MessageChannel.TEXT:
        return
    if await stopped.has(phone_digits(last.address)):
        raise Conflict("this phone texted STOP: it gets no texts until it texts START")
