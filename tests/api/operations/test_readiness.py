"""/readyz asks the composition root whether the database answers; the route holds no engine."""

import httpx
import pytest

from api.bootstrap import Container
from tests.problems import problem


async def test_ready_while_the_database_answers(client: httpx.AsyncClient) -> None:
    answer = await client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ready"}


async def test_not_ready_when_the_database_does_not_answer(
    client: httpx.AsyncClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def silent() -> bool:
        return False

    monkeypatch.setattr(container, "database_ready", silent)
    answer = await client.get("/readyz")
    assert problem(answer, 503)["detail"] == "the database is not reachable"
