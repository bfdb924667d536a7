"""Hostile and broken input: every refusal is problem+json, and nothing reaches the tables."""

import base64
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from tests.api.conftest import BALTIMORE, pothole_body
from tests.problems import problem as shared_problem

pytestmark = pytest.mark.smoke

REQUESTS = "/api/v1/requests"
JSON = {"content-type": "application/json"}
TWO_MIB = 2 * 1024 * 1024
LIMIT = 1024 * 1024
LEAKS = ("Traceback", 'File "', ".py", "/work/", "site-packages", "sqlalchemy", "asyncpg")

TITLES = {
    400: ("urn:frontdoor:problem:bad-request", "Bad request"),
    413: ("urn:frontdoor:problem:content-too-large", "Content too large"),
    422: ("urn:frontdoor:problem:validation-failed", "Validation failed"),
    500: ("urn:frontdoor:problem:internal-error", "Internal server error"),
}


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    """Rows in service_requests and request_timeline."""
    async with engine.connect() as db:
        requests = (await db.execute(text("SELECT count(*) FROM service_requests"))).scalar_one()
        entries = (await db.execute(text("SELECT count(*) FROM request_timeline"))).scalar_one()
    return int(requests), int(entries)


def problem(answer: httpx.Response, status: int) -> dict[str, Any]:
    """The shared problem+json assertion, plus its type and title and no leaked internals."""
    body = shared_problem(answer, status)
    for leak in LEAKS:
        assert leak not in answer.text, f"{leak!r} leaked into {answer.text}"
    assert (body["type"], body["title"]) == TITLES[status]
    return body


def field_errors(answer: httpx.Response) -> list[dict[str, str]]:
    """The 422 body's errors; its detail is the errors joined."""
    body = problem(answer, 422)
    errors: list[dict[str, str]] = body["errors"]
    assert body["detail"] == "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return errors


async def create(client: httpx.AsyncClient, headers: dict[str, str], **overrides: object) -> Any:
    answer = await client.post(REQUESTS, json=pothole_body(**overrides), headers=headers)
    assert answer.status_code == 201, answer.text
    created = answer.json()
    created.pop("possible_duplicates")  # only in the answer to a creation
    return created


# --- bodies that are not JSON objects -------------------------------------------------------


async def test_malformed_json_is_400_and_writes_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    before = await counts(seeded)
    answer = await client.post(
        REQUESTS,
        content=b'{"service_code": "trm-pothole-repair", "description": ',
        headers={**agent, **JSON},
    )
    body = problem(answer, 400)
    assert body["detail"] == "the body is not valid JSON"
    assert "errors" not in body
    assert body["instance"] == REQUESTS
    assert await counts(seeded) == before == (0, 0)


@pytest.mark.parametrize("raw", [b"[]", b'[{"service_code": "sw-dirty-alley"}]', b'"x"', b"5"])
async def test_json_that_is_not_an_object_is_422(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, raw: bytes
) -> None:
    before = await counts(seeded)
    answer = await client.post(REQUESTS, content=raw, headers={**agent, **JSON})
    assert field_errors(answer) == [
        {
            "field": "body",
            "message": "Input should be a valid dictionary or object to extract fields from",
        }
    ]
    assert await counts(seeded) == before == (0, 0)


# --- well-formed JSON that breaks the schema or the catalog's rules ---------------------------

