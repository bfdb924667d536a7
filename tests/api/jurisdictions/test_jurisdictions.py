"""The jurisdiction endpoints over HTTP: imports, reads, edits, resolve, rules and requests.

Synthetic layers around Baltimore City Hall (39.2904, -76.6122), imported by the admin:
- `city` (served): one box;
- `districts` (info): the box split west / east;
- `towns` (refer): a small town box north-west of City Hall, inside the city box;
- `state-roads` (info, in the state-road tests): a narrow corridor through City Hall.
"""

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import shapely
from shapely.geometry import Point, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login, pothole_body
from tests.problems import problem

BASE = "/api/v1/jurisdictions"
IMPORT = f"{BASE}/import"
RESOLVE = f"{BASE}/resolve"
RULES = f"{BASE}/rules"
GEOJSON = {"content-type": "application/geo+json"}
MIB = 1024 * 1024
IMPORT_LIMIT = 50 * MIB

CITY_HALL = {"lat": 39.2904, "long": -76.6122}  # the point of pothole_body()
IN_TOWN = {"lat": 39.35, "long": -76.70}
WEST_SIDE = {"lat": 39.25, "long": -76.70}
OUTSIDE = {"lat": 39.45, "long": -76.90}

CITY = box(-76.72, 39.19, -76.52, 39.38)
WEST, EAST = box(-76.72, 39.19, -76.62, 39.38), box(-76.62, 39.19, -76.52, 39.38)
TOWN = box(-76.71, 39.33, -76.68, 39.37)
CORRIDOR = box(-76.6125, 39.20, -76.6119, 39.37)
BOWTIE = {
    "type": "Polygon",
    "coordinates": [[[-76.6, 39.2], [-76.5, 39.3], [-76.5, 39.2], [-76.6, 39.3], [-76.6, 39.2]]],
}
SHA = {"name": "State Highway Administration (sample)", "phone": "410-555-0100"}
TOWN_HALL = {"name": "Town of Example (sample)", "phone": None, "url": None, "email": None}


def geometry_json(geometry: BaseGeometry) -> dict[str, Any]:
    decoded: dict[str, Any] = json.loads(json.dumps(mapping(geometry)))
    return decoded


def feature(code: str, name: str, geometry: BaseGeometry | dict[str, Any]) -> dict[str, Any]:
    geo = geometry if isinstance(geometry, dict) else geometry_json(geometry)
    return {"type": "Feature", "properties": {"id": code, "name": name}, "geometry": geo}


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


async def post_layer(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    layer: str,
    body: object,
    **params: str,
) -> httpx.Response:
    query = {"layer": layer, "code_property": "id", "name_property": "name", **params}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await client.post(IMPORT, params=query, content=content, headers={**headers, **GEOJSON})


