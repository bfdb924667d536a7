"""Words every feature uses: who acted, through which channel, and who may see a thing."""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    MOBILE = "mobile"
    WALK_IN = "walk_in"
    SOCIAL = "social"
    TEXT = "text"
    CHAT = "chat"
    LETTER = "letter"
    API = "api"
    INTERNAL = "internal"


class Visibility(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


@dataclass(frozen=True)
class Actor:
    """Who did something: a staff user, or nobody (a resident or a partner system)."""

    user_id: UUID | None
    name: str
