"""Domain messages as MIME: the same bytes go to SMTP and to .eml files."""

import uuid
from email.message import EmailMessage
from email.policy import Policy
from email.utils import format_datetime, parseaddr

from domain.notifications.ports import OutgoingEmail
from domain.shared.clock import Clock

_KEYS = uuid.UUID("5b2f6d1e-2d0c-4f7a-9a57-3f0c1d8e7a41")  # namespace of delivery keys
# Headers of URLs, written as given: the email package would fold a long URL into RFC 2047
# encoded words, which mail clients do not decode in List-Unsubscribe (RFC 2369, RFC 8058).
VERBATIM = frozenset({"list-unsubscribe", "list-unsubscribe-post"})
MAX_LINE = 998  # RFC 5322's limit on a line, CRLF excluded


class _Verbatim(str):
    """A header value the email package stores and writes unchanged, on one line."""

    name: str

    def __new__(cls, name: str, value: str) -> "_Verbatim":
        header = super().__new__(cls, value)
        header.name = name
        return header

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def _header_value(name: str, value: str) -> str:
    """Printable ASCII on one line that fits is kept verbatim; anything else the usual way."""
    fits = len(name) + 2 + len(value) <= MAX_LINE
    printable = value.isascii() and value.isprintable()
    return _Verbatim(name, value) if name.lower() in VERBATIM and fits and printable else value


def message_id(key: str, sender: str) -> str:
    """Stable per delivery: a resend after a crash carries the same id, so mail clients and
    servers can recognise the duplicate."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "frontdoor.invalid"
    return f"<{uuid.uuid5(_KEYS, key)}@{domain}>"


def to_mime(message: OutgoingEmail, sender: str, clock: Clock) -> EmailMessage:
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = format_datetime(clock.now())
    mime["Message-ID"] = message_id(message.key, sender)
    mime["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to us
    mime.set_content(message.text)
    if message.html is not None:
        mime.add_alternative(message.html, subtype="html")
    for name, value in message.headers.items():  # after the content: it clears Content-*
        del mime[name]
        mime[name] = _header_value(name, value)
    return mime
