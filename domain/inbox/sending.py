"""The worker's side of the inbox: acknowledge new cases, and send what was queued.

Both run on committed events, at least once. An acknowledgement's id comes from its event,
so a second run finds it queued already; a send is claimed in the delivery log, so two
workers never send one message twice, and a send that failed is tried again.
"""

from dataclasses import dataclass
from datetime import timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.cases.model import Case
from domain.inbox.model import Message, MessageChannel
from domain.inbox.outbound import Outgoing, queue_outgoing
from domain.inbox.ports import InboxUnitOfWork
from domain.inbox.threading import case_reference
from domain.notifications.ports import (
    Channel,
    Delivery,
    DeliveryLog,
    EmailSender,
    OutgoingEmail,
    SmsSender,
)
from domain.notifications.templates import render_email, render_sms
from domain.notifications.wording import message_language
from domain.shared.context import Context
from domain.shared.events import Event, EventType

ACKNOWLEDGEMENT = "inbox_ack"


@dataclass(frozen=True)
class AcknowledgementLimit:
    """At most `count` automatic messages to one address per `per`: mail loops die out."""

    count: int = 3
    per: timedelta = timedelta(hours=1)


class InboxMessenger:
    def __init__(
        self,
        context: Context[InboxUnitOfWork],
        log: DeliveryLog,
        email: EmailSender,
        sms: SmsSender,
        *,
        mail_domain: str,
        limit: AcknowledgementLimit,
    ) -> None:
        self._context, self._log = context, log
        self._email, self._sms = email, sms
        self._mail_domain, self._limit = mail_domain, limit

    def hears(self, event: Event) -> bool:
        acknowledged = event.type is EventType.MESSAGE_RECEIVED and event.data.get("acknowledge")
        return bool(acknowledged) or event.type is EventType.MESSAGE_QUEUED

    async def handle(self, event: Event) -> None:
        if event.type is EventType.MESSAGE_RECEIVED and event.data.get("acknowledge"):
            await self._acknowledge(event)
        elif event.type is EventType.MESSAGE_QUEUED:
            await self._send(event)

    async def _acknowledge(self, event: Event) -> None:
        now = self._context.clock.now()
        async with self._context.uow() as uow:
            received = await uow.messages.get(UUID(str(event.data["message_id"])))
            if received is None or received.case_id is None:
                return
            case = await uow.cases.get(received.case_id)
            since = now - self._limit.per
            sent = await uow.messages.automatic_sent_to(received.channel, received.address, since)
            if case is None or sent >= self._limit.count:
                return
            outgoing = acknowledgement(received, case, uuid5(NAMESPACE_URL, str(event.id)))
            await queue_outgoing(uow, case, outgoing, at=now, mail_domain=self._mail_domain)
            await uow.commit()

    async def _send(self, event: Event) -> None:
        async with self._context.uow() as uow:
            message = await uow.messages.get(UUID(str(event.data["message_id"])))
        if message is None or message.sent_at is not None:
            return
        delivery = Delivery(
            f"message:{message.id}",
            event.id,
            str(message.request_id or message.case_id),
            "inbox",
            Channel.EMAIL if message.channel is MessageChannel.EMAIL else Channel.SMS,
            self._context.clock.now(),
        )
        async with self._log.claim(delivery) as new:
            if new:
                await self._hand_over(message)
        async with self._context.uow() as uow:
            await uow.messages.mark_sent(message.id, self._context.clock.now())
            await uow.commit()

    async def _hand_over(self, message: Message) -> None:
        if message.channel is MessageChannel.TEXT:
            await self._sms.send(message.address, message.body)
            return
        await self._email.send(
            OutgoingEmail(
                to=message.address,
                subject=message.subject,
                text=message.body,
                key=f"message:{message.id}",
                headers=threading_headers(message),
            )
        )


def acknowledgement(received: Message, case: Case, message_id: UUID) -> Outgoing:
    """The case number, in the language the message or its case is in."""
    language = message_language(received.language, case.language)
    case_number = case_reference(case.id)
    values = {"case_number": case_number, "subject": received.subject or case_number}
    if received.channel is MessageChannel.TEXT:
        return Outgoing(render_sms(ACKNOWLEDGEMENT, language, values), id=message_id)
    rendered = render_email(ACKNOWLEDGEMENT, language, values)
    return Outgoing(rendered.text, rendered.subject, id=message_id)


def threading_headers(message: Message) -> dict[str, str]:
    """Our Message-ID, and the ids it answers, so the resident's reply finds its case."""
    headers = {
        "Message-ID": f"<{message.external_id}>",
        "Auto-Submitted": "auto-replied" if message.author_id is None else "no",
    }
    if message.thread_ids:
        headers["In-Reply-To"] = f"<{message.thread_ids[-1]}>"
        headers["References"] = " ".join(f"<{i}>" for i in message.thread_ids)
    return headers
