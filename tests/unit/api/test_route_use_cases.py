"""Each route handler calls at most one use case: scripts/route_use_cases.py says which."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "route_use_cases", ROOT / "scripts" / "route_use_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(places: list[Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = load_script().main(["route_use_cases.py", *map(str, places)])
    return status, capsys.readouterr().out


def test_every_route_handler_calls_at_most_one_use_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = run([], capsys)

    assert status == 0, out
    assert "handlers calling more than one: 0" in out
    assert (
        "api/routers/requests.py:create_request: "
        "domain.requests.use_cases.submit_service_request" in out
    )
    assert "api/routers/triage.py:triage: domain.knowledge.triaging.triage_words" in out


ROUTER = """
from fastapi import APIRouter

from domain.knowledge.triage import assess
from domain.requests.use_cases import merge_request, update_request
from domain.webhooks.use_cases import get_subscription

router = APIRouter()


async def _helper(container, principal):
    return await update_request(container.context, None, principal)


@router.post("/one")
async def one(container, principal):
    assess("text", [])
    await container.requests.page(None)
    return await merge_request(container.context, None, principal, hours=container.hours)


@router.post("/two")
async def two(container, principal):
    await merge_request(container.context, None, principal, hours=container.hours)
    return await _helper(container, principal)


@router.post("/operation")
async def operation(container, principal):
    await get_subscription(container.context, None, principal)
    return await container.import_addresses(None, None)
"""


def test_a_second_use_case_in_a_helper_or_the_container_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    router = tmp_path / "router.py"
    router.write_text(ROUTER)

    status, out = run([router], capsys)

    assert status == 1
    assert f"{router}:one: domain.requests.use_cases.merge_request\n" in out
    assert "handlers calling more than one: 2" in out
    assert "two: 2: domain.requests.use_cases.merge_request, " in out
    assert "operation: 2: container.import_addresses, " in out
