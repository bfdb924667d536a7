"""A conditional GET of one request answered 304 reads the request's stamp (its version,
department and SLA state) in one small query, never the aggregate (issue 17)."""

import httpx

from api.bootstrap import Container
from tests.api.conftest import pothole_body
from tests.statements import statements

REQUESTS = "/api/v1/requests"


async def _closed(client: httpx.AsyncClient, headers: dict[str, str], **body: object) -> str:
    """A closed request (its standing cannot move with time, so it may be answered 304)."""
    made = await client.post(REQUESTS, json=pothole_body(**body), headers=headers)
    assert made.status_code == 201, made.text
    closed = await client.post(
        f"{REQUESTS}/{made.json()['id']}/transitions",
        json={"to": "closed", "reason": "resolved", "note": "Patched"},
        headers={**headers, "If-Match": made.headers["ETag"]},
    )
    assert closed.status_code == 200, closed.text
    return str(closed.json()["id"])


async def test_a_304_reads_one_small_query_of_the_request(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    number = await _closed(client, agent)
    tag = (await client.get(f"{REQUESTS}/{number}", headers=agent)).headers["ETag"]
    with statements(container.engine, "service_requests") as seen:
        cached = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": tag})
    assert (cached.status_code, cached.headers["ETag"], cached.content) == (304, tag, b"")
    assert len(seen) == 1
    assert "attributes" not in seen[0] and "description" not in seen[0]  # no aggregate


async def test_a_stale_tag_gets_the_request_and_a_hidden_one_404_not_304(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
) -> None:
    number = await _closed(client, agent)
    tag = (await client.get(f"{REQUESTS}/{number}", headers=agent)).headers["ETag"]
    stale = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": '"0"'})
    assert (stale.status_code, stale.json()["id"], stale.headers["ETag"]) == (200, number, tag)

    alley = await _closed(client, agent, service_code="sw-dirty-alley", attributes={})
    alley_tag = (await client.get(f"{REQUESTS}/{alley}", headers=agent)).headers["ETag"]
    hidden = await client.get(
        f"{REQUESTS}/{alley}", headers={**staff, "If-None-Match": alley_tag}
    )  # transportation staff: another department's request is not there at all
    assert hidden.status_code == 404
    missing = await client.get(f"{REQUESTS}/26-99999999", headers={**agent, "If-None-Match": tag})
    assert missing.status_code == 404
    assert hidden.json()["detail"].replace(alley, "X") == missing.json()["detail"].replace(
        "26-99999999", "X"
    )
