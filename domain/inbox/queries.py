"""What the agent's Inbox screens read: the queue and one conversation."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.cases.model import Case
from domain.inbox.model import Message, MessageChannel

MAX_PAGE = 100


@dataclass(frozen=True)
class InboxFilter:
    channel: MessageChannel | None = None
    unread_only: bool = False
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class InboxItem:
    """One case waiting in the Inbox, with the counts of its messages."""

    case_id: UUID
    channel: str
    summary: str
    language: str | None
    sender: str | None  # the address of the latest incoming message
    resident_id: UUID | None
    resident_name: str | None
    created_at: datetime
    last_message_at: datetime | None
    unread: int
    messages: int
    version: int


@dataclass(frozen=True)
class InboxPage:
    items: list[InboxItem]
    total: int  # cases in the Inbox that match the filter
    unread_total: int  # their unread incoming messages


@dataclass(frozen=True)
class AuthoredMessage:
    message: Message
    author_name: str | None  # the staff user who wrote an outgoing message


@dataclass(frozen=True)
class Conversation:
    case: Case
    resident_name: str | None
    messages: list[AuthoredMessage]  # oldest first


class InboxReads(Protocol):
    async def queue(self, f: InboxFilter) -> InboxPage:
        """Cases in the Inbox, latest activity first (the latest message, else the case's
        creation)."""
        ...

    async def conversation(self, case_id: UUID) -> Conversation | None: ...
