"""audit trail: every change to the audited tables, append-only, hash-chained

Revision ID: 20261205_0032
Revises: 20261205_0036
Create Date: 2026-12-05 12:00:00

Row triggers, not the application, write the trail: a write the unit of work does not see
(the erasure's and the anonymization job's SQL, a worker's batch, an operator's psql) lands
in it all the same. Who acted and for which HTTP request come from the session settings
`frontdoor.actor` and `frontdoor.request_id`, which the app's engine sets at each connection
checkout (adapters/db/acting.py); a write outside the app is recorded as `db:<role>`.

An update records only the columns it changed. Columns derived from others or counted on
every read (search documents, view counts, an API key's last use) are left out, so an update
of only those writes nothing. A resident's contact data, the free text erasure scrubs, and
secrets are never copied: a non-empty value is written as "[personal data]" or "[secret]",
so the trail shows that a field changed and who changed it, and an erasure leaves no copy of
what it erased (README, "Audit trail").

Nothing here orders or chains the writers: a row gets its `seq` and nothing more, so the
trail costs each write one insert and takes no shared lock. The chain is computed afterwards,
in `seq` order, by the sealer (adapters/db/audit_chain.py), which waits out the transactions
still holding a lock on `audit_log` to know which numbers may yet commit.

UPDATE, DELETE and TRUNCATE on the trail are refused by triggers enabled ALWAYS (so
`session_replication_role = replica` does not silence them); only the table's owner can
disable them, and `frontdoor audit verify` names the first row that was changed anyway.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261205_0032"
down_revision: str | None = "20261205_0036"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table: (entity, key columns, left out, personal data, secrets), space-separated lists.
AUDITED = {
    "service_requests": (
        "request",
        "id",
        "search_document change_xid",
        "description reporter_first_name reporter_last_name reporter_email reporter_phone",
        "",
    ),
    "cases": ("case", "id", "", "summary notes", ""),
    "residents": (
        "resident",
        "id",
        "",
        "first_name last_name folded_name phones phone_keys emails address folded_address",
        "",
    ),
    "articles": (
        "article",
        "id",
        "search search_head search_about title_words body_text view_count use_count",
        "",
        "",
    ),
    "users": ("user", "id", "", "", "password_hash"),
    "api_keys": ("api_key", "id", "last_used_at", "", "secret_hash"),
    "webhook_subscriptions": ("webhook", "id", "", "", "secret"),
    "services": ("service", "code", "", "", ""),
    "departments": ("department", "code", "", "", ""),
    "routing_rules": ("routing_rule", "id", "", "", ""),
    "jurisdiction_layers": ("jurisdiction_layer", "slug", "", "", ""),
    "triage_terms": ("triage_term", "id", "", "", ""),
    "catalog_translations": ("translation", "subject subject_key language", "", "", ""),
    "media": ("photo", "id", "", "", ""),
}

TABLES = (
    "CREATE SEQUENCE audit_log_seq",
    """
CREATE TABLE audit_log (
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    request_id text,
    entity text NOT NULL,
    entity_id text NOT NULL,
    action text NOT NULL,
    before jsonb,
    after jsonb,
    CONSTRAINT pk_audit_log PRIMARY KEY (seq),
    CONSTRAINT ck_audit_log_action
        CHECK (action IN ('create', 'update', 'delete', 'erase', 'import'))
)""",
    "CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id, seq DESC)",
    """
CREATE TABLE audit_seals (
    seq bigint NOT NULL,
    prev_seq bigint,
    hash bytea NOT NULL,
    CONSTRAINT pk_audit_seals PRIMARY KEY (seq)
)""",
)

WRITE = """
CREATE FUNCTION frontdoor_audit_write(
    entity text, entity_id text, action text, before jsonb, after jsonb
) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
    INSERT INTO audit_log (seq, at, actor, request_id, entity, entity_id, action, before, after)
    VALUES (
        nextval('audit_log_seq'),
        statement_timestamp(),
        coalesce(nullif(current_setting('frontdoor.actor', true), ''), 'db:' || session_user),
        nullif(current_setting('frontdoor.request_id', true), ''),
        entity, entity_id, action, before, after
    );
