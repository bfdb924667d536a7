"""The service catalog and departments: reading, adding, validating, deactivating."""

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import pothole_body
from tests.problems import problem

SERVICES = "/api/v1/services"
DEPARTMENTS = "/api/v1/departments"
CATALOG = json.loads(
    (Path(__file__).parents[3] / "adapters" / "demo" / "catalog.json").read_text(encoding="utf-8")
)

BRIDGE: dict[str, Any] = {
    "code": "trm-bridge-damage",
    "name": "Bridge damage",
    "department": "transportation",
    "sla": {"target_hours": 48, "calendar": "24x7", "pauses_on_hold": False},
    "type_name": "TRM-Bridge Damage",
    "description": "Damage to a bridge or overpass.",
    "group": "Streets",
    "keywords": ["bridge", "overpass"],
    "attributes": [
        {
            "code": "severity",
            "datatype": "singlevaluelist",
            "description": "How bad is it?",
            "required": True,
            "order": 1,
            "values": [
                {"key": "cosmetic", "name": "Cosmetic"},
                {"key": "structural", "name": "Structural"},
            ],
        },
        {
            "code": "damage",
            "datatype": "multivaluelist",
            "description": "What is damaged?",
            "order": 2,
            "values": [
                {"key": "railing", "name": "Railing"},
                {"key": "deck", "name": "Deck"},
                {"key": "support", "name": "Support"},
            ],
        },
        {
            "code": "span_count",
            "datatype": "number",
            "description": "How many spans?",
            "order": 3,
        },
        {
            "code": "noticed_at",
            "datatype": "datetime",
            "description": "When did you notice it?",
            "order": 4,
        },
        {
            "code": "safety_notice",
            "datatype": "string",
            "description": "Stay off damaged bridges.",
            "variable": False,
            "order": 0,
        },
    ],
}


def attribute_out(definition: dict[str, Any]) -> dict[str, Any]:
    """An attribute definition as the API answers it, defaults filled in."""
    return {
        "code": definition["code"],
        "datatype": definition["datatype"],
        "description": definition.get("description", ""),
        "variable": definition.get("variable", True),
        "required": definition.get("required", False),
        "order": definition.get("order", 0),
        "datatype_description": definition.get("datatype_description", ""),
        "values": definition.get("values", []),
    }


async def add_bridge(client: httpx.AsyncClient, admin: dict[str, str]) -> dict[str, Any]:
    answer = await client.post(SERVICES, json=BRIDGE, headers=admin)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


# --- reading ---------------------------------------------------------------------------------


async def test_list_services_has_the_demo_catalog_grouped_and_named(
    client: httpx.AsyncClient, staff: dict[str, str]
) -> None:
    answer = await client.get(SERVICES, headers=staff)
    assert answer.status_code == 200
    items = answer.json()["items"]
    expected = sorted(CATALOG["services"], key=lambda s: (s["group"], s["name"]))
    assert [s["code"] for s in items] == [s["code"] for s in expected]
    assert len(items) == 31
    assert all(s["active"] for s in items)


