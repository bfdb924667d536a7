"""The demo data kept in baseline schemas, and putting back only what a test wrote to.

Each of our tables carries a statement trigger that notes its name in
`frontdoor_test.touched`. Before a test, the tables noted since the last reset, and every
table whose foreign keys lead to them, are emptied and refilled from the wanted baseline
schema: a test that writes one request costs a few tables, not all forty. The triggers are
enabled ALWAYS because the history import sets `session_replication_role = replica`, which
silences ordinary triggers. The sequences are put back every time: a rolled-back insert
moves them and leaves no note.

A reset is no change of the city's records: it runs with `session_replication_role =
replica`, which silences the audit triggers (and the foreign-key checks, which the order of
its statements makes moot), so it writes no audit entries.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import asyncpg

from adapters.db.tables import metadata

KEPT = {"jurisdiction_state"}  # one row the migrations create; bumped instead
KEPT |= {"article_words", "article_word_variants"}  # the search vocabulary: it only grows
KEPT |= {"audit_log", "audit_seals"}  # append-only: tests read only the entries after a mark
TABLES = [t.name for t in metadata.sorted_tables if t.name not in KEPT]  # parents first
# pgqueuer's tables are not in `metadata` (the migration installs them): emptied, never copied.
QUEUE_TABLES = ["pgqueuer", "pgqueuer_log", "pgqueuer_schedules", "pgqueuer_statistics"]
WITH_IDS = [t for t in TABLES if (c := metadata.tables[t].c.get("id")) is not None and c.identity]
# schema -> whether it holds the demo boundary layers too
SCHEMAS = {"baseline": False, "baseline_layers": True}

TRACKING = "frontdoor_test"
SILENT = "SET LOCAL session_replication_role = replica"  # no audit entries for a reset
NOTE = "frontdoor_test_note_write"


def _referrers() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {t: set() for t in TABLES}
    for table in metadata.sorted_tables:
        for key in table.foreign_keys:
            parent = key.column.table.name
            if parent in found and table.name in found:
                found[parent].add(table.name)
    return found


REFERRERS = _referrers()


def with_referrers(tables: Iterable[str]) -> set[str]:
    """The tables and, transitively, every table with a foreign key into them."""
    found: set[str] = set()
    waiting = list(tables)
    while waiting:
        table = waiting.pop()
        if table not in found:
            found.add(table)
            waiting.extend(REFERRERS.get(table, ()))
    return found


def tracking_sql() -> str:
    """The note table, its trigger function, and one trigger per table we put back."""
    statements = [
        f"CREATE SCHEMA {TRACKING}",
        f"CREATE TABLE {TRACKING}.touched (name text NOT NULL)",
        # As its owner: a test's own role (one without rights here) has its writes noted too.
        f"""CREATE FUNCTION {TRACKING}.note_write() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog AS $$
        BEGIN
            IF current_setting('{TRACKING}.resetting', true) = 'on' THEN
                RETURN NULL;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM {TRACKING}.touched WHERE name = TG_TABLE_NAME) THEN
                INSERT INTO {TRACKING}.touched VALUES (TG_TABLE_NAME);
            END IF;
            RETURN NULL;
        END $$""",
    ]
    for table in [*TABLES, *QUEUE_TABLES]:
        statements += [
            f'CREATE TRIGGER {NOTE} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"'
            f" FOR EACH STATEMENT EXECUTE FUNCTION {TRACKING}.note_write()",
            f'ALTER TABLE "{table}" ENABLE ALWAYS TRIGGER {NOTE}',
        ]
    return ";\n".join(statements)


async def stored_columns(db: asyncpg.Connection) -> dict[str, str]:
    """Each table's stored (not generated) columns, quoted, in order."""
    rows = await db.fetch(
        "SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
        " AS columns FROM information_schema.columns WHERE table_schema = 'public'"
        " AND is_generated = 'NEVER' GROUP BY table_name"
    )
    return {row["table_name"]: row["columns"] for row in rows}


async def copy_to_schema(db: asyncpg.Connection, schema: str) -> None:
    """Keeps the rows of every table we put back in `schema`."""
    columns = await stored_columns(db)
    await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"')
    for table in TABLES:
        await db.execute(
            f'CREATE TABLE "{schema}"."{table}" AS SELECT {columns[table]} FROM "{table}"'
        )


