"""Broken object level authorization: two residents' links, two departments' requests.

Resident A's signed links open A's request and nothing of B's; a link of one kind is no link
of another. Transportation's employee, manager and partner key get 404 on every route that
names Solid Waste's request, case or photo, and B's rows never show in their lists or exports.
"""

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from api.bootstrap import Container
from tests.api.authz.world import PNG, World

DEPARTMENT_ROLES = ("employee", "manager", "partner")
MATCH = {"If-Match": '"v1"'}


def request_routes(world: World) -> list[tuple[str, str, dict[str, Any]]]:
    """Every route on Solid Waste's request, with a body that would pass for its own."""
    base = f"/api/v1/requests/{world.other_request_id}"
    photo = {"files": {"file": ("p.png", PNG, "image/png")}}
    return [
        ("GET", base, {}),
        ("GET", f"{base}/timeline", {}),
        ("GET", f"{base}/linked", {}),
        ("GET", f"{base}/duplicates", {}),
        ("GET", f"{base}/photos", {}),
        ("POST", f"{base}/photos", photo),
        ("POST", f"{base}/transitions", {"json": {"to": "acknowledged"}, "headers": MATCH}),
        ("POST", f"{base}/comments", {"json": {"body": "x"}, "headers": MATCH}),
        ("PATCH", base, {"json": {"external_id": "WO-9"}, "headers": MATCH}),
        ("POST", f"{base}/merge", {"json": {"into": world.request_id}, "headers": MATCH}),
        (
            "POST",
            f"/api/v1/requests/{world.request_id}/merge",
            {"json": {"into": world.other_request_id}, "headers": MATCH},
        ),
        ("GET", f"/api/v1/media/{world.other_media_id}", {}),
    ]


ROUTE_NAMES = [
    "read",
    "timeline",
    "linked",
    "duplicates",
    "photos",
    "add photo",
    "transition",
    "comment",
    "patch",
    "merge it",
    "merge into it",
    "its internal photo",
]


@pytest.mark.parametrize("role", DEPARTMENT_ROLES)
@pytest.mark.parametrize("index", range(len(ROUTE_NAMES)), ids=ROUTE_NAMES)
async def test_another_departments_request_is_not_found(
    fresh_world: World, authz_client: httpx.AsyncClient, role: str, index: int
) -> None:
    method, path, sent = request_routes(fresh_world)[index]
    headers = {**fresh_world.headers[role], **sent.pop("headers", {})}

    answer = await authz_client.request(method, path, headers=headers, **sent)

    assert answer.status_code == 404, answer.text


@pytest.mark.parametrize("role", ("employee", "manager"))
async def test_another_departments_case_and_survey_answer_are_not_found(
    fresh_world: World, authz_client: httpx.AsyncClient, role: str
) -> None:
    headers = fresh_world.headers[role]
    case = await authz_client.get(f"/api/v1/cases/{fresh_world.b.case_id}", headers=headers)
    survey = await authz_client.get(
        f"/api/v1/requests/{fresh_world.other_request_id}/survey", headers=headers
    )

    assert (case.status_code, survey.status_code) == (404, 404), case.text + survey.text


async def test_the_managers_assign_and_transfer_stop_at_their_department(
    fresh_world: World, authz_client: httpx.AsyncClient
) -> None:
    path = f"/api/v1/requests/{fresh_world.other_request_id}"
    headers = {**fresh_world.headers["manager"], **MATCH}

    assign = await authz_client.patch(path, json={"assignee_id": None}, headers=headers)
    transfer = await authz_client.patch(
        path, json={"department": "transportation", "reason": "ours"}, headers=headers
    )

    assert (assign.status_code, transfer.status_code) == (404, 404), assign.text + transfer.text


@pytest.mark.parametrize("role", DEPARTMENT_ROLES)
async def test_lists_and_exports_leave_out_another_departments_rows(
    fresh_world: World, authz_client: httpx.AsyncClient, role: str
) -> None:
    headers = fresh_world.headers[role]
    reads = [
        ("/api/v1/requests", {}),
        ("/api/v1/requests", {"department": "solid-waste"}),
        ("/api/v1/requests", {"q": fresh_world.other_request_id}),
        ("/api/v1/requests", {"updated_after": "0"}),  # the change feed
        (
            "/api/v1/requests/nearby",
            {"lat": 39.2904, "long": -76.6122, "service_code": "sw-dirty-alley"},
        ),
    ]
    if role != "partner":  # a partner key gets none of these (403, the matrix shows)
        reads += [
            ("/api/v1/exports/requests.csv", {}),
            ("/api/v1/exports/requests.geojson", {}),
            ("/api/v1/cases", {}),
            ("/api/v1/cases", {"department": "solid-waste"}),
        ]
    seen = []
    for path, params in reads:
        answer = await authz_client.get(path, params=params, headers=headers)
        assert answer.status_code == 200, f"{path} {params}: {answer.text}"
        seen.append((path, params, answer.text))

    leaked = [
        (path, params)
        for path, params, body in seen
        if fresh_world.other_request_id in body or fresh_world.b.case_id in body
    ]
    assert leaked == []
    own = await authz_client.get("/api/v1/requests", headers=headers)
    assert fresh_world.request_id in own.text  # the lists do work: they show the own rows


