"""Answers of more than a packet are gzipped for a client that asks, and only then."""

import gzip
import json

import httpx

from api.app import COMPRESS_FROM_BYTES

SERVICES = "/api/v1/public/services"
GZIP = {"Accept-Encoding": "gzip"}
IDENTITY = {"Accept-Encoding": "identity"}


async def raw(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> httpx.Response:
    """The answer as sent, its body not decoded by the client."""
    async with client.stream("GET", path, headers=headers) as answer:
        answer._content = b"".join([part async for part in answer.aiter_raw()])
    return answer


async def test_a_long_answer_is_gzipped_for_a_client_that_asks(client: httpx.AsyncClient) -> None:
    plain = await raw(client, SERVICES, IDENTITY)
    packed = await raw(client, SERVICES, GZIP)
    assert plain.status_code == packed.status_code == 200
    assert len(plain.content) > COMPRESS_FROM_BYTES
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    assert int(packed.headers["content-length"]) == len(packed.content)
    assert len(packed.content) < len(plain.content) / 3
    assert json.loads(gzip.decompress(packed.content)) == json.loads(plain.content)


async def test_a_short_answer_goes_as_it_is(client: httpx.AsyncClient) -> None:
    answer = await raw(client, "/api/v1/site", GZIP)
    assert answer.status_code == 200
    assert len(answer.content) < COMPRESS_FROM_BYTES
    assert "content-encoding" not in answer.headers
    json.loads(answer.content)


async def test_a_problem_keeps_its_media_type_and_body(client: httpx.AsyncClient) -> None:
    answer = await client.get(f"{SERVICES}/no-such-service", headers=GZIP)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["status"] == 404


async def test_a_compressed_list_still_answers_304_to_its_etag(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await raw(client, "/api/v1/services", {**agent, **GZIP})
    assert first.headers["content-encoding"] == "gzip"
    again = await client.get(
        "/api/v1/services", headers={**agent, **GZIP, "If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
