"""Every route as every role: the decision the permission table (permissions.py) states.

A route the app serves and the table misses fails, as does a row nothing serves; README's
copy of the table must be the table's own rendering."""

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.settings import Settings
from tests.api.authz.calls import call_for, send
from tests.api.authz.permissions import ALLOW, PERMISSIONS, README, ROLES, readme_copy, readme_table
from tests.api.authz.routes import served
from tests.api.authz.world import World

pytestmark = pytest.mark.sweep  # 1,540 calls: make test runs it, make test-fast does not

REFUSALS = (401, 403, 404)
CASES = [(method, path, role) for (method, path) in PERMISSIONS for role in ROLES]


def test_every_served_route_has_a_row_and_every_row_a_route(settings: Settings) -> None:
    app: FastAPI = create_app(settings)
    routes = served(app)
    assert sorted(routes - PERMISSIONS.keys()) == [], "served but missing from permissions.py"
    assert sorted(PERMISSIONS.keys() - routes) == [], "in permissions.py but not served"
    assert all(set(row) == set(ROLES) for row in PERMISSIONS.values())


def test_the_readme_states_the_table() -> None:
    copy = readme_copy(README.read_text(encoding="utf-8"))
    assert copy == readme_table(), "run: .venv/bin/python -m tests.api.authz.permissions"


@pytest.mark.parametrize(("method", "path", "role"), CASES, ids=[" ".join(c) for c in CASES])
async def test_the_route_answers_the_role_as_the_table_states(
    fresh_world: World, authz_client: httpx.AsyncClient, method: str, path: str, role: str
) -> None:
    expected = PERMISSIONS[method, path][role]
    call = await call_for(authz_client, fresh_world, method, path, role)

    answer = await send(authz_client, method, call)

    if expected == ALLOW:
        assert answer.status_code not in REFUSALS, answer.text
        assert answer.status_code < 500, answer.text
    else:
        assert answer.status_code == expected, answer.text
