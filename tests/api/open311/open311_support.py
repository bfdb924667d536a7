"""Helpers for the Open311 tests: the published GeoReport v2 schemas, and row counts."""

import json
from functools import cache
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.shared_data import SHARED_DATA

SCHEMAS = SHARED_DATA.parent / "open311" / "georeport-v2-schemas"
DEMO_KEY = "frontdoor-demo-key"
PARTNER_KEY = "frontdoor-demo-partner-key"
V2 = "/open311/v2"


@cache
def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        if path.name == "swagger.json":
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema, DRAFT4)))
    return Registry().with_resources(resources)


def validate(name: str, document: Any) -> None:
    """Raise unless `document` fits the published schema `name` (e.g. requests.json)."""
    registry = _registry()
    schema = registry.contents(name)
    Draft4Validator(
        schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER
    ).validate(document)


async def count(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as db:
        return int((await db.execute(text(f'SELECT count(*) FROM "{table}"'))).scalar_one())


WRITTEN = (
    "service_requests",
    "request_timeline",
    "cases",
    "residents",
    "open311_submissions",
    "media",
)


async def counts(engine: AsyncEngine) -> dict[str, int]:
    return {table: await count(engine, table) for table in WRITTEN}
