"""Photos of a report just sent: the upload token, the media limits, no EXIF, translated."""

import io
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.public.conftest import count, report_body, send_report
from tests.problems import problem

GPS_IFD = 0x8825
MAKE = 0x010F
MiB = 1024 * 1024


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "SpyCam 3000"
    exif[GPS_IFD] = {1: "N", 2: (39.0, 17.0, 25.0), 3: "W", 4: (76.0, 36.0, 44.0)}
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


async def reported(client: httpx.AsyncClient) -> dict[str, Any]:
    answer = await send_report(client, await report_body(client, contact=None))
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def upload(
    client: httpx.AsyncClient,
    number: str,
    token: str | None,
    data: bytes,
    language: str = "en",
) -> httpx.Response:
    headers = {"Accept-Language": language}
    if token is not None:
        headers["X-Upload-Token"] = token
    files = {"file": ("photo.jpg", data, "image/jpeg")}
    return await client.post(
        f"/api/v1/public/requests/{number}/photos", files=files, headers=headers
    )


async def test_a_jpeg_photo_is_added_without_its_exif(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await reported(client)
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)

    answer = await upload(client, created["number"], created["upload_token"], original)

    assert answer.status_code == 201, answer.text
    served = await client.get(answer.json()["url"])
    image = Image.open(io.BytesIO(served.content))
    assert dict(image.getexif()) == {}
    assert b"SpyCam" not in served.content and b"Exif" not in served.content
    listed = await client.get(f"/api/v1/requests/{created['number']}/photos", headers=agent)
    assert [p["id"] for p in listed.json()["items"]] == [answer.json()["id"]]


@pytest.mark.parametrize("size", [10 * MiB + 1, 11 * MiB])
async def test_an_oversized_photo_is_a_translated_413_and_writes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, size: int
) -> None:
    """Just over the limit (the route reads it) and well over (the body limit refuses it)."""
    created = await reported(client)
    before = await count(engine, "media")

    answer = await upload(
        client, created["number"], created["upload_token"], b"\xff\xd8" + b"0" * size, "es"
    )

    found = problem(answer, 413)
    assert found["detail"].startswith("La foto es demasiado grande")
    assert await count(engine, "media") == before


async def test_what_is_not_an_image_is_refused_in_the_visitors_language(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    created = await reported(client)
    before = await count(engine, "media")

    answer = await upload(client, created["number"], created["upload_token"], b"<svg/>" * 20, "es")

    found = problem(answer, 415)
    assert "JPEG, PNG, WebP o GIF" in found["detail"]
    assert await count(engine, "media") == before


@pytest.mark.parametrize("token", [None, "", "made-up.123.abc"])
async def test_without_a_good_upload_token_no_photo_is_added(
    client: httpx.AsyncClient, engine: AsyncEngine, token: str | None
) -> None:
    created = await reported(client)
    before = await count(engine, "media")

    answer = await upload(client, created["number"], token, jpeg_with_gps())

    found = problem(answer, 422)
    assert found["errors"][0]["field"] == "upload_token"
    assert await count(engine, "media") == before


async def test_one_requests_upload_token_does_not_open_another(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    first, second = await reported(client), await reported(client)

    answer = await upload(client, second["number"], first["upload_token"], jpeg_with_gps())

    assert problem(answer, 422)["errors"][0]["code"] == "upload_token_invalid"


async def test_a_request_takes_five_photos_from_the_public(client: httpx.AsyncClient) -> None:
    created = await reported(client)
    for _ in range(5):
        answer = await upload(client, created["number"], created["upload_token"], jpeg_with_gps())
        assert answer.status_code == 201, answer.text

    answer = await upload(client, created["number"], created["upload_token"], jpeg_with_gps())

    assert problem(answer, 422)["errors"][0]["code"] == "too_many_photos"
