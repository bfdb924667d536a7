"""Taking in a message: store it once, thread it, or open an Inbox case for it."""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID, uuid4

from domain.cases.model import Case, CaseType
from domain.inbox.language import guess_language
from domain.inbox.model import (
    MAX_BODY,
    MAX_SUBJECT,
    Direction,
    InboundMessage,
    Message,
    MessageChannel,
    Outcome,
    bounded,
)
from domain.inbox.ports import InboxUnitOfWork
from domain.inbox.threading import case_prefix_in, reference_in, summary_of
from domain.residents.model import Resident, normalise_email, phone_digits
from domain.shared.context import Context
from domain.shared.events import Event, EventType
from domain.shared.vocabulary import Actor, Visibility

RESIDENT = Actor(None, "Resident")  # the author of a reply threaded onto a request


@dataclass(frozen=True)
class Received:
    outcome: Outcome
    message_id: UUID | None
    case_id: UUID | None = None
    request_id: str | None = None
    acknowledge: bool = False  # a new case from a person: tell them its number


@dataclass(frozen=True)
class Thread:
    case: Case | None = None
    request_id: str | None = None


async def receive_message(
    context: Context[InboxUnitOfWork], inbound: InboundMessage, *, text_window: timedelta
) -> Received:
    """Store an incoming email or text, exactly once, on the thread it belongs to.

    - The same channel and external id again is a resend: nothing is written.
    - A message answering one of ours (its ids, a `[311 #…]` subject, or for a text the
      same phone within `text_window`) joins that case or request. On a request it becomes
      a staff-only comment: the sender is not trusted, so nothing about the request goes
      back to them.
    - Anything else opens a case in the Inbox, linked to the resident with that address.
    """
    async with context.uow() as uow:
        if await uow.messages.by_external_id(inbound.channel, inbound.external_id):
            return Received(Outcome.DUPLICATE, None)
        thread = await _thread(uow, inbound, text_window)
        message = _message(inbound)
        if thread.request_id is not None:
            received = await _onto_request(uow, message, thread.request_id)
        elif thread.case is not None:
            received = await _onto_case(uow, message, thread.case)
        else:
            received = await _new_case(uow, message, inbound)
        if not await uow.messages.add(message):
            return Received(Outcome.DUPLICATE, None)  # a concurrent resend got there first
        await uow.events.publish(_received_event(message, received))
        await uow.commit()
    return received


async def _thread(uow: InboxUnitOfWork, inbound: InboundMessage, window: timedelta) -> Thread:
    if inbound.thread_ids:
        earlier = await uow.messages.thread_of(inbound.thread_ids)
        if earlier is not None:
            return await _thread_of(uow, earlier)
    reference = reference_in(inbound.subject)
    if reference is not None and await uow.requests.get(reference) is not None:
        return Thread(request_id=reference)
    if (prefix := case_prefix_in(inbound.subject)) is not None:
        case = await uow.inbox_cases.by_id_prefix(prefix)
        if case is not None:
            return Thread(case=case)
    if inbound.channel is MessageChannel.TEXT:
        since = inbound.received_at - window
        earlier = await uow.messages.latest_with(inbound.channel, inbound.sender, since)
        if earlier is not None:
            return await _thread_of(uow, earlier)
    return Thread()


async def _thread_of(uow: InboxUnitOfWork, earlier: Message) -> Thread:
    if earlier.case_id is not None:
        case = await uow.cases.get(earlier.case_id, for_update=True)
        if case is not None:
            return Thread(case=case)
    return Thread(request_id=earlier.request_id)


def _message(inbound: InboundMessage) -> Message:
    return Message(
        id=uuid4(),
        channel=inbound.channel,
        direction=Direction.IN,
        address=inbound.sender,
        subject=bounded(inbound.subject, MAX_SUBJECT),
        body=bounded(inbound.body, MAX_BODY),
        external_id=inbound.external_id,
        at=inbound.received_at,
        thread_ids=inbound.thread_ids,
        attachments=inbound.attachments,
        language=inbound.language,
    )


async def _onto_request(uow: InboxUnitOfWork, message: Message, request_id: str) -> Received:
    request = await uow.requests.get(request_id, for_update=True)
    if request is None:
        raise LookupError(request_id)  # threads point at stored requests, which stay
    expected = request.version
    request.comment(_comment_text(message), Visibility.INTERNAL, RESIDENT, message.at)
    await uow.requests.save(request, expected)
    message.request_id = request_id
    message.resident_id = request.resident_id
    return Received(Outcome.REQUEST_REPLY, message.id, request_id=request_id)


def _comment_text(message: Message) -> str:
    label = "Email" if message.channel is MessageChannel.EMAIL else "Text message"
    refused = [a.filename for a in message.attachments if a.refused]
    lines = [f"{label} from the resident:", message.body or message.subject or "(empty)"]
    if refused:
        lines.append("Attachments refused: " + ", ".join(refused))
    return bounded("\n".join(lines), MAX_BODY)


async def _onto_case(uow: InboxUnitOfWork, message: Message, case: Case) -> Received:
    expected = case.version
    case.in_inbox = True  # a reply brings the conversation back to an agent
    case.updated_at = message.at
    await uow.cases.save(case, expected)
    message.case_id = case.id
    message.resident_id = case.resident_id
    return Received(Outcome.CASE_REPLY, message.id, case_id=case.id)


async def _new_case(uow: InboxUnitOfWork, message: Message, inbound: InboundMessage) -> Received:
    resident = await _resident_of(uow, inbound)
    language = (
        inbound.language
        or (resident.preferred_language if resident else None)
        or guess_language(f"{inbound.subject}\n{inbound.body}")
    )
    case = Case(
        id=uuid4(),
        channel=inbound.channel.case_channel,
        type=CaseType.OTHER,
        created_at=message.at,
        language=language,
        summary=bounded(summary_of(inbound.subject, inbound.body), MAX_SUBJECT),
        notes=message.body,
        resident_id=resident.id if resident else None,
        in_inbox=True,
        started_at=message.at,
    )
    case.check()
    await uow.cases.add(case)
    message.case_id, message.resident_id = case.id, case.resident_id
    message.language = language
    return Received(Outcome.NEW_CASE, message.id, case.id, acknowledge=not inbound.automated)


async def _resident_of(uow: InboxUnitOfWork, inbound: InboundMessage) -> Resident | None:
    if inbound.channel is MessageChannel.EMAIL:
        return await uow.residents.find_by_contact([normalise_email(inbound.sender)], [])
    return await uow.residents.find_by_contact([], [phone_digits(inbound.sender)])


def _received_event(message: Message, received: Received) -> Event:
    """Public facts only: no address, no text. The acknowledgement job reads the message."""
    data: dict[str, object] = {
        "message_id": str(message.id),
        "channel": message.channel.value,
        "outcome": received.outcome.value,
        "case_id": str(received.case_id) if received.case_id else None,
        "request_id": received.request_id,
        "acknowledge": received.acknowledge,
    }
    subject = str(received.case_id or received.request_id)
    return Event(EventType.MESSAGE_RECEIVED, subject, message.at, data=data)
