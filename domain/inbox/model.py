"""Messages residents send and staff answer (placeholder of the lead's shared contract)."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class MessageChannel(StrEnum):
    EMAIL = "email"
    TEXT = "text"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    byte_size: int
    photo_id: UUID | None = None
    refused: str | None = None  # why it was not kept


@dataclass(frozen=True)
class InboundMessage:
    channel: MessageChannel
    sender: str
    external_id: str
    subject: str
    body: str
    received_at: datetime
    thread_ids: tuple[str, ...] = ()
    automated: bool = False
    language: str | None = None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
