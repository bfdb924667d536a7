"""From the bytes of an email to the inbox: parse (in a thread), keep the images through the
media pipeline, hand the message to the inbox's `receive`.

`receive` answers only once the message is committed: whoever calls `ingest` (the SMTP
listener, the IMAP poller) acknowledges the mail only after it returns.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from uuid import UUID

from adapters.email_in.parsing import MailFile, MailLimits, ParsedEmail, parse_email
from domain.inbox.model import Attachment, InboundMessage, MessageChannel
from domain.media.model import IMAGE_TYPES, MAX_PHOTOS_PER_COMMENT, MediaTooLarge, UnsupportedMedia
from domain.shared.clock import Clock

Answer = TypeVar("Answer")
KeepPhoto = Callable[[bytes], Awaitable[UUID]]  # cleans and stores an internal photo
Receive = Callable[[InboundMessage], Awaitable[Answer]]
Known = Callable[[str], Awaitable[bool]]  # whether this Message-ID is stored already

ACCEPTED_IMAGES = IMAGE_TYPES | {"image/gif"}
NOT_ACCEPTED = "type not accepted"
NOT_AN_IMAGE = "not a readable image"
TOO_LARGE = "too large"
TOO_MANY = "too many attachments"


@dataclass(frozen=True)
class EmailIngestion(Generic[Answer]):
    receive: Receive[Answer]
    keep_photo: KeepPhoto
    clock: Clock
    limits: MailLimits = field(default_factory=MailLimits)
    known: Known | None = None

    async def ingest(self, raw: bytes, envelope_sender: str | None = None) -> Answer:
        """Raises BadMessage for mail to refuse for good; anything else is worth a retry.

        A resend of a stored message keeps no photo: `receive` writes nothing for it, and its
        images would only be orphans."""
        parsed = await asyncio.to_thread(parse_email, raw, envelope_sender, self.limits)
        resent = self.known is not None and await self.known(parsed.external_id)
        attachments = () if resent else await self._attachments(parsed)
        return await self.receive(self._inbound(parsed, attachments))

    def _inbound(self, parsed: ParsedEmail, attachments: tuple[Attachment, ...]) -> InboundMessage:
        return InboundMessage(
            channel=MessageChannel.EMAIL,
            sender=parsed.sender,
            external_id=parsed.external_id,
            subject=parsed.subject,
            body=parsed.body,
            received_at=self.clock.now(),
            thread_ids=parsed.thread_ids,
            automated=parsed.automated,
            language=parsed.language,
            attachments=attachments,
        )

    async def _attachments(self, parsed: ParsedEmail) -> tuple[Attachment, ...]:
        kept: list[Attachment] = []
        for file in parsed.files:
            images_kept = sum(1 for a in kept if a.photo_id is not None)
            kept.append(await self._attachment(file, images_kept))
        if parsed.files_left_out:
            left_out = f"{parsed.files_left_out} more attachments"
            kept.append(Attachment(left_out, "application/octet-stream", 0, None, TOO_MANY))
        return tuple(kept)

    async def _attachment(self, file: MailFile, images_kept: int) -> Attachment:
        def refused(why: str) -> Attachment:
            return Attachment(file.filename, file.content_type, len(file.data), None, why)

        if file.content_type not in ACCEPTED_IMAGES:
            return refused(NOT_ACCEPTED)
        if images_kept >= MAX_PHOTOS_PER_COMMENT:
            return refused(TOO_MANY)
        try:
            photo_id = await self.keep_photo(file.data)
        except UnsupportedMedia:
            return refused(NOT_AN_IMAGE)
        except MediaTooLarge:
            return refused(TOO_LARGE)
        return Attachment(file.filename, file.content_type, len(file.data), photo_id, None)
