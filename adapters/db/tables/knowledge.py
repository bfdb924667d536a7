"""The knowledge base: articles and their versions, the spelling vocabulary, triage terms."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR, UUID

from adapters.db.tables.base import NOW, metadata
from adapters.db.tables.directory import departments

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
    Column("department_code", Text, ForeignKey(departments.c.code)),
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
        ForeignKey(articles.c.id, ondelete="CASCADE"),
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

# "Was this helpful?" answers on public articles: counted, nobody recorded.
article_feedback = Table(
    "article_feedback",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("article_id", BigInteger, ForeignKey(articles.c.id, ondelete="CASCADE"), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_article_feedback_article", "article_id"),
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
