"""The composition root: adapters are built here, once, in the app's lifespan."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr
from functools import partial

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.auth.jwks import JwksKeys
from adapters.auth.oidc import OidcClaims, OidcProvider
from adapters.auth.passwords import Argon2PasswordHasher
from adapters.auth.tokens import JwtTokens, SigningKey
from adapters.db.accounts import CachedAccounts
from adapters.db.engine import make_engine
from adapters.db.erasure import SqlResidentEraser
from adapters.db.health import database_answers
from adapters.db.idempotency import SqlIdempotencyStore
from adapters.db.rate_limit import SqlRateLimiter
from adapters.db.read_models.api_keys import ApiKeyReadModel
from adapters.db.read_models.article_feedback import ArticleFeedbackReadModel
from adapters.db.read_models.audit import SqlAuditTrail
from adapters.db.read_models.changes import ChangeFeed
from adapters.db.read_models.contacts import ContactReadModel
from adapters.db.read_models.directory import DirectoryReadModel
from adapters.db.read_models.duplicates import DuplicateReadModel
from adapters.db.read_models.inbox import InboxReadModel
from adapters.db.read_models.jurisdictions import JurisdictionReadModel
from adapters.db.read_models.knowledge import KnowledgeReadModel
from adapters.db.read_models.map_reference import MapReferenceReadModel
from adapters.db.read_models.metrics import MetricsReadModel
from adapters.db.read_models.open311 import Open311ReadModel
from adapters.db.read_models.open_data import OpenDataReadModel
from adapters.db.read_models.public_requests import PublicRequestReadModel
from adapters.db.read_models.report_card import ReportCardReadModel
from adapters.db.read_models.request_batches import request_batches
from adapters.db.read_models.requests import RequestReadModel
from adapters.db.read_models.service_usage import ServiceUsageReadModel
from adapters.db.read_models.webhooks import WebhookReadModel
from adapters.db.repositories.call_records import SqlCallRecords
from adapters.db.repositories.opt_outs import SqlOptOutList
from adapters.db.spent_challenges import SqlSpentChallenges
from adapters.db.tables.notifications import sms_opt_outs
from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.geo.live import LiveJurisdictions
from adapters.geocoding import build_geocoder
from adapters.geocoding.importer import import_addresses_csv
from adapters.http.remote_files import GuardedRemoteFiles
from adapters.http.ssrf import OutboundPolicy
from adapters.media.images import PillowImageCleaner
from adapters.media.local_store import LocalMediaStore
from adapters.media.pg_store import PostgresMediaStore
from adapters.notifications.twilio import TwilioAccount
from adapters.notifications.twilio_media import TwilioMediaFiles
from adapters.notifications.twilio_signature import TwilioSignatures
from api.settings import MediaBackend, Settings
from domain.addresses.csv_import import AddressCsvImport
from domain.addresses.ports import RefreshableGeocoder
from domain.audit.ports import AuditTrail
from domain.contacts.queries import ContactReads
from domain.directory.api_keys import ApiKeyReads
from domain.directory.popularity import ServiceUsage
from domain.directory.ports import Accounts, PasswordHasher
from domain.directory.sign_in import SignInLimits, SignInThrottle
from domain.directory.single_sign_on import GroupRoles, IdentityProvider
from domain.directory.tokens import AccessTokens
from domain.guards.proof import Challenges
from domain.guards.uploads import UploadTokens
from domain.guards.use_cases import BotCheck
from domain.idempotency.ports import IdempotencyStore
from domain.inbox.queries import InboxReads
from domain.jurisdictions.ports import CatalogReads, JurisdictionIndex, JurisdictionReads
from domain.knowledge.public import ArticleFeedbackReads
from domain.knowledge.queries import KnowledgeReads
from domain.maps.reference import MapReferenceReads
from domain.media.ports import ImageCleaner, MediaStore, RemoteFiles
from domain.metrics.importing import CallRecordImport
from domain.metrics.ports import MetricsReads
from domain.notifications.followers import FollowTokens
from domain.notifications.opt_out import OptOutTokens
from domain.notifications.ports import OptOutList
from domain.reporting.ports import ReportCardReads
from domain.requests.change_feed import ChangeFeedReads
from domain.requests.escalation import EscalationPolicy
from domain.requests.model import ServiceRequest
from domain.requests.nearby import DuplicateReads
from domain.requests.open311_reads import Open311Reads
from domain.requests.open_data_reads import OpenDataReads
from domain.requests.public_reads import PublicRequestReads
from domain.requests.queries import RequestFilter, RequestReads
from domain.residents.ports import ResidentEraser
from domain.shared.clock import Clock, SystemClock
from domain.shared.context import Context
from domain.shared.languages import Languages
from domain.shared.rate_limits import RateLimiter
from domain.shared.sla import BusinessHours
from domain.surveys.tokens import SurveyTokens
from domain.texting.ports import PicturePipeline
from domain.unit_of_work import UnitOfWork
from domain.webhooks.delivery_log import DeliveryLogReads

# Whether the database answers (the readiness probe).
ReadinessCheck = Callable[[], Awaitable[bool]]

# The request list for an export, a page at a time (routers must not import the adapter).
RequestBatches = Callable[[RequestFilter], AsyncIterator[list[ServiceRequest]]]


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    reports_engine: AsyncEngine  # the read replica's, or `engine` itself
    clock: Clock
    context: Context[UnitOfWork]  # what every use case takes first
    hours: BusinessHours
    hasher: PasswordHasher
    media_store: MediaStore
    image_cleaner: ImageCleaner
    remote_files: RemoteFiles
    languages: Languages
    tokens: AccessTokens
    identity_provider: IdentityProvider | None  # the city's single sign-on, when configured
    group_roles: GroupRoles  # what the provider's groups grant
    sign_in_throttle: SignInThrottle
    requests: RequestReads
    catalog: CatalogReads
    accounts: Accounts  # what tokens are checked against (cached, adapters/db/accounts.py)
    knowledge_reads: KnowledgeReads
    jurisdiction_reads: JurisdictionReads
    jurisdictions: JurisdictionIndex
    duplicates: DuplicateReads
    contacts: ContactReads
    eraser: ResidentEraser  # a resident's erasure request
    inbox: InboxReads  # the agent's Inbox of emails and texts
    rate_limiter: RateLimiter
    geocoder: RefreshableGeocoder
    map_reference: MapReferenceReads
    api_keys: ApiKeyReads
    open311: Open311Reads
    webhook_reads: DeliveryLogReads
    audit: AuditTrail  # every change to the city's records (administrators read it)
    changes: ChangeFeedReads
    idempotency: IdempotencyStore
    opt_out_tokens: OptOutTokens
    opt_outs: OptOutList
    sms_opt_outs: OptOutList  # phones that texted STOP
    text_signatures: TwilioSignatures  # checks the inbound text webhook
    text_pictures: PicturePipeline | None  # None: pictures sent by text are not fetched
    metrics: MetricsReads
    call_records: CallRecordImport
    open_data: OpenDataReads
    report_card: ReportCardReads
    public_requests: PublicRequestReads  # the residents' portal
    service_usage: ServiceUsage
    article_feedback: ArticleFeedbackReads
    escalation: EscalationPolicy  # when a request is due soon or overdue
    request_batches: RequestBatches
    import_addresses: AddressCsvImport
    database_ready: ReadinessCheck
    bot_check: BotCheck  # the public forms' proof of work, honeypot and fill time
    upload_tokens: UploadTokens
    follow_tokens: FollowTokens
    survey_tokens: SurveyTokens

    async def close(self) -> None:
        await self.engine.dispose()
        if self.reports_engine is not self.engine:
            await self.reports_engine.dispose()


def business_hours(settings: Settings) -> BusinessHours:
    opens, closes = settings.opening_hours
    return BusinessHours(
        tz=settings.zone, opens=opens, closes=closes, holidays=settings.holiday_dates
    )


def escalation_policy(settings: Settings) -> EscalationPolicy:
    """One for the API's flags and filters and the worker's escalation scan."""
    return EscalationPolicy(
        due_soon_fraction=settings.escalation_due_soon_fraction,
        due_soon_within=timedelta(hours=settings.escalation_due_soon_hours),
    )


def outbound_policy(settings: Settings) -> OutboundPolicy:
    """For every request to a URL an outsider chose (media URLs now, webhooks next)."""
    return OutboundPolicy(
        allow_loopback=settings.outbound_allow_loopback,
        allowed_networks=OutboundPolicy.networks(settings.outbound_allowed_cidrs),
        timeout_seconds=settings.outbound_timeout_seconds,
        max_redirects=settings.outbound_max_redirects,
    )


def media_store(settings: Settings, engine: AsyncEngine) -> MediaStore:
    """Where photo bytes live: a directory (shared between API machines), or PostgreSQL."""
    if settings.media_backend is MediaBackend.POSTGRES:
        return PostgresMediaStore(engine)
    return LocalMediaStore(settings.media_directory)


def bot_check(settings: Settings, engine: AsyncEngine) -> BotCheck:
    return BotCheck(
        challenges=Challenges(settings.secret_key, settings.public_proof_bits),
        spent=SqlSpentChallenges(engine),
        minimum_fill=timedelta(seconds=settings.public_min_fill_seconds),
    )


def access_tokens(settings: Settings) -> JwtTokens:
    return JwtTokens(
        [SigningKey(kid, secret) for kid, secret in settings.jwt_signing_keys],
        settings.jwt_issuer,
        settings.jwt_audience,
        timedelta(minutes=settings.token_ttl_minutes),
    )


def identity_provider(settings: Settings) -> IdentityProvider | None:
    if not (settings.oidc_issuer and settings.oidc_jwks_url and settings.oidc_audience):
        return None
    keys = JwksKeys(
        settings.oidc_jwks_url,
        cache_seconds=settings.oidc_jwks_cache_seconds,
        refresh_seconds=settings.oidc_jwks_refresh_seconds,
        timeout_seconds=settings.oidc_timeout_seconds,
    )
    claims = OidcClaims(
        issuer=settings.oidc_issuer,
        audience=settings.oidc_audience,
        role_claim=settings.oidc_role_claim,
        email_claim=settings.oidc_email_claim,
        leeway_seconds=settings.oidc_leeway_seconds,
    )
    return OidcProvider(claims, keys)


def sign_in_throttle(settings: Settings, limiter: RateLimiter) -> SignInThrottle:
    limits = SignInLimits(
        failures_per_user=settings.signin_failures_per_user,
        failures_per_address=settings.signin_failures_per_address,
        window=timedelta(minutes=settings.signin_window_minutes),
    )
    return SignInThrottle(limiter, limits)


def use_case_context(engine: AsyncEngine, clock: Clock) -> Context[UnitOfWork]:
    """What every use case takes first, in the API and in the worker alike."""
    return Context(SqlUnitOfWorkFactory(engine), clock)


def opt_out_tokens(settings: Settings) -> OptOutTokens:
    """Signed by the API's unsubscribe links and checked by its endpoint; the worker signs."""
    return OptOutTokens(settings.secret_key)


