"""What notifications need from the outside: senders, a delivery log, the staff to escalate to,
the addresses that opted out."""

from collections.abc import Collection, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from domain.directory.ports import CatalogUnitOfWork, TranslationRepository
from domain.notifications.followers import FollowerRepository
from domain.requests.ports import RequestRepository
from domain.residents.ports import ResidentsUnitOfWork


@dataclass(frozen=True)
class OutgoingEmail:
    """One email. `key` names this delivery (a stable Message-ID is derived from it)."""

    to: str
    subject: str
    text: str
    key: str
    html: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


class EmailSender(Protocol):
    async def send(self, message: OutgoingEmail) -> None:
        """Hand the message to the mail system; raise when it was not accepted."""
        ...


class SmsSender(Protocol):
    async def send(self, to: str, text: str) -> None: ...


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


@dataclass(frozen=True)
class Delivery:
    """A message to send once. `key` holds no address: a role or a user id names the recipient."""

    key: str
    event_id: UUID
    request_id: str
    kind: str
    channel: Channel
    at: datetime


class DeliveryLog(Protocol):
    def claim(self, delivery: Delivery) -> AbstractAsyncContextManager[bool]:
        """Yields True when the delivery is new, False when it was already sent.

        The claim is kept only when the block ends without an error, so a failed send is
        tried again on the next delivery of the event; a concurrent claim of the same key waits.
        """
        ...


@dataclass(frozen=True)
class StaffContact:
    key: str  # the user id, or the department code for a department's own address
    name: str
    email: str


class EscalationContacts(Protocol):
    async def for_department(self, department_code: str) -> list[StaffContact]:
        """The department's active managers; its own address when it has none."""
        ...


@dataclass(frozen=True)
class OptOut:
    """An address on the suppression list: since when, and how (an `OptOutSource` value)."""

    address: str
    opted_out_at: datetime
    source: str


class OptOutList(Protocol):
    """The suppression list: normalised addresses that get no resident email."""

    async def add(self, address: str, at: datetime, source: str) -> None:
        """Idempotent: an address already on the list keeps its first time and source."""
        ...

    async def has(self, address: str) -> bool: ...

    async def status_of(self, addresses: Collection[str]) -> dict[str, OptOut]:
        """The listed ones among these (normalised) addresses, by address, in one look-up."""
        ...

    async def remove(self, address: str) -> OptOut | None:
        """Take the address off the list; what was removed, or None when it was not listed."""
        ...


class NotificationsUnitOfWork(CatalogUnitOfWork, ResidentsUnitOfWork, Protocol):
    """What notifying reads: the request, its resident and followers, the catalog and its
    translations."""

    requests: RequestRepository
    translations: TranslationRepository
    followers: FollowerRepository
