"""Residents hear when their request is received, changes status, and closes."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.directory.catalog import Service
from domain.directory.translations import Subject, SubjectRef
from domain.notifications.followers import Follower, FollowTokens
from domain.notifications.opt_out import OptOutTokens
from domain.notifications.ports import (
    Channel,
    Delivery,
    DeliveryLog,
    EmailSender,
    NotificationsUnitOfWork,
    OptOutList,
    OutgoingEmail,
    SmsSender,
)
from domain.notifications.recipients import Addressee, addressee_for
from domain.notifications.templates import render_email, render_sms
from domain.notifications.wording import (
    NOTE_LABELS,
    REASON_WORDS,
    SPANISH,
    STATUS_WORDS,
    format_when,
)
from domain.privacy.personal_data import relabel_masks
from domain.requests.model import CloseReason, ServiceRequest, Status
from domain.residents.model import Resident, phone_digits
from domain.shared.context import Context
from domain.shared.events import Event, EventType

SUBMITTED, STATUS, CLOSED = "submitted", "status", "closed"
FOLLOW_CONFIRM = "follow_confirm"
# What a confirmed follower hears: the reporter's news, with a footer that says why.
FOLLOWED = {STATUS: "followed_status", CLOSED: "followed_closed"}


ONE_CLICK = "List-Unsubscribe=One-Click"  # RFC 8058's List-Unsubscribe-Post value


@dataclass(frozen=True)
class PublicLinks:
    """Where residents follow a request (`{number}` is replaced), look theirs up, and stop
    emails (`{token}` is replaced by the address's opt-out token).

    `unsubscribe_url` is the page a person opens from the footer; `one_click_url` the API
    endpoint a mail client POSTs to (RFC 8058); `unsubscribe_mailto`, when set, one more
    List-Unsubscribe target for mail clients that only write.
    """

    status_url: str
    lookup_url: str
    unsubscribe_url: str
    one_click_url: str
    unsubscribe_mailto: str | None = None
    follow_confirm_url: str = "/follow/confirm?token={token}"  # the double opt-in link

    def status(self, number: str) -> str:
        return self.status_url.replace("{number}", number)

    def follow_confirm(self, token: str) -> str:
        return self.follow_confirm_url.replace("{token}", token)

    def unsubscribe(self, token: str) -> str:
        return self.unsubscribe_url.replace("{token}", token)

    def list_unsubscribe(self, token: str) -> str:
        """The List-Unsubscribe header (RFC 2369): the one-click URL first, then the mailto."""
        targets = [self.one_click_url.replace("{token}", token), self.unsubscribe_mailto]
        return ", ".join(f"<{target}>" for target in targets if target)


@dataclass(frozen=True)
class ResidentOutlet:
    """How a message reaches a resident: a text, or an email that carries the address's
    opt-out link and the List-Unsubscribe headers."""

    email: EmailSender
    sms: SmsSender
    links: PublicLinks
    tokens: OptOutTokens

    async def send(self, delivery: Delivery, to: Addressee, values: dict[str, str]) -> None:
        if to.channel is Channel.SMS:
            await self.sms.send(to.address, render_sms(delivery.kind, to.language, values))
            return
        token = self.tokens.issue(to.address)
        values = {**values, "unsubscribe_url": self.links.unsubscribe(token)}
        rendered = render_email(delivery.kind, to.language, values)
        headers = {
            "Content-Language": to.language,
            "List-Unsubscribe": self.links.list_unsubscribe(token),
            "List-Unsubscribe-Post": ONE_CLICK,
        }
        message = OutgoingEmail(
            to=to.address,
            subject=rendered.subject,
            text=rendered.text,
            key=delivery.key,
            headers=headers,
        )
        await self.email.send(message)


def message_kind(event: Event) -> str | None:
    """Which message an event calls for.

    Residents see the full status (acknowledged, in progress, on hold) on the public status
    page and in the look-up, so every status change is told, not only Open311's open/closed.
    A change to `closed` waits for `request.closed`, which tells the reason.
    """
    if event.type is EventType.REQUEST_CREATED:
        return SUBMITTED
    if event.type is EventType.REQUEST_CLOSED:
        return CLOSED
    if event.type is EventType.REQUEST_UPDATED and _status_changed(event.data):
        return None if event.data.get("status") == Status.CLOSED else STATUS
    return None


def _status_changed(data: Mapping[str, object]) -> bool:
    previous = data.get("previous_status")
    return previous is not None and data.get("status") != previous


@dataclass(frozen=True)
class _Subject:
    request: ServiceRequest
    resident: Resident | None
    to: Addressee | None  # the reporter, if they hear at all
    names: Mapping[str, str]  # the service, by language
    followers: list[Follower] = field(default_factory=list)

    def service_name(self, language: str) -> str:
        return self.names.get(language) or self.request.service_code


class ResidentNotifier:
    """An EventSubscriber: one message per event to the request's reporter, and to each of its
    confirmed followers (status changes and the closure), never twice; the confirm link to a
    pending follower.

    The message is built from the request as it is when the event is handled (after the
    change committed); the status named is the one the event reports. No email goes to an
    address on the opt-out list, and every email carries that address's opt-out link and the
    List-Unsubscribe headers. No text goes to a phone that texted STOP (`sms_opt_outs`, by
    its digits); a resident also stops texts with `contact_preference`.
    """

    def __init__(
        self,
        context: Context[NotificationsUnitOfWork],
        log: DeliveryLog,
        email: EmailSender,
        sms: SmsSender,
        links: PublicLinks,
        opt_outs: OptOutList,
        tokens: OptOutTokens,
        zone: ZoneInfo,
        follow_tokens: FollowTokens,
        sms_opt_outs: OptOutList,
    ) -> None:
        self._uow, self._log, self._email, self._sms = context.uow, log, email, sms
        self._links, self._opt_outs, self._tokens = links, opt_outs, tokens
        self._sms_opt_outs = sms_opt_outs
        self._zone, self._clock, self._follow_tokens = zone, context.clock, follow_tokens

    def hears(self, event: Event) -> bool:
        return event.type is EventType.FOLLOWER_PENDING or message_kind(event) is not None

    async def handle(self, event: Event) -> None:
        if event.type is EventType.FOLLOWER_PENDING:
            await self._ask_to_confirm(event)
            return
        kind = message_kind(event)
        if kind is None:
            return
        subject = await self._load(event.subject)
        if subject is None:
            return
        await self._tell_reporter(kind, event, subject)
        if kind in FOLLOWED:
            await self._tell_followers(kind, event, subject)

    async def _tell_reporter(self, kind: str, event: Event, subject: _Subject) -> None:
        to = subject.to
        if to is None or await self._opted_out(to):
            return
        delivery = self._delivery(f"{event.id}:reporter", event, subject.request.id, kind, to)
        async with self._log.claim(delivery) as new:
            if new:
                await self._send(delivery, to, self._values(kind, event, subject, to.language))

    async def _tell_followers(self, kind: str, event: Event, subject: _Subject) -> None:
        """Each confirmed follower once, in their language; not the reporter's own address."""
        reporter = subject.to.address if subject.to else None
        for follower in subject.followers:
            to = Addressee(Channel.EMAIL, follower.email, follower.language)
            if to.address == reporter or await self._opted_out(to):
                continue
            key = f"{event.id}:follower:{follower.id}"
            delivery = self._delivery(key, event, subject.request.id, FOLLOWED[kind], to)
            async with self._log.claim(delivery) as new:
                if new:
                    values = self._values(kind, event, subject, to.language)
                    await self._send(delivery, to, values)

    async def _ask_to_confirm(self, event: Event) -> None:
        """The double opt-in email: a pending follower's confirm link, nothing else."""
        loaded = await self._pending(event)
        if loaded is None:
            return
        follower, name = loaded
        to = Addressee(Channel.EMAIL, follower.email, follower.language)
        if await self._opted_out(to):
            return
        delivery = self._delivery(
            f"{event.id}:follow-confirm", event, follower.request_id, FOLLOW_CONFIRM, to
        )
        token = self._follow_tokens.issue(follower.id, self._clock.now())
        values = {
            "number": follower.request_id,
            "service": name,
            "confirm_url": self._links.follow_confirm(token),
            "status_url": self._links.status(follower.request_id),
        }
        async with self._log.claim(delivery) as new:
            if new:
                await self._send(delivery, to, values)

    async def _pending(self, event: Event) -> tuple[Follower, str] | None:
        try:
            follower_id = UUID(str(event.data.get("follower_id")))
        except ValueError:
            return None
        async with self._uow() as work:
            follower = await work.followers.get(follower_id)
            if follower is None or follower.confirmed:
                return None
            request = await work.requests.get(follower.request_id)
            service = await work.services.get(request.service_code) if request else None
            if request is None:
                return None
            name = await service_name_in(work, request, service, follower.language)
        return follower, name

    def _delivery(
        self, key: str, event: Event, request_id: str, kind: str, to: Addressee
    ) -> Delivery:
        return Delivery(
            key=key,
            event_id=event.id,
            request_id=request_id,
            kind=kind,
            channel=to.channel,
            at=self._clock.now(),
        )

    async def _opted_out(self, to: Addressee) -> bool:
        """The address is on its list: no message, and no other address of theirs instead."""
        if to.channel is Channel.SMS:
            return await self._sms_opt_outs.has(phone_digits(to.address))
        return await self._opt_outs.has(to.address)

    async def _load(self, number: str) -> _Subject | None:
        async with self._uow() as work:
            request = await work.requests.get(number)
            if request is None:
                return None
            resident = None
            if request.resident_id is not None:
                resident = await work.residents.get(request.resident_id)
            service = await work.services.get(request.service_code)
            to = addressee_for(request, resident)
            followers = await work.followers.confirmed_of(number)
            languages = {f.language for f in followers} | ({to.language} if to else set())
            names = {
                language: await service_name_in(work, request, service, language)
                for language in languages
            }
        return _Subject(request, resident, to, names, followers)

    async def _send(self, delivery: Delivery, to: Addressee, values: dict[str, str]) -> None:
        outlet = ResidentOutlet(self._email, self._sms, self._links, self._tokens)
        await outlet.send(delivery, to, values)

    def _values(self, kind: str, event: Event, subject: _Subject, language: str) -> dict[str, str]:
        request = subject.request
        expected = (
            format_when(request.expected_at, language, self._zone)
            if request.expected_at
            else ("por confirmar" if language == SPANISH else "to be confirmed")
        )
        values = {
            "number": request.id,
            "service": subject.service_name(language),
            "expected": expected,
            "status_url": self._links.status(request.id),
            "lookup_url": self._links.lookup_url,
            "status": STATUS_WORDS[language][_status(event.data, request)],
            "public_note": _public_note(event.data, language),
        }
        if kind == CLOSED:
            reason = _close_reason(event.data, request)
            values["reason"] = REASON_WORDS[language][reason]
            values["duplicate_note"] = self._duplicate_note(request, reason, language)
        return values

    def _duplicate_note(
        self, request: ServiceRequest, reason: CloseReason | None, language: str
    ) -> str:
        parent = request.duplicate_of
        if reason is not CloseReason.DUPLICATE or parent is None:
            return ""
        url = self._links.status(parent)
        if language == SPANISH:
            return f"Puede seguir la solicitud {parent}: {url}\n"
        return f"You can follow request {parent} instead: {url}\n"


async def service_name_in(
    work: NotificationsUnitOfWork, request: ServiceRequest, service: Service | None, language: str
) -> str:
    """The service as the resident reads it: in their language where it is translated."""
    ref = SubjectRef(Subject.SERVICE, request.service_code)
    text = await work.translations.get(ref, language)
    return text.name if text else service.name if service else request.service_code


def _public_note(data: Mapping[str, object], language: str) -> str:
    """The status change's public note (masked when published), as its own paragraph."""
    note = str(data.get("note") or "").strip()
    if not note:
        return ""
    return f"{NOTE_LABELS[language]}: {relabel_masks(note, language)}\n"


def _status(data: Mapping[str, object], request: ServiceRequest) -> Status:
    reported = data.get("status")
    return Status(str(reported)) if reported in set(Status) else request.status


def _close_reason(data: Mapping[str, object], request: ServiceRequest) -> CloseReason | None:
    for name in ("close_reason", "reason"):
        reported = data.get(name)
        if reported in set(CloseReason):
            return CloseReason(str(reported))
    return request.close_reason
