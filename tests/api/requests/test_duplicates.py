"""Duplicates through the API: possible duplicates on creation, nearby, candidates, merging.

Scores (see domain/requests/duplicates.py): 0.5 * (1 - d / radius) + 0.2 * (1 - age / 30 days)
+ 0.3 * text; without a description, (0.5 * nearness + 0.2 * recency) / 0.7. Requests made in
one test are milliseconds apart, so their age counts as zero to three decimals.
"""

import math
from typing import Any

import httpx
import pytest

from domain.requests.duplicates import EARTH_RADIUS_M
from tests.api.conftest import BALTIMORE, pothole_body
from tests.problems import problem

REQUESTS = "/api/v1/requests"
NEARBY = f"{REQUESTS}/nearby"
SUMMARY = (
    "id",
    "service_code",
    "department",
    "status",
    "description",
    "location",
    "requested_at",
    "expected_datetime",
)


def north(metres: float, address: str | None = None) -> dict[str, Any]:
    lat = BALTIMORE["lat"] + math.degrees(metres / EARTH_RADIUS_M)  # type: ignore[operator]
    return {"lat": lat, "long": BALTIMORE["long"], "address": address}


async def create(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> Any:
    answer = await client.post(REQUESTS, json=pothole_body(**body), headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def item(created: dict[str, Any], distance_m: float, score: float) -> dict[str, Any]:
    return {
        "request": {key: created[key] for key in SUMMARY},
        "distance_m": distance_m,
        "score": score,
    }


def field_errors(answer: httpx.Response) -> list[tuple[str, str]]:
    return [(e["field"], e["message"]) for e in problem(answer, 422)["errors"]]


# --- possible duplicates on creation ---------------------------------------------------------


async def test_creation_lists_the_open_requests_it_may_repeat(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await create(client, agent)
    assert first["possible_duplicates"] == []
    assert first["duplicate_of"] is None
    street = await create(
        client, agent, service_code="trm-street-repairs", attributes={}, location=north(60)
    )
    await create(client, agent, service_code="trs-parking-complaint", attributes={})
    await create(client, agent, location=north(400))
    again = await create(client, agent, location=north(30))
    # both 30 m away with the same text: the pothole 0.4 + 0.2 + 0.3, the street repair (same
    # group, another service) 0.9 * 0.8; the parking complaint (another group) and the pothole
    # 370 m away are left out
    assert again["possible_duplicates"] == [
        item(first, 30.0, 0.9),
        item(street, 30.0, 0.72),
    ]


async def test_possible_duplicates_skip_requests_without_a_point_or_closed(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await create(client, agent)
    closed = await client.post(
        f"{REQUESTS}/{first['id']}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**agent, "If-Match": '"v1"'},
    )
    assert closed.status_code == 200, closed.text
    assert (await create(client, agent))["possible_duplicates"] == []
    assert (await create(client, agent, location=None))["possible_duplicates"] == []


# --- nearby ----------------------------------------------------------------------------------


async def test_nearby_lists_everything_around_a_point_without_a_threshold(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    near = await create(client, agent, location=north(30))
    edge = await create(client, agent, location=north(140))
    await create(client, agent, location=north(160))
    params: dict[str, Any] = {
        "lat": BALTIMORE["lat"],
        "long": BALTIMORE["long"],
        "service_code": "trm-pothole-repair",
    }
    answer = await client.get(NEARBY, params=params, headers=agent)
    assert answer.status_code == 200, answer.text
    # (0.5 * 0.8 + 0.2) / 0.7 and (0.5 * 1 / 15 + 0.2) / 0.7
    assert answer.json() == {"items": [item(near, 30.0, 0.857), item(edge, 140.0, 0.333)]}
    wider = await client.get(NEARBY, params={**params, "radius_m": 300, "limit": 2}, headers=agent)
    assert [i["request"]["id"] for i in wider.json()["items"]] == [near["id"], edge["id"]]


async def test_department_staff_see_only_their_departments_requests_nearby(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    alley = await create(client, agent, service_code="sw-dirty-alley", attributes={})
    pothole = await create(client, agent)
    where = {"lat": BALTIMORE["lat"], "long": BALTIMORE["long"]}
    for headers, code, expected in [
        (agent, "sw-dirty-alley", [alley["id"]]),
        (staff, "sw-dirty-alley", []),
        (staff, "trm-pothole-repair", [pothole["id"]]),
    ]:
        answer = await client.get(NEARBY, params={**where, "service_code": code}, headers=headers)
        assert [i["request"]["id"] for i in answer.json()["items"]] == expected


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        (
            {"lat": 91},
            [("lat", "Input should be less than or equal to 90")],
        ),
        (
            {"long": "east"},
            [("long", "Input should be a valid number, unable to parse string as a number")],
        ),
        ({"service_code": "no-such-service"}, [("service_code", "is not a known service")]),
        ({"radius_m": 0}, [("radius_m", "Input should be greater than 0")]),
        ({"radius_m": 2001}, [("radius_m", "Input should be less than or equal to 2000")]),
        ({"limit": 51}, [("limit", "Input should be less than or equal to 50")]),
        ({"service_code": None}, [("service_code", "Field required")]),
    ],
)
async def test_nearby_refuses_bad_input(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    params: dict[str, Any],
    errors: list[tuple[str, str]],
) -> None:
    query = {"lat": 39.29, "long": -76.61, "service_code": "trm-pothole-repair", **params}
    query = {k: v for k, v in query.items() if v is not None}
    assert field_errors(await client.get(NEARBY, params=query, headers=agent)) == errors


async def test_nearby_needs_a_token(client: httpx.AsyncClient) -> None:
    params = {"lat": 39.29, "long": -76.61, "service_code": "trm-pothole-repair"}
    problem(await client.get(NEARBY, params=params), 401)


# --- a service's own radius ------------------------------------------------------------------


async def test_a_services_duplicate_radius_is_set_used_and_reset(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    service = "/api/v1/services/trm-pothole-repair"
    near = await create(client, agent, location=north(30))
    await create(client, agent, location=north(60))
    narrowed = await client.patch(service, json={"duplicate_radius_m": 40}, headers=admin)
    assert narrowed.json()["duplicate_radius_m"] == 40.0
    unchanged = await client.patch(service, json={"name": "Pothole"}, headers=admin)
    assert unchanged.json()["duplicate_radius_m"] == 40.0
    again = await create(client, agent)
    # 30 of 40 m: 0.5 * 0.25 + 0.2 + 0.3
    assert again["possible_duplicates"] == [item(near, 30.0, 0.625)]

    reset = await client.patch(service, json={"duplicate_radius_m": None}, headers=admin)
    assert reset.json()["duplicate_radius_m"] is None
    listed = (await create(client, agent))["possible_duplicates"]
    assert [i["distance_m"] for i in listed] == [0.0, 30.0, 60.0]


@pytest.mark.parametrize(
    ("radius", "message"),
    [
        (0, "Input should be greater than 0"),
        (2500, "Input should be less than or equal to 2000"),
        ("far", "Input should be a valid number, unable to parse string as a number"),
    ],
)
async def test_a_duplicate_radius_out_of_bounds_is_422(
    client: httpx.AsyncClient, admin: dict[str, str], radius: object, message: str
) -> None:
    answer = await client.patch(
        "/api/v1/services/trm-pothole-repair", json={"duplicate_radius_m": radius}, headers=admin
    )
    assert field_errors(answer) == [("duplicate_radius_m", message)]


# --- candidates of an existing request -------------------------------------------------------


async def test_duplicates_of_a_request_look_both_ways_and_leave_it_out(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await create(client, agent)
    second = await create(client, agent, location=north(30))
    silent = await create(client, agent, location=None)
    answer = await client.get(f"{REQUESTS}/{first['id']}/duplicates", headers=agent)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"items": [item(second, 30.0, 0.9)]}
    of_second = await client.get(f"{REQUESTS}/{second['id']}/duplicates", headers=agent)
    assert of_second.json() == {"items": [item(first, 30.0, 0.9)]}
    of_silent = await client.get(f"{REQUESTS}/{silent['id']}/duplicates", headers=agent)
    assert of_silent.json() == {"items": []}


async def test_duplicates_of_a_hidden_or_unknown_request_are_404(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    alley = await create(client, agent, service_code="sw-dirty-alley", attributes={})
    hidden = await client.get(f"{REQUESTS}/{alley['id']}/duplicates", headers=staff)
    assert problem(hidden, 404)["detail"] == f"service request {alley['id']} was not found"
    unknown = await client.get(f"{REQUESTS}/26-99999999/duplicates", headers=agent)
    assert problem(unknown, 404)["detail"] == "service request 26-99999999 was not found"


# --- merging ---------------------------------------------------------------------------------


async def merge(
    client: httpx.AsyncClient, headers: dict[str, str], request_id: str, into: str, tag: str | None
) -> httpx.Response:
    if_match = {} if tag is None else {"If-Match": tag}
    return await client.post(
        f"{REQUESTS}/{request_id}/merge", json={"into": into}, headers={**headers, **if_match}
    )


async def timeline(client: httpx.AsyncClient, headers: dict[str, str], request_id: str) -> Any:
    answer = await client.get(f"{REQUESTS}/{request_id}/timeline", headers=headers)
    return [(e["kind"], e["visibility"], e["data"]) for e in answer.json()["items"]]


async def test_merging_closes_links_and_records_it_on_both_requests(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    parent = await create(client, agent)
    child = await create(client, agent, location=north(30))
    merged = await merge(client, agent, child["id"], parent["id"], '"v1"')
    assert merged.status_code == 200, merged.text
    assert merged.headers["ETag"] == '"v2"'
    body = merged.json()
    assert (body["status"], body["close_reason"], body["duplicate_of"], body["version"]) == (
        "closed",
        "duplicate",
        parent["id"],
        2,
    )
    assert body["closed_at"] is not None
    read = await client.get(f"{REQUESTS}/{child['id']}", headers=agent)
    assert read.json() == body
    parent_now = await client.get(f"{REQUESTS}/{parent['id']}", headers=agent)
    assert (parent_now.headers["ETag"], parent_now.json()["status"]) == ('"v2"', "new")
    assert await timeline(client, agent, child["id"]) == [
        ("created", "public", {"status": "new", "channel": "phone"}),
        ("status", "public", {"from": "new", "to": "closed", "reason": "duplicate"}),
        ("merge", "public", {"into": parent["id"]}),
    ]
    assert (await timeline(client, agent, parent["id"]))[1:] == [
        ("merge", "public", {"from": child["id"]})
    ]
    # the merged request is no longer a candidate
    candidates = await client.get(f"{REQUESTS}/{parent['id']}/duplicates", headers=agent)
    assert candidates.json() == {"items": []}


async def test_department_staff_merge_their_own_departments_requests(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    parent = await create(client, agent)
    child = await create(client, agent)
    merged = await merge(client, staff, child["id"], parent["id"], '"v1"')
    assert merged.status_code == 200, merged.text
    assert merged.json()["duplicate_of"] == parent["id"]


async def test_merge_refusals(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    parent = await create(client, agent)
    child = await create(client, agent)
    third = await create(client, agent)
    alley = await create(client, agent, service_code="sw-dirty-alley", attributes={})
    unknown = "26-99999999"

    missing = problem(await merge(client, agent, child["id"], parent["id"], None), 428)
    assert missing["detail"] == "send If-Match with the ETag of the request you read"
    stale = problem(await merge(client, agent, child["id"], parent["id"], '"v7"'), 412)
    assert stale["detail"] == "the request was changed by someone else; read it again"
    for request_id, into, tag in [(child["id"], unknown, None), (unknown, parent["id"], '"v1"')]:
        gone = problem(await merge(client, agent, request_id, into, tag), 404)
        assert gone["detail"] == f"service request {unknown} was not found"
    # staff cannot see the solid-waste request: 404, as if it did not exist (there is no 403:
    # merging needs what a transition needs, and whoever may see a request may work it)
    hidden = problem(await merge(client, staff, child["id"], alley["id"], '"v1"'), 404)
    assert hidden["detail"] == f"service request {alley['id']} was not found"
    itself = await merge(client, agent, child["id"], child["id"], '"v1"')
    assert field_errors(itself) == [("into", "a request cannot be merged into itself")]

    assert (await merge(client, agent, child["id"], parent["id"], '"v1"')).status_code == 200
    twice = problem(await merge(client, agent, child["id"], parent["id"], '"v2"'), 409)
    assert twice["detail"] == "a closed request cannot be merged; reopen it first"
    chained = problem(await merge(client, agent, third["id"], child["id"], '"v1"'), 409)
    assert chained["detail"] == (
        f"request {child['id']} is itself a duplicate of {parent['id']}; merge into {parent['id']}"
    )
    assert (await client.get(f"{REQUESTS}/{third['id']}", headers=agent)).json()["version"] == 1


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, [("into", "Field required")]),
        ({"into": ""}, [("into", "String should have at least 1 character")]),
        ({"into": "x" * 65}, [("into", "String should have at most 64 characters")]),
        (
            {"into": "26-00000001", "reason": "dup"},
            [("reason", "Extra inputs are not permitted")],
        ),
    ],
)
async def test_a_malformed_merge_body_is_422(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    body: dict[str, Any],
    errors: list[tuple[str, str]],
) -> None:
    created = await create(client, agent)
    answer = await client.post(
        f"{REQUESTS}/{created['id']}/merge", json=body, headers={**agent, "If-Match": '"v1"'}
    )
    assert field_errors(answer) == errors


async def test_merging_needs_a_token(client: httpx.AsyncClient) -> None:
    answer = await client.post(f"{REQUESTS}/26-00000001/merge", json={"into": "26-00000002"})
    problem(answer, 401)
