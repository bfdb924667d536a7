"""Webhook subscriptions: who hears which events, at which URL, signed with which secret."""

import base64
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from uuid import UUID

from domain.shared.errors import ValidationFailed
from domain.shared.events import Event, EventType

MAX_URL = 2000
SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
SECRET_BYTES = 32


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and the base64 of random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def check_url(url: str) -> str:
    """http(s), a host, no credentials in it; the SSRF guard checks the address at send time."""
    url = url.strip()
    if not url or len(url) > MAX_URL:
        raise ValidationFailed.single("url", f"must be 1 to {MAX_URL} characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a bad port raises here
    except ValueError:
        raise ValidationFailed.single("url", "is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationFailed.single("url", "must be an http or https URL with a host")
    if parts.username or parts.password:
        raise ValidationFailed.single("url", "must not carry credentials")
    return url


# What partners may subscribe to: changes of requests and cases, not our own mail chores.
OWN_CHORES = frozenset(
    {
        EventType.FOLLOWER_PENDING,
        EventType.MESSAGE_RECEIVED,
        EventType.MESSAGE_QUEUED,
        EventType.SURVEY_DUE,
    }
)
PARTNER_EVENTS = tuple(t for t in EventType if t not in OWN_CHORES)


def check_event_types(names: list[str]) -> list[EventType]:
    known = {t.value: t for t in PARTNER_EVENTS}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        allowed = ", ".join(known)
        raise ValidationFailed.single("event_types", f"give one or more of: {allowed}")
    return list(dict.fromkeys(known[name] for name in names))


@dataclass
class Subscription:
    id: UUID
    url: str
    event_types: list[EventType]
    secret: str
    created_at: datetime
    updated_at: datetime
    department_code: str | None = None
    service_codes: list[str] = field(default_factory=list)
    description: str = ""
    active: bool = True
    disabled_reason: str | None = None
    created_by: UUID | None = None

    def matches(self, event: Event) -> bool:
        if not self.active or event.type not in self.event_types:
            return False
        if self.department_code is not None and event.department_code != self.department_code:
            return False
        return not self.service_codes or event.service_code in self.service_codes

    def disable(self, reason: str, at: datetime) -> None:
        self.active, self.disabled_reason, self.updated_at = False, reason, at

    def enable(self, at: datetime) -> None:
        self.active, self.disabled_reason, self.updated_at = True, None, at

    def rotate_secret(self, at: datetime) -> str:
        self.secret, self.updated_at = new_secret(), at
        return self.secret
