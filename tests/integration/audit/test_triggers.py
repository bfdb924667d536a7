"""Every audited table's create, update and delete land in the trail, with who, when and
which request; nothing of a resident's contact data or of a secret does."""

from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.acting import acting_as
from adapters.db.repositories.history_writer import BatchWriter, pg_time
from domain.audit.model import Entity
from tests.database import asyncpg_url
from tests.integration.audit.support import entries_since, mark, trail_text_since

ACTOR = "auditor@example.org"
REQUEST_ID = "req-audit-1"
NOW = "now()"

DEPARTMENT = "INSERT INTO departments (code, name) VALUES ('audit-dpw', 'Audit Works')"
SERVICE = (
    "INSERT INTO services (code, name, department_code, sla_target_hours, sla_calendar,"
    " sla_pauses_on_hold) VALUES ('audit-svc', 'Audit', 'audit-dpw', 24, 'calendar', false)"
)
PARENTS = (DEPARTMENT, SERVICE)
RESIDENT = "7a0a0000-0000-4000-8000-000000000001"
LAYER = "INSERT INTO jurisdiction_layers (slug, kind, role, version) VALUES ('a-l', 'k', 'r', 1)"

# entity: (its id, the statements that make it, one update, the delete)
CASES: dict[Entity, tuple[str, list[str], str, str]] = {
    Entity.DEPARTMENT: (
        "audit-dpw",
        [DEPARTMENT],
        "UPDATE departments SET name = 'Audited Works' WHERE code = 'audit-dpw'",
        "DELETE FROM departments WHERE code = 'audit-dpw'",
    ),
    Entity.SERVICE: (
        "audit-svc",
        list(PARENTS),
        "UPDATE services SET active = false WHERE code = 'audit-svc'",
        "DELETE FROM services WHERE code = 'audit-svc'",
    ),
    Entity.REQUEST: (
        "AUDIT-1",
        [
            *PARENTS,
            "INSERT INTO service_requests (id, service_code, department_code, channel, priority,"
            " status, sla_target_hours, sla_calendar, sla_pauses_on_hold, requested_at,"
            " updated_at, reporter_email, description) VALUES ('AUDIT-1', 'audit-svc',"
            " 'audit-dpw', 'phone', 'normal', 'open', 24, 'calendar', false, now(), now(),"
            " 'hidden@example.net', 'call 410-555-0199')",
        ],
        "UPDATE service_requests SET status = 'closed' WHERE id = 'AUDIT-1'",
        "DELETE FROM service_requests WHERE id = 'AUDIT-1'",
    ),
    Entity.RESIDENT: (
        RESIDENT,
        [
            "INSERT INTO residents (id, first_name, emails, phones, created_at, updated_at)"
            f" VALUES ('{RESIDENT}', 'Hidden', '{{hidden@example.net}}', '{{4105550199}}',"
            " now(), now())"
        ],
        f"UPDATE residents SET preferred_language = 'es' WHERE id = '{RESIDENT}'",
        f"DELETE FROM residents WHERE id = '{RESIDENT}'",
    ),
    Entity.CASE: (
        RESIDENT,
        [
            "INSERT INTO cases (id, channel, type, summary, created_at, updated_at)"
            f" VALUES ('{RESIDENT}', 'phone', 'question', 'Hidden called', now(), now())"
        ],
        f"UPDATE cases SET type = 'complaint' WHERE id = '{RESIDENT}'",
        f"DELETE FROM cases WHERE id = '{RESIDENT}'",
    ),
    Entity.ARTICLE: (
        "900001",
        [
            "INSERT INTO articles (id, title, language, audience, status, created_at,"
            " updated_at) OVERRIDING SYSTEM VALUE VALUES (900001, 'Audit', 'en', 'public',"
            " 'draft', now(), now())"
        ],
        "UPDATE articles SET status = 'published' WHERE id = 900001",
        "DELETE FROM articles WHERE id = 900001",
    ),
    Entity.USER: (
        RESIDENT,
        [
            "INSERT INTO users (id, email, display_name, role, password_hash, created_at)"
            f" VALUES ('{RESIDENT}', 'u@example.org', 'U', 'agent', 'argon2-hash', now())"
        ],
        f"UPDATE users SET active = false WHERE id = '{RESIDENT}'",
        f"DELETE FROM users WHERE id = '{RESIDENT}'",
    ),
    Entity.API_KEY: (
        RESIDENT,
        [
            "INSERT INTO api_keys (id, name, role, secret_hash)"
            f" VALUES ('{RESIDENT}', 'Audit client', 'open311', 'secret-hash-value')"
        ],
        f"UPDATE api_keys SET active = false WHERE id = '{RESIDENT}'",
        f"DELETE FROM api_keys WHERE id = '{RESIDENT}'",
    ),
    Entity.WEBHOOK: (
        RESIDENT,
        [
            "INSERT INTO webhook_subscriptions (id, url, event_types, secret, created_at,"
            f" updated_at) VALUES ('{RESIDENT}', 'https://example.net/h', '{{request.created}}',"
            " 'webhook-secret-value', now(), now())"
        ],
        f"UPDATE webhook_subscriptions SET active = false WHERE id = '{RESIDENT}'",
        f"DELETE FROM webhook_subscriptions WHERE id = '{RESIDENT}'",
    ),
    Entity.ROUTING_RULE: (
        "900001",
        [
            "INSERT INTO routing_rules (id, priority, description) OVERRIDING SYSTEM VALUE"
            " VALUES (900001, 5, 'audit')"
        ],
        "UPDATE routing_rules SET priority = 6 WHERE id = 900001",
        "DELETE FROM routing_rules WHERE id = 900001",
    ),
    Entity.JURISDICTION_LAYER: (
        "a-l",
        [LAYER],
        "UPDATE jurisdiction_layers SET version = 2 WHERE slug = 'a-l'",
        "DELETE FROM jurisdiction_layers WHERE slug = 'a-l'",
    ),
    Entity.TRIAGE_TERM: (
        "900001",
        [
            "INSERT INTO triage_terms (id, term, folded, kind, language) OVERRIDING SYSTEM"
            " VALUE VALUES (900001, 'Audit', 'audit', 'synonym', 'en')"
        ],
        "UPDATE triage_terms SET term = 'Audits' WHERE id = 900001",
        "DELETE FROM triage_terms WHERE id = 900001",
    ),
    Entity.TRANSLATION: (
        "service/audit-svc/es",
        [
            "INSERT INTO catalog_translations (subject, subject_key, language, text)"
            " VALUES ('service', 'audit-svc', 'es', '{\"name\": \"Auditoría\"}')"
        ],
        "UPDATE catalog_translations SET text = '{}' WHERE subject_key = 'audit-svc'",
        "DELETE FROM catalog_translations WHERE subject_key = 'audit-svc'",
    ),
    Entity.PHOTO: (
        RESIDENT,
        [
            "INSERT INTO media (id, visibility, content_type, byte_size, width, height, sha256,"
            f" storage_key, created_at) VALUES ('{RESIDENT}', 'internal', 'image/jpeg', 1, 1,"
            " 1, 'abc', 'abc', now())"
        ],
        f"UPDATE media SET visibility = 'public' WHERE id = '{RESIDENT}'",
        f"DELETE FROM media WHERE id = '{RESIDENT}'",
    ),
}


