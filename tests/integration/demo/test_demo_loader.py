"""The demo loader on the real PostgreSQL: loads once, the right users, a consistent catalog."""

import asyncio
import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.read_models.directory import DirectoryReadModel
from adapters.db.tables.app_state import app_state
from adapters.db.tables.directory import departments, services, users
from adapters.demo.loader import (
    CATALOG,
    DEMO_PASSWORD,
    MARKER,
    demo_data_present,
    demo_services,
    load_demo_data,
)
from domain.directory.catalog import Department
from domain.directory.users import Role, Tier
from tests.integration.builders import demo_user_id

pytestmark = pytest.mark.usefixtures("seeded")

COUNTED = ("departments", "services", "users", "app_state", "service_requests")


async def counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as db:
        return {t: int(await db.scalar(text(f"SELECT count(*) FROM {t}")) or 0) for t in COUNTED}


async def empty(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        await db.execute(
            text(
                "TRUNCATE request_timeline, service_requests, users, services, departments,"
                " app_state RESTART IDENTITY CASCADE"
            )
        )


def catalog() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(CATALOG.read_text(encoding="utf-8"))
    return loaded


async def test_a_second_load_does_nothing(seeded: AsyncEngine, demo_password_hash: str) -> None:
    before = await counts(seeded)
    async with seeded.connect() as db:
        marker = (await db.execute(select(app_state.c.value))).scalar_one()

    assert await load_demo_data(seeded, demo_password_hash) is False
    assert await load_demo_data(seeded) is False

    assert await counts(seeded) == before
    assert before == {
        "departments": 8,
        "services": 31,
        "users": 5,
        "app_state": 1,
        "service_requests": 0,
    }
    async with seeded.connect() as db:
        assert (await db.execute(select(app_state.c.value))).scalar_one() == marker


async def test_first_load_returns_true_then_false(
    seeded: AsyncEngine, demo_password_hash: str
) -> None:
    await empty(seeded)
    assert await demo_data_present(seeded) is False

    assert await load_demo_data(seeded, demo_password_hash) is True
    assert await demo_data_present(seeded) is True
    loaded = await counts(seeded)
    assert await load_demo_data(seeded, demo_password_hash) is False
    assert await counts(seeded) == loaded
    assert loaded["services"] == len(catalog()["services"])  # type: ignore[arg-type]


async def test_concurrent_first_loads_load_exactly_once(
    seeded: AsyncEngine, demo_password_hash: str
) -> None:
    await empty(seeded)

    results = await asyncio.gather(
        load_demo_data(seeded, demo_password_hash),
        load_demo_data(seeded, demo_password_hash),
        load_demo_data(seeded, demo_password_hash),
    )

    assert sorted(results) == [False, False, True]
    assert await counts(seeded) == {
        "departments": 8,
        "services": 31,
        "users": 5,
        "app_state": 1,
        "service_requests": 0,
    }


async def test_a_failed_load_leaves_no_marker(seeded: AsyncEngine, demo_password_hash: str) -> None:
    """The marker is written in the same transaction: a clash rolls everything back."""
    await empty(seeded)
    async with seeded.begin() as db:
        await db.execute(departments.insert().values(code="bge", name="Already here"))

    with pytest.raises(Exception, match="pk_departments"):
        await load_demo_data(seeded, demo_password_hash)

    assert await demo_data_present(seeded) is False
    assert await counts(seeded) == {
        "departments": 1,
        "services": 0,
        "users": 0,
        "app_state": 0,
        "service_requests": 0,
    }


async def test_the_five_demo_users(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        rows = (
            await db.execute(
                select(
                    users.c.email,
                    users.c.id,
                    users.c.display_name,
                    users.c.role,
                    users.c.department_code,
                    users.c.tier,
                    users.c.active,
                    users.c.token_version,
                ).order_by(users.c.email)
            )
        ).all()

    assert [tuple(r) for r in rows] == [
        (
            "admin@example.org",
            demo_user_id("admin@example.org"),
            "Ada Admin",
            "admin",
            None,
            None,
            True,
            0,
        ),
        (
            "agent@example.org",
            demo_user_id("agent@example.org"),
            "Alex Agent",
            "agent",
            None,
            None,
            True,
            0,
        ),
        (
            "manager@example.org",
            demo_user_id("manager@example.org"),
            "Morgan Manager",
            "staff",
            "transportation",
            "manager",
            True,
            0,
        ),
        (
            "staff@example.org",
            demo_user_id("staff@example.org"),
            "Stevie Staff",
            "staff",
            "transportation",
            "employee",
            True,
            0,
        ),
        (
            "supervisor@example.org",
            demo_user_id("supervisor@example.org"),
            "Sam Supervisor",
            "supervisor",
            None,
            None,
            True,
            0,
        ),
    ]

    by_email = {u.email: u for u in await DirectoryReadModel(seeded).users()}
    assert (by_email["manager@example.org"].role, by_email["manager@example.org"].tier) == (
        Role.STAFF,
        Tier.MANAGER,
    )
    assert by_email["staff@example.org"].tier is Tier.EMPLOYEE
    assert by_email["admin@example.org"].role is Role.ADMIN


async def test_demo_users_sign_in_with_the_demo_password(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        hashes = (await db.execute(select(users.c.password_hash))).scalars().all()
    assert len(set(hashes)) == 1
    hasher = Argon2PasswordHasher()
    assert hasher.verify_now(hashes[0], DEMO_PASSWORD) is True
    assert hasher.verify_now(hashes[0], "wrong password") is False


async def test_every_service_belongs_to_an_existing_department(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        codes = set((await db.execute(select(departments.c.code))).scalars())
        owners = (await db.execute(select(services.c.code, services.c.department_code))).all()

    assert codes == {
        "bge",
        "fire-department",
        "health",
        "housing",
        "recreation-parks",
        "solid-waste",
        "transportation",
        "water-wastewater",
    }
    assert len(owners) == 31
    assert {department for _, department in owners} <= codes
    assert not [code for code, department in owners if department not in codes]


async def test_the_catalog_is_stored_exactly(seeded: AsyncEngine) -> None:
    data = catalog()
    expected = {s.code: s for s in demo_services(data)}  # type: ignore[arg-type]
    directory = DirectoryReadModel(seeded)

    stored = await directory.services(include_inactive=True)

    assert {s.code: s for s in stored} == expected
    assert await directory.departments() == sorted(
        (Department(**d) for d in data["departments"]),  # type: ignore[attr-defined]
        key=lambda d: d.name,
    )
    pothole = await directory.service("trm-pothole-repair")
    assert pothole is not None
    assert pothole.department_code == "transportation"
    assert [a.code for a in pothole.attributes] == ["pothole_size", "position", "depth_inches"]


async def test_the_marker_row(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        rows = (await db.execute(select(app_state.c.key, app_state.c.value))).all()
    assert [key for key, _ in rows] == [MARKER]
    assert list(rows[0].value) == ["loaded_at"]
