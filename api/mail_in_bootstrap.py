"""The composition root of receiving mail: the ingestion over the inbox use case and the
media pipeline, the SMTP handler, the IMAP poller. adapters/email_in builds none of these."""

from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr
from functools import partial
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.email_in.imap import ImapMailbox, ImapPoller
from adapters.email_in.ingest import EmailIngestion
from adapters.email_in.smtp import InboundSmtpHandler
from adapters.media.images import PillowImageCleaner
from api.bootstrap import media_store, use_case_context
from api.settings import Settings
from domain.inbox.model import MessageChannel
from domain.inbox.use_cases import Received, receive_message
from domain.media.ports import ImageCleaner, MediaStore
from domain.media.use_cases import keep_message_photo
from domain.shared.clock import Clock, SystemClock
from domain.shared.context import Context
from domain.unit_of_work import UnitOfWork

TEXT_WINDOW = timedelta(hours=24)  # unused by email, which threads by its headers


async def _keep_photo(
    context: Context[UnitOfWork], store: MediaStore, cleaner: ImageCleaner, data: bytes
) -> UUID:
    photo = await keep_message_photo(context, data, store=store, cleaner=cleaner)
    return photo.id


async def _email_stored(context: Context[UnitOfWork], external_id: str) -> bool:
    async with context.uow() as uow:
        return await uow.messages.by_external_id(MessageChannel.EMAIL, external_id) is not None


def email_ingestion(
    settings: Settings, engine: AsyncEngine, context: Context[UnitOfWork]
) -> EmailIngestion[Received]:
    keep = partial(_keep_photo, context, media_store(settings, engine), PillowImageCleaner())
    receive = partial(receive_message, context, text_window=TEXT_WINDOW)
    known = partial(_email_stored, context)
    return EmailIngestion(receive, keep, context.clock, known=known)


def imap_mailbox(settings: Settings) -> ImapMailbox:
    assert settings.imap_host
    return ImapMailbox(
        host=settings.imap_host,
        port=settings.imap_port,
        user=settings.imap_user,
        password=settings.imap_password,
        mailbox=settings.imap_mailbox,
        tls=settings.imap_tls,
        max_bytes=settings.smtp_max_bytes,
    )


def smtp_hostname(settings: Settings) -> str:
    """What the listener calls itself in its greeting: the domain of our From address (it
    would otherwise ask the resolver, a blocking call)."""
    return parseaddr(settings.mail_from)[1].rpartition("@")[2] or "frontdoor"


@dataclass(frozen=True)
class MailIn:
    engine: AsyncEngine
    handler: InboundSmtpHandler
    poller: ImapPoller | None

    async def close(self) -> None:
        await self.engine.dispose()


def build_mail_in(settings: Settings, clock: Clock | None = None) -> MailIn:
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set")
    engine = make_engine(settings.database_url, pool_size=3, max_overflow=2)
    ingestion = email_ingestion(settings, engine, use_case_context(engine, clock or SystemClock()))
    poller = None
    if settings.polls_imap:
        poller = ImapPoller(imap_mailbox(settings), ingestion.ingest, settings.imap_poll_seconds)
    return MailIn(engine, InboundSmtpHandler(ingestion.ingest), poller)
