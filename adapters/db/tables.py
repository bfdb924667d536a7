"""The relational schema, as SQLAlchemy Core tables. Migrations are the source of truth."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Computed,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Sequence,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

NOW = text("now()")

departments = Table(
    "departments",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("email", Text),
    Column("phone", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

services = Table(
    "services",
    metadata,
    Column("code", Text, primary_key=True),
    Column("type_name", Text, nullable=False, server_default=""),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("group_name", Text, nullable=False, server_default=""),
    Column("keywords", ARRAY(Text), nullable=False, server_default="{}"),
    Column("department_code", Text, ForeignKey("departments.code"), nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("sla_target_hours", Double, nullable=False),
    Column("sla_calendar", Text, nullable=False),
    Column("sla_pauses_on_hold", Boolean, nullable=False),
    Column("attributes", JSONB, nullable=False, server_default="[]"),
    Column("duplicate_radius_m", Double),
    Column("mask_personal_data", Boolean, nullable=False, server_default=text("true")),
    Column("public_location", Text, nullable=False, server_default="exact"),
    Column("open_data_descriptions", Boolean, nullable=False, server_default=text("false")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    CheckConstraint("public_location IN ('exact', 'block', 'area')", name="public_location"),
)

users = Table(
    "users",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("email", Text, nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("tier", Text),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("token_version", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

request_number = Sequence("request_number_seq", metadata=metadata)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", Text, primary_key=True),
    Column("external_id", Text),
    Column("service_code", Text, ForeignKey("services.code"), nullable=False),
    Column("department_code", Text, ForeignKey("departments.code"), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("lat", Double),
    Column("long", Double),
    Column("address", Text),
    Column("attributes", JSONB, nullable=False, server_default="{}"),
    Column("reporter_first_name", Text),
    Column("reporter_last_name", Text),
    Column("reporter_email", Text),
    Column("reporter_phone", Text),
    Column("reporter_language", Text),
    Column("channel", Text, nullable=False),
    Column("priority", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("close_reason", Text),
    Column("assignee_id", UUID(as_uuid=True), ForeignKey("users.id")),
    Column("sla_target_hours", Double, nullable=False),
    Column("sla_calendar", Text, nullable=False),
    Column("sla_pauses_on_hold", Boolean, nullable=False),
    Column("holds", JSONB, nullable=False, server_default="[]"),
    Column("on_hold_since", DateTime(timezone=True)),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("expected_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("areas", JSONB, nullable=False, server_default="[]"),
    Column("duplicate_of", Text, ForeignKey("service_requests.id")),
    Column("resident_id", UUID(as_uuid=True), ForeignKey("residents.id")),
    Column("address_hint", Text),
    Column("zipcode", Text),
    Column("event_sequence", Integer, nullable=False, server_default="0"),
    Column("change_xid", BigInteger, nullable=False, server_default="0"),
    Index("ix_service_requests_requested", text("requested_at DESC"), text("id DESC")),
    Index("ix_service_requests_updated_at", "updated_at"),
    Index("ix_service_requests_department_status", "department_code", "status"),
    Index("ix_service_requests_service_code", "service_code"),
    Index("ix_service_requests_assignee_id", "assignee_id"),
    Index("ix_service_requests_status", "status"),
    Index("ix_service_requests_duplicate_of", "duplicate_of"),
    Index("ix_service_requests_resident_id", "resident_id"),
    Index("ix_service_requests_nearby", "service_code", "status", "requested_at"),
    Index("ix_service_requests_lat_long", "lat", "long"),
    Index("ix_service_requests_change_xid", "change_xid", "id"),
)

request_timeline = Table(
    "request_timeline",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "request_id", Text, ForeignKey("service_requests.id", ondelete="CASCADE"), nullable=False
    ),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", Text, nullable=False),
    Column("actor_id", UUID(as_uuid=True)),
    Column("actor_name", Text, nullable=False),
    Column("visibility", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Index("ix_request_timeline_request", "request_id", "id"),
)

app_state = Table(
    "app_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", JSONB, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

jurisdiction_layers = Table(
    "jurisdiction_layers",
    metadata,
    Column("slug", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("name", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

jurisdiction_areas = Table(
    "jurisdiction_areas",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("layer_slug", Text, ForeignKey("jurisdiction_layers.slug"), nullable=False),
    Column("layer_version", Integer, nullable=False),
    Column("code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("properties", JSONB, nullable=False, server_default="{}"),
    Column("contact", JSONB),
    Column("geometry", LargeBinary, nullable=False),
    Column("size", Double, nullable=False),
    Column("min_x", Double, nullable=False),
    Column("min_y", Double, nullable=False),
    Column("max_x", Double, nullable=False),
    Column("max_y", Double, nullable=False),
    Index("ix_jurisdiction_areas_layer_version", "layer_slug", "layer_version"),
)

routing_rules = Table(
    "routing_rules",
    metadata,
    Column("id", Integer, Identity(), primary_key=True),
    Column("priority", Integer, nullable=False),
    Column("service_code", Text, ForeignKey("services.code")),
    Column("service_group", Text),
    Column("layer_slug", Text, ForeignKey("jurisdiction_layers.slug")),
    Column("area_id", BigInteger, ForeignKey("jurisdiction_areas.id")),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("referral", JSONB),
    Column("refer_to_area_contact", Boolean, nullable=False, server_default=text("false")),
    Column("description", Text, nullable=False, server_default=""),
)

jurisdiction_state = Table(
    "jurisdiction_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
)

address_points = Table(
    "address_points",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # normalized + "|" + zip: one row per address
    Column("address", Text, nullable=False),
    Column("normalized", Text, nullable=False),
    Column("house_number", Text, nullable=False, server_default=""),
    Column("street", Text, nullable=False),
    Column("zip", Text),
    Column("lat", Double, nullable=False),
    Column("long", Double, nullable=False),
    Index("ix_address_points_street", "street"),
    Index("ix_address_points_lat_long", "lat", "long"),  # the points in a map view
)

# The intake map's reference streets, drawn when no tile service is configured: lines (WKB)
# with their name, a rank (1 highways, 2 principal roads, 3 other through roads) and the
# attribution of their source; the bounding box finds the ones in a map view.
map_streets = Table(
    "map_streets",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("rank", Integer, nullable=False),
    Column("source", Text, nullable=False, server_default=""),
    Column("geometry", LargeBinary, nullable=False),
    Column("min_x", Double, nullable=False),
    Column("min_y", Double, nullable=False),
    Column("max_x", Double, nullable=False),
    Column("max_y", Double, nullable=False),
    CheckConstraint("rank BETWEEN 1 AND 3", name="rank"),
    Index("ix_map_streets_rank_x", "rank", "min_x", "max_x"),
)

# Knowledge base (functions of migrations 0005 and 0017). `search`: the whole folded, stemmed
# article, for matching; `search_head`: title, tags, summary and related services' words, for
# ranking; `search_about`: the title (A) and tags (B), for ranking; `title_words`: the title's
# plain folded words.
ARTICLE_DOCUMENT = (
    "frontdoor_article_document(language, title, summary, body_text, tags, service_terms)"
)
ARTICLE_HEAD = "frontdoor_article_head(language, title, summary, tags, service_terms)"
ARTICLE_ABOUT = "frontdoor_article_about(language, title, tags)"
TITLE_WORDS = "to_tsvector('simple'::regconfig, frontdoor_fold(title))"
NO_PENDING = {"fastupdate": "off"}

articles = Table(
    "articles",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("slug", Text, unique=True),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False, server_default=""),
    Column("body", Text, nullable=False, server_default=""),
    Column("body_text", Text, nullable=False, server_default=""),  # the body without Markdown
    Column("language", Text, nullable=False),
    Column("translation_of", BigInteger, ForeignKey("articles.id")),
    Column("audience", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("services", ARRAY(Text), nullable=False, server_default="{}"),
    Column("tags", ARRAY(Text), nullable=False, server_default="{}"),
    Column("service_terms", Text, nullable=False, server_default=""),  # related services' words
    Column("review_by", Date),
    Column("view_count", Integer, nullable=False, server_default="0"),
    Column("use_count", Integer, nullable=False, server_default="0"),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("published_at", DateTime(timezone=True)),
    Column("search", TSVECTOR, Computed(ARTICLE_DOCUMENT, persisted=True)),
    Column("search_head", TSVECTOR, Computed(ARTICLE_HEAD, persisted=True)),
    Column("search_about", TSVECTOR, Computed(ARTICLE_ABOUT, persisted=True)),
    Column("title_words", TSVECTOR, Computed(TITLE_WORDS, persisted=True)),
    # fastupdate off: articles are written rarely and searched often, so no pending list
    Index("ix_articles_search", "search", postgresql_using="gin", postgresql_with=NO_PENDING),
    Index(
        "ix_articles_title_words",
        "title_words",
        postgresql_using="gin",
        postgresql_with=NO_PENDING,
    ),
    Index("ix_articles_services", "services", postgresql_using="gin"),
    Index("ix_articles_translation_of_language", "translation_of", "language", unique=True),
    Index("ix_articles_updated", "updated_at"),
)

article_versions = Table(
    "article_versions",
    metadata,
    Column(
        "article_id",
        BigInteger,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("change", Text, nullable=False),
    Column("edited_by", UUID(as_uuid=True)),
    Column("edited_by_name", Text, nullable=False),
    Column("edited_at", DateTime(timezone=True), nullable=False),
)

# The spelling vocabulary: every folded word of the articles (it only grows), and each word
# under every deletion of one letter, for spelling correction (domain/knowledge/spelling). Both
# are derived data written only with the articles: no foreign key between them.
article_words = Table(
    "article_words",
    metadata,
    Column("language", Text, primary_key=True),
    Column("word", Text, primary_key=True),
)

article_word_variants = Table(
    "article_word_variants",
    metadata,
    Column("variant", Text, primary_key=True),
    Column("language", Text, primary_key=True),
    Column("word", Text, primary_key=True),
)

triage_terms = Table(
    "triage_terms",
    metadata,
    Column("id", Integer, Identity(), primary_key=True),
    Column("term", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    UniqueConstraint("folded", "kind"),
)

residents = Table(
    "residents",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("first_name", Text),
    Column("last_name", Text),
    Column("folded_name", Text, nullable=False, server_default=""),
    Column("phones", ARRAY(Text), nullable=False, server_default="{}"),
    Column("phone_keys", ARRAY(Text), nullable=False, server_default="{}"),
    Column("emails", ARRAY(Text), nullable=False, server_default="{}"),
    Column("address", Text),
    Column("folded_address", Text, nullable=False, server_default=""),
    Column("preferred_language", Text),
    Column("contact_preference", Text, nullable=False, server_default="email"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("contact_preference IN ('email', 'sms', 'none')", name="contact_preference"),
    Index("ix_residents_emails", "emails", postgresql_using="gin"),
    Index("ix_residents_phone_keys", "phone_keys", postgresql_using="gin"),
)

cases = Table(
    "cases",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("channel", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("language", Text),
    Column("summary", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("resident_id", UUID(as_uuid=True), ForeignKey("residents.id")),
    Column("anonymous", Boolean, nullable=False, server_default=text("false")),
    Column("article_ids", ARRAY(BigInteger), nullable=False, server_default="{}"),
    Column("request_ids", ARRAY(Text), nullable=False, server_default="{}"),
    Column("referral", JSONB),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("resolved_on_first_contact", Boolean),
    Column("tags", ARRAY(Text), nullable=False, server_default="{}"),
    Column("call_id", Text),
    Column("started_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("agent_id", UUID(as_uuid=True), ForeignKey("users.id")),
    Column("agent_name", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_cases_created", text("created_at DESC"), text("id DESC")),
    Index("ix_cases_resident_id", "resident_id"),
    Index("ix_cases_request_ids", "request_ids", postgresql_using="gin"),
    Index("ix_cases_tags", "tags", postgresql_using="gin"),
    Index(
        "ix_cases_department_created",
        "department_code",
        text("created_at DESC"),
        postgresql_where=text("department_code IS NOT NULL"),
    ),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", Text, primary_key=True),
    Column("window_start", DateTime(timezone=True), primary_key=True),
    Column("hits", Integer, nullable=False),
    Index("ix_rate_limits_window_start", "window_start"),
)
from adapters.db import tables_history as _tables_history  # noqa: E402,F401
from adapters.db import tables_idempotency_media as _tables_idempotency_media  # noqa: E402,F401
from adapters.db import tables_metrics as _tables_metrics  # noqa: E402,F401
from adapters.db import tables_notifications as _tables_notifications  # noqa: E402,F401
from adapters.db import tables_open311 as _tables_open311  # noqa: E402,F401
from adapters.db import tables_outbox as _tables_outbox  # noqa: E402,F401
from adapters.db import tables_translations as _tables_translations  # noqa: E402,F401
