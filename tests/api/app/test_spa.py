"""The API serves the built SPA at `/`, with the caching a hashed build needs."""

import gzip
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings

INDEX = "<!doctype html><div id=root></div>"


@pytest.fixture
def spa_dir(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-AbC123.js").write_text("console.log(1)")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    (tmp_path.parent / "secret.txt").write_text("outside")
    return tmp_path


@pytest.fixture
async def spa_client(
    settings: Settings, container: Container, spa_dir: Path
) -> AsyncIterator[httpx.AsyncClient]:
    app: FastAPI = create_app(settings.model_copy(update={"spa_dir": str(spa_dir)}), container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_index_is_served_at_the_root_and_revalidated(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/")
    assert answer.status_code == 200
    assert answer.text == INDEX
    assert answer.headers["cache-control"] == "no-cache"
    assert answer.headers["content-type"].startswith("text/html")


async def test_hashed_assets_are_immutable(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/assets/index-AbC123.js")
    assert answer.status_code == 200
    assert answer.text == "console.log(1)"
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_other_root_files_are_revalidated(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/favicon.svg")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    ["/intake", "/requests/26-00000123", "/knowledge/12/edit", "/status", "/status/26-00000123"],
)
async def test_client_routes_fall_back_to_the_index(
    spa_client: httpx.AsyncClient, path: str
) -> None:
    answer = await spa_client.get(path)
    assert answer.status_code == 200
    assert answer.text == INDEX
    assert answer.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing-here", "/open311/v2/nothing.json", "/metrics/x", "/docs/x", "/healthz/x"],
)
async def test_server_paths_never_fall_back_to_the_index(
    spa_client: httpx.AsyncClient, path: str
) -> None:
    answer = await spa_client.get(path)
    assert answer.status_code == 404
    assert INDEX not in answer.text


async def test_unknown_api_path_keeps_the_problem_format(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/api/v1/nothing-here")
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_wrong_method_on_an_api_path_is_still_405(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/api/v1/auth/token")
    assert answer.status_code == 405


async def test_api_and_health_still_answer(spa_client: httpx.AsyncClient) -> None:
    assert (await spa_client.get("/healthz")).status_code == 200
    assert (await spa_client.get("/api/v1/services")).status_code in (200, 401)


async def test_missing_files_are_404_not_the_index(spa_client: httpx.AsyncClient) -> None:
    answer = await spa_client.get("/assets/index-gone.js")
    assert answer.status_code == 404


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt"]
)
async def test_no_file_outside_the_build_is_served(
    spa_client: httpx.AsyncClient, path: str
) -> None:
    answer = await spa_client.get(path)
    assert "outside" not in answer.text


async def test_without_a_build_the_api_serves_no_spa(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    app = create_app(settings.model_copy(update={"spa_dir": str(tmp_path / "none")}), container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        assert (await client.get("/intake")).status_code == 404


@pytest.fixture
def compressed_spa_dir(spa_dir: Path) -> Path:
    script = spa_dir / "assets" / "index-AbC123.js"
    script.with_name(script.name + ".br").write_bytes(b"brotli twin")  # only its presence counts
    script.with_name(script.name + ".gz").write_bytes(gzip.compress(script.read_bytes()))
    (spa_dir / "index.html.gz").write_bytes(gzip.compress(INDEX.encode()))
    return spa_dir


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=1", "gzip"),
        ("identity", None),
        ("", None),
    ],
)
async def test_assets_come_precompressed_when_accepted(
    spa_client: httpx.AsyncClient, compressed_spa_dir: Path, accept: str, coding: str | None
) -> None:
    answer = await spa_client.get("/assets/index-AbC123.js", headers={"Accept-Encoding": accept})
    assert answer.status_code == 200
    assert answer.headers.get("content-encoding") == coding
    assert answer.headers["vary"] == "Accept-Encoding"
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
    if coding != "br":  # httpx decodes gzip itself; the Brotli twin here is a marker only
        assert answer.text == "console.log(1)"


async def test_client_routes_get_the_compressed_index(
    spa_client: httpx.AsyncClient, compressed_spa_dir: Path
) -> None:
    answer = await spa_client.get("/report/trm-pothole-repair", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.text == INDEX


PRELOADS = [
    {"path": "/", "modules": ["/assets/Home-1.js"], "styles": []},
    {"path": "/report", "modules": ["/assets/Services-2.js"], "styles": []},
    {
        "path": "/report/:serviceCode",
        "modules": ["/assets/Report-3.js", "/assets/en-4.js"],
        "styles": ["/assets/portal-5.css"],
    },
]


@pytest.fixture
async def preloading_client(
    settings: Settings, container: Container, spa_dir: Path
) -> AsyncIterator[httpx.AsyncClient]:
    (spa_dir / ".vite").mkdir()
    (spa_dir / ".vite" / "route-preloads.json").write_text(json.dumps(PRELOADS))
    app: FastAPI = create_app(settings.model_copy(update={"spa_dir": str(spa_dir)}), container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/", "</assets/Home-1.js>; rel=modulepreload"),
        ("/report", "</assets/Services-2.js>; rel=modulepreload"),
        (
            "/report/trm-pothole-repair",
            "</assets/Report-3.js>; rel=modulepreload, </assets/en-4.js>; rel=modulepreload,"
            " </assets/portal-5.css>; rel=preload; as=style",
        ),
    ],
)
async def test_a_public_page_names_its_own_chunks_in_a_link_header(
    preloading_client: httpx.AsyncClient, path: str, link: str
) -> None:
    answer = await preloading_client.get(path)
    assert answer.status_code == 200
    assert answer.text == INDEX
    assert answer.headers["link"] == link


@pytest.mark.parametrize(
    "path", ["/intake", "/report/a/b", "/report-card", "/reports", "/assets/index-AbC123.js"]
)
async def test_other_addresses_preload_nothing(
    preloading_client: httpx.AsyncClient, path: str
) -> None:
    answer = await preloading_client.get(path)
    assert answer.status_code == 200
    assert "link" not in answer.headers