async def empty(db: asyncpg.Connection) -> None:
    """Every table we put back emptied, and its ids starting at 1 again."""
    statements = [f'DELETE FROM "{t}"' for t in [*QUEUE_TABLES, *reversed(TABLES)]]
    statements.append(_restart_sequences(dict.fromkeys(WITH_IDS, 1)))
    async with db.transaction():
        await db.execute(SILENT)
        await db.execute(";\n".join(statements))


def _restart_sequences(next_ids: dict[str, int], next_number: int = 1) -> str:
    return ";\n".join(
        [
            "SELECT "
            + ", ".join(
                f"setval(pg_get_serial_sequence('\"{table}\"', 'id'), {next_id}, false)"
                for table, next_id in next_ids.items()
            ),
            f"ALTER SEQUENCE request_number_seq RESTART WITH {next_number}",
            "UPDATE jurisdiction_state SET version = version + 1",
        ]
    )


def _contents_query(schema: str) -> str:
    """Per table of `schema`: its name, its row count, and the id its sequence should give."""
    parts = []
    for table in TABLES:
        source = f'"{schema}"."{table}"'
        next_id = f"(SELECT coalesce(max(id), 0) + 1 FROM {source})" if table in WITH_IDS else "1"
        count = f"(SELECT count(*) FROM {source})"
        parts.append(f"SELECT '{table}' AS name, {count} AS n, {next_id} AS next_id")
    return " UNION ALL ".join(parts)


@dataclass
class Baselines:
    """What the baseline schemas hold, and which of them the public tables hold now."""

    columns: dict[str, str]
    filled: dict[str, set[str]]  # schema -> its tables that have rows
    next_ids: dict[str, dict[str, int]]  # schema -> table -> the id its sequence gives next
    loaded: str | None = None  # None: unknown, so the next reset puts back every table
    # schema -> the request number it gives next, when not 1 (a world kept by `keep`)
    next_numbers: dict[str, int] = field(default_factory=dict)
    resets: list[int] = field(default_factory=list)  # how many tables each reset put back

    @classmethod
    async def read(cls, db: asyncpg.Connection, loaded: str | None) -> "Baselines":
        filled: dict[str, set[str]] = {}
        next_ids: dict[str, dict[str, int]] = {}
        for schema in SCHEMAS:
            rows = await db.fetch(_contents_query(schema))
            filled[schema] = {row["name"] for row in rows if row["n"]}
            next_ids[schema] = {r["name"]: r["next_id"] for r in rows if r["name"] in WITH_IDS}
        return cls(await stored_columns(db), filled, next_ids, loaded)

    async def keep(self, db: asyncpg.Connection, schema: str) -> None:
        """Keeps what the public tables hold now as one more baseline, `schema`, which
        `put_back` then restores like the others (a module's own seeded world)."""
        await copy_to_schema(db, schema)
        rows = await db.fetch(_contents_query(schema))
        self.filled[schema] = {row["name"] for row in rows if row["n"]}
        self.next_ids[schema] = {r["name"]: r["next_id"] for r in rows if r["name"] in WITH_IDS}
        sequence = await db.fetchrow("SELECT last_value, is_called FROM request_number_seq")
        self.next_numbers[schema] = sequence["last_value"] + (1 if sequence["is_called"] else 0)
        await db.execute(f"DELETE FROM {TRACKING}.touched")
        self.loaded = schema

    async def put_back(self, db: asyncpg.Connection, schema: str) -> None:
        """Makes the public tables hold exactly the rows of `schema`, as cheaply as it can."""
        async with db.transaction():
            await db.execute(f"SET LOCAL {TRACKING}.resetting = on")  # not noted
            await db.execute(SILENT)
            noted = await db.fetch(f"DELETE FROM {TRACKING}.touched RETURNING name")
            dirty = {row["name"] for row in noted}
            if self.loaded is None:
                dirty |= {*TABLES, *QUEUE_TABLES}
            elif self.loaded != schema:
                dirty |= self.filled[self.loaded] | self.filled[schema]
            tables = with_referrers(dirty)
            await db.execute(self._script(tables, schema))
        self.loaded = schema
        self.resets.append(len(tables))

    def _script(self, tables: set[str], schema: str) -> str:
        statements = [f'DELETE FROM "{t}"' for t in QUEUE_TABLES if t in tables]
        statements += [f'DELETE FROM "{t}"' for t in reversed(TABLES) if t in tables]
        for table in TABLES:
            if table in tables and table in self.filled[schema]:
                columns = self.columns[table]
                statements.append(
                    f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{schema}"."{table}"'
                )
        statements.append(
            _restart_sequences(self.next_ids[schema], self.next_numbers.get(schema, 1))
        )
        return ";\n".join(statements)
