"""Loads the demo catalog and demo users once. Safe to call on every start."""

import asyncio
import gzip
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.repositories.addresses import insert_address_rows
from adapters.db.repositories.directory import attribute_from_json, service_values
from adapters.db.repositories.jurisdictions import SqlJurisdictionRepository
from adapters.db.tables.app_state import app_state
from adapters.db.tables.directory import departments, services, users
from adapters.db.tables.jurisdictions import jurisdiction_areas
from adapters.db.tables.open311 import api_keys
from adapters.demo.addresses import demo_address_rows
from adapters.demo.knowledge import load_demo_knowledge
from adapters.demo.referral_contacts import add_demo_referral_contacts
from adapters.demo.streets import load_demo_streets
from adapters.demo.translations import load_demo_translations
from domain.directory.api_keys import KeyRole, hash_secret
from domain.directory.catalog import Service, SlaPolicy
from domain.jurisdictions.importing import ParsedArea, parse_collection
from domain.jurisdictions.model import Layer, LayerRole
from domain.privacy.public_place import PublicLocation
from domain.shared.sla import SlaCalendar

CATALOG = Path(__file__).with_name("catalog.json")
LAYERS = Path(__file__).with_name("layers")


@dataclass(frozen=True)
class DemoLayer:
    slug: str
    kind: str
    role: LayerRole
    name: str
    code_property: str
    name_property: str


DEMO_LAYERS = [
    DemoLayer("baltimore-city", "city", LayerRole.SERVED, "Baltimore City", "geoid", "name"),
    DemoLayer(
        "council-districts",
        "council-district",
        LayerRole.INFO,
        "Council districts (2012)",
        "id",
        "name",
    ),
    DemoLayer("neighborhoods", "neighborhood", LayerRole.INFO, "Neighborhoods", "name", "name"),
    DemoLayer(
        "maryland-counties", "county", LayerRole.REFER, "Maryland counties", "geoid", "namelsad"
    ),
    DemoLayer(
        "maryland-municipalities",
        "municipality",
        LayerRole.REFER,
        "Maryland incorporated municipalities",
        "geoid",
        "namelsad",
    ),
]
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

# Documented demo credentials, demo data only: an Open311 client, and the work-order system
# of the Transportation department.
DEMO_OPEN311_KEY = "frontdoor-demo-key"
DEMO_PARTNER_KEY = "frontdoor-demo-partner-key"
DEMO_KEYS: list[dict[str, Any]] = [
    {
        "name": "Frontdoor demo Open311 client",
        "role": KeyRole.OPEN311.value,
        "secret": DEMO_OPEN311_KEY,
    },
    {
        "name": "Transportation work orders (demo)",
        "role": KeyRole.PARTNER.value,
        "department_code": "transportation",
        "secret": DEMO_PARTNER_KEY,
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
            public_location=PublicLocation(s.get("public_location", "exact")),
            anonymous_allowed=s.get("anonymous_allowed", False),
        )
        for s in catalog["services"]
    ]


async def load_demo_data(
    engine: AsyncEngine, password_hash: str | None = None, layers: bool = True
) -> bool:
    """Returns True when it loaded the data now, False when it was already there.

    `layers=False` leaves out the boundary layers and the map's reference streets (tests that
    do not need them run faster).
    """
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
        if layers:
            await load_demo_layers(db)
            await load_demo_streets(db)
    log.info("demo data loaded", extra={"fields": {"services": len(catalog["services"])}})
    return True


@cache
def _parse_layer(layer: DemoLayer) -> list[ParsedArea]:
    with gzip.open(LAYERS / f"{layer.slug}.geojson.gz", "rt", encoding="utf-8") as handle:
        collection = json.load(handle)
    return parse_collection(collection, layer.code_property, layer.name_property)


async def load_demo_layers(db: AsyncConnection) -> None:
    """Baltimore City is served; other Maryland counties and towns handle their own requests.

    Refer areas get their government as the contact, with a sample phone and web address.
    """
    repository = SqlJurisdictionRepository(db)
    for spec in DEMO_LAYERS:
        areas = await asyncio.to_thread(_parse_layer, spec)
        layer = Layer(spec.slug, spec.kind, spec.role, spec.name, 1, len(areas))
        await repository.add_layer(layer)
        await repository.add_areas(layer, areas)
        if spec.role is LayerRole.REFER:
            await db.execute(
                update(jurisdiction_areas)
                .where(jurisdiction_areas.c.layer_slug == spec.slug)
                .values(
                    contact=func.jsonb_build_object(
                        "name", jurisdiction_areas.c.name + " government"
                    )
                )
            )
    await add_demo_referral_contacts(db)
    await repository.mark_changed()


async def demo_data_present(engine: AsyncEngine) -> bool:
    async with engine.connect() as db:
        row = await db.execute(select(app_state.c.key).where(app_state.c.key == MARKER))
        return row.first() is not None


async def _load(db: AsyncConnection, catalog: dict[str, Any], password_hash: str) -> None:
    await db.execute(insert(departments), catalog["departments"])
    await db.execute(insert(services), [service_values(s) for s in demo_services(catalog)])
    await load_demo_translations(db)
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
    await db.execute(insert(api_keys), [_demo_key_row(k, now) for k in DEMO_KEYS])
    await load_demo_knowledge(db)
    await insert_address_rows(db, await asyncio.to_thread(demo_address_rows))


def _demo_key_row(key: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {
        "id": uuid5(NAMESPACE_URL, f"frontdoor:demo-key:{key['name']}"),
        "name": key["name"],
        "role": key["role"],
        "department_code": key.get("department_code"),
        "secret_hash": hash_secret(key["secret"]),
        "created_at": now,
    }