async def test_the_other_departments_employee_sees_the_first_departments_rows_as_missing(
    fresh_world: World, authz_client: httpx.AsyncClient
) -> None:
    headers = fresh_world.headers["employee_other"]
    listed = await authz_client.get("/api/v1/requests", headers=headers)
    case = await authz_client.get(f"/api/v1/cases/{fresh_world.a.case_id}", headers=headers)

    assert fresh_world.request_id not in listed.text
    assert fresh_world.other_request_id in listed.text
    assert case.status_code == 404


# Residents: a signed link opens its own request and nothing else.


async def test_a_survey_link_opens_its_own_request_only(
    fresh_world: World, authz_client: httpx.AsyncClient
) -> None:
    a, b = fresh_world.a, fresh_world.b
    mine = await authz_client.get(f"/api/v1/public/surveys/{a.survey_token}")
    theirs = await authz_client.get(f"/api/v1/public/surveys/{b.survey_token}")

    assert mine.json()["number"] == a.request_id
    assert theirs.json()["number"] == b.request_id
    assert b.request_id not in mine.text


@pytest.mark.parametrize("kind", ["follow", "unsubscribe", "upload"])
async def test_a_link_of_another_kind_is_no_survey_link(
    fresh_world: World, authz_client: httpx.AsyncClient, kind: str
) -> None:
    token = getattr(fresh_world.a, f"{kind}_token")

    read = await authz_client.get(f"/api/v1/public/surveys/{token}")
    comment = await authz_client.post(
        f"/api/v1/public/surveys/{token}/comment", json={"comment": "Not mine"}
    )

    assert (read.status_code, comment.status_code) == (403, 403), read.text + comment.text


@pytest.mark.parametrize("kind", ["survey", "unsubscribe", "upload"])
async def test_a_link_of_another_kind_confirms_no_follower(
    fresh_world: World, authz_client: httpx.AsyncClient, container: Container, kind: str
) -> None:
    token = getattr(fresh_world.a, f"{kind}_token")

    answer = await authz_client.post("/api/v1/public/followers/confirm", json={"token": token})

    assert answer.status_code == 422, answer.text
    assert await confirmed_followers(container) == 0


async def test_a_follow_link_confirms_its_own_follower_only(
    fresh_world: World, authz_client: httpx.AsyncClient, container: Container
) -> None:
    answer = await authz_client.post(
        "/api/v1/public/followers/confirm", json={"token": fresh_world.a.follow_token}
    )

    assert answer.status_code == 200, answer.text
    assert answer.json()["number"] == fresh_world.a.request_id
    assert await confirmed_followers(container) == 1


async def test_an_upload_token_adds_no_photo_to_another_request(
    fresh_world: World, authz_client: httpx.AsyncClient
) -> None:
    answer = await authz_client.post(
        f"/api/v1/public/requests/{fresh_world.b.request_id}/photos",
        files={"file": ("p.png", PNG, "image/png")},
        headers={"X-Upload-Token": fresh_world.a.upload_token, "Idempotency-Key": "k-bola-1"},
    )

    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize("kind", ["survey", "follow", "upload"])
async def test_only_an_unsubscribe_link_unsubscribes(
    fresh_world: World, authz_client: httpx.AsyncClient, container: Container, kind: str
) -> None:
    before = await opted_out(container)
    token = getattr(fresh_world.b, f"{kind}_token")

    answer = await authz_client.post("/api/v1/notifications/unsubscribe", json={"token": token})

    assert answer.status_code == 422, answer.text
    assert await opted_out(container) == before


async def test_the_status_look_up_answers_the_residents_own_requests(
    fresh_world: World, authz_client: httpx.AsyncClient
) -> None:
    answer = await authz_client.post(
        "/api/v1/requests/lookup",
        json={"email": fresh_world.a.email, "last_name": "Ident"},
        headers={"Idempotency-Key": "k-bola-2"},
    )

    assert answer.status_code == 200, answer.text
    assert fresh_world.a.request_id in answer.text
    assert fresh_world.b.request_id not in answer.text


async def confirmed_followers(container: Container) -> int:
    async with container.engine.connect() as db:
        found = await db.execute(
            text("SELECT count(*) FROM request_followers WHERE confirmed_at IS NOT NULL")
        )
        return int(found.scalar_one())


async def opted_out(container: Container) -> list[str]:
    async with container.engine.connect() as db:
        rows = await db.execute(text("SELECT address FROM email_opt_outs ORDER BY address"))
        return [row.address for row in rows]
