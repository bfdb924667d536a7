"""What the headers of a received email say: who sent it, its id, its thread, whether a
machine wrote it. Header values are decoded by the email package (RFC 2047, RFC 2231)."""

import hashlib
import re
from email.errors import HeaderParseError
from email.message import EmailMessage
from email.utils import getaddresses

from domain.shared.languages import normalise_tag

_IDS = re.compile(r"<([^<>\s]{1,250})>")
MAX_THREAD_IDS = 50
SYNTHETIC_DOMAIN = "frontdoor.invalid"
BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply"})
ROBOT_MAILBOXES = frozenset({"mailer-daemon", "postmaster"})
AUTOREPLY_FLAGS = ("x-autoreply", "x-autorespond")


def header(message: EmailMessage, name: str) -> str:
    """The decoded value, or "" when it is missing or too broken to parse."""
    try:
        value = message.get(name)
        return "" if value is None else " ".join(str(value).split())
    except (HeaderParseError, LookupError, ValueError, TypeError, AttributeError, AssertionError):
        return ""


def normalise_address(address: str) -> str:
    return address.strip().strip("<>").strip().casefold()


def sender_of(message: EmailMessage, envelope_sender: str | None) -> str:
    """The From address, normalised; the envelope sender when From has none."""
    for _, address in getaddresses([header(message, "From")]):
        if "@" in address:
            return normalise_address(address)
    return normalise_address(envelope_sender or "")


def external_id(message: EmailMessage, raw: bytes) -> str:
    """The Message-ID without <>; one made from the bytes when the sender gave none, so a
    resend of the same bytes is still recognised."""
    found: list[str] = _IDS.findall(header(message, "Message-ID"))
    if found:
        return found[0]
    bare = header(message, "Message-ID").strip()
    if bare and " " not in bare and len(bare) <= 250:
        return bare
    return f"{hashlib.sha256(raw).hexdigest()[:40]}@{SYNTHETIC_DOMAIN}"


def thread_ids(message: EmailMessage) -> tuple[str, ...]:
    """In-Reply-To first, then References from the newest; distinct, at most MAX_THREAD_IDS."""
    replied = _IDS.findall(header(message, "In-Reply-To"))
    references = list(reversed(_IDS.findall(header(message, "References"))))
    return tuple(dict.fromkeys(replied + references))[:MAX_THREAD_IDS]


def is_automated(message: EmailMessage, sender: str, envelope_sender: str | None) -> bool:
    """Auto-replies, bounces and list mail (RFC 3834, RFC 2369): never acknowledged."""
    auto = header(message, "Auto-Submitted").split(";")[0].strip().casefold()
    if auto and auto != "no":
        return True
    if header(message, "Precedence").strip().casefold() in BULK_PRECEDENCE:
        return True
    names = {key.casefold() for key in message}
    if any(name.startswith("list-") for name in names):
        return True
    if any(flag in names for flag in AUTOREPLY_FLAGS):
        return True
    if envelope_sender is not None and normalise_address(envelope_sender) == "":
        return True  # the null reverse-path of a bounce
    return not sender or sender.partition("@")[0] in ROBOT_MAILBOXES


def language_of(message: EmailMessage) -> str | None:
    """Content-Language, else the first of Accept-Language (which Outlook sends)."""
    for name in ("Content-Language", "Accept-Language"):
        declared = header(message, name).split(",")[0].split(";")[0].strip()
        if declared and (tag := normalise_tag(declared)):
            return tag
    return None
