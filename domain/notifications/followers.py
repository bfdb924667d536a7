"""Following a request: an email address that hears about its status changes and its closure,
as the reporter does, once it confirmed (double opt-in).

Asking to follow writes a pending follower and publishes `follower.pending` in the same
transaction; the notifier then sends the confirm link (its token is signed, so nothing secret
is stored). Nothing is sent to a pending follower but that link; the link works once.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID, uuid4

from domain.guards.errors import Refused
from domain.guards.signing import BadToken, TokenSigner
from domain.guards.use_cases import BotCheck, FormSubmission, pass_bot_check
from domain.notifications.wording import message_language
from domain.requests.ports import RequestRepository
from domain.residents.model import normalise_email
from domain.shared.context import Context
from domain.shared.errors import NotFound
from domain.shared.events import Event, EventOutbox, EventType
from domain.shared.transaction import Transaction

CONFIRM_WITHIN = timedelta(days=7)


@dataclass(frozen=True)
class Follower:
    id: UUID
    request_id: str
    email: str  # normalised
    language: str  # a language we write messages in
    created_at: datetime
    confirmed_at: datetime | None = None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class FollowerRepository(Protocol):
    async def add(self, follower: Follower) -> None: ...

    async def get(self, follower_id: UUID, *, for_update: bool = False) -> Follower | None: ...

    async def confirm(self, follower_id: UUID, at: datetime) -> None: ...

    async def confirmed_of(self, request_id: str) -> list[Follower]:
        """The request's confirmed followers, one per address, oldest first."""
        ...

    async def forget_unconfirmed(self, asked_before: datetime) -> None:
        """Delete (some of) the pending followers asked before then: their links expired."""
        ...


class FollowersUnitOfWork(Transaction, Protocol):
    requests: RequestRepository
    followers: FollowerRepository
    events: EventOutbox


class FollowTokens:
    """The confirm link's token names the follower; signed, good for a week."""

    def __init__(self, secret: str) -> None:
        self._signer = TokenSigner(secret, "follow confirm", CONFIRM_WITHIN)

    def issue(self, follower_id: UUID, now: datetime) -> str:
        return self._signer.issue(follower_id.hex, now)

    def follower_of(self, token: str, now: datetime) -> UUID:
        try:
            payload, _ = self._signer.read(token, now)
            return UUID(hex=payload)
        except (BadToken, ValueError):
            raise _bad_link() from None


def _bad_link() -> Refused:
    return Refused("token", "follow_token_invalid", "this confirm link is not valid or expired")


@dataclass(frozen=True)
class AskToFollow:
    request_id: str
    email: str
    language: str | None = None


async def ask_to_follow(
    context: Context[FollowersUnitOfWork],
    command: AskToFollow,
    sent: FormSubmission,
    *,
    bot_check: BotCheck,
) -> Follower:
    """A pending follower of an existing request, once the form passed the bot check; the
    confirm email follows (through the outbox)."""
    await pass_bot_check(sent, bot_check, context.clock)
    now = context.clock.now()
    async with context.uow() as uow:
        if await uow.requests.get(command.request_id) is None:
            raise NotFound(f"service request {command.request_id[:64]} was not found")
        follower = Follower(
            id=uuid4(),
            request_id=command.request_id,
            email=normalise_email(command.email),
            language=message_language(command.language),
            created_at=now,
        )
        await uow.followers.forget_unconfirmed(now - CONFIRM_WITHIN)  # keep no stale address
        await uow.followers.add(follower)
        data = {"follower_id": str(follower.id)}
        await uow.events.publish(
            Event(EventType.FOLLOWER_PENDING, follower.request_id, now, data=data)
        )
        await uow.commit()
    return follower


async def confirm_following(
    context: Context[FollowersUnitOfWork], token: str, *, tokens: FollowTokens
) -> Follower:
    """The follower of a valid link is confirmed; a link already used is refused."""
    now = context.clock.now()
    follower_id = tokens.follower_of(token, now)
    async with context.uow() as uow:
        follower = await uow.followers.get(follower_id, for_update=True)
        if follower is None:
            raise _bad_link()
        if follower.confirmed:
            raise Refused("token", "follow_token_used", "this confirm link was already used")
        await uow.followers.confirm(follower.id, now)
        await uow.commit()
    return replace(follower, confirmed_at=now)
