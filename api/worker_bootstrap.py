"""The worker's composition root: every adapter a background worker uses is built here, once.

It reuses the API's builders (api/bootstrap.py) for what both processes share: the use-case
context over the SQL unit of work, the escalation and outbound policies, the opt-out tokens.
adapters/jobs/ receives what it needs and builds nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.anonymization import SqlAnonymizationStore
from adapters.db.audit_chain import AuditChain
from adapters.db.engine import make_engine
from adapters.db.read_models.escalation import SqlEscalationContacts
from adapters.db.read_models.escalation_candidates import SqlEscalationCandidates
from adapters.db.read_models.survey_candidates import SqlSurveyCandidates
from adapters.db.repositories.deliveries import SqlDeliveryLog
from adapters.db.repositories.opt_outs import SqlOptOutList
from adapters.db.retention import SqlRetentionStore
from adapters.http.webhook_client import HttpClientFactory, webhook_client_factory
from adapters.jobs.anonymization import AnonymizationRun
from adapters.jobs.delivery import HttpWebhookPoster, WebhookSender
from adapters.jobs.dispatch import Dispatcher
from adapters.jobs.escalation import EscalationScan
from adapters.jobs.fanout import WebhookFanOut
from adapters.jobs.retention import RetentionSweep
from adapters.jobs.surveys import SurveyScan
from adapters.jobs.worker import Jobs, WorkerConfig
from adapters.notifications.files import FileEmailSender, FileSmsSender
from adapters.notifications.smtp import SmtpEmailSender, SmtpServer
from adapters.notifications.twilio import TwilioSmsSender
from api.bootstrap import (
    escalation_policy,
    mail_domain,
    opt_out_tokens,
    outbound_policy,
    sms_opt_out_list,
    survey_tokens,
    twilio_account,
    use_case_context,
)
from api.notification_settings import EmailBackend
from api.routers.unsubscribe import ONE_CLICK_PATH
from api.settings import Settings
from domain.inbox.sending import AcknowledgementLimit, InboxMessenger
from domain.notifications.escalation import EscalationNotifier
from domain.notifications.followers import FollowTokens
from domain.notifications.ports import EmailSender, SmsSender
from domain.notifications.residents import PublicLinks, ResidentNotifier, ResidentOutlet
from domain.notifications.suppression import StopRespectingSms
from domain.privacy.anonymization import AnonymizationPolicy
from domain.shared.clock import Clock, SystemClock
from domain.shared.context import Context
from domain.shared.events import EventSubscriber
from domain.surveys.notifier import SurveyLinks, SurveyNotifier
from domain.unit_of_work import UnitOfWork
from domain.webhooks.retry import RetryPolicy

# The subscribers' keys in `handled_events`, in the order they hear an event: never rename one.
WEBHOOKS = "webhooks"
NOTIFIER_NAMES = ("resident-notifications", "manager-escalations", "inbox-messages")
SURVEYS = "resident-surveys"


@dataclass(frozen=True)
class Worker:
    engine: AsyncEngine
    jobs: Jobs
    config: WorkerConfig

    async def close(self) -> None:
        await self.jobs.sender.aclose()
        await self.engine.dispose()


def worker_config(settings: Settings) -> WorkerConfig:
    return WorkerConfig(
        heartbeat_timeout=timedelta(seconds=settings.worker_heartbeat_seconds),
        escalation_cron=settings.escalation_cron or None,
        retention_cron=settings.retention_cron or None,
        survey_cron=settings.survey_cron or None,
        anonymize_cron=settings.anonymize_cron or None,
        retry=RetryPolicy(
            base=timedelta(seconds=settings.webhook_retry_base_seconds),
            cap=timedelta(seconds=settings.webhook_retry_cap_seconds),
            window=timedelta(hours=settings.webhook_retry_window_hours),
        ),
        escalation=escalation_policy(settings),
        retention=settings.retention_policy(),
        survey=settings.survey_policy(),
        anonymization=settings.anonymization_policy(),
    )


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


def build_sms_sender(settings: Settings, clock: Clock) -> SmsSender:
    """Twilio when its account is configured; else text files under the mail directory."""
    account = twilio_account(settings)
    if account is not None:
        return TwilioSmsSender(account)
    return FileSmsSender(Path(settings.mail_dir) / "sms", clock)


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
    settings: Settings, engine: AsyncEngine, context: Context[UnitOfWork]
) -> list[EventSubscriber]:
    """Resident messages, manager escalations and the inbox's messages; each is idempotent
    by event id. No text goes to a phone that texted STOP, whoever wrote it."""
    log = SqlDeliveryLog(engine)
    email = build_email_sender(settings, context.clock)
    stopped = sms_opt_out_list(engine)
    sms = StopRespectingSms(build_sms_sender(settings, context.clock), stopped)
    residents = ResidentNotifier(
        context,
        log,
        email,
        sms,
        public_links(settings),
        SqlOptOutList(engine),
        opt_out_tokens(settings),
        settings.zone,
        FollowTokens(settings.secret_key),
        stopped,
    )
    managers = EscalationNotifier(context, SqlEscalationContacts(engine), log, email, settings.zone)
    limit = AcknowledgementLimit(count=settings.inbox_acks_per_hour)
    inbox = InboxMessenger(context, log, email, sms, mail_domain=mail_domain(settings), limit=limit)
    return [residents, managers, inbox]


def build_survey_notifier(
    settings: Settings, engine: AsyncEngine, context: Context[UnitOfWork]
) -> SurveyNotifier:
    """The invitations, through the same senders and opt-out links as every resident message."""
    email = build_email_sender(settings, context.clock)
    stopped = sms_opt_out_list(engine)
    sms = StopRespectingSms(build_sms_sender(settings, context.clock), stopped)
    outlet = ResidentOutlet(email, sms, public_links(settings), opt_out_tokens(settings))
    return SurveyNotifier(
        context,
        SqlDeliveryLog(engine),
        outlet,
        SqlOptOutList(engine),
        survey_tokens(settings),
        SurveyLinks(settings.public_survey_url),
    )


def event_subscribers(
    settings: Settings, engine: AsyncEngine, context: Context[UnitOfWork]
) -> dict[str, EventSubscriber]:
    """What every event goes to besides the built-in webhook fan-out, in this order."""
    notifiers = build_notification_subscribers(settings, engine, context)
    subscribers: dict[str, EventSubscriber] = dict(zip(NOTIFIER_NAMES, notifiers, strict=True))
    subscribers[SURVEYS] = build_survey_notifier(settings, engine, context)
    return subscribers


def build_jobs(
    engine: AsyncEngine,
    context: Context[UnitOfWork],
    client_factory: HttpClientFactory,
    extra_subscribers: Mapping[str, EventSubscriber],
    config: WorkerConfig,
) -> Jobs:
    """The jobs over the worker's context; the webhook fan-out hears every event first."""
    subscribers: dict[str, EventSubscriber] = {WEBHOOKS: WebhookFanOut(context)}
    subscribers.update(extra_subscribers)
    poster = HttpWebhookPoster(client_factory())
    return Jobs(
        dispatcher=Dispatcher(engine, subscribers, context.clock),
        sender=WebhookSender(context, poster, config.retry),
        scan=EscalationScan(context, SqlEscalationCandidates(engine), config.escalation),
        retention=RetentionSweep(SqlRetentionStore(engine), context.clock, config.retention),
        surveys=SurveyScan(
            context, SqlSurveyCandidates(engine), config.survey, SqlOptOutList(engine)
        ),
        anonymization=anonymization_run(engine, context.clock, config.anonymization),
        seal_audit=AuditChain(engine).seal,
    )


def anonymization_run(
    engine: AsyncEngine, clock: Clock, policy: AnonymizationPolicy | None
) -> AnonymizationRun | None:
    """None when anonymization is turned off (FRONTDOOR_ANONYMIZE_AFTER_DAYS=0)."""
    return (
        None if policy is None else AnonymizationRun(SqlAnonymizationStore(engine), clock, policy)
    )


def build_worker(settings: Settings, clock: Clock | None = None) -> Worker:
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set")
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url, pool_size=5, max_overflow=5)
    context = use_case_context(engine, clock)
    config = worker_config(settings)
    subscribers = event_subscribers(settings, engine, context)
    client_factory = webhook_client_factory(
        settings.webhook_timeout_seconds, outbound_policy(settings)
    )
    jobs = build_jobs(engine, context, client_factory, subscribers, config)
    return Worker(engine, jobs, config)
