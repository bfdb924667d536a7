"""CORS only for the exact origins of FRONTDOOR_CORS_ORIGINS; none at all by default."""

import httpx
import pytest
from pydantic import ValidationError

from api.settings import Settings
from tests.api.auth.conftest import Serve

PORTAL = "https://portal.example.org"
LOOKUP = "/api/v1/requests/lookup"
BODY = {"email": "cors@example.net", "last_name": "Guess"}


def preflight(origin: str, headers: str = "content-type, idempotency-key") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": headers,
    }


def cors_headers(answer: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in answer.headers.items() if k.startswith("access-control-")}


async def test_an_allowed_origin_gets_its_preflight_and_its_answer(serve: Serve) -> None:
    async with serve(cors_origins=f"{PORTAL}, http://localhost:5173") as client:
        asked = preflight(PORTAL, "authorization, content-type, if-match, x-api-key")
        allowed = await client.options(LOOKUP, headers=asked)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == PORTAL
        assert "access-control-allow-credentials" not in allowed.headers
        assert "POST" in allowed.headers["access-control-allow-methods"]
        granted = allowed.headers["access-control-allow-headers"].lower()
        for header in ("authorization", "idempotency-key", "if-match", "x-api-key"):
            assert header in granted
        answer = await client.post(LOOKUP, json=BODY, headers={"Origin": PORTAL})
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == PORTAL
        exposed = answer.headers["access-control-expose-headers"].lower()
        for header in ("etag", "location", "retry-after", "ratelimit", "ratelimit-policy"):
            assert header in exposed.split(", ")


async def test_another_origin_gets_no_cors_headers(serve: Serve) -> None:
    async with serve(cors_origins=PORTAL) as client:
        refused = await client.options(LOOKUP, headers=preflight("https://evil.example"))
        assert refused.status_code == 400
        assert cors_headers(refused) == {}
        answer = await client.post(LOOKUP, json=BODY, headers={"Origin": "https://evil.example"})
        assert answer.status_code == 200
        assert cors_headers(answer) == {}
        assert answer.headers["Vary"] == "Origin"


async def test_by_default_no_origin_gets_cors_headers(serve: Serve) -> None:
    async with serve() as client:
        answer = await client.post(LOOKUP, json=BODY, headers={"Origin": PORTAL})
        assert answer.status_code == 200
        assert cors_headers(answer) == {}
        asked = await client.options(LOOKUP, headers=preflight(PORTAL))
        assert cors_headers(asked) == {}


@pytest.mark.parametrize(
    "origins", ["*", "https://*.example.org", "https://portal.example.org/app", "portal.example"]
)
def test_only_exact_origins_are_accepted(origins: str) -> None:
    with pytest.raises(ValidationError, match="is not an origin"):
        Settings(cors_origins=origins)