async def test_list_services_leaves_out_inactive_ones_unless_asked(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    patched = await client.patch(
        f"{SERVICES}/sw-dirty-alley", json={"active": False}, headers=admin
    )
    assert patched.status_code == 200, patched.text

    active = (await client.get(SERVICES, headers=agent)).json()["items"]
    assert "sw-dirty-alley" not in [s["code"] for s in active]
    assert len(active) == 30
    everything = await client.get(SERVICES, params={"include_inactive": "true"}, headers=agent)
    codes = {s["code"]: s["active"] for s in everything.json()["items"]}
    assert len(codes) == 31
    assert codes["sw-dirty-alley"] is False


async def test_get_service_returns_the_definition(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(f"{SERVICES}/trm-pothole-repair", headers=agent)
    assert answer.status_code == 200
    demo = next(s for s in CATALOG["services"] if s["code"] == "trm-pothole-repair")
    assert answer.json() == {
        "code": "trm-pothole-repair",
        "type_name": demo["type_name"],
        "name": "Pothole",
        "description": demo["description"],
        "group": "Streets",
        "keywords": demo["keywords"],
        "department": "transportation",
        "active": True,
        "metadata": True,
        "sla": {"target_hours": 9.0, "calendar": "business", "pauses_on_hold": True},
        "attributes": [attribute_out(a) for a in demo["attributes"]],
        "duplicate_radius_m": None,
        "mask_personal_data": True,
        "public_location": "exact",
        "open_data_descriptions": False,
        "anonymous_allowed": True,  # the demo pothole may be reported without contact
    }
    alley = (await client.get(f"{SERVICES}/sw-dirty-alley", headers=agent)).json()
    assert (alley["metadata"], alley["attributes"]) == (False, [])


async def test_get_unknown_service_is_404(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    body = problem(await client.get(f"{SERVICES}/no-such-service", headers=agent), 404)
    assert body["detail"] == "service no-such-service was not found"


async def test_the_catalog_needs_a_token(client: httpx.AsyncClient) -> None:
    for path in (SERVICES, f"{SERVICES}/trm-pothole-repair", DEPARTMENTS):
        problem(await client.get(path), 401)


# --- adding services -------------------------------------------------------------------------


async def test_admin_adds_a_service_with_attributes_and_requests_follow_them(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.post(SERVICES, json=BRIDGE, headers=admin)
    assert answer.status_code == 201, answer.text
    assert answer.headers["Location"] == f"{SERVICES}/trm-bridge-damage"
    expected = {
        **{k: v for k, v in BRIDGE.items() if k != "attributes"},
        "sla": {"target_hours": 48.0, "calendar": "24x7", "pauses_on_hold": False},
        "active": True,
        "metadata": True,
        "attributes": [
            attribute_out(a) for a in sorted(BRIDGE["attributes"], key=lambda a: a["order"])
        ],
        "duplicate_radius_m": None,
        "mask_personal_data": True,
        "public_location": "exact",
        "open_data_descriptions": False,
        "anonymous_allowed": False,
    }
    assert answer.json() == expected
    assert (await client.get(f"{SERVICES}/trm-bridge-damage", headers=agent)).json() == expected

    created = await client.post(
        "/api/v1/requests",
        json=pothole_body(
            service_code="trm-bridge-damage",
            attributes={
                "severity": "structural",
                "damage": ["deck", "railing", "deck"],
                "span_count": "3",
                "noticed_at": "2026-03-02T08:15:00-05:00",
            },
        ),
        headers=agent,
    )
    assert created.status_code == 201, created.text
    assert created.json()["department"] == "transportation"
    assert created.json()["attributes"] == {
        "severity": "structural",
        "damage": ["deck", "railing"],
        "span_count": 3.0,
        "noticed_at": "2026-03-02T08:15:00-05:00",
    }

    refused = await client.post(
        "/api/v1/requests",
        json=pothole_body(
            service_code="trm-bridge-damage",
            attributes={
                "damage": ["roof"],
                "span_count": "many",
                "noticed_at": "last week",
                "safety_notice": "ignored",
            },
        ),
        headers=agent,
    )
    assert problem(refused, 422)["errors"] == [
        {"field": "attributes.safety_notice", "message": "is not an attribute of this service"},
        {"field": "attributes.severity", "message": "is required"},
        {"field": "attributes.damage", "message": "must be one of: railing, deck, support"},
        {"field": "attributes.span_count", "message": "must be a number"},
        {"field": "attributes.noticed_at", "message": "must be an ISO 8601 date-time"},
    ]


def _with_attributes(*attributes: dict[str, Any]) -> dict[str, Any]:
    return {**BRIDGE, "attributes": list(attributes)}


LIST = {"code": "kind", "datatype": "singlevaluelist", "values": [{"key": "a", "name": "A"}]}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        pytest.param(
            _with_attributes({"code": "kind", "datatype": "singlevaluelist"}),
            [{"field": "attributes[0].values", "message": "a list datatype needs values"}],
            id="single list without values",
        ),
        pytest.param(
            _with_attributes({"code": "kinds", "datatype": "multivaluelist", "values": []}),
            [{"field": "attributes[0].values", "message": "a list datatype needs values"}],
            id="multi list without values",
        ),
        pytest.param(
            _with_attributes(LIST, {**LIST, "order": 2}),
            [{"field": "attributes[1].code", "message": "is repeated"}],
            id="duplicate attribute codes",
        ),
        pytest.param(
            _with_attributes({**LIST, "datatype": "number"}),
            [{"field": "attributes[0].values", "message": "only list datatypes take values"}],
            id="values on a number",
        ),
        pytest.param(
            _with_attributes(
                {**LIST, "values": [{"key": "a", "name": "A"}, {"key": "a", "name": "Again"}]}
            ),
            [{"field": "attributes[0].values", "message": "keys must be unique"}],
            id="duplicate option keys",
        ),
        pytest.param(
            _with_attributes({**LIST, "code": "has space"}),
            [{"field": "attributes[0].code", "message": "must be 1-64 letters, digits, _ - ."}],
            id="bad attribute code",
        ),
        pytest.param(
            {**BRIDGE, "code": "Not A Slug"},
            [{"field": "code", "message": "must be a lowercase URL-safe slug"}],
            id="code not a slug",
        ),
        pytest.param(
            {**BRIDGE, "code": "trailing-"},
            [{"field": "code", "message": "must be a lowercase URL-safe slug"}],
            id="code with a trailing dash",
        ),
        pytest.param(
            {**BRIDGE, "department": "no-such-department"},
            [{"field": "department", "message": "is not a known department"}],
            id="unknown department",
        ),
        pytest.param(
            _with_attributes({**LIST, "datatype": "colour"}),
            [
                {
                    "field": "attributes.0.datatype",
                    "message": "Input should be 'string', 'number', 'datetime', 'text', "
                    "'singlevaluelist' or 'multivaluelist'",
                }
            ],
            id="unknown datatype",
        ),
        pytest.param(
            {**BRIDGE, "sla": {"target_hours": 0}},
            [{"field": "sla.target_hours", "message": "Input should be greater than 0"}],
            id="zero sla",
        ),
        pytest.param(
            {k: v for k, v in BRIDGE.items() if k != "sla"},
            [{"field": "sla", "message": "Field required"}],
            id="sla missing",
        ),
    ],
)
async def test_an_invalid_service_is_422_and_not_added(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    body: dict[str, Any],
    errors: list[dict[str, str]],
) -> None:
    answer = await client.post(SERVICES, json=body, headers=admin)
    assert problem(answer, 422)["errors"] == errors
    listed = await client.get(SERVICES, params={"include_inactive": "true"}, headers=admin)
    assert len(listed.json()["items"]) == 31
    assert body["code"] not in [s["code"] for s in listed.json()["items"]]


async def test_a_duplicate_service_code_is_409(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(
        SERVICES, json={**BRIDGE, "code": "trm-pothole-repair", "name": "Imposter"}, headers=admin
    )
    assert problem(answer, 409)["detail"] == "service trm-pothole-repair already exists"
    kept = await client.get(f"{SERVICES}/trm-pothole-repair", headers=admin)
    assert kept.json()["name"] == "Pothole"


# --- changing services -----------------------------------------------------------------------


async def test_a_deactivated_service_takes_no_new_requests(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    earlier = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert earlier.status_code == 201

    patched = await client.patch(
        f"{SERVICES}/trm-pothole-repair", json={"active": False}, headers=admin
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["active"] is False
    assert patched.json()["name"] == "Pothole"  # fields left out stay as they were
    assert len(patched.json()["attributes"]) == 3

    refused = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert problem(refused, 422)["errors"] == [
        {"field": "service_code", "message": "is not an active service"}
    ]
    # Existing requests for it still read, and the service is still there when asked for.
    read = await client.get(f"/api/v1/requests/{earlier.json()['id']}", headers=agent)
    assert read.status_code == 200
    service = await client.get(f"{SERVICES}/trm-pothole-repair", headers=agent)
    assert service.json()["active"] is False

    again = await client.patch(
        f"{SERVICES}/trm-pothole-repair", json={"active": True}, headers=admin
    )
    assert again.json()["active"] is True
    assert (
        await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    ).status_code == 201


async def test_patching_a_service_validates_like_creating_one(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    bad_department = await client.patch(
        f"{SERVICES}/trm-pothole-repair", json={"department": "nowhere"}, headers=admin
    )
    assert problem(bad_department, 422)["errors"] == [
        {"field": "department", "message": "is not a known department"}
    ]
    bad_attributes = await client.patch(
        f"{SERVICES}/trm-pothole-repair",
        json={"attributes": [{"code": "size", "datatype": "multivaluelist"}]},
        headers=admin,
    )
    assert problem(bad_attributes, 422)["errors"] == [
        {"field": "attributes[0].values", "message": "a list datatype needs values"}
    ]
    unknown = await client.patch(
        f"{SERVICES}/no-such-service", json={"active": False}, headers=admin
    )
    assert problem(unknown, 404)["detail"] == "service no-such-service was not found"
    kept = (await client.get(f"{SERVICES}/trm-pothole-repair", headers=admin)).json()
    assert (kept["department"], len(kept["attributes"])) == ("transportation", 3)


async def test_moving_a_service_routes_new_requests_to_the_new_department(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    patched = await client.patch(
        f"{SERVICES}/sw-dirty-alley", json={"department": "transportation"}, headers=admin
    )
    assert patched.json()["department"] == "transportation"
    created = await client.post(
        "/api/v1/requests",
        json=pothole_body(service_code="sw-dirty-alley", attributes={}),
        headers=agent,
    )
    assert created.json()["department"] == "transportation"


# --- departments -----------------------------------------------------------------------------


async def test_list_departments_in_name_order(
    client: httpx.AsyncClient, staff: dict[str, str]
) -> None:
    answer = await client.get(DEPARTMENTS, headers=staff)
    assert answer.status_code == 200
    assert answer.json()["items"] == sorted(CATALOG["departments"], key=lambda d: d["name"])


async def test_admin_adds_a_department_and_services_can_use_it(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    body = {
        "code": "public-works",
        "name": "Public Works",
        "email": "dpw@example.org",
        "phone": "410-555-0199",
    }
    answer = await client.post(DEPARTMENTS, json=body, headers=admin)
    assert answer.status_code == 201, answer.text
    assert answer.json() == body
    listed = (await client.get(DEPARTMENTS, headers=agent)).json()["items"]
    assert [d["code"] for d in listed] == [
        d["code"] for d in sorted([*CATALOG["departments"], body], key=lambda d: d["name"])
    ]
    service = await client.post(
        SERVICES,
        json={**BRIDGE, "code": "dpw-bridge", "department": "public-works", "attributes": []},
        headers=admin,
    )
    assert service.status_code == 201, service.text
    created = await client.post(
        "/api/v1/requests",
        json=pothole_body(service_code="dpw-bridge", attributes={}),
        headers=agent,
    )
    assert created.json()["department"] == "public-works"


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"code": "Public Works", "name": "Public Works"},
            [{"field": "code", "message": "must be a lowercase URL-safe slug"}],
        ),
        (
            {"code": "public_works", "name": "Public Works"},
            [{"field": "code", "message": "must be a lowercase URL-safe slug"}],
        ),
        (
            {"code": "public-works", "name": "   "},
            [{"field": "name", "message": "String should have at least 1 character"}],
        ),
        (
            {"code": "public-works", "name": "Public Works", "email": "not-an-email"},
            [{"field": "email", "message": "String should match pattern '^[^@\\s]+@[^@\\s]+$'"}],
        ),
        (
            {"code": "public-works", "name": "Public Works", "budget": 1},
            [{"field": "budget", "message": "Extra inputs are not permitted"}],
        ),
    ],
)
async def test_an_invalid_department_is_422(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    body: dict[str, Any],
    errors: list[dict[str, str]],
) -> None:
    answer = await client.post(DEPARTMENTS, json=body, headers=admin)
    assert problem(answer, 422)["errors"] == errors
    listed = (await client.get(DEPARTMENTS, headers=admin)).json()["items"]
    assert len(listed) == len(CATALOG["departments"])


async def test_a_duplicate_department_is_409(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(
        DEPARTMENTS, json={"code": "transportation", "name": "Roads"}, headers=admin
    )
    assert problem(answer, 409)["detail"] == "department transportation already exists"
    listed = (await client.get(DEPARTMENTS, headers=admin)).json()["items"]
    assert {d["code"]: d["name"] for d in listed}["transportation"] == "Transportation"
