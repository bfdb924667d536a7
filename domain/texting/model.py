"""A text as the provider delivered it, and what became of it."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TextMedia:
    """A file the provider holds for us; its URL needs the provider's credentials."""

    url: str
    content_type: str


@dataclass(frozen=True)
class IncomingText:
    sender: str  # the number as the provider wrote it (+14105550123)
    body: str
    external_id: str  # the provider's id of this message
    received_at: datetime
    media: tuple[TextMedia, ...] = ()


@dataclass(frozen=True)
class TextAnswer:
    """What became of the text, and the text to answer with at once (None: no answer)."""

    outcome: str  # a Keyword value, or the inbox's Outcome value
    reply: str | None = None