def sms_opt_out_list(engine: AsyncEngine) -> OptOutList:
    """Written by the inbound text webhook (STOP, START), read by the worker's notifier."""
    return SqlOptOutList(engine, sms_opt_outs)


def twilio_account(settings: Settings) -> TwilioAccount | None:
    """The account texts go out through and whose media the webhook fetches, when configured."""
    if not settings.twilio_configured:
        return None
    return TwilioAccount(
        sid=settings.twilio_account_sid or "",
        auth_token=settings.twilio_auth_token or "",
        sender=settings.twilio_from or "",
        api_base=settings.twilio_api_base,
        country_code=settings.sms_country_code,
        timeout_seconds=settings.twilio_timeout_seconds,
    )


def text_pictures(settings: Settings, engine: AsyncEngine) -> PicturePipeline | None:
    account = twilio_account(settings)
    if account is None:
        return None
    remote = TwilioMediaFiles(account, outbound_policy(settings))
    return PicturePipeline(remote, media_store(settings, engine), PillowImageCleaner())


def survey_tokens(settings: Settings) -> SurveyTokens:
    """Signed by the worker's invitations, read by the public survey endpoints."""
    return SurveyTokens(settings.secret_key, settings.survey_policy().lifetime)


def database_engine(settings: Settings, url: str) -> AsyncEngine:
    return make_engine(
        url,
        settings.db_pool_size,
        settings.db_max_overflow,
        statement_timeout_seconds=settings.statement_timeout_seconds,
    )


