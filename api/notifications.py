"""Composition of the notification subscribers, for the outbox worker's dispatcher."""

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.escalation import SqlEscalationContacts
from adapters.db.repositories.deliveries import SqlDeliveryLog
from adapters.db.repositories.opt_outs import SqlOptOutList
from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.notifications.files import FileEmailSender, FileSmsSender
from adapters.notifications.smtp import SmtpEmailSender, SmtpServer
from api.notification_settings import EmailBackend
from api.routers.unsubscribe import ONE_CLICK_PATH
from api.settings import Settings
from domain.notifications.escalation import EscalationNotifier
from domain.notifications.followers import FollowTokens
from domain.notifications.opt_out import OptOutTokens
from domain.notifications.ports import EmailSender
from domain.notifications.residents import PublicLinks, ResidentNotifier
from domain.shared.clock import Clock, SystemClock
from domain.shared.events import EventSubscriber


def build_email_sender(settings: Settings, clock: Clock) -> EmailSender:
    if settings.email_backend is EmailBackend.SMTP:
        server = SmtpServer(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.mail_from,
            username=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            implicit_tls=settings.smtp_tls,
        )
        return SmtpEmailSender(server, clock)
    return FileEmailSender(Path(settings.mail_dir), settings.mail_from, clock)


def public_links(settings: Settings) -> PublicLinks:
    """The links in resident emails; the one-click target is this API's unsubscribe endpoint."""
    return PublicLinks(
        status_url=settings.public_status_url,
        lookup_url=settings.public_lookup_url,
        unsubscribe_url=settings.public_unsubscribe_url,
        one_click_url=f"{settings.api_public_url.rstrip('/')}{ONE_CLICK_PATH}?token={{token}}",
        unsubscribe_mailto=settings.mail_unsubscribe,
        follow_confirm_url=settings.public_follow_confirm_url,
    )


def build_notification_subscribers(
    settings: Settings, engine: AsyncEngine, clock: Clock | None = None
) -> list[EventSubscriber]:
    """Resident messages and manager escalations; each is idempotent by event id."""
    clock = clock or SystemClock()
    uow = SqlUnitOfWorkFactory(engine)
    log = SqlDeliveryLog(engine)
    email = build_email_sender(settings, clock)
    sms = FileSmsSender(Path(settings.mail_dir) / "sms", clock)
    residents = ResidentNotifier(
        uow,
        log,
        email,
        sms,
        public_links(settings),
        SqlOptOutList(engine),
        OptOutTokens(settings.secret_key),
        settings.zone,
        clock,
        FollowTokens(settings.secret_key),
    )
    managers = EscalationNotifier(
        uow, SqlEscalationContacts(engine), log, email, settings.zone, clock
    )
    return [residents, managers]
