"""An email's bytes as what the inbox needs: headers decoded, one plain-text body, the files.

Bounded: at most `max_parts` MIME parts are looked at, at most `max_files` files kept, and the
body is cut at `max_body` characters (a case's notes hold 8,000) with a marker saying so.
Text/plain is preferred; HTML becomes text without fetching anything.
"""

from contextlib import suppress
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from pathlib import PurePosixPath, PureWindowsPath
from typing import cast

from adapters.email_in.headers import (
    external_id,
    header,
    is_automated,
    language_of,
    sender_of,
    thread_ids,
)
from adapters.email_in.html_text import html_to_text

TRUNCATED = "\n\n[… message truncated]"
MAX_FILENAME = 200
# What the email package raises on headers too broken to parse (its parser assumes a lot).
BROKEN = (LookupError, ValueError, TypeError, AttributeError, AssertionError)


class BadMessage(ValueError):
    """Mail we cannot take at all (no sender to answer): refused for good, not retried."""


@dataclass(frozen=True)
class MailLimits:
    max_body: int = 8000
    max_subject: int = 500
    max_parts: int = 100
    max_files: int = 20


@dataclass(frozen=True)
class MailFile:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class ParsedEmail:
    sender: str
    external_id: str
    subject: str
    body: str
    thread_ids: tuple[str, ...]
    automated: bool
    language: str | None
    files: tuple[MailFile, ...]
    files_left_out: int  # beyond max_files, or beyond max_parts


def parse_email(
    raw: bytes, envelope_sender: str | None = None, limits: MailLimits = MailLimits()
) -> ParsedEmail:
    try:
        return _parse(raw, envelope_sender, limits)
    except RecursionError as error:  # the email package walks nested parts recursively
        raise BadMessage("the message nests its parts too deeply") from error


def _parse(raw: bytes, envelope_sender: str | None, limits: MailLimits) -> ParsedEmail:
    try:
        message = message_from_bytes(raw, policy=policy.default)
    except BROKEN as error:
        raise BadMessage("the message's structure cannot be read") from error
    sender = sender_of(message, envelope_sender)
    if "@" not in sender:
        raise BadMessage("the message names no sender address")
    parts = _leaf_parts(message, limits.max_parts)
    body_part = _body_part(message)
    files = [_file_of(part) for part in parts if part is not body_part and _is_file(part)]
    return ParsedEmail(
        sender=storable(sender),
        external_id=storable(external_id(message, raw)),
        subject=_cut(storable(header(message, "Subject")), limits.max_subject, "…"),
        body=_cut(storable(_body_text(body_part)), limits.max_body, TRUNCATED),
        thread_ids=tuple(storable(i) for i in thread_ids(message)),
        automated=is_automated(message, sender, envelope_sender),
        language=language_of(message),
        files=tuple(files[: limits.max_files]),
        files_left_out=max(0, len(files) - limits.max_files) + _uncounted(message, len(parts)),
    )


def _leaf_parts(message: EmailMessage, cap: int) -> list[EmailMessage]:
    leaves: list[EmailMessage] = []
    for part in message.walk():
        if len(leaves) >= cap:
            break
        if not part.is_multipart():
            leaves.append(part)
    return leaves


def _uncounted(message: Message, looked_at: int) -> int:
    """Files in the parts beyond the cap are not read, only counted as left out."""
    leaves = sum(1 for part in message.walk() if not part.is_multipart())
    return max(0, leaves - looked_at)


def _body_part(message: EmailMessage) -> EmailMessage | None:
    try:
        return cast(EmailMessage | None, message.get_body(preferencelist=("plain", "html")))
    except BROKEN:
        return None


def _body_text(part: EmailMessage | None) -> str:
    if part is None:
        return ""
    text = _decoded(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip()


def _decoded(part: EmailMessage) -> str:
    """The text in its declared charset when it decodes; else UTF-8, which most mail without a
    charset is; else the declared one (or Windows-1252) replacing what does not decode."""
    try:
        payload = part.get_payload(decode=True)
        declared = part.get_content_charset()
    except BROKEN:
        return ""
    if not isinstance(payload, bytes):
        return ""
    for charset in (declared, "utf-8"):
        if charset:
            with suppress(LookupError, ValueError):  # ValueError: a null in the name
                return payload.decode(charset)
    with suppress(LookupError, ValueError):
        return payload.decode(declared or "cp1252", errors="replace")
    return payload.decode("cp1252", errors="replace")


def _is_file(part: EmailMessage) -> bool:
    """Attachments, and inline parts that are not text (images shown in an HTML body); a part
    too broken to tell is listed as a file, so it is refused in the open, not lost."""
    try:
        if part.get_content_disposition() == "attachment" or part.get_filename():
            return True
    except BROKEN:
        return True
    return part.get_content_maintype() not in ("text", "multipart", "message")


def _file_of(part: EmailMessage) -> MailFile:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    return MailFile(storable(_safe_name(part)), storable(part.get_content_type()), data)


def _safe_name(part: EmailMessage) -> str:
    try:
        name = part.get_filename() or ""
    except BROKEN:
        name = ""
    base = PureWindowsPath(PurePosixPath(name).name).name  # no folders, whichever the OS
    clean = "".join(c for c in base if c.isprintable()).strip()
    return clean[:MAX_FILENAME] or "attachment"


def storable(text: str) -> str:
    """Text PostgreSQL takes: no NUL, no lone surrogate. Refusing it would fail every retry."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _cut(text: str, limit: int, marker: str) -> str:
    return text if len(text) <= limit else text[: limit - len(marker)].rstrip() + marker
