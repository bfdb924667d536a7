"""A Frontdoor instance on a database and a media directory, and the backup commands run as
`make backup` and `make restore` run them: in their own process."""

import asyncio
import io
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from api.app import create_app
from api.bootstrap import build_container
from api.settings import MediaBackend, Settings
from tests.api.conftest import pothole_body


@asynccontextmanager
async def instance(database_url: str, media: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app served on `database_url`, photos on disk in `media`, as the agent."""
    settings = Settings(
        database_url=database_url,
        media_backend=MediaBackend.DISK,
        media_dir=str(media),
        db_pool_size=2,
        index_check_seconds=0,
    )
    container = build_container(settings)
    app = create_app(settings, container)
    app.state.container = container  # as the lifespan would (ASGITransport runs none)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            token = await client.post(
                "/api/v1/auth/token",
                data={"username": "agent@example.org", "password": "frontdoor"},
            )
            assert token.status_code == 200, token.text
            client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
            yield client
    finally:
        await container.close()


async def command(*arguments: str, media: Path) -> subprocess.CompletedProcess[str]:
    """`python -m api.cli ...` with the disk media backend and no DATABASE_URL of its own."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "FRONTDOOR_DATABASE_URL")
    }
    env |= {"FRONTDOOR_MEDIA_BACKEND": "disk", "FRONTDOOR_MEDIA_DIR": str(media)}
    argv = [sys.executable, "-m", "api.cli", *arguments]
    return await asyncio.to_thread(
        subprocess.run, argv, env=env, capture_output=True, text=True, timeout=300, check=False
    )


async def write_requests(client: httpx.AsyncClient) -> list[str]:
    """Two requests with comments, a transition and a photo: timelines worth comparing."""
    ids = []
    for description in ("Pothole by the school", "Pothole at the bus stop"):
        created = await client.post("/api/v1/requests", json=pothole_body(description=description))
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    photo = await client.post(
        f"/api/v1/requests/{ids[0]}/photos",
        files={"file": ("pothole.png", png(), "image/png")},
        data={"visibility": "public"},
    )
    assert photo.status_code == 201, photo.text
    await _post(client, ids[0], "/comments", {"body": "Crew told", "visibility": "public"})
    await _post(client, ids[0], "/transitions", {"to": "in_progress"})
    await _post(client, ids[1], "/comments", {"body": "Called the resident back"})
    return ids


async def _post(client: httpx.AsyncClient, request_id: str, path: str, body: Any) -> None:
    etag = (await client.get(f"/api/v1/requests/{request_id}")).headers["ETag"]
    url = f"/api/v1/requests/{request_id}{path}"
    answer = await client.post(url, json=body, headers={"If-Match": etag})
    assert answer.status_code == 200, answer.text


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), (30, 90, 200)).save(out, "PNG")
    return out.getvalue()


async def served(client: httpx.AsyncClient, request_id: str) -> dict[str, Any]:
    """What the instance answers about a request: itself, its timeline, its photos' bytes."""
    request = await client.get(f"/api/v1/requests/{request_id}")
    timeline = await client.get(f"/api/v1/requests/{request_id}/timeline")
    photos = await client.get(f"/api/v1/requests/{request_id}/photos")
    assert {request.status_code, timeline.status_code, photos.status_code} == {200}
    items = photos.json()["items"]
    contents = [(await client.get(photo["url"])).content for photo in items]
    return {
        "request": request.json(),
        "etag": request.headers["ETag"],
        "timeline": timeline.json(),
        "photos": items,
        "photo_bytes": contents,
    }
