"""The permission table, role by role, through the API."""

from typing import Any
from uuid import NAMESPACE_URL, uuid5

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login, pothole_body

pytestmark = pytest.mark.smoke

REQUESTS = "/api/v1/requests"
EMAILS = {
    "admin": "admin@example.org",
    "supervisor": "supervisor@example.org",
    "agent": "agent@example.org",
    "staff": "staff@example.org",
    "manager": "manager@example.org",
}
NAMES = {
    "admin": "Ada Admin",
    "supervisor": "Sam Supervisor",
    "agent": "Alex Agent",
    "staff": "Stevie Staff",
    "manager": "Morgan Manager",
}
CALL_CENTER = ["admin", "supervisor", "agent"]
DEPARTMENT_STAFF = ["staff", "manager"]
NOT_ADMIN = ["supervisor", "agent", "staff", "manager"]
REPORTER = {
    "first_name": "Rosa",
    "last_name": "Parks",
    "email": "rosa@example.net",
    "phone": "+1 (410) 555-0100",
    "language": "en",
}


def user_id(role: str) -> str:
    """The demo loader's fixed ids."""
    return str(uuid5(NAMESPACE_URL, f"frontdoor:demo:{EMAILS[role]}"))


def refused(answer: httpx.Response, status: int, detail: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["status"] == status
    assert body["detail"] == detail


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as db:
        requests = (await db.execute(text("SELECT count(*) FROM service_requests"))).scalar_one()
        entries = (await db.execute(text("SELECT count(*) FROM request_timeline"))).scalar_one()
    return int(requests), int(entries)


@pytest.fixture
def as_role(login: Login) -> Any:
    async def headers(role: str) -> dict[str, str]:
        return await login(EMAILS[role])

    return headers


async def new_request(
    client: httpx.AsyncClient, agent: dict[str, str], department: str
) -> dict[str, Any]:
    """A request logged by the agent for transportation (pothole) or solid-waste (alley)."""
    if department == "transportation":
        body = pothole_body(reporter=REPORTER)
    else:
        body = pothole_body(service_code="sw-dirty-alley", attributes={}, reporter=REPORTER)
    answer = await client.post(REQUESTS, json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    assert created["department"] == department
    created.pop("possible_duplicates")  # only in the answer to a creation
    return created


async def version(client: httpx.AsyncClient, request_id: str, headers: dict[str, str]) -> int:
    answer = await client.get(f"{REQUESTS}/{request_id}", headers=headers)
    assert answer.status_code == 200, answer.text
    number: int = answer.json()["version"]
    return number


# --- the catalog, departments and users: admins only ------------------------------------------

NEW_SERVICE = {
    "code": "trm-bridge-damage",
    "name": "Bridge damage",
    "department": "transportation",
    "sla": {"target_hours": 48},
}
NEW_DEPARTMENT = {"code": "public-works", "name": "Public Works"}
NEW_USER = {
    "email": "newbie@example.org",
    "display_name": "New Bie",
    "password": "long-enough-password",
    "role": "agent",
}


@pytest.mark.parametrize("role", NOT_ADMIN)
async def test_only_admins_write_the_catalog_departments_and_users(
    client: httpx.AsyncClient, as_role: Any, role: str
) -> None:
    headers = await as_role(role)
    attempts = [
        await client.post("/api/v1/services", json=NEW_SERVICE, headers=headers),
        await client.post("/api/v1/departments", json=NEW_DEPARTMENT, headers=headers),
        await client.post("/api/v1/users", json=NEW_USER, headers=headers),
        await client.patch(
            "/api/v1/services/trm-pothole-repair", json={"active": False}, headers=headers
        ),
        await client.patch(
            f"/api/v1/users/{user_id('agent')}", json={"active": False}, headers=headers
        ),
    ]
    for answer in attempts:
        refused(answer, 403, "only administrators may do this")

    missing = await client.get("/api/v1/services/trm-bridge-damage", headers=headers)
    assert missing.status_code == 404
    pothole = await client.get("/api/v1/services/trm-pothole-repair", headers=headers)
    assert pothole.json()["active"] is True
    departments = await client.get("/api/v1/departments", headers=headers)
    assert "public-works" not in [d["code"] for d in departments.json()["items"]]
    users = await client.get("/api/v1/users", headers=headers)
    assert [u["email"] for u in users.json()["items"]] == sorted(EMAILS.values())
    assert all(u["active"] for u in users.json()["items"])


async def test_admin_writes_the_catalog_departments_and_users(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    service = await client.post("/api/v1/services", json=NEW_SERVICE, headers=admin)
    assert service.status_code == 201, service.text
    assert service.json()["code"] == "trm-bridge-damage"
    department = await client.post("/api/v1/departments", json=NEW_DEPARTMENT, headers=admin)
    assert department.status_code == 201, department.text
    assert department.json() == {**NEW_DEPARTMENT, "email": None, "phone": None}
    user = await client.post("/api/v1/users", json=NEW_USER, headers=admin)
    assert user.status_code == 201, user.text
    assert user.json()["email"] == "newbie@example.org"
    patched = await client.patch(
        "/api/v1/services/trm-pothole-repair", json={"active": False}, headers=admin
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["active"] is False


# --- requests: call-center roles work any request -------------------------------------------


@pytest.mark.parametrize("role", CALL_CENTER)
@pytest.mark.parametrize("department", ["transportation", "solid-waste"])
async def test_call_center_roles_create_see_transition_and_comment_any_request(
    client: httpx.AsyncClient, as_role: Any, role: str, department: str
) -> None:
    headers = await as_role(role)
    created = await new_request(client, headers, department)
    path = f"{REQUESTS}/{created['id']}"

    read = await client.get(path, headers=headers)
    assert read.status_code == 200
    assert read.json() == created
    listed = await client.get(REQUESTS, headers=headers)
    assert [r["id"] for r in listed.json()["items"]] == [created["id"]]

    moved = await client.post(
        f"{path}/transitions", json={"to": "acknowledged"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["status"] == "acknowledged"
    commented = await client.post(
        f"{path}/comments",
        json={"body": "Crew informed", "visibility": "public"},
        headers={**headers, "If-Match": moved.headers["ETag"]},
    )
    assert commented.status_code == 200, commented.text
    assert commented.json()["version"] == 3

    timeline = (await client.get(f"{path}/timeline", headers=headers)).json()["items"]
    assert [(e["kind"], e["actor"]["name"]) for e in timeline] == [
        ("created", NAMES[role]),
        ("status", NAMES[role]),
        ("comment", NAMES[role]),
    ]
    assert timeline[2]["data"] == {"body": "Crew informed"}


# --- requests: department staff work their own department's requests ------------------------


@pytest.mark.parametrize("role", DEPARTMENT_STAFF)
async def test_department_staff_see_transition_and_comment_their_departments_requests(
    client: httpx.AsyncClient, agent: dict[str, str], as_role: Any, role: str
) -> None:
    headers = await as_role(role)
    ours = await new_request(client, agent, "transportation")
    await new_request(client, agent, "solid-waste")
    path = f"{REQUESTS}/{ours['id']}"

    read = await client.get(path, headers=headers)
    assert read.status_code == 200
    assert read.json() == ours
    listed = await client.get(REQUESTS, headers=headers)
    assert [r["id"] for r in listed.json()["items"]] == [ours["id"]]

    moved = await client.post(
        f"{path}/transitions", json={"to": "in_progress"}, headers={**headers, "If-Match": '"v1"'}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["status"] == "in_progress"
    commented = await client.post(
        f"{path}/comments",
        json={"body": "Crew on site", "visibility": "internal"},
        headers={**headers, "If-Match": moved.headers["ETag"]},
    )
    assert commented.status_code == 200, commented.text

    timeline = (await client.get(f"{path}/timeline", headers=headers)).json()["items"]
    assert [(e["kind"], e["actor"]["name"]) for e in timeline] == [
        ("created", "Alex Agent"),
        ("status", NAMES[role]),
        ("comment", NAMES[role]),
    ]


@pytest.mark.parametrize("role", DEPARTMENT_STAFF)
async def test_department_staff_get_404_for_another_departments_request(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    as_role: Any,
    role: str,
    seeded: AsyncEngine,
) -> None:
    headers = await as_role(role)
    theirs = await new_request(client, agent, "solid-waste")
    path = f"{REQUESTS}/{theirs['id']}"
    written = {**headers, "If-Match": '"v1"'}
    attempts = [
        await client.get(path, headers=headers),
        await client.get(f"{path}/timeline", headers=headers),
        await client.post(f"{path}/transitions", json={"to": "acknowledged"}, headers=written),
        await client.post(f"{path}/comments", json={"body": "mine?"}, headers=written),
        await client.patch(path, json={"priority": "urgent"}, headers=written),
        await client.patch(path, json={"assignee_id": user_id("staff")}, headers=written),
        await client.patch(
            path, json={"department": "transportation", "reason": "ours now"}, headers=written
        ),
        # Without If-Match the answer is still 404, not 428: the request stays hidden.
        await client.post(f"{path}/transitions", json={"to": "acknowledged"}, headers=headers),
    ]
    for answer in attempts:
        refused(answer, 404, f"service request {theirs['id']} was not found")
    assert await version(client, theirs["id"], agent) == 1
    assert await counts(seeded) == (1, 1)


@pytest.mark.parametrize("role", DEPARTMENT_STAFF)
async def test_department_staff_cannot_create_requests(
    client: httpx.AsyncClient, as_role: Any, role: str, seeded: AsyncEngine
) -> None:
    answer = await client.post(REQUESTS, json=pothole_body(), headers=await as_role(role))
    refused(answer, 403, "only call-center staff create requests through this API")
    assert await counts(seeded) == (0, 0)


# --- assignment ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("admin", True), ("supervisor", True), ("manager", True), ("agent", False), ("staff", False)],
)
async def test_only_supervisors_and_the_departments_manager_assign(
    client: httpx.AsyncClient, agent: dict[str, str], as_role: Any, role: str, allowed: bool
) -> None:
    headers = await as_role(role)
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    answer = await client.patch(
        path, json={"assignee_id": user_id("staff")}, headers={**headers, "If-Match": '"v1"'}
    )
    if not allowed:
        refused(answer, 403, "only supervisors and the department's managers assign requests")
        read = (await client.get(path, headers=agent)).json()
        assert (read["assignee_id"], read["version"]) == (None, 1)
        return
    assert answer.status_code == 200, answer.text
    assert answer.json()["assignee_id"] == user_id("staff")
    assert answer.json()["version"] == 2
    timeline = (await client.get(f"{path}/timeline", headers=headers)).json()["items"]
    assert timeline[-1]["kind"] == "assignment"
    assert timeline[-1]["visibility"] == "internal"
    assert timeline[-1]["data"] == {"from": None, "to": user_id("staff")}
    assert timeline[-1]["actor"] == {"id": user_id(role), "name": NAMES[role]}

    unassigned = await client.patch(
        path, json={"assignee_id": None}, headers={**headers, "If-Match": '"v2"'}
    )
    assert unassigned.status_code == 200, unassigned.text
    assert unassigned.json()["assignee_id"] is None


async def test_a_manager_assigns_only_within_the_department(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    admin: dict[str, str],
    manager: dict[str, str],
    supervisor: dict[str, str],
) -> None:
    other = await client.post(
        "/api/v1/users",
        json={
            "email": "sweeper@example.org",
            "display_name": "Sid Sweeper",
            "password": "long-enough-password",
            "role": "staff",
            "department": "solid-waste",
            "tier": "employee",
        },
        headers=admin,
    )
    assert other.status_code == 201, other.text
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    for outsider in (other.json()["id"], user_id("agent")):
        answer = await client.patch(
            path, json={"assignee_id": outsider}, headers={**manager, "If-Match": '"v1"'}
        )
        refused(answer, 403, "managers assign within their own department")
    # A supervisor may assign anyone, but not someone who cannot see the request.
    answer = await client.patch(
        path, json={"assignee_id": other.json()["id"]}, headers={**supervisor, "If-Match": '"v1"'}
    )
    assert answer.status_code == 422
    assert answer.json()["errors"] == [
        {"field": "assignee_id", "message": "cannot see this department's requests"}
    ]
    assert await version(client, created["id"], agent) == 1


# --- transfer ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("admin", True), ("supervisor", True), ("manager", True), ("agent", False), ("staff", False)],
)
async def test_only_supervisors_and_the_departments_manager_transfer(
    client: httpx.AsyncClient, agent: dict[str, str], as_role: Any, role: str, allowed: bool
) -> None:
    headers = await as_role(role)
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    answer = await client.patch(
        path,
        json={"department": "solid-waste", "reason": "It is an alley, not a street"},
        headers={**headers, "If-Match": '"v1"'},
    )
    if not allowed:
        refused(answer, 403, "only supervisors and the department's managers transfer requests")
        read = (await client.get(path, headers=agent)).json()
        assert (read["department"], read["version"]) == ("transportation", 1)
        return
    assert answer.status_code == 200, answer.text
    assert answer.json()["department"] == "solid-waste"
    timeline = (await client.get(f"{path}/timeline", headers=agent)).json()["items"]
    assert timeline[-1]["kind"] == "transfer"
    assert timeline[-1]["data"] == {
        "from": "transportation",
        "to": "solid-waste",
        "reason": "It is an alley, not a street",
    }
    assert timeline[-1]["actor"]["name"] == NAMES[role]


async def test_a_transfer_moves_the_request_out_of_the_managers_sight(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    manager: dict[str, str],
    staff: dict[str, str],
) -> None:
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    assigned = await client.patch(
        path, json={"assignee_id": user_id("staff")}, headers={**manager, "If-Match": '"v1"'}
    )
    assert assigned.status_code == 200, assigned.text
    moved = await client.patch(
        path,
        json={"department": "solid-waste", "reason": "Alley cleaning"},
        headers={**manager, "If-Match": assigned.headers["ETag"]},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee_id"] is None  # a transfer clears the assignee

    for headers in (manager, staff):
        refused(
            await client.get(path, headers=headers),
            404,
            f"service request {created['id']} was not found",
        )
        assert (await client.get(REQUESTS, headers=headers)).json()["items"] == []
    back = await client.patch(
        path,
        json={"department": "transportation", "reason": "Changed my mind"},
        headers={**manager, "If-Match": moved.headers["ETag"]},
    )
    refused(back, 404, f"service request {created['id']} was not found")
    assert (await client.get(path, headers=agent)).json()["department"] == "solid-waste"


@pytest.mark.parametrize("role", ["supervisor", "manager"])
@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"department": "solid-waste"},
            [{"field": "reason", "message": "a transfer needs a reason"}],
        ),
        (
            {"department": "solid-waste", "reason": "   "},
            [{"field": "reason", "message": "a transfer needs a reason"}],
        ),
        (
            {"department": "no-such-department", "reason": "Somewhere else"},
            [{"field": "department", "message": "is not a known department"}],
        ),
        (
            {"department": "transportation", "reason": "Stay"},
            [{"field": "department", "message": "the request is already there"}],
        ),
    ],
)
async def test_an_invalid_transfer_is_422_and_changes_nothing(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    as_role: Any,
    role: str,
    body: dict[str, str],
    errors: list[dict[str, str]],
    seeded: AsyncEngine,
) -> None:
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    answer = await client.patch(
        path, json=body, headers={**(await as_role(role)), "If-Match": '"v1"'}
    )
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"] == errors
    assert (await client.get(path, headers=agent)).json() == created
    assert await counts(seeded) == (1, 1)


# --- comments and reporter details ----------------------------------------------------------


async def test_public_and_internal_comments_both_appear_in_the_staff_timeline(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    manager: dict[str, str],
    supervisor: dict[str, str],
) -> None:
    created = await new_request(client, agent, "transportation")
    path = f"{REQUESTS}/{created['id']}"
    etag = '"v1"'
    notes = [
        (agent, "Caller says it is getting worse", "public"),
        (staff, "Asphalt on order", "internal"),
        (manager, "Scheduled for Tuesday", "public"),
        (supervisor, "Councilmember asked about this", "internal"),
    ]
    for headers, body, visibility in notes:
        answer = await client.post(
            f"{path}/comments",
            json={"body": body, "visibility": visibility},
            headers={**headers, "If-Match": etag},
        )
        assert answer.status_code == 200, answer.text
        etag = answer.headers["ETag"]
    default = await client.post(
        f"{path}/comments",
        json={"body": "No visibility given"},
        headers={**staff, "If-Match": etag},
    )
    assert default.status_code == 200

    expected = [
        ("Alex Agent", "public", "Caller says it is getting worse"),
        ("Stevie Staff", "internal", "Asphalt on order"),
        ("Morgan Manager", "public", "Scheduled for Tuesday"),
        ("Sam Supervisor", "internal", "Councilmember asked about this"),
        ("Stevie Staff", "internal", "No visibility given"),
    ]
    for headers in (staff, manager, agent, supervisor):
        timeline = (await client.get(f"{path}/timeline", headers=headers)).json()["items"]
        comments = [e for e in timeline if e["kind"] == "comment"]
        assert [(e["actor"]["name"], e["visibility"], e["data"]["body"]) for e in comments] == (
            expected
        )


@pytest.mark.parametrize("role", ["admin", "supervisor", "agent", "staff", "manager"])
async def test_staff_roles_see_the_reporters_contact_details(
    client: httpx.AsyncClient, agent: dict[str, str], as_role: Any, role: str
) -> None:
    created = await new_request(client, agent, "transportation")
    assert created["reporter"] == REPORTER
    headers = await as_role(role)
    read = await client.get(f"{REQUESTS}/{created['id']}", headers=headers)
    assert read.json()["reporter"] == REPORTER
    listed = await client.get(REQUESTS, headers=headers)
    assert [r["reporter"] for r in listed.json()["items"]] == [REPORTER]
