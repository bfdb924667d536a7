"""Bad input to the portal's reads: a 4xx problem+json that names the field, says nothing of
our insides, and writes nothing; text meant to break a query is only ever searched for."""

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.public.support import PUBLIC, read
from tests.problems import problem

INSIDES = ("traceback", "sqlalchemy", "asyncpg", "select ", "postgres", "psycopg", 'file "')
HUGE = "pothole " * 2000
HOSTILE = [
    "'; DROP TABLE articles; --",
    "%' OR 1=1 --",
    "pothole') UNION SELECT reporter_email FROM service_requests --",
    "<script>alert(1)</script>",
    "pothole & | ! :* ( ) <-> \\",
    "${jndi:ldap://example.org/a}",
    "\u202epothole\u0000",
]
POINT = {"lat": "39.2904", "lon": "-76.6122"}


def refused(answer: httpx.Response, status: int, field: str | None = None) -> None:
    body = problem(answer, status)
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    assert not any(word in answer.text.lower() for word in INSIDES), answer.text


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/search", {}, "q"),
        ("/search", {"q": "   "}, "q"),
        ("/search", {"q": HUGE}, "q"),
        ("/search", {"q": "pothole", "lang": "'; DROP"}, "lang"),
        ("/articles", {"q": HUGE}, "q"),
        ("/articles", {"q": " "}, "q"),
        ("/articles", {"limit": "0"}, "limit"),
        ("/articles", {"limit": "51"}, "limit"),
        ("/articles/0", {}, "article_id"),
        ("/articles/99999999999999999999", {}, "article_id"),
        ("/services/" + "x" * 65, {}, "code"),
        ("/requests", {"service_code": "no-such-service"}, "service_code"),
        ("/requests", {"service_code": "' OR 1=1 --"}, "service_code"),
        ("/requests", {"status": "deleted"}, "status"),
        ("/requests", {"limit": "2001"}, "limit"),
        ("/requests", {"limit": "-1"}, "limit"),
        ("/requests/bad%20number", {}, "number"),
        ("/requests/nearby", {**POINT}, "service_code"),
        ("/requests/nearby", {**POINT, "service_code": "no-such-service"}, "service_code"),
        (
            "/requests/nearby",
            {"service_code": "trm-pothole-repair", "lat": "91", "lon": "0"},
            "lat",
        ),
        (
            "/requests/nearby",
            {"service_code": "trm-pothole-repair", "lat": "0", "lon": "181"},
            "lon",
        ),
        (
            "/requests/nearby",
            {"service_code": "trm-pothole-repair", "lat": "nan", "lon": "0"},
            "lat",
        ),
        ("/requests/nearby", {"service_code": "trm-pothole-repair", "lat": "x", "lon": "0"}, "lat"),
        ("/requests/nearby", {"service_code": "trm-pothole-repair", "lat": "1"}, "lon"),
        ("/addresses", {}, "q"),
        ("/addresses", {"q": "  "}, "q"),
        ("/addresses", {"q": HUGE}, "q"),
        ("/addresses", {"q": "Eastern", "limit": "11"}, "limit"),
        ("/locate", {"lat": "-91", "lon": "0"}, "lat"),
        ("/locate", {"lat": "inf", "lon": "0"}, "lat"),
        ("/locate", {"lat": "0"}, "lon"),
        ("/locate", {**POINT, "service_code": "no-such-service"}, "service_code"),
    ],
)
async def test_bad_input_is_a_problem_naming_the_field(
    client: httpx.AsyncClient, path: str, params: dict[str, str], field: str
) -> None:
    refused(await client.get(f"{PUBLIC}{path}", params=params), 422, field)


async def test_unknown_things_are_404(client: httpx.AsyncClient) -> None:
    for path in ("/services/no-such-service", "/requests/26-99999999", "/articles/424242"):
        refused(await client.get(f"{PUBLIC}{path}"), 404)


async def test_hostile_words_are_only_searched_for(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    async with seeded.connect() as db:
        before = await db.scalar(text("SELECT count(*) FROM articles"))
    for words in HOSTILE:
        for path in ("/search", "/articles", "/addresses"):
            answer = await client.get(f"{PUBLIC}{path}", params={"q": words, "lang": "es"})
            assert answer.status_code in (200, 422), answer.text
            assert not any(word in answer.text.lower() for word in INSIDES), answer.text
            assert "<script>" not in answer.text
    found = await read(client, "/search", q="pothole') UNION SELECT reporter_email --")
    assert found["services"][0]["code"] == "trm-pothole-repair"  # the words, nothing more
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM articles")) == before


@pytest.mark.parametrize(
    ("path", "english", "spanish"),
    [
        ("articles/999999", "We could not find this answer.", "No encontramos esta respuesta."),
        (
            "services/no-such-service",
            "We could not find this service.",
            "No encontramos este servicio.",
        ),
        (
            "requests/26-99999999",
            "We could not find this request.",
            "No encontramos esta solicitud.",
        ),
    ],
)
async def test_a_missing_thing_is_named_in_the_visitors_language(
    client: httpx.AsyncClient, path: str, english: str, spanish: str
) -> None:
    assert problem(await client.get(f"{PUBLIC}/{path}"), 404)["detail"] == english
    assert problem(await client.get(f"{PUBLIC}/{path}?lang=es"), 404)["detail"] == spanish