def build_container(settings: Settings, clock: Clock | None = None) -> Container:
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set")
    engine = database_engine(settings, settings.database_url)
    replica = settings.read_database_url
    reports = database_engine(settings, replica) if replica else engine
    clock = clock or SystemClock()
    rate_limiter = SqlRateLimiter(engine)
    jurisdiction_reads = JurisdictionReadModel(engine)
    jurisdictions = LiveJurisdictions(jurisdiction_reads, settings.index_check_seconds)
    geocoder = build_geocoder(engine, settings.index_check_seconds)
    requests = RequestReadModel(engine)
    exported = requests if reports is engine else RequestReadModel(reports)
    return Container(
        settings=settings,
        engine=engine,
        reports_engine=reports,
        clock=clock,
        context=use_case_context(engine, clock),
        hours=business_hours(settings),
        hasher=Argon2PasswordHasher(),
        media_store=media_store(settings, engine),
        image_cleaner=PillowImageCleaner(),
        remote_files=GuardedRemoteFiles(outbound_policy(settings)),
        languages=settings.catalog_languages,
        tokens=access_tokens(settings),
        identity_provider=identity_provider(settings),
        group_roles=settings.group_roles,
        sign_in_throttle=sign_in_throttle(settings, rate_limiter),
        requests=requests,
        catalog=DirectoryReadModel(engine),
        accounts=CachedAccounts(engine),
        knowledge_reads=KnowledgeReadModel(engine),
        jurisdiction_reads=jurisdiction_reads,
        jurisdictions=jurisdictions,
        duplicates=DuplicateReadModel(engine),
        geocoder=geocoder,
        map_reference=MapReferenceReadModel(engine),
        contacts=ContactReadModel(engine),
        eraser=SqlResidentEraser(engine),
        inbox=InboxReadModel(engine),
        rate_limiter=rate_limiter,
        api_keys=ApiKeyReadModel(engine),
        open311=Open311ReadModel(engine),
        webhook_reads=WebhookReadModel(engine),
        audit=SqlAuditTrail(engine),
        changes=ChangeFeed(engine),
        idempotency=SqlIdempotencyStore(engine),
        opt_out_tokens=opt_out_tokens(settings),
        opt_outs=SqlOptOutList(engine),
        sms_opt_outs=sms_opt_out_list(engine),
        text_signatures=TwilioSignatures(settings.twilio_auth_token),
        text_pictures=text_pictures(settings, engine),
        metrics=MetricsReadModel(reports, timedelta(seconds=settings.call_threshold_seconds)),
        call_records=SqlCallRecords(engine),
        open_data=OpenDataReadModel(reports),
        report_card=ReportCardReadModel(reports),
        public_requests=PublicRequestReadModel(engine),
        service_usage=ServiceUsageReadModel(engine),
        article_feedback=ArticleFeedbackReadModel(engine),
        escalation=escalation_policy(settings),
        request_batches=partial(request_batches, exported),
        import_addresses=partial(import_addresses_csv, engine),
        database_ready=partial(database_answers, engine),
        bot_check=bot_check(settings, engine),
        upload_tokens=UploadTokens(settings.secret_key),
        follow_tokens=FollowTokens(settings.secret_key),
        survey_tokens=survey_tokens(settings),
    )


def mail_domain(settings: Settings) -> str:
    """The domain of our Message-IDs: the one our mail comes from."""
    return parseaddr(settings.mail_from)[1].rpartition("@")[2] or "frontdoor.invalid"
