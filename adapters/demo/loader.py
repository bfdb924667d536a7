"""Loads the demo catalog and demo users once. Safe to call on every start."""

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.repositories.directory import attribute_from_json, service_values
from adapters.db.tables import app_state, departments, services, users
from domain.directory.catalog import Service, SlaPolicy
from domain.requests.sla import SlaCalendar

CATALOG = Path(__file__).with_name("catalog.json")
MARKER = "demo_data"
DEMO_PASSWORD = "frontdoor"  # noqa: S105 - documented demo credential, demo data only

DEMO_USERS: list[dict[str, Any]] = [
    {"email": "admin@example.org", "display_name": "Ada Admin", "role": "admin"},
    {"email": "supervisor@example.org", "display_name": "Sam Supervisor", "role": "supervisor"},
    {"email": "agent@example.org", "display_name": "Alex Agent", "role": "agent"},
    {
        "email": "staff@example.org",
        "display_name": "Stevie Staff",
        "role": "staff",
        "department_code": "transportation",
        "tier": "employee",
    },
    {
        "email": "manager@example.org",
        "display_name": "Morgan Manager",
        "role": "staff",
        "department_code": "transportation",
        "tier": "manager",
    },
]

log = logging.getLogger("frontdoor.demo")


def demo_services(catalog: dict[str, Any]) -> list[Service]:
    return [
        Service(
            code=s["code"],
            type_name=s["type_name"],
            name=s["name"],
            description=s["description"],
            group=s["group"],
            keywords=s["keywords"],
            department_code=s["department"],
            active=s["active"],
            sla=SlaPolicy(
                s["sla"]["target_hours"],
                SlaCalendar(s["sla"]["calendar"]),
                s["sla"]["pauses_on_hold"],
            ),
            attributes=[attribute_from_json(a) for a in s["attributes"]],
        )
        for s in catalog["services"]
    ]


async def load_demo_data(engine: AsyncEngine, password_hash: str | None = None) -> bool:
    """Returns True when it loaded the data now, False when it was already there."""
    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    async with engine.begin() as db:
        claimed = await db.execute(
            upsert(app_state)
            .values(key=MARKER, value={"loaded_at": datetime.now(UTC).isoformat()})
            .on_conflict_do_nothing()
            .returning(app_state.c.key)
        )
        if claimed.first() is None:
            return False
        demo_hash = password_hash or await Argon2PasswordHasher().hash(DEMO_PASSWORD)
        await _load(db, catalog, demo_hash)
    log.info("demo data loaded", extra={"fields": {"services": len(catalog["services"])}})
    return True


async def demo_data_present(engine: AsyncEngine) -> bool:
    async with engine.connect() as db:
        row = await db.execute(select(app_state.c.key).where(app_state.c.key == MARKER))
        return row.first() is not None


async def _load(db: AsyncConnection, catalog: dict[str, Any], password_hash: str) -> None:
    await db.execute(insert(departments), catalog["departments"])
    await db.execute(insert(services), [service_values(s) for s in demo_services(catalog)])
    now = datetime.now(UTC)
    rows = [
        {
            "id": uuid5(NAMESPACE_URL, f"frontdoor:demo:{u['email']}"),
            "department_code": None,
            "tier": None,
            **u,
            "password_hash": password_hash,
            "created_at": now,
        }
        for u in DEMO_USERS
    ]
    await db.execute(insert(users), rows)