END $$
"""

# Written for speed: simple expressions where it can (plpgsql evaluates those without the
# executor), one query for the diff and one insert; it does the insert itself rather than
# calling frontdoor_audit_write, which the entries that no trigger writes use.
ROW = """
CREATE FUNCTION frontdoor_audit_row() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
    left_out text[] := string_to_array(TG_ARGV[2], ' ');
    personal text[] := string_to_array(TG_ARGV[3], ' ');
    secret text[] := string_to_array(TG_ARGV[4], ' ');
    before jsonb;
    after jsonb;
    whole jsonb;
    entity_id text;
    field text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        before := to_jsonb(OLD) - left_out;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        after := to_jsonb(NEW) - left_out;
    END IF;
    whole := coalesce(after, before);
    IF strpos(TG_ARGV[1], ' ') = 0 THEN
        entity_id := whole ->> TG_ARGV[1];
    ELSE
        entity_id := array_to_string(
            ARRAY(SELECT whole ->> k FROM unnest(string_to_array(TG_ARGV[1], ' ')) AS k), '/');
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, after -> o.key)
        INTO before, after
        FROM jsonb_each(before) AS o
        WHERE o.value IS DISTINCT FROM after -> o.key;
        IF before IS NULL THEN
            RETURN NULL;  -- only left-out columns changed
        END IF;
    END IF;
    -- A value that says something (not null, not empty) becomes a marker: the trail shows
    -- that a field changed, and that an erasure emptied it, never what it held.
    FOREACH field IN ARRAY personal || secret LOOP
        IF before -> field NOT IN ('null', '""', '[]', '{}') THEN
            before := before || jsonb_build_object(
                field, CASE WHEN field = ANY(secret) THEN '[secret]' ELSE '[personal data]' END);
        END IF;
        IF after -> field NOT IN ('null', '""', '[]', '{}') THEN
            after := after || jsonb_build_object(
                field, CASE WHEN field = ANY(secret) THEN '[secret]' ELSE '[personal data]' END);
        END IF;
    END LOOP;
    INSERT INTO audit_log (seq, at, actor, request_id, entity, entity_id, action, before, after)
    VALUES (
        nextval('audit_log_seq'),
        statement_timestamp(),
        coalesce(nullif(current_setting('frontdoor.actor', true), ''), 'db:' || session_user),
        nullif(current_setting('frontdoor.request_id', true), ''),
        TG_ARGV[0], entity_id,
        CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
        before, after
    );
    RETURN NULL;
END $$
"""

TRUNCATED = """
CREATE FUNCTION frontdoor_audit_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
    PERFORM frontdoor_audit_write(TG_ARGV[0], '*', 'delete', NULL, NULL);
    RETURN NULL;
END $$
"""

APPEND_ONLY = """
CREATE FUNCTION frontdoor_audit_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
    for function in (WRITE, ROW, TRUNCATED, APPEND_ONLY):
        op.execute(function)
    for table in ("audit_log", "audit_seals"):
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION frontdoor_audit_append_only()"
        )
        op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_append_only")
    for table, arguments in AUDITED.items():
        listed = ", ".join(_quoted(argument) for argument in arguments)
        op.execute(
            f"CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION frontdoor_audit_row({listed})"
        )
        op.execute(
            f"CREATE TRIGGER audit_truncate AFTER TRUNCATE ON {table}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION frontdoor_audit_truncate({_quoted(arguments[0])})"
        )


def downgrade() -> None:
    for table in AUDITED:
        op.execute(f"DROP TRIGGER audit_truncate ON {table}")
        op.execute(f"DROP TRIGGER audit_row ON {table}")
    op.execute("DROP TABLE audit_seals")
    op.execute("DROP TABLE audit_log")
    op.execute("DROP SEQUENCE audit_log_seq")
    for function in (
        "frontdoor_audit_append_only()",
        "frontdoor_audit_truncate()",
        "frontdoor_audit_row()",
        "frontdoor_audit_write(text, text, text, jsonb, jsonb)",
    ):
        op.execute(f"DROP FUNCTION {function}")
