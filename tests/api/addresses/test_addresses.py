"""Address search, reverse look-up and import over HTTP, on the demo address table."""

from typing import Any

import httpx
import pytest

from api.bootstrap import Container
from api.routers.addresses import IMPORT_MAX_BYTES
from domain.addresses.geodesy import destination
from tests.api.conftest import Login
from tests.problems import problem

pytestmark = pytest.mark.smoke

SEARCH = "/api/v1/addresses"
REVERSE = "/api/v1/addresses/reverse"
IMPORT = "/api/v1/addresses/import"
CSV = {"content-type": "text/csv"}
GARRISON = {"lat": 39.32742, "long": -76.68251}  # 3400 GARRISON BLVD in the demo table


@pytest.fixture(autouse=True)
async def fresh_index(client: httpx.AsyncClient, container: Container) -> None:
    """The container outlives a test and checks for imports once a second: look now."""
    await container.geocoder.refresh()


async def test_every_endpoint_needs_a_token(client: httpx.AsyncClient) -> None:
    answers = [
        await client.get(SEARCH, params={"q": "3400 Garrison Blvd"}),
        await client.get(REVERSE, params=GARRISON),
        await client.post(IMPORT, content="address,zip,lat,long\n", headers=CSV),
    ]
    for answer in answers:
        assert problem(answer, 401)["detail"] == "sign in: send an Authorization: Bearer token"
        assert answer.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("who", ["agent", "staff", "supervisor", "admin", "manager"])
async def test_any_staff_role_searches(client: httpx.AsyncClient, who: str, login: Login) -> None:
    headers = await login(f"{who}@example.org")
    answer = await client.get(
        SEARCH, params={"q": "3400 Garison Boulevard, Baltimore, MD 21215"}, headers=headers
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["items"][0] == {
        "address": "3400 GARRISON BLVD",
        "zip": "21215",
        "lat": 39.32742,
        "long": -76.68251,
        "score": 0.8875,  # one typo in eight letters (0.875), the zip right: 0.9 * 0.875 + 0.1
    }


async def test_search_ranks_candidates(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    answer = await client.get(
        SEARCH, params={"q": "Light Street and Montgomery", "limit": 2}, headers=agent
    )
    assert answer.json() == {
        "items": [
            {
                "address": "LIGHT ST & E MONTGOMERY ST",
                "zip": "21230",
                "lat": 39.279966,
                "long": -76.612687,
                "score": 0.925,
            },
            {
                "address": "E LOMBARD ST & LIGHT ST",
                "zip": "21202",
                "lat": 39.287747,
                "long": -76.613624,
                "score": 0.5,
            },
        ]
    }


async def test_search_finds_nothing(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    answer = await client.get(SEARCH, params={"q": "1 Zyzzyva Way"}, headers=agent)
    assert (answer.status_code, answer.json()) == (200, {"items": []})


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "1 Main St", "limit": 0}, "limit"),
        ({"q": "1 Main St", "limit": 21}, "limit"),
        ({"q": "1 Main St", "limit": "five"}, "limit"),
    ],
)
async def test_bad_searches(
    client: httpx.AsyncClient, agent: dict[str, str], params: dict[str, Any], field: str
) -> None:
    body = problem(await client.get(SEARCH, params=params, headers=agent), 422)
    assert [e["field"] for e in body["errors"]] == [field]


async def test_a_query_of_200_characters_is_fine(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    query = "3400 Garrison Blvd, " + "x" * 180
    answer = await client.get(SEARCH, params={"q": query}, headers=agent)
    assert answer.status_code == 200, answer.text


async def test_reverse_finds_the_nearest_address(
    client: httpx.AsyncClient, staff: dict[str, str]
) -> None:
    lat, long = destination(GARRISON["lat"], GARRISON["long"], 200.0, 20.0)
    answer = await client.get(REVERSE, params={"lat": lat, "long": long}, headers=staff)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "address": "3400 GARRISON BLVD",
        "zip": "21215",
        "lat": 39.32742,
        "long": -76.68251,
        "score": 0.8,  # 20 m of the 100 m reach
    }


