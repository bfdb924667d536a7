"""What the audit trail costs a write: request creations with the audit triggers on and off.

    python -m bench.audit_cost [count]

In one throw-away database, `count` requests are created through the API (in process, one at
a time) and `count` rows inserted with bare SQL (each its own transaction, committed without
waiting for the disk), in alternating rounds with the triggers
enabled and disabled, so both see the same machine load. Prints each pair's times and their
ratio, then how fast the sealer chains what was written.
"""

import asyncio
import json
import random
import sys
import time
from collections.abc import Awaitable, Callable

import asyncpg
import httpx

from adapters.db.audit_chain import AuditChain
from adapters.db.engine import make_engine
from api.app import create_app
from api.bootstrap import build_container
from api.settings import Settings
from bench.hot_paths import body_template
from bench.server import bench_database, postgres

AUDITED = (
    "service_requests",
    "cases",
    "residents",
    "articles",
    "users",
    "api_keys",
    "webhook_subscriptions",
    "services",
    "departments",
    "routing_rules",
    "jurisdiction_layers",
    "triage_terms",
    "catalog_translations",
    "media",
)
ROUNDS = 8
BODY = body_template()


def body(i: int) -> dict[str, object]:
    """Request i: its own reporter, at a point spread over downtown Baltimore."""
    rng = random.Random(i)  # noqa: S311 - reproducible benchmark bodies, not secrets
    point = (39.2904 + rng.uniform(-0.02, 0.02), -76.6122 + rng.uniform(-0.02, 0.02))
    decoded: dict[str, object] = json.loads(BODY % (*point, i, i))
    return decoded


BARE_INSERT = """
    INSERT INTO service_requests (id, service_code, department_code, channel, priority, status,
        sla_target_hours, sla_calendar, sla_pauses_on_hold, requested_at, updated_at,
        reporter_email, description)
    SELECT $1, code, department_code, 'phone', 'normal', 'open', 24, 'calendar', false, now(),
        now(), 'bench@example.net', 'Benchmark pothole'
    FROM services WHERE code = 'trm-pothole-repair'
"""


async def switch_triggers(db: asyncpg.Connection, on: bool) -> None:
    verb = "ENABLE" if on else "DISABLE"
    for table in AUDITED:
        await db.execute(f"ALTER TABLE {table} {verb} TRIGGER audit_row")


async def timed(step: Callable[[int], Awaitable[None]], numbers: range) -> float:
    started = time.perf_counter()
    for number in numbers:
        await step(number)
    return time.perf_counter() - started


async def measure(url: str, count: int) -> None:
    settings = Settings(database_url=url, db_pool_size=5)
    container = build_container(settings)
    app = create_app(settings, container)
    app.state.container = container
    admin = await asyncpg.connect(url)
    # No wait for the disk on each bare INSERT: what is left is the database's work per row.
    await admin.execute("SET synchronous_commit = off")
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            token = await client.post(
                "/api/v1/auth/token",
                data={"username": "agent@example.org", "password": "frontdoor"},
            )
            auth = {"Authorization": f"Bearer {token.json()['access_token']}"}

            async def create(number: int) -> None:
                answer = await client.post("/api/v1/requests", json=body(number), headers=auth)
                assert answer.status_code == 201, answer.text

            async def insert(number: int) -> None:
                await admin.execute(BARE_INSERT, f"BENCH-{number}")

            for label, step in (("API create", create), ("bare INSERT", insert)):
                await compare(admin, label, step, count)
    finally:
        await admin.close()
        await container.close()
    await seal(url)


async def compare(
    admin: asyncpg.Connection, label: str, step: Callable[[int], Awaitable[None]], count: int
) -> None:
    per_round = count // ROUNDS
    spent = {True: 0.0, False: 0.0}
    for round_number in range(ROUNDS):
        on = round_number % 2 == 0
        await switch_triggers(admin, on)
        start = round_number * per_round + (0 if label == "API create" else 10 * count)
        spent[on] += await timed(step, range(start, start + per_round))
    await switch_triggers(admin, True)
    half = per_round * ROUNDS // 2
    with_ms, without_ms = 1000 * spent[True] / half, 1000 * spent[False] / half
    print(
        f"{label}: {half} with triggers {with_ms:.3f} ms each, {half} without"
        f" {without_ms:.3f} ms each; ratio {with_ms / without_ms:.3f}"
    )


async def seal(url: str) -> None:
    engine = make_engine(url, pool_size=2, max_overflow=0)
    try:
        started = time.perf_counter()
        sealed = await AuditChain(engine).seal()
        elapsed = time.perf_counter() - started
        print(f"sealed {sealed} entries in {elapsed:.2f} s ({sealed / elapsed:,.0f} a second)")
    finally:
        await engine.dispose()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with postgres() as server, bench_database(server) as url:
        asyncio.run(measure(url, count))


if __name__ == "__main__":
    main()
