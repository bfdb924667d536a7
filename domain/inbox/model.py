"""Messages residents send us and we send them, by email or text."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.shared.vocabulary import Channel

MAX_SUBJECT = 1000  # a case's summary holds at most this many characters
MAX_BODY = 8000  # and its notes this many
TRUNCATED = "\n[…]"


class MessageChannel(StrEnum):
    """The written channels; the values are the case channels they open."""

    EMAIL = Channel.EMAIL.value
    TEXT = Channel.TEXT.value

    @property
    def case_channel(self) -> Channel:
        return Channel(self.value)


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class Outcome(StrEnum):
    NEW_CASE = "new_case"
    CASE_REPLY = "case_reply"
    REQUEST_REPLY = "request_reply"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Attachment:
    """A file that came with a message: an image kept as a photo, or a file refused and why."""

    filename: str
    content_type: str
    byte_size: int
    photo_id: UUID | None = None
    refused: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    """A message as it arrived, already parsed: plain text, decoded headers.

    `sender` is a normalised email address or a phone's digits; `external_id` is the
    Message-ID (without angle brackets) or the provider's message id; `thread_ids` are the
    ids this message answers (In-Reply-To, then References). `automated` marks auto-replies
    and list mail, which are never acknowledged.
    """

    channel: MessageChannel
    sender: str
    external_id: str
    subject: str
    body: str
    received_at: datetime
    thread_ids: tuple[str, ...] = ()
    automated: bool = False
    language: str | None = None
    attachments: tuple[Attachment, ...] = ()


@dataclass
class Message:
    """One stored message, in or out. `address` is the resident's side: who wrote, or to whom."""

    id: UUID
    channel: MessageChannel
    direction: Direction
    address: str
    subject: str
    body: str
    external_id: str
    at: datetime
    case_id: UUID | None = None
    request_id: str | None = None
    resident_id: UUID | None = None
    thread_ids: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    author_id: UUID | None = None  # the staff user who wrote an outgoing message
    read_at: datetime | None = None
    language: str | None = None
    sent_at: datetime | None = None  # an outgoing message handed to the mail or text provider


def bounded(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text says it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - len(TRUNCATED)].rstrip() + TRUNCATED
