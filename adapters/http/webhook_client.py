"""The one place webhook HTTP clients come from."""

from collections.abc import Callable

import httpx

from adapters.http.ssrf import OutboundPolicy, PinningTransport

HttpClientFactory = Callable[[], httpx.AsyncClient]


def webhook_client_factory(timeout_seconds: float, policy: OutboundPolicy) -> HttpClientFactory:
    """Clients that never follow redirects (a 3xx is a failed attempt, not a new target) and
    reach only addresses the SSRF guard vets, pinned for the connection (no DNS rebinding)."""

    def make() -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=PinningTransport(policy),
            timeout=httpx.Timeout(timeout_seconds),
            follow_redirects=False,
            trust_env=False,
            headers={"user-agent": "Frontdoor-Webhooks/1"},
        )

    return make
