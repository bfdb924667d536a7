"""Every answer carries the security headers: a page's CSP, the API's deny-all CSP, HSTS on
HTTPS only (its own scheme, or X-Forwarded-Proto from a trusted proxy)."""

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.bootstrap import Container
from api.security_headers import API_POLICY, HSTS, PAGE_POLICY
from api.settings import Settings

COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
    "x-frame-options": "DENY",
}


@pytest.fixture
def spa_dir(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    return tmp_path


def _client(app: FastAPI, base_url: str = "http://testserver") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url=base_url)


@pytest.fixture
async def site(
    settings: Settings, container: Container, spa_dir: Path
) -> AsyncIterator[httpx.AsyncClient]:
    # The test transport's peer is 127.0.0.1: a trusted proxy here.
    update = {"spa_dir": str(spa_dir), "trusted_proxies": "127.0.0.1/32"}
    app = create_app(settings.model_copy(update=update), container)
    app.state.container = container
    async with _client(app) as client:
        yield client


def assert_common(answer: httpx.Response) -> None:
    for name, value in COMMON.items():
        assert answer.headers[name] == value, name
    permissions = answer.headers["permissions-policy"]
    assert "geolocation=(self)" in permissions and "camera=()" in permissions


def directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in policy.split(";"))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def test_the_page_policy_allows_no_inline_code_and_no_other_origin() -> None:
    page = directives(PAGE_POLICY)
    assert "unsafe-inline" not in PAGE_POLICY and "unsafe-eval" not in PAGE_POLICY
    assert page["script-src"] == "'self'" and page["style-src"] == "'self'"
    assert page["img-src"] == "'self' data: blob:"
    assert page["connect-src"] == "'self'"
    assert page["frame-ancestors"] == "'none'" and page["object-src"] == "'none'"
    assert page["base-uri"] == "'self'" and page["form-action"] == "'self'"


@pytest.mark.parametrize("path", ["/", "/intake", "/report/trm-pothole-repair", "/status"])
async def test_spa_and_residents_pages_get_the_page_policy(
    site: httpx.AsyncClient, path: str
) -> None:
    answer = await site.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"] == PAGE_POLICY
    assert_common(answer)
    assert "strict-transport-security" not in answer.headers


async def test_a_json_answer_gets_the_deny_all_policy(site: httpx.AsyncClient) -> None:
    answer = await site.get("/api/v1/site")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["content-security-policy"] == API_POLICY
    assert_common(answer)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/requests", 401),
        ("GET", "/api/v1/no-such-thing", 404),
        ("DELETE", "/api/v1/site", 405),
        ("POST", "/api/v1/auth/token", 422),
    ],
)
async def test_an_error_answer_gets_the_deny_all_policy(
    site: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    answer = await site.request(method, path)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.headers["content-security-policy"] == API_POLICY
    assert_common(answer)


async def test_docs_get_the_page_policy(site: httpx.AsyncClient) -> None:
    answer = await site.get("/docs")
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"] == PAGE_POLICY
    assert_common(answer)


async def test_docs_have_no_inline_script_and_load_nothing_from_elsewhere(
    site: httpx.AsyncClient,
) -> None:
    page = (await site.get("/docs")).text
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S | re.I)
    assert len(scripts) == 2
    assert all(' src="/docs/assets/' in attributes for attributes, _ in scripts)
    assert all(body.strip() == "" for _, body in scripts)
    assert "<style" not in page.lower() and " style=" not in page.lower()
    assert "http://" not in page and "https://" not in page
    assert 'data-openapi="/openapi.json"' in page


@pytest.mark.parametrize(
    ("asset", "kind"),
    [
        ("swagger-ui-bundle.js", "javascript"),
        ("swagger-init.js", "javascript"),
        ("swagger-ui.css", "text/css"),
    ],
)
async def test_swagger_ui_is_served_from_this_origin(
    site: httpx.AsyncClient, asset: str, kind: str
) -> None:
    answer = await site.get(f"/docs/assets/{asset}")
    assert answer.status_code == 200
    assert kind in answer.headers["content-type"]
    assert answer.headers["x-content-type-options"] == "nosniff"


async def test_redoc_and_the_oauth_redirect_are_not_served(site: httpx.AsyncClient) -> None:
    assert (await site.get("/redoc")).status_code == 404
    assert (await site.get("/docs/oauth2-redirect")).status_code == 404


async def test_hsts_over_https(site: httpx.AsyncClient) -> None:
    answer = await site.get("https://testserver/api/v1/site")
    assert answer.headers["strict-transport-security"] == HSTS


@pytest.mark.parametrize("path", ["/", "/api/v1/site", "/api/v1/no-such-thing"])
async def test_hsts_when_a_trusted_proxy_says_https(site: httpx.AsyncClient, path: str) -> None:
    answer = await site.get(path, headers={"X-Forwarded-Proto": "https"})
    assert answer.headers["strict-transport-security"] == HSTS


@pytest.mark.parametrize("proto", [None, "http", "https, http"])
async def test_no_hsts_over_http(site: httpx.AsyncClient, proto: str | None) -> None:
    headers = {"X-Forwarded-Proto": proto} if proto else {}
    answer = await site.get("/api/v1/site", headers=headers)
    assert "strict-transport-security" not in answer.headers


async def test_no_hsts_when_an_untrusted_peer_says_https(app: FastAPI) -> None:
    async with _client(app) as client:  # FRONTDOOR_TRUSTED_PROXIES is empty here
        answer = await client.get("/api/v1/site", headers={"X-Forwarded-Proto": "https"})
    assert answer.status_code == 200
    assert "strict-transport-security" not in answer.headers
