"""What one create costs in SQL statements (issue 17): a ceiling that fails if it regresses.

Counted on the app's engine: the principal, the service with its department (read once per
unit of work), the address and jurisdiction stamps, the number, the resident, the request, its
timeline, its contact record and the duplicate check. The outbox job goes through pgqueuer's
own connection and is not counted here."""

import httpx

from api.bootstrap import Container
from tests.api.conftest import pothole_body
from tests.statements import statements

CEILING = 10


async def second_create(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> tuple[httpx.Response, list[str]]:
    """A create after one that warmed the caches, and the statements it sent."""
    await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    with statements(container.engine) as seen:
        made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert made.status_code == 201, made.text
    return made, seen


async def test_a_create_at_a_point_sends_at_most_the_ceiling(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    made, seen = await second_create(client, agent, container)
    assert made.json()["possible_duplicates"]  # the check ran, and found the first one
    assert len(seen) <= CEILING, "\n".join(s[:80] for s in seen)
    assert sum(s.startswith("SELECT services.") for s in seen) == 1, "\n".join(s[:80] for s in seen)


async def test_the_service_brings_its_department_along(
    client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    """Routing asks for the service's department: it comes with the service, not after."""
    _, seen = await second_create(client, agent, container)
    assert not [s for s in seen if s.startswith("SELECT departments.")], "\n".join(seen)
