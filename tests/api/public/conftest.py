"""The public write path over the real app: a cheap proof of work, the rest as configured."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.media.local_store import LocalMediaStore
from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from domain.guards.proof import Challenges, solve

BITS = 8  # 256 hashes on average: the rule is the same, the tests stay fast
SUBMIT = "/api/v1/public/requests"
HOLLIDAY = "100 N Holliday St, Baltimore, MD"


@pytest.fixture
def public_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"public_proof_bits": BITS})


@pytest.fixture
def public_container(container: Container, public_settings: Settings, tmp_path: Path) -> Container:
    """The suite's container at the cheap difficulty, photos kept in this test's directory."""
    challenges = Challenges(public_settings.secret_key, BITS)
    bot_check = replace(container.bot_check, challenges=challenges)
    store = LocalMediaStore(str(tmp_path / "media"))
    return replace(container, settings=public_settings, bot_check=bot_check, media_store=store)


@pytest.fixture
def app(
    public_settings: Settings, public_container: Container, database_state: AsyncEngine
) -> FastAPI:
    app = create_app(public_settings, public_container)
    app.state.container = public_container
    return app


def opened(seconds_ago: float = 60) -> str:
    return (datetime.now(UTC) - timedelta(seconds=seconds_ago)).isoformat()


async def proof(client: httpx.AsyncClient) -> dict[str, str]:
    answer = await client.get("/api/v1/public/challenge")
    assert answer.status_code == 200, answer.text
    challenge = answer.json()
    token = challenge["token"]
    return {"token": token, "nonce": solve(token, challenge["difficulty"])}


async def report_body(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    """A complete pothole report as the web form sends it, with a fresh solved challenge."""
    body: dict[str, Any] = {
        "service_code": "trm-pothole-repair",
        "attributes": {"pothole_size": "large"},
        "description": "Deep pothole in the right lane",
        "lat": 39.2904,
        "lon": -76.6122,
        "address": HOLLIDAY,
        "contact": {"first_name": "Rosa", "last_name": "Parks", "email": "rosa@example.net"},
        "language": "en",
        "consent": True,
        "proof": await proof(client),
        "website": "",
        "started_at": opened(),
    }
    body.update(overrides)
    return body


def new_key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid4())}


async def send_report(
    client: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    return await client.post(SUBMIT, json=body, headers={**new_key(), **(headers or {})})


async def count(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as db:
        return int((await db.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one())


async def written(engine: AsyncEngine) -> dict[str, int]:
    """The rows a submission writes: requests, contacts, residents, photos, followers."""
    tables = ("service_requests", "cases", "residents", "media", "request_followers")
    return {table: await count(engine, table) for table in tables}


async def follow(
    client: httpx.AsyncClient, number: str, email: str, language: str = "en", **overrides: Any
) -> httpx.Response:
    body: dict[str, Any] = {
        "email": email,
        "language": language,
        "proof": await proof(client),
        "website": "",
        "started_at": opened(),
    }
    body.update(overrides)
    return await client.post(
        f"/api/v1/public/requests/{number}/followers", json=body, headers=new_key()
    )