async def test_reverse_beyond_100_m(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    answer = await client.get(REVERSE, params={"lat": 39.2, "long": -76.3}, headers=agent)
    assert problem(answer, 404)["detail"] == "no address within 100 m"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lat": 91, "long": -76.6}, "lat"),
        ({"lat": -90.5, "long": -76.6}, "lat"),
        ({"lat": 39.3, "long": 180.5}, "long"),
        ({"lat": "nan", "long": -76.6}, "lat"),
        ({"lat": "north", "long": -76.6}, "lat"),
        ({"long": -76.6}, "lat"),
    ],
)
async def test_bad_points(
    client: httpx.AsyncClient, agent: dict[str, str], params: dict[str, Any], field: str
) -> None:
    body = problem(await client.get(REVERSE, params=params, headers=agent), 422)
    assert [e["field"] for e in body["errors"]] == [field]


NEW = (
    "address,zip,lat,long\n"
    "1 Zyzzyva Way,21202,39.2900,-76.6100\n"
    "9 Quokka Ct,,39.3300,-76.6200\n"
    "no coordinates,21202,,\n"
)


async def test_an_admin_imports_and_the_addresses_are_found_at_once(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.post(IMPORT, content=NEW, headers={**admin, **CSV})

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "imported": 2,
        "skipped": 1,
        "rejected": [{"line": 4, "reason": "lat '' is not a number"}],
    }
    found = await client.get(SEARCH, params={"q": "1 zyzzyva way"}, headers=agent)
    assert found.json()["items"][0]["address"] == "1 Zyzzyva Way"
    still = await client.get(SEARCH, params={"q": "3400 Garrison Blvd"}, headers=agent)
    assert still.json()["items"][0]["address"] == "3400 GARRISON BLVD"


async def test_import_with_replace(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.post(IMPORT, params={"replace": "true"}, content=NEW, headers=admin)
    assert answer.status_code == 200, answer.text  # no content type: CSV is assumed
    gone = await client.get(SEARCH, params={"q": "3400 Garrison Blvd"}, headers=agent)
    assert gone.json() == {"items": []}
    near = await client.get(REVERSE, params={"lat": 39.29, "long": -76.61}, headers=agent)
    assert near.json()["address"] == "1 Zyzzyva Way"


@pytest.mark.parametrize("who", ["agent", "supervisor", "staff", "manager"])
async def test_only_admins_import(client: httpx.AsyncClient, who: str, login: Login) -> None:
    headers = await login(f"{who}@example.org")
    answer = await client.post(IMPORT, content=NEW, headers={**headers, **CSV})
    assert problem(answer, 403)["detail"] == "only administrators may do this"


async def test_a_wrong_header_refuses_the_file(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(IMPORT, content="street,lat,long\n", headers={**admin, **CSV})
    assert problem(answer, 422)["errors"] == [
        {
            "field": "header",
            "message": "the first line must name the columns address, zip, lat, long; "
            "missing: address, zip",
        }
    ]


async def test_an_import_must_be_utf8_csv(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    latin1 = "address,zip,lat,long\nRue Saint-Étienne,,1,2\n".encode("latin-1")
    body = problem(await client.post(IMPORT, content=latin1, headers={**admin, **CSV}), 422)
    assert body["errors"] == [{"field": "body", "message": "is not UTF-8 text"}]
    json_body = {**admin, "content-type": "application/json"}
    answer = await client.post(IMPORT, content=b"{}", headers=json_body)
    assert problem(answer, 415)["detail"] == "send the addresses as text/csv"


async def test_imports_may_be_larger_than_other_bodies_up_to_20_mib(
    client: httpx.AsyncClient, admin: dict[str, str], container: Container
) -> None:
    rows = "".join(f"{n} Zyzzyva Way,21202,39.29,-76.61\n" for n in range(1, 30_001))
    text = "address,zip,lat,long\n" + rows
    assert container.settings.max_body_bytes < len(text) < IMPORT_MAX_BYTES
    answer = await client.post(IMPORT, params={"replace": True}, content=text, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json()["imported"] == 30_000

    too_big = b"address,zip,lat,long\n" + b"x" * IMPORT_MAX_BYTES
    answer = await client.post(IMPORT, content=too_big, headers={**admin, **CSV})
    assert problem(answer, 413)["detail"] == f"the body is larger than {IMPORT_MAX_BYTES} bytes"