async def imported(
    client: httpx.AsyncClient, headers: dict[str, str], layer: str, body: object, **params: str
) -> dict[str, Any]:
    answer = await post_layer(client, headers, layer, body, **params)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def get_json(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any
) -> Any:
    answer = await client.get(url, params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def resolve(
    client: httpx.AsyncClient, headers: dict[str, str], point: dict[str, float], **params: str
) -> dict[str, Any]:
    body: dict[str, Any] = await get_json(client, RESOLVE, headers, **point, **params)
    return body


async def area_ids(client: httpx.AsyncClient, headers: dict[str, str], layer: str) -> list[int]:
    body = await get_json(client, BASE, headers, layer=layer)
    return [item["id"] for item in body["items"]]


async def set_contact(
    client: httpx.AsyncClient, headers: dict[str, str], area_id: int, contact: object
) -> httpx.Response:
    return await client.patch(f"{BASE}/{area_id}", json={"contact": contact}, headers=headers)


def field_errors(answer: httpx.Response) -> list[tuple[str, str]]:
    body = problem(answer, 422)
    return [(e["field"], e["message"]) for e in body["errors"]]


@pytest.fixture
async def places(client: httpx.AsyncClient, admin: dict[str, str]) -> dict[str, int]:
    """The city, its districts and a town with its contact; returns area ids by code."""
    await imported(
        client,
        admin,
        "city",
        collection(feature("24510", "Baltimore", CITY)),
        role="served",
        kind="city",
        name="Baltimore City",
    )
    districts = collection(feature("1", "District 1", WEST), feature("2", "District 2", EAST))
    await imported(client, admin, "districts", districts, kind="council district")
    await imported(
        client,
        admin,
        "towns",
        collection(feature("t1", "Example", TOWN)),
        role="refer",
        kind="town",
    )
    ids: dict[str, int] = {}
    for layer in ("city", "districts", "towns"):
        body = await get_json(client, BASE, admin, layer=layer)
        ids.update({item["code"]: item["id"] for item in body["items"]})
    assert (await set_contact(client, admin, ids["t1"], TOWN_HALL)).status_code == 200
    return ids


# --- import ------------------------------------------------------------------------------------


async def test_an_import_answers_the_counts_and_lists_the_layer(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    body = collection(feature("1", "West", WEST), feature("2", "Bowtie", BOWTIE))
    result = await imported(client, admin, "districts", body, kind="council district")
    assert result == {"layer": "districts", "imported": 2, "replaced": 0, "repaired": 1}
    layers = await get_json(client, f"{BASE}/layers", agent)
    assert layers == {
        "items": [
            {
                "slug": "districts",
                "kind": "council district",
                "role": "info",
                "name": "districts",
                "version": 1,
                "area_count": 2,
            }
        ]
    }


async def test_an_import_as_plain_json_is_accepted_too(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(
        IMPORT,
        params={"layer": "city", "code_property": "id", "name_property": "name", "role": "served"},
        json=collection(feature("24510", "Baltimore", CITY)),
        headers=admin,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"layer": "city", "imported": 1, "replaced": 0, "repaired": 0}


async def test_a_reimport_replaces_the_layer_and_keeps_the_old_version(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int]
) -> None:
    new = collection(feature("1", "North", box(-76.72, 39.29, -76.52, 39.38)))
    result = await imported(client, admin, "districts", new)
    assert result == {"layer": "districts", "imported": 1, "replaced": 2, "repaired": 0}
    layers = {
        layer["slug"]: layer for layer in (await get_json(client, f"{BASE}/layers", admin))["items"]
    }
    assert {k: layers["districts"][k] for k in ("role", "kind", "version", "area_count")} == {
        "role": "info",
        "kind": "council district",
        "version": 2,
        "area_count": 1,
    }
    old = await get_json(client, f"{BASE}/{places['2']}", admin)
    assert old["properties"]["version"] == 1
    assert old["properties"]["current"] is False
    assert old["properties"]["name"] == "District 2"
    listed = await get_json(client, BASE, admin, layer="districts")
    assert [(a["code"], a["name"]) for a in listed["items"]] == [("1", "North")]
    current = await get_json(client, f"{BASE}/{listed['items'][0]['id']}", admin)
    assert (current["properties"]["version"], current["properties"]["current"]) == (2, True)
    areas = (await resolve(client, admin, CITY_HALL))["areas"]
    assert [(a["layer"], a["name"]) for a in areas] == [
        ("city", "Baltimore"),
        ("districts", "North"),
    ]


async def test_an_import_in_another_media_type_is_415(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(
        IMPORT,
        params={"layer": "city", "code_property": "id", "name_property": "name"},
        content=json.dumps(collection(feature("1", "A", CITY))).encode(),
        headers={**admin, "content-type": "text/plain"},
    )
    assert problem(answer, 415)["detail"] == (
        "send the layer as application/geo+json or application/json"
    )
    assert (await get_json(client, f"{BASE}/layers", admin))["items"] == []


# --- bad imports leave the previous version untouched ----------------------------------------


async def snapshot(client: httpx.AsyncClient, headers: dict[str, str]) -> tuple[Any, ...]:
    layers = await get_json(client, f"{BASE}/layers", headers)
    areas = await get_json(client, BASE, headers, limit=1000)
    here = await resolve(client, headers, CITY_HALL, service_code="trm-pothole-repair")
    town = await resolve(client, headers, IN_TOWN)
    return layers, areas, here, town


async def row_count(engine: AsyncEngine) -> int:
    async with engine.connect() as db:
        total = await db.scalar(text("SELECT count(*) FROM jurisdiction_areas"))
    return int(total or 0)


def sixty_mib_chunks() -> AsyncIterator[bytes]:
    """A 60 MiB FeatureCollection, produced chunk by chunk and never held whole."""
    head = b'{"type": "FeatureCollection", "features": ['
    item = json.dumps(feature("x", "X", CITY)).encode() + b","
    chunk = item * (64 * 1024 // len(item))

    async def chunks() -> AsyncIterator[bytes]:
        yield head
        sent = len(head)
        while sent < 60 * MIB:
            yield chunk
            sent += len(chunk)
        yield item[:-1] + b"]}"

    return chunks()


BAD_IMPORTS: list[tuple[str, bytes, dict[str, str], int, list[tuple[str, str]] | str]] = [
    ("invalid JSON", b'{"type": "FeatureCollection", "features": [', {}, 400,
     "the body is not valid JSON"),
    ("a LineString", json.dumps(collection(
        feature("1", "District 1", WEST),
        {"type": "Feature", "properties": {"id": "2", "name": "Line"},
         "geometry": {"type": "LineString", "coordinates": [[-76.6, 39.2], [-76.5, 39.3]]}},
    )).encode(), {}, 422, [("features[1]", "is a LineString, not a Polygon or MultiPolygon")]),
    ("out-of-range coordinates", json.dumps(collection(
        feature("1", "State plane feet", {"type": "Polygon", "coordinates": [[
            [1420000, 590000], [1430000, 590000], [1430000, 600000], [1420000, 590000]]]}),
        feature("2", "District 2", EAST),
    )).encode(), {}, 422,
     [("features[0]", "has a coordinate out of WGS84 range (1420000.0, 590000.0)")]),
    ("NaN coordinates", b'{"type": "FeatureCollection", "features": [{"type": "Feature",'
     b' "properties": {"id": "1", "name": "A"}, "geometry": {"type": "Polygon", "coordinates":'
     b' [[[0, 0], [NaN, 0], [1, 1], [0, 0]]]}}]}', {}, 422,
     [("features[0]", "has a coordinate that is not a finite number")]),
    ("an unknown code property", json.dumps(collection(feature("1", "West", WEST))).encode(),
     {"code_property": "geoid"}, 422,
     [("code_property", "no feature has a property named 'geoid'"),
      ("features[0]", "has no 'geoid' property")]),
    ("an empty collection", json.dumps(collection()).encode(), {}, 422,
     [("features", "the collection holds no features")]),
    ("a bare geometry", json.dumps(geometry_json(WEST)).encode(), {}, 422,
     [("body", "must be a GeoJSON FeatureCollection")]),
    ("a bad slug", json.dumps(collection(feature("1", "West", WEST))).encode(),
     {"layer": "Districts 2012"}, 422, [("layer", "must be a lowercase URL-safe slug")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "params", "status", "expected"),
    [case[1:] for case in BAD_IMPORTS],
    ids=[case[0] for case in BAD_IMPORTS],
)
async def test_a_bad_import_is_refused_and_the_previous_version_stays(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    places: dict[str, int],
    seeded: AsyncEngine,
    body: bytes,
    params: dict[str, str],
    status: int,
    expected: list[tuple[str, str]] | str,
) -> None:
    before, rows = await snapshot(client, admin), await row_count(seeded)
    layer = params.pop("layer", "districts")
    answer = await post_layer(client, admin, layer, body, **params)
    if isinstance(expected, str):
        assert problem(answer, status)["detail"] == expected
    else:
        assert field_errors(answer) == expected
    assert await snapshot(client, admin) == before
    assert await row_count(seeded) == rows == 4


async def test_a_60_mib_streamed_import_is_413_and_changes_nothing(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int], seeded: AsyncEngine
) -> None:
    before = await snapshot(client, admin)
    answer = await client.post(
        IMPORT,
        params={"layer": "districts", "code_property": "id", "name_property": "name"},
        content=sixty_mib_chunks(),
        headers={**admin, **GEOJSON},
    )
    assert answer.request.headers["transfer-encoding"] == "chunked"
    assert problem(answer, 413)["detail"] == f"the body is larger than {IMPORT_LIMIT} bytes"
    assert await snapshot(client, admin) == before
    assert await row_count(seeded) == 4


async def test_a_60_mib_import_declared_by_content_length_is_413_and_changes_nothing(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int], seeded: AsyncEngine
) -> None:
    before = await snapshot(client, admin)
    answer = await client.post(
        IMPORT,
        params={"layer": "districts", "code_property": "id", "name_property": "name"},
        content=sixty_mib_chunks(),
        headers={**admin, **GEOJSON, "content-length": str(60 * MIB)},
    )
    assert answer.request.headers["content-length"] == str(60 * MIB)
    assert "transfer-encoding" not in answer.request.headers
    assert problem(answer, 413)["detail"] == f"the body is larger than {IMPORT_LIMIT} bytes"
    assert answer.headers["connection"] == "close"
    assert await snapshot(client, admin) == before
    assert await row_count(seeded) == 4


async def test_an_import_just_over_the_default_body_limit_is_accepted(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    padded = collection(feature("24510", "Baltimore", CITY))
    padded["features"][0]["properties"]["notes"] = "x" * (2 * MIB)
    result = await imported(client, admin, "city", padded)
    assert result == {"layer": "city", "imported": 1, "replaced": 0, "repaired": 0}


# --- permissions -------------------------------------------------------------------------------

WRITES = [
    ("POST", IMPORT + "?layer=city&code_property=id&name_property=name", collection()),
    ("PATCH", f"{BASE}/layers/towns", {"role": "served"}),
    ("PATCH", f"{BASE}/1", {"contact": {"name": "Someone"}}),
    ("POST", RULES, {"priority": 1, "department": "transportation"}),
    ("PATCH", f"{RULES}/1", {"priority": 1, "department": "transportation"}),
    ("DELETE", f"{RULES}/1", None),
]
READS = [
    f"{BASE}/layers",
    f"{BASE}/layers/towns.geojson",
    BASE,
    f"{BASE}/1",
    RULES,
    f"{RESOLVE}?lat=39.29&long=-76.61",
]


async def send(
    client: httpx.AsyncClient, method: str, url: str, body: object, headers: dict[str, str]
) -> httpx.Response:
    content = None if body is None else json.dumps(body).encode()
    return await client.request(
        method, url, content=content, headers={**headers, "content-type": "application/json"}
    )


@pytest.mark.parametrize("who", ["agent", "staff", "supervisor", "manager"])
async def test_only_admins_write(
    client: httpx.AsyncClient, login: Login, admin: dict[str, str], places: dict[str, int], who: str
) -> None:
    before = await snapshot(client, admin)
    headers = await login(f"{who}@example.org")
    for method, url, body in WRITES:
        answer = await send(client, method, url.replace("/1", f"/{places['t1']}"), body, headers)
        assert problem(answer, 403)["detail"] == "only administrators may do this", url
    assert await snapshot(client, admin) == before


async def test_calls_without_a_token_are_401(client: httpx.AsyncClient) -> None:
    calls = [*WRITES, *[("GET", url, None) for url in READS]]
    for method, url, body in calls:
        answer = await send(client, method, url, body, {})
        assert problem(answer, 401)["detail"] == "sign in: send an Authorization: Bearer token"
        assert answer.headers["www-authenticate"] == "Bearer"
        bad_token = await send(client, method, url, body, {"Authorization": "Bearer nonsense"})
        problem(bad_token, 401)


async def test_any_signed_in_user_may_read(
    client: httpx.AsyncClient, staff: dict[str, str], places: dict[str, int]
) -> None:
    for url in READS:
        answer = await client.get(url.replace(f"{BASE}/1", f"{BASE}/{places['t1']}"), headers=staff)
        assert answer.status_code == 200, (url, answer.text)


# --- reads -------------------------------------------------------------------------------------


async def test_layers_list_every_layer_with_role_kind_version_and_count(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    layers = (await get_json(client, f"{BASE}/layers", agent))["items"]
    assert [
        tuple(layer[k] for k in ("slug", "role", "kind", "name", "version", "area_count"))
        for layer in layers
    ] == [
        ("city", "served", "city", "Baltimore City", 1, 1),
        ("districts", "info", "council district", "districts", 1, 2),
        ("towns", "refer", "town", "towns", 1, 1),
    ]


async def test_areas_are_listed_without_geometry_by_layer_and_code(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    everything = (await get_json(client, BASE, agent))["items"]
    assert [(a["layer"], a["code"]) for a in everything] == [
        ("city", "24510"),
        ("districts", "1"),
        ("districts", "2"),
        ("towns", "t1"),
    ]
    assert everything[3] == {
        "id": places["t1"],
        "layer": "towns",
        "code": "t1",
        "name": "Example",
        "properties": {"id": "t1", "name": "Example"},
        "contact": TOWN_HALL,
    }
    assert all("geometry" not in a for a in everything)
    page = (await get_json(client, BASE, agent, limit=2, offset=1))["items"]
    assert [a["code"] for a in page] == ["1", "2"]
    assert (await get_json(client, BASE, agent, layer="nowhere"))["items"] == []
    problem(await client.get(BASE, params={"limit": 0}, headers=agent), 422)


async def test_one_area_is_a_geojson_feature(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    answer = await client.get(f"{BASE}/{places['t1']}", headers=agent)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/geo+json"
    body = answer.json()
    assert {k: v for k, v in body.items() if k != "geometry"} == {
        "type": "Feature",
        "id": places["t1"],
        "properties": {
            "layer": "towns",
            "code": "t1",
            "name": "Example",
            "version": 1,
            "current": True,
            "contact": TOWN_HALL,
            "source": {"id": "t1", "name": "Example"},
        },
    }
    assert shape(body["geometry"]).equals(TOWN)
    assert problem(await client.get(f"{BASE}/999999", headers=agent), 404)["detail"] == (
        "area 999999 was not found"
    )


async def test_a_layer_as_geojson_and_simplified(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    circle = Point(-76.61, 39.29).buffer(0.05, quad_segs=64)
    await imported(client, admin, "circle", collection(feature("c", "Circle", circle)))
    answer = await client.get(f"{BASE}/layers/circle.geojson", headers=admin)
    assert answer.headers["content-type"] == "application/geo+json"
    full = answer.json()
    assert full["type"] == "FeatureCollection"
    assert [f["properties"]["code"] for f in full["features"]] == ["c"]
    assert shape(full["features"][0]["geometry"]).equals(circle)

    simple = await get_json(client, f"{BASE}/layers/circle.geojson", admin, simplify=500)
    expected = shapely.simplify(circle, 500 / 111_320.0)
    simplified = shape(simple["features"][0]["geometry"])
    assert simplified.equals(expected)
    assert len(simplified.exterior.coords) == len(expected.exterior.coords)
    assert len(expected.exterior.coords) < len(circle.exterior.coords) == 257

    assert (
        problem(await client.get(f"{BASE}/layers/nowhere.geojson", headers=admin), 404)["detail"]
        == "layer nowhere was not found"
    )
    too_much = await client.get(f"{BASE}/layers/circle.geojson?simplify=1001", headers=admin)
    problem(too_much, 422)


# --- edits -------------------------------------------------------------------------------------


async def test_an_area_contact_is_set_and_cleared_and_reaches_the_resolver(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int]
) -> None:
    assert (await resolve(client, admin, IN_TOWN))["responsible"]["referral"] == TOWN_HALL
    answer = await set_contact(client, admin, places["t1"], {**SHA, "email": "sha@example.org"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["contact"] == {**SHA, "email": "sha@example.org", "url": None}
    assert (await resolve(client, admin, IN_TOWN))["responsible"]["referral"]["name"] == SHA["name"]

    cleared = await set_contact(client, admin, places["t1"], None)
    assert cleared.json()["contact"] is None
    fallback = (await resolve(client, admin, IN_TOWN))["responsible"]["referral"]
    assert fallback == {"name": "Example", "phone": None, "url": None, "email": None}

    empty = await set_contact(client, admin, places["t1"], {})
    assert empty.json()["contact"] is None
    assert problem(await set_contact(client, admin, 999999, SHA), 404)["detail"] == (
        "area 999999 was not found"
    )
    assert field_errors(await set_contact(client, admin, places["t1"], {"fax": "1"})) == [
        ("contact.fax", "Extra inputs are not permitted")
    ]


async def test_a_layer_role_change_reaches_the_resolver(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int]
) -> None:
    assert (await resolve(client, admin, IN_TOWN))["responsible"]["kind"] == "referral"
    answer = await client.patch(f"{BASE}/layers/towns", json={"role": "info"}, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "slug": "towns",
        "kind": "town",
        "role": "info",
        "name": "towns",
        "version": 1,
        "area_count": 1,
    }
    town = await resolve(client, admin, IN_TOWN, service_code="trm-pothole-repair")
    assert town["responsible"] == {
        "kind": "department",
        "department": "transportation",
        "referral": None,
    }
    missing = await client.patch(f"{BASE}/layers/nowhere", json={"role": "info"}, headers=admin)
    assert problem(missing, 404)["detail"] == "layer nowhere was not found"
    bad = await client.patch(f"{BASE}/layers/towns", json={"role": "owner"}, headers=admin)
    assert [f for f, _ in field_errors(bad)] == ["role"]


# --- resolve -----------------------------------------------------------------------------------


async def test_resolve_names_the_areas_the_department_and_why(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    body = await resolve(client, agent, CITY_HALL, service_code="sw-dirty-street")
    assert body == {
        "areas": [
            {"id": places["24510"], "layer": "city", "code": "24510", "name": "Baltimore"},
            {"id": places["2"], "layer": "districts", "code": "2", "name": "District 2"},
        ],
        "responsible": {"kind": "department", "department": "solid-waste", "referral": None},
        "explanation": "The point lies in Baltimore (city), which we serve; "
        "Dirty street is handled by Solid Waste.",
    }


async def test_resolve_in_a_refer_area_gives_its_contact(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    body = await resolve(client, agent, IN_TOWN, service_code="trm-pothole-repair")
    assert [a["layer"] for a in body["areas"]] == ["city", "districts", "towns"]
    assert body["responsible"] == {"kind": "referral", "department": None, "referral": TOWN_HALL}
    assert body["explanation"] == (
        "The point lies in Example (town), which handles its own requests: "
        "refer the caller to Town of Example (sample)."
    )


async def test_resolve_outside_every_area_says_nobody_is_known(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    body = await resolve(client, agent, OUTSIDE)
    assert body == {
        "areas": [],
        "responsible": {"kind": "none", "department": None, "referral": None},
        "explanation": "This point is outside the areas we serve, "
        "and no other government is known for it.",
    }


async def test_without_layers_every_point_is_ours(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    body = await resolve(client, agent, OUTSIDE, service_code="trm-pothole-repair")
    assert body == {
        "areas": [],
        "responsible": {"kind": "department", "department": "transportation", "referral": None},
        "explanation": "We serve here; Pothole is handled by Transportation.",
    }


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lat": 91, "long": 0}, "lat"),
        ({"lat": 0, "long": -180.5}, "long"),
        ({"lat": "nan", "long": 0}, "lat"),
        ({"lat": 39.29}, "long"),
        ({"lat": "north", "long": 0}, "lat"),
    ],
)
async def test_resolve_refuses_bad_points(
    client: httpx.AsyncClient, agent: dict[str, str], params: dict[str, Any], field: str
) -> None:
    answer = await client.get(RESOLVE, params=params, headers=agent)
    assert [f for f, _ in field_errors(answer)] == [field]


async def test_resolve_with_an_unknown_service_is_404(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(RESOLVE, params={**CITY_HALL, "service_code": "nope"}, headers=agent)
    assert problem(answer, 404)["detail"] == "service nope was not found"


async def test_batch_resolve_answers_in_the_order_of_the_points(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    points: list[dict[str, object]] = [
        {**IN_TOWN, "service_code": "trm-pothole-repair"},
        {**OUTSIDE},
        {**CITY_HALL, "service_code": "sw-dirty-street"},
        {**WEST_SIDE, "service_code": "trm-pothole-repair"},
        {**CITY_HALL},
    ]
    answer = await client.post(RESOLVE, json={"points": points}, headers=agent)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    singles = []
    for point in points:
        params = {k: str(v) for k, v in point.items()}
        singles.append(await get_json(client, RESOLVE, agent, **params))
    assert results == singles
    assert [(r["responsible"]["kind"], r["responsible"]["department"]) for r in results] == [
        ("referral", None),
        ("none", None),
        ("department", "solid-waste"),
        ("department", "transportation"),
        ("department", None),
    ]


async def test_batch_resolve_takes_up_to_1000_points(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    points = [
        {"lat": 39.2 + i * 0.00017, "long": -76.7 + i * 0.00017, "service_code": "sw-recycling"}
        for i in range(1000)
    ]
    answer = await client.post(RESOLVE, json={"points": points}, headers=agent)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert len(results) == 1000
    for point, result in zip(points, results, strict=True):
        inside = CITY.covers(Point(point["long"], point["lat"]))
        in_town = TOWN.covers(Point(point["long"], point["lat"]))
        expected = "referral" if in_town else "department" if inside else "none"
        assert result["responsible"]["kind"] == expected
    too_many = await client.post(RESOLVE, json={"points": points + points[:1]}, headers=agent)
    assert [f for f, _ in field_errors(too_many)] == ["points"]
    none = await client.post(RESOLVE, json={"points": []}, headers=agent)
    assert [f for f, _ in field_errors(none)] == ["points"]


async def test_batch_resolve_with_unknown_services_is_404(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    points = [{**CITY_HALL, "service_code": "zz"}, {**CITY_HALL, "service_code": "aa"}]
    answer = await client.post(RESOLVE, json={"points": points}, headers=agent)
    assert problem(answer, 404)["detail"] == "unknown service codes: aa, zz"


# --- routing rules -----------------------------------------------------------------------------


async def test_routing_rules_are_created_listed_changed_and_deleted(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int]
) -> None:
    rule = {
        "priority": 5,
        "service_group": "Sanitation",
        "layer": "towns",
        "department": "solid-waste",
        "description": "the city collects trash in the town",
    }
    created = await client.post(RULES, json=rule, headers=admin)
    assert created.status_code == 201, created.text
    stored = created.json()
    assert stored == {
        **rule,
        "id": stored["id"],
        "referral": None,
        "refer_to_area_contact": False,
        "service_code": None,
        "area_id": None,
    }
    catch_all = await client.post(
        RULES, json={"priority": 1, "service_code": "sw-recycling", "referral": SHA}, headers=admin
    )
    assert catch_all.status_code == 201, catch_all.text
    listed = (await get_json(client, RULES, admin))["items"]
    assert [r["id"] for r in listed] == [catch_all.json()["id"], stored["id"]]

    trash = await resolve(client, admin, IN_TOWN, service_code="sw-dirty-street")
    assert trash["responsible"]["department"] == "solid-waste"
    # The rule's department is named by its code: LiveJurisdictions passes no department names.
    assert trash["explanation"].startswith(
        f"By routing rule {stored['id']} (the city collects trash in the town), Dirty street in "
        "Example (town) is handled by "
    )
    recycling = await resolve(client, admin, CITY_HALL, service_code="sw-recycling")
    assert recycling["responsible"]["referral"] == {**SHA, "url": None, "email": None}

    changed = await client.patch(
        f"{RULES}/{stored['id']}",
        json={**rule, "department": "housing", "priority": 0},
        headers=admin,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["department"] == "housing"
    listed = (await get_json(client, RULES, admin))["items"]
    assert [r["id"] for r in listed] == [stored["id"], catch_all.json()["id"]]
    trash = await resolve(client, admin, IN_TOWN, service_code="sw-dirty-street")
    assert trash["responsible"]["department"] == "housing"

    deleted = await client.delete(f"{RULES}/{stored['id']}", headers=admin)
    assert deleted.status_code == 204
    again = await client.delete(f"{RULES}/{stored['id']}", headers=admin)
    assert problem(again, 404)["detail"] == f"routing rule {stored['id']} was not found"
    missing = await client.patch(f"{RULES}/{stored['id']}", json=rule, headers=admin)
    assert problem(missing, 404)["detail"] == f"routing rule {stored['id']} was not found"
    trash = await resolve(client, admin, IN_TOWN, service_code="sw-dirty-street")
    assert trash["responsible"]["kind"] == "referral"


TARGET = ("target", "give exactly one of department, referral or refer_to_area_contact")
HOUSING = {"priority": 1, "department": "housing"}
BAD_RULES: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"priority": 1}, [TARGET]),
    ({**HOUSING, "referral": SHA}, [TARGET]),
    (
        {**HOUSING, "service_code": "sw-recycling", "service_group": "Sanitation"},
        [("service_group", "give a service code or a group, not both")],
    ),
    (
        {"priority": 1, "referral": SHA, "layer": "towns", "area_id": 1},
        [("area_id", "give a layer or an area, not both")],
    ),
    (
        {"priority": 1, "refer_to_area_contact": True},
        [("refer_to_area_contact", "needs a layer or an area")],
    ),
    (
        {"priority": 1, "referral": {"phone": "1"}},
        [("referral.name", "a referral needs the agency's name")],
    ),
    ({"priority": 1, "department": "parks"}, [("department", "is not a known department")]),
    ({**HOUSING, "service_code": "nope"}, [("service_code", "is not a known service")]),
    ({**HOUSING, "layer": "rivers"}, [("layer", "is not a known layer")]),
    ({**HOUSING, "area_id": 999999}, [("area_id", "is not a known area")]),
    ({**HOUSING, "priority": -1}, [("priority", "Input should be greater than or equal to 0")]),
    ({**HOUSING, "owner": "me"}, [("owner", "Extra inputs are not permitted")]),
    ({"department": "housing"}, [("priority", "Field required")]),
]


@pytest.mark.parametrize(("body", "errors"), BAD_RULES)
async def test_bad_routing_rules_are_refused(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    body: dict[str, Any],
    errors: list[tuple[str, str]],
) -> None:
    answer = await client.post(RULES, json=body, headers=admin)
    assert field_errors(answer) == errors
    assert (await get_json(client, RULES, admin))["items"] == []


# --- state roads: a synthetic corridor and a rule for road work --------------------------------


@pytest.fixture
async def state_road(
    client: httpx.AsyncClient, admin: dict[str, str], places: dict[str, int]
) -> int:
    """A state-road corridor through City Hall, referred for Streets services only."""
    await imported(
        client,
        admin,
        "state-roads",
        collection(feature("us-40", "US 40", CORRIDOR)),
        kind="state road",
    )
    (road,) = await area_ids(client, admin, "state-roads")
    assert (await set_contact(client, admin, road, SHA)).status_code == 200
    rule = {
        "priority": 10,
        "service_group": "Streets",
        "layer": "state-roads",
        "refer_to_area_contact": True,
        "description": "state roads",
    }
    answer = await client.post(RULES, json=rule, headers=admin)
    assert answer.status_code == 201, answer.text
    rule_id: int = answer.json()["id"]
    return rule_id


SHA_OUT = {**SHA, "url": None, "email": None}


async def test_a_pothole_on_a_state_road_is_referred_and_other_services_are_not(
    client: httpx.AsyncClient, agent: dict[str, str], state_road: int
) -> None:
    pothole = await resolve(client, agent, CITY_HALL, service_code="trm-pothole-repair")
    assert pothole["responsible"] == {"kind": "referral", "department": None, "referral": SHA_OUT}
    assert pothole["explanation"] == (
        f"By routing rule {state_road} (state roads), requests in US 40 (state road) go to "
        "State Highway Administration (sample)."
    )
    street = await resolve(client, agent, CITY_HALL, service_code="sw-dirty-street")
    assert street["responsible"] == {
        "kind": "department",
        "department": "solid-waste",
        "referral": None,
    }
    off_road = await resolve(client, agent, WEST_SIDE, service_code="trm-pothole-repair")
    assert off_road["responsible"]["department"] == "transportation"


async def test_a_pothole_request_on_a_state_road_is_refused_with_the_referral(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, state_road: int
) -> None:
    answer = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    body = problem(answer, 422)
    assert body["type"] == "urn:frontdoor:problem:out-of-jurisdiction"
    assert body["title"] == "Outside our jurisdiction"
    assert body["referral"] == SHA_OUT
    assert [a["layer"] for a in body["areas"]] == ["city", "districts", "state-roads"]
    assert body["instance"] == "/api/v1/requests"
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM service_requests")) == 0
    other = pothole_body(service_code="sw-dirty-street", attributes={})
    created = await client.post("/api/v1/requests", json=other, headers=agent)
    assert created.status_code == 201, created.text
    assert created.json()["department"] == "solid-waste"
    assert [a["layer"] for a in created.json()["areas"]] == ["city", "districts", "state-roads"]


async def test_services_offered_on_a_state_road_leave_out_the_road_services(
    client: httpx.AsyncClient, agent: dict[str, str], state_road: int
) -> None:
    everything = {
        s["code"]: s for s in (await get_json(client, "/api/v1/services", agent))["items"]
    }
    on_road = await get_json(client, "/api/v1/services", agent, **CITY_HALL)
    assert {s["code"] for s in on_road["items"]} == {
        code for code, s in everything.items() if s["group"] != "Streets"
    }
    off_road = await get_json(client, "/api/v1/services", agent, **WEST_SIDE)
    assert {s["code"] for s in off_road["items"]} == set(everything)
    assert len(everything) == 31
    assert len(on_road["items"]) == 31 - 5  # five services in the Streets group
    assert (await get_json(client, "/api/v1/services", agent, **IN_TOWN))["items"] == []
    assert (await get_json(client, "/api/v1/services", agent, **OUTSIDE))["items"] == []


async def test_a_refer_road_layer_refers_every_service(
    client: httpx.AsyncClient, admin: dict[str, str], state_road: int
) -> None:
    answer = await client.patch(f"{BASE}/layers/state-roads", json={"role": "refer"}, headers=admin)
    assert answer.status_code == 200, answer.text
    street = await resolve(client, admin, CITY_HALL, service_code="sw-dirty-street")
    assert street["responsible"]["referral"] == SHA_OUT


# --- requests with a point ---------------------------------------------------------------------


async def test_a_request_in_a_refer_area_is_422_out_of_jurisdiction_and_writes_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, places: dict[str, int]
) -> None:
    answer = await client.post(
        "/api/v1/requests", json=pothole_body(location=IN_TOWN), headers=agent
    )
    body = problem(answer, 422)
    assert body == {
        "type": "urn:frontdoor:problem:out-of-jurisdiction",
        "title": "Outside our jurisdiction",
        "status": 422,
        "detail": "The point lies in Example (town), which handles its own requests: "
        "refer the caller to Town of Example (sample).",
        "instance": "/api/v1/requests",
        "referral": TOWN_HALL,
        "areas": [
            {"id": places["24510"], "layer": "city", "code": "24510", "name": "Baltimore"},
            {"id": places["1"], "layer": "districts", "code": "1", "name": "District 1"},
            {"id": places["t1"], "layer": "towns", "code": "t1", "name": "Example"},
        ],
    }
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM service_requests")) == 0
        assert await db.scalar(text("SELECT count(*) FROM request_timeline")) == 0


async def test_a_request_outside_every_known_area_is_422_without_a_referral(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    answer = await client.post(
        "/api/v1/requests", json=pothole_body(location=OUTSIDE), headers=agent
    )
    body = problem(answer, 422)
    assert body["type"] == "urn:frontdoor:problem:out-of-jurisdiction"
    assert body["referral"] is None
    assert body["areas"] == []


async def test_a_request_in_the_city_keeps_its_areas(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    assert created.json()["areas"] == [
        {"id": places["24510"], "layer": "city", "code": "24510", "name": "Baltimore"},
        {"id": places["2"], "layer": "districts", "code": "2", "name": "District 2"},
    ]
    assert created.json()["department"] == "transportation"


# --- the catalog at a point --------------------------------------------------------------------


async def test_services_at_a_point_are_those_offered_there(
    client: httpx.AsyncClient, agent: dict[str, str], places: dict[str, int]
) -> None:
    everything = (await get_json(client, "/api/v1/services", agent))["items"]
    in_city = await get_json(client, "/api/v1/services", agent, **CITY_HALL)
    assert in_city["items"] == everything
    assert (await get_json(client, "/api/v1/services", agent, **IN_TOWN))["items"] == []
    half = await client.get("/api/v1/services", params={"lat": 39.29}, headers=agent)
    assert field_errors(half) == [("lat", "lat and long go together")]