async def run(engine: AsyncEngine, statements: list[str]) -> None:
    with acting_as(ACTOR, REQUEST_ID):
        async with engine.begin() as db:
            for statement in statements:
                await db.execute(text(statement))


def test_every_entity_of_the_trail_is_tried_here() -> None:
    assert set(CASES) == set(Entity)


@pytest.mark.parametrize("entity", list(CASES), ids=str)
async def test_a_create_an_update_and_a_delete_land_in_the_trail(
    seeded: AsyncEngine, entity: Entity
) -> None:
    entity_id, create, update, delete = CASES[entity]
    since = await mark(seeded)

    await run(seeded, create)
    await run(seeded, [update])
    await run(seeded, [delete])

    entries = await entries_since(seeded, since, entity=entity.value, entity_id=entity_id)
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert {(e.actor, e.request_id) for e in entries} == {(ACTOR, REQUEST_ID)}
    created, updated, deleted = entries
    assert created.before is None and created.after is not None
    assert deleted.after is None and deleted.before is not None
    assert len(updated.before) == len(updated.after) < len(created.after)  # changes only


async def test_the_trail_tables_are_the_ones_with_audit_triggers(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        rows = await db.execute(
            text("SELECT tgargs FROM pg_trigger WHERE tgname = 'audit_row' AND NOT tgisinternal")
        )
        entities = {bytes(row.tgargs).split(b"\x00")[0].decode() for row in rows}
    assert entities == {entity.value for entity in Entity}


async def test_personal_data_and_secrets_are_markers_in_the_trail(seeded: AsyncEngine) -> None:
    since = await mark(seeded)
    for entity in (Entity.REQUEST, Entity.RESIDENT, Entity.CASE, Entity.API_KEY, Entity.WEBHOOK):
        _, create, update, delete = CASES[entity]
        await run(seeded, [*create, update, delete])
    await run(seeded, [*CASES[Entity.USER][1], CASES[Entity.USER][3]])

    trail = await trail_text_since(seeded, since)
    for value in ("hidden@example.net", "410-555-0199", "4105550199", "Hidden", "secret-hash"):
        assert value not in trail
    assert "webhook-secret-value" not in trail and "argon2-hash" not in trail
    assert '"[personal data]"' in trail and '"[secret]"' in trail
    (resident,) = await entries_since(seeded, since, entity="resident", action="create")
    assert resident.after["emails"] == "[personal data]"
    assert resident.after["phone_keys"] == []  # empty stays empty: nothing to hide


async def test_an_update_of_only_counters_writes_nothing(seeded: AsyncEngine) -> None:
    await run(seeded, CASES[Entity.ARTICLE][1] + CASES[Entity.API_KEY][1])
    since = await mark(seeded)

    await run(
        seeded,
        [
            "UPDATE articles SET view_count = view_count + 1 WHERE id = 900001",
            f"UPDATE api_keys SET last_used_at = now() WHERE id = '{RESIDENT}'",
            "UPDATE articles SET title = title WHERE id = 900001",
        ],
    )

    assert await entries_since(seeded, since) == []


async def test_a_write_outside_the_app_names_the_database_role(seeded: AsyncEngine) -> None:
    since = await mark(seeded)
    async with seeded.begin() as db:
        await db.execute(text("SELECT set_config('frontdoor.actor', '', true)"))
        await db.execute(text(DEPARTMENT))

    (entry,) = await entries_since(seeded, since)
    assert entry.actor.startswith("db:") and entry.request_id is None


async def test_the_trail_refuses_updates_and_deletes_even_in_replica_mode(
    seeded: AsyncEngine,
) -> None:
    await run(seeded, [DEPARTMENT])
    for statement in (
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "DELETE FROM audit_seals",
    ):
        async with seeded.connect() as db:
            await db.execute(text("SET session_replication_role = replica"))
            with pytest.raises(Exception, match="append-only"):
                await db.execute(text(statement))
            await db.rollback()
            await db.execute(text("RESET session_replication_role"))


async def test_a_composite_key_joins_its_columns_into_the_entity_id(seeded: AsyncEngine) -> None:
    since = await mark(seeded)
    await run(seeded, [*CASES[Entity.TRANSLATION][1]])
    (entry,) = await entries_since(seeded, since)
    assert entry.entity_id == "service/audit-svc/es" and entry.entity == "translation"


async def test_a_history_batch_that_skips_the_triggers_is_one_entry(
    seeded_with_layers: AsyncEngine, database_url: str
) -> None:
    engine = seeded_with_layers
    async with engine.connect() as db:
        service, department = (
            await db.execute(text("SELECT code, department_code FROM services LIMIT 1"))
        ).one()
    at = pg_time(datetime(2019, 5, 1, 12, tzinfo=UTC))  # the writer takes times as counts
    row = ("R-1", "Pothole", service, department, "open", None, "phone", at, at)
    rest = (None, None, None, "Pothole at 5th", "1 Main St", None, None, "[]")
    since = await mark(engine)
    connection = await asyncpg.connect(asyncpg_url(database_url))
    try:
        with acting_as("cli:import-requests"):
            async with BatchWriter(connection, "audited") as writer:
                assert writer.skips_triggers  # the tests' role is a superuser
                assert await writer.write([(*row, *rest)]) == 1
    finally:
        await connection.close()

    (entry,) = await entries_since(engine, since)
    assert (entry.action, entry.entity_id, entry.actor) == (
        "import",
        "import:audited",
        "cli:import-requests",
    )
    assert entry.after == {"source": "audited", "requests": 1}
