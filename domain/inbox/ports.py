from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.cases.model import Case
from domain.contacts.ports import ContactsUnitOfWork
from domain.inbox.model import Message, MessageChannel
from domain.shared.events import EventOutbox


class MessageRepository(Protocol):
    async def add(self, message: Message) -> bool:
        """Store the message; False (and nothing written) when its channel and external id
        are already stored: a resent message is kept once."""
        ...

    async def get(self, message_id: UUID) -> Message | None: ...

    async def mark_sent(self, message_id: UUID, at: datetime) -> None: ...

    async def automatic_sent_to(
        self, channel: MessageChannel, address: str, since: datetime
    ) -> int:
        """How many messages Frontdoor itself (no author) sent this address since then."""
        ...

    async def by_external_id(self, channel: MessageChannel, external_id: str) -> Message | None: ...

    async def thread_of(self, external_ids: Sequence[str]) -> Message | None:
        """The most recent stored message whose external id is one of these."""
        ...

    async def latest_with(
        self, channel: MessageChannel, address: str, since: datetime
    ) -> Message | None:
        """The most recent message to or from this address at or after `since`."""
        ...

    async def of_case(self, case_id: UUID) -> list[Message]:
        """Oldest first."""
        ...

    async def of_request(self, request_id: str) -> list[Message]:
        """Oldest first."""
        ...

    async def mark_read(self, case_id: UUID, at: datetime) -> int:
        """Mark the case's unread incoming messages read; how many were."""
        ...


class InboxCases(Protocol):
    async def by_id_prefix(self, hex_prefix: str) -> Case | None:
        """The case whose id starts with these 12 hex digits (the newest, if several)."""
        ...


class InboxUnitOfWork(ContactsUnitOfWork, Protocol):
    messages: MessageRepository
    inbox_cases: InboxCases
    events: EventOutbox
