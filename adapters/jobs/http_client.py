"""The one place webhook HTTP clients come from."""

from collections.abc import Callable

import httpx

HttpClientFactory = Callable[[], httpx.AsyncClient]


def webhook_client_factory(timeout_seconds: float) -> HttpClientFactory:
    """Clients that never follow redirects (a 3xx is a failed attempt, not a new target).

    The SSRF guard (adapters/http/ssrf.py) plugs in here as the client's transport.
    """

    def make() -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds),
            follow_redirects=False,
            headers={"user-agent": "Frontdoor-Webhooks/1"},
        )

    return make