BAD_BODIES: list[tuple[str, dict[str, object], list[dict[str, str]]]] = [
    (
        "wrong types",
        pothole_body(description=5, location={"lat": "north", "long": -76.6}),
        [
            {"field": "description", "message": "Input should be a valid string"},
            {
                "field": "location.lat",
                "message": "Input should be a valid number, unable to parse string as a number",
            },
        ],
    ),
    (
        "unknown service code",
        pothole_body(service_code="no-such-service", attributes={}),
        [{"field": "service_code", "message": "is not an active service"}],
    ),
    (
        "missing required attribute",
        pothole_body(attributes={}),
        [{"field": "attributes.pothole_size", "message": "is required"}],
    ),
    (
        "unknown attribute code",
        pothole_body(attributes={"pothole_size": "large", "colour": "red"}),
        [{"field": "attributes.colour", "message": "is not an attribute of this service"}],
    ),
    (
        "bad list key",
        pothole_body(attributes={"pothole_size": "enormous"}),
        [
            {
                "field": "attributes.pothole_size",
                "message": "must be one of: small, medium, large",
            }
        ],
    ),
    (
        "lat 91",
        pothole_body(location={"lat": 91, "long": -76.6}),
        [{"field": "location.lat", "message": "Input should be less than or equal to 90"}],
    ),
    (
        "long -181",
        pothole_body(location={"lat": 39.3, "long": -181}),
        [{"field": "location.long", "message": "Input should be greater than or equal to -180"}],
    ),
    (
        "lat without long",
        pothole_body(location={"lat": 39.3}),
        [{"field": "location", "message": "lat and long go together"}],
    ),
    (
        "long without lat",
        pothole_body(location={"long": -76.6, "address": "Somewhere"}),
        [{"field": "location", "message": "lat and long go together"}],
    ),
    (
        "unknown top-level field",
        pothole_body(status="closed"),
        [{"field": "status", "message": "Extra inputs are not permitted"}],
    ),
    (
        "unknown nested fields",
        pothole_body(
            location={**BALTIMORE, "altitude": 12},
            reporter={"first_name": "Rosa", "ssn": "123-45-6789"},
        ),
        [
            {"field": "location.altitude", "message": "Extra inputs are not permitted"},
            {"field": "reporter.ssn", "message": "Extra inputs are not permitted"},
        ],
    ),
    (
        "description of 4001 characters",
        pothole_body(description="x" * 4001),
        [{"field": "description", "message": "String should have at most 4000 characters"}],
    ),
    (
        "unknown channel",
        pothole_body(channel="carrier-pigeon"),
        [
            {
                "field": "channel",
                "message": "Input should be 'phone', 'email', 'web', 'mobile', 'walk_in', "
                "'social', 'text', 'chat', 'letter', 'api' or 'internal'",
            }
        ],
    ),
    (
        "service code missing",
        {"description": "No service given"},
        [{"field": "service_code", "message": "Field required"}],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"),
    [pytest.param(body, expected, id=label) for label, body, expected in BAD_BODIES],
)
async def test_invalid_body_is_422_naming_the_field_and_writes_nothing(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    seeded: AsyncEngine,
    body: dict[str, object],
    expected: list[dict[str, str]],
) -> None:
    before = await counts(seeded)
    answer = await client.post(REQUESTS, json=body, headers=agent)
    assert field_errors(answer) == expected
    assert answer.json()["instance"] == REQUESTS
    assert await counts(seeded) == before == (0, 0)


async def test_description_of_exactly_4000_characters_is_accepted(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    created = await create(client, agent, description="x" * 4000)
    assert created["description"] == "x" * 4000
    assert await counts(seeded) == (1, 1)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("where", ["lat", "long"])
async def test_non_finite_coordinates_are_refused(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    seeded: AsyncEngine,
    number: str,
    where: str,
) -> None:
    location = {"lat": 39.29, "long": -76.61}
    raw = json.dumps(pothole_body(location=location)).replace(
        f'"{where}": {location[where]}', f'"{where}": {number}'
    )
    assert f'"{where}": {number}' in raw
    before = await counts(seeded)
    answer = await client.post(REQUESTS, content=raw.encode(), headers={**agent, **JSON})
    assert field_errors(answer) == [
        {"field": f"location.{where}", "message": "Input should be a finite number"}
    ]
    assert await counts(seeded) == before == (0, 0)


# --- bodies over the limit --------------------------------------------------------------------


def _oversized_body() -> bytes:
    """A request that would be valid JSON, padded past 2 MiB."""
    body = json.dumps(pothole_body(description="x" * TWO_MIB)).encode()
    assert len(body) > TWO_MIB
    return body


async def test_oversized_body_with_content_length_is_413(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = _oversized_body()
    answer = await client.post(REQUESTS, content=body, headers={**agent, **JSON})
    assert answer.request.headers["content-length"] == str(len(body))
    assert problem(answer, 413)["detail"] == f"the body is larger than {LIMIT} bytes"
    assert answer.headers["connection"] == "close"
    assert await counts(seeded) == (0, 0)


async def test_oversized_streamed_body_is_413(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = _oversized_body()
    chunk = 64 * 1024

    async def stream() -> AsyncIterator[bytes]:
        for start in range(0, len(body), chunk):
            yield body[start : start + chunk]

    answer = await client.post(REQUESTS, content=stream(), headers={**agent, **JSON})
    assert "content-length" not in answer.request.headers
    assert answer.request.headers["transfer-encoding"] == "chunked"
    assert problem(answer, 413)["detail"] == f"the body is larger than {LIMIT} bytes"
    assert answer.headers["connection"] == "close"
    assert await counts(seeded) == (0, 0)


async def test_streamed_body_under_the_limit_is_accepted(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = json.dumps(pothole_body()).encode()

    async def stream() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 16):
            yield body[start : start + 16]

    answer = await client.post(REQUESTS, content=stream(), headers={**agent, **JSON})
    assert answer.status_code == 201, answer.text
    assert await counts(seeded) == (1, 1)


async def test_oversized_streamed_sign_in_form_is_413(client: httpx.AsyncClient) -> None:
    async def stream() -> AsyncIterator[bytes]:
        yield b"username=admin%40example.org&password="
        for _ in range(TWO_MIB // 65536):
            yield b"a" * 65536

    answer = await client.post(
        "/api/v1/auth/token",
        content=stream(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert problem(answer, 413)["detail"] == f"the body is larger than {LIMIT} bytes"


# --- injection strings are data ---------------------------------------------------------------

SQL = "Robert'); DROP TABLE service_requests;--"
HTML = "<script>alert(1)</script>"
LIKE = "%_\\"
QUOTES = "' OR '1'='1"


async def test_injection_strings_are_stored_inertly_and_returned_byte_for_byte(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    reporter = {
        "first_name": SQL,
        "last_name": HTML,
        "email": "o'brien+<b>@example.net",
        "phone": None,
        "language": None,
    }
    location = {"lat": 39.2904, "long": -76.6122, "address": f"{HTML} {LIKE} {QUOTES}"}
    created = await client.post(
        REQUESTS,
        json=pothole_body(description=f"{SQL} {HTML} {LIKE}", location=location, reporter=reporter),
        headers=agent,
    )
    assert created.status_code == 201, created.text
    assert created.headers["content-type"] == "application/json"
    body = created.json()
    assert body.pop("possible_duplicates") == []
    assert body["description"] == f"{SQL} {HTML} {LIKE}"
    # the ZIP code of the nearest known address (5 N CALVERT ST in the sample's address table)
    assert body["location"] == {**location, "hint": None, "zipcode": "21229"}
    assert body["reporter"] == reporter

    read = await client.get(f"{REQUESTS}/{body['id']}", headers=agent)
    assert read.json() == body
    async with seeded.connect() as db:
        stored = (
            await db.execute(
                text(
                    "SELECT description, address, reporter_first_name, reporter_last_name "
                    "FROM service_requests WHERE id = :id"
                ),
                {"id": body["id"]},
            )
        ).one()
    assert tuple(stored) == (f"{SQL} {HTML} {LIKE}", location["address"], SQL, HTML)

    # The table is still there and still takes writes.
    second = await create(client, agent, description="after the injection attempt")
    listed = await client.get(REQUESTS, headers=agent)
    assert [item["id"] for item in listed.json()["items"]] == [second["id"], body["id"]]
    assert await counts(seeded) == (2, 2)


async def test_q_filter_takes_wildcards_quotes_and_operators_as_word_breaks(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    descriptions = {
        "percent": "Road 100% blocked",
        "plain": "Road 100 blocked",
        "underscore": "sign a_b bent",
        "letter": "sign axb bent",
        "backslash": "path C:\\temp flooded",
        "sql": SQL,
        "html": HTML,
    }
    ids = {}
    for key, description in descriptions.items():
        ids[key] = (await create(client, agent, description=description))["id"]

    async def search(q: str) -> list[str]:
        answer = await client.get(REQUESTS, params={"q": q}, headers=agent)
        assert answer.status_code == 200, answer.text
        return sorted(item["id"] for item in answer.json()["items"])

    assert await search("%") == []  # no letter or digit: nothing to look for
    assert await search("_") == []
    assert await search("sign a_b") == sorted([ids["underscore"], ids["letter"]])  # "axb bent"
    assert await search("\\") == []
    assert await search("C:\\temp") == [ids["backslash"]]
    assert await search(LIKE) == []
    assert await search("bent & !sign | x:* <-> (") == []  # full-text operators are not read
    assert await search("sign & bent") == sorted([ids["underscore"], ids["letter"]])
    assert await search(SQL) == [ids["sql"]]
    assert await search("'); DROP") == [ids["sql"]]
    assert await search(HTML) == [ids["html"]]
    assert await search(QUOTES) == []
    assert await search("road 100") == sorted([ids["percent"], ids["plain"]])
    assert await counts(seeded) == (7, 7)


# --- headers and query parameters -------------------------------------------------------------


@pytest.mark.parametrize("if_match", ["garbage", "*", "v1", '"v1', "W/v1"])
async def test_if_match_that_is_no_entity_tag_is_422(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, if_match: str
) -> None:
    created = await create(client, agent)
    path = f"{REQUESTS}/{created['id']}"
    writes = [
        ("POST", f"{path}/transitions", {"to": "acknowledged"}),
        ("POST", f"{path}/comments", {"body": "hello", "visibility": "public"}),
        ("PATCH", path, {"priority": "high"}),
    ]
    for method, url, body in writes:
        answer = await client.request(
            method, url, json=body, headers={**agent, "If-Match": if_match}
        )
        assert field_errors(answer) == [
            {"field": "If-Match", "message": "is not an ETag this API issued"}
        ]
    assert (await client.get(path, headers=agent)).json() == created
    assert await counts(seeded) == (1, 1)


@pytest.mark.parametrize(
    "if_match",
    ['"stale-etag"', '"3"', '"v"', '"v1x"', 'W/"x1"', '"v-1"', '"v99999999999999999999"'],
)
async def test_a_well_formed_etag_this_api_did_not_issue_fails_the_precondition(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, if_match: str
) -> None:
    """RFC 9110 section 13.1.1: an If-Match that names no current version is 412, not 422."""
    created = await create(client, agent)
    path = f"{REQUESTS}/{created['id']}"
    writes = [
        ("POST", f"{path}/transitions", {"to": "acknowledged"}),
        ("POST", f"{path}/comments", {"body": "hello", "visibility": "public"}),
        ("PATCH", path, {"priority": "high"}),
    ]
    for method, url, body in writes:
        answer = await client.request(
            method, url, json=body, headers={**agent, "If-Match": if_match}
        )
        assert answer.status_code == 412, answer.text
        assert answer.json()["type"] == "urn:frontdoor:problem:precondition-failed"
    assert (await client.get(path, headers=agent)).json() == created
    assert await counts(seeded) == (1, 1)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        _b64(b"not json"),
        _b64(b"[1]"),
        _b64(b'["not a date", "26-00000001"]'),
        _b64(b'[null, "26-00000001"]'),
        _b64(b'{"at": 1}'),
        _b64(b"[1, 2, 3]"),
    ],
)
async def test_a_cursor_this_api_did_not_issue_is_422(
    client: httpx.AsyncClient, agent: dict[str, str], cursor: str
) -> None:
    answer = await client.get(REQUESTS, params={"cursor": cursor}, headers=agent)
    assert field_errors(answer) == [
        {"field": "cursor", "message": "is not a cursor this API issued"}
    ]


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("0", "Input should be greater than or equal to 1"),
        ("201", "Input should be less than or equal to 200"),
        ("-1", "Input should be greater than or equal to 1"),
        ("ten", "Input should be a valid integer, unable to parse string as an integer"),
    ],
)
async def test_limit_out_of_range_is_422(
    client: httpx.AsyncClient, agent: dict[str, str], limit: str, message: str
) -> None:
    answer = await client.get(REQUESTS, params={"limit": limit}, headers=agent)
    assert field_errors(answer) == [{"field": "limit", "message": message}]


async def test_limits_at_the_bounds_are_accepted(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    for limit in (1, 200):
        answer = await client.get(REQUESTS, params={"limit": limit}, headers=agent)
        assert answer.status_code == 200
        assert answer.json() == {"items": [], "next_cursor": None}


async def test_unknown_status_filter_is_422(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(REQUESTS, params={"status": ["new", "bogus"]}, headers=agent)
    assert field_errors(answer) == [
        {
            "field": "status.1",
            "message": "Input should be 'new', 'acknowledged', 'in_progress', 'on_hold' "
            "or 'closed'",
        }
    ]


async def test_q_longer_than_200_characters_is_422(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(REQUESTS, params={"q": "x" * 201}, headers=agent)
    assert field_errors(answer) == [
        {"field": "q", "message": "String should have at most 200 characters"}
    ]


# --- the 500 handler --------------------------------------------------------------------------


async def test_unexpected_errors_answer_500_without_internals(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    container: Container,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A failure the code did not foresee (here, a broken read model) is logged, not shown."""
    secret = 'Traceback: File "/work/main/adapters/db/read_models/requests.py", password=hunter2'

    async def broken(*_: object, **__: object) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(container.requests, "page", broken)
    with caplog.at_level(logging.ERROR, logger="frontdoor.errors"):
        answer = await client.get(REQUESTS, headers=agent)
    body = problem(answer, 500)
    assert body == {
        "type": "urn:frontdoor:problem:internal-error",
        "title": "Internal server error",
        "status": 500,
        "detail": "something went wrong; the error was logged",
    }
    assert "hunter2" not in answer.text
    logged = [r for r in caplog.records if r.name == "frontdoor.errors"]
    assert [r.getMessage() for r in logged] == ["unhandled error"]
    assert logged[0].exc_info is not None
    assert str(logged[0].exc_info[1]) == secret


async def test_error_bodies_of_every_kind_leak_nothing(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """A sample of each error path: routing, auth, validation, domain rules, preconditions."""
    created = await create(client, agent)
    path = f"{REQUESTS}/{created['id']}"
    answers = {
        404: await client.get("/api/v1/no-such-route", headers=agent),
        405: await client.delete(REQUESTS, headers=agent),
        401: await client.get(REQUESTS, headers={"Authorization": "Bearer not.a.token"}),
        428: await client.post(f"{path}/transitions", json={"to": "acknowledged"}, headers=agent),
        412: await client.post(
            f"{path}/transitions",
            json={"to": "acknowledged"},
            headers={**agent, "If-Match": '"v7"'},
        ),
        409: await client.post(
            f"{path}/transitions", json={"to": "on_hold"}, headers={**agent, "If-Match": '"v1"'}
        ),
    }
    for status, answer in answers.items():
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        for leak in LEAKS:
            assert leak not in answer.text
        assert answer.json()["status"] == status
        assert {"type", "title", "status", "detail"} <= answer.json().keys()


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "a\x00b"},
        {"reporter": {"first_name": "Nul\x00l", "last_name": "Byte"}},
        {"location": {**BALTIMORE, "address": "1 Main\x00 St"}},
    ],
    ids=["description", "reporter", "address"],
)
async def test_nul_characters_are_refused_and_nothing_is_written(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, overrides: dict[str, Any]
) -> None:
    before = await counts(seeded)
    answer = await client.post(REQUESTS, json=pothole_body(**overrides), headers=agent)
    body = problem(answer, 422)
    assert "cannot be stored" in body["detail"]
    assert await counts(seeded) == before


async def test_nul_in_lookups_is_a_clean_answer(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    assert (await client.get(f"{REQUESTS}/a%00b", headers=agent)).status_code == 404
    problem(await client.get(f"{REQUESTS}?q=a%00b", headers=agent), 422)
    signed = await client.post(
        "/api/v1/auth/token", data={"username": "a\x00@example.org", "password": "frontdoor"}
    )
    assert signed.status_code in (401, 422)
    assert signed.headers["content-type"] == "application/problem+json"
