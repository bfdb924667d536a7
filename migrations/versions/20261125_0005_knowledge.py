"""knowledge: articles with versions and full-text search, the spelling vocabulary, triage terms

Revision ID: 20261125_0005
Revises: 20261125_0004
Create Date: 2026-11-25 10:30:00.000000

Search runs on PostgreSQL's own full-text search (no extension): three SQL functions of ours,
IMMUTABLE so that a generated column can use them, fold accents (NFD, combining marks dropped,
as domain/knowledge/folding.py does), map a BCP 47 tag to a text-search configuration (Snowball
stemmers), and build the weighted document of an article. The database must be UTF-8.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261125_0005"
down_revision: str | None = "20261125_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONFIGURATIONS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}

FOLD = r"""
CREATE FUNCTION frontdoor_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g') $$
"""

_WHEN = "\n".join(
    f"    WHEN '{tag}' THEN 'pg_catalog.{name}'" for tag, name in CONFIGURATIONS.items()
)
TEXT_CONFIG = f"""
CREATE FUNCTION frontdoor_text_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT (CASE split_part(lower(language), '-', 1)
{_WHEN}
    ELSE 'pg_catalog.simple' END)::regconfig $$
"""

DOCUMENT = """
CREATE FUNCTION frontdoor_article_document(
    language text, title text, summary text, body text, tags text[], service_terms text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT frontdoor_article_head(language, title, summary, tags, service_terms)
    || setweight(to_tsvector(frontdoor_text_config(language), frontdoor_fold(coalesce(body, ''))), 'C') $$
"""

HEAD = """
CREATE FUNCTION frontdoor_article_head(
    language text, title text, summary text, tags text[], service_terms text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT
    setweight(to_tsvector(frontdoor_text_config(language), frontdoor_fold(coalesce(title, ''))), 'A')
    || setweight(to_tsvector(frontdoor_text_config(language), frontdoor_fold(
        coalesce(array_to_string(tags, ' '), '') || ' ' || coalesce(summary, '')
        || ' ' || coalesce(service_terms, ''))), 'B') $$
"""

FUNCTIONS = (
    "frontdoor_article_document(text, text, text, text, text[], text)",
    "frontdoor_article_head(text, text, text, text[], text)",
    "frontdoor_text_config(text)",
    "frontdoor_fold(text)",
)
DOCUMENT_OF_ARTICLE = (
    "frontdoor_article_document(language, title, summary, body_text, tags, service_terms)"
)
HEAD_OF_ARTICLE = "frontdoor_article_head(language, title, summary, tags, service_terms)"
TITLE_WORDS = "to_tsvector('simple'::regconfig, frontdoor_fold(title))"


def upgrade() -> None:
    for statement in (FOLD, TEXT_CONFIG, HEAD, DOCUMENT):
        op.execute(statement)
    _articles()
    _article_versions()
    _vocabulary()
    op.create_table(
        "triage_terms",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_terms")),
        sa.UniqueConstraint("folded", "kind", name=op.f("uq_triage_terms_folded_kind")),
    )


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("slug", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("body_text", sa.Text(), server_default="", nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("translation_of", sa.BigInteger(), nullable=True),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("department_code", sa.Text(), nullable=True),
        sa.Column("services", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("service_terms", sa.Text(), server_default="", nullable=False),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.Column("view_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("use_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(DOCUMENT_OF_ARTICLE, persisted=True),
            nullable=True,
        ),
        sa.Column(
            "search_head",
            postgresql.TSVECTOR(),
            sa.Computed(HEAD_OF_ARTICLE, persisted=True),
            nullable=True,
        ),
        sa.Column(
            "title_words",
            postgresql.TSVECTOR(),
            sa.Computed(TITLE_WORDS, persisted=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["department_code"],
            ["departments.code"],
            name=op.f("fk_articles_department_code_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["translation_of"], ["articles.id"], name=op.f("fk_articles_translation_of_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("slug", name=op.f("uq_articles_slug")),
    )
    # Kept in the row (compressed if need be) rather than in TOAST: reading them is per hit.
    op.execute("ALTER TABLE articles ALTER COLUMN search SET STORAGE MAIN")
    op.execute("ALTER TABLE articles ALTER COLUMN search_head SET STORAGE MAIN")
    # fastupdate off: articles are written rarely and searched often; no pending list to scan.
    for name, column in (
        ("ix_articles_search", "search"),
        ("ix_articles_title_words", "title_words"),
    ):
        op.create_index(
            name,
            "articles",
            [column],
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
        )
    op.create_index("ix_articles_services", "articles", ["services"], postgresql_using="gin")
    op.create_index(
        "ix_articles_translation_of_language",
        "articles",
        ["translation_of", "language"],
        unique=True,
    )
    op.create_index("ix_articles_updated", "articles", ["updated_at"])


def _article_versions() -> None:
    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("edited_by", sa.UUID(), nullable=True),
        sa.Column("edited_by_name", sa.Text(), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_versions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "version", name=op.f("pk_article_versions")),
    )


def _vocabulary() -> None:
    op.create_table(
        "article_words",
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("language", "word", name=op.f("pk_article_words")),
    )
    op.create_table(
        "article_word_variants",
        sa.Column("variant", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "variant", "language", "word", name=op.f("pk_article_word_variants")
        ),
    )


def downgrade() -> None:
    op.drop_table("triage_terms")
    op.drop_table("article_word_variants")
    op.drop_table("article_words")
    op.drop_table("article_versions")
    op.drop_index("ix_articles_updated", table_name="articles")
    op.drop_index("ix_articles_translation_of_language", table_name="articles")
    op.drop_index("ix_articles_services", table_name="articles")
    op.drop_index("ix_articles_title_words", table_name="articles")
    op.drop_index("ix_articles_search", table_name="articles")
    op.drop_table("articles")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION {signature}")
