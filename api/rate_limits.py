"""The RateLimit header fields, on every response of a limited route (429s and others).

draft-ietf-httpapi-ratelimit-headers-11: `RateLimit-Policy: "name";q=30;w=900` names each
quota and its window in seconds; `RateLimit: "name";r=12;t=340` tells what remains of it
and the seconds until its window ends. Routes record the quotas they checked in the ASGI
scope; the middleware writes the fields when the response starts, whatever the answer.
"""

from datetime import timedelta
from uuid import UUID

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.bootstrap import Container
from domain.shared.errors import RateLimited
from domain.shared.rate_limits import Quota

SCOPE_KEY = "frontdoor.quotas"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MINUTE = timedelta(minutes=1)
API_KEY_WRITES = "api-key-writes"


def record(request: Request, policy: str, quota: Quota) -> None:
    """Tell the caller about `quota` in the response's RateLimit fields."""
    request.scope.setdefault(SCOPE_KEY, {})[policy] = quota


def refusal(detail: str, *quotas: Quota) -> RateLimited:
    """429 until the longest-waiting of the used-up quotas starts a new window."""
    used_up = [q for q in quotas if not q.allowed] or list(quotas)
    return RateLimited(detail, max(q.reset for q in used_up))


def _seconds(span: timedelta) -> int:
    return int(span.total_seconds())


def header_fields(quotas: dict[str, Quota]) -> dict[str, str]:
    policies = [f'"{name}";q={q.limit};w={_seconds(q.window)}' for name, q in quotas.items()]
    states = [f'"{name}";r={q.remaining};t={_seconds(q.reset)}' for name, q in quotas.items()]
    return {"RateLimit-Policy": ", ".join(policies), "RateLimit": ", ".join(states)}


class RateLimitHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_fields(message: Message) -> None:
            quotas = scope.get(SCOPE_KEY)
            if message["type"] == "http.response.start" and quotas:
                MutableHeaders(scope=message).update(header_fields(quotas))
            await send(message)

        await self.app(scope, receive, send_with_fields)


async def count_key_write(request: Request, container: Container, key_id: UUID) -> None:
    """A POST (or other write) with an API key counts against the key's quota per minute."""
    if request.method in SAFE_METHODS:
        return
    limit = container.settings.api_key_writes_per_minute
    quota = await container.rate_limiter.hit(
        f"apikey:{key_id}", limit, MINUTE, container.clock.now()
    )
    record(request, API_KEY_WRITES, quota)
    if not quota.allowed:
        raise refusal(f"this API key may write {limit} times a minute", quota)
