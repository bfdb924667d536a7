"""CORS for a web portal on another origin: only the exact origins of FRONTDOOR_CORS_ORIGINS.

Without the setting no CORS header is ever sent. Credentials are not allowed: the API takes
its tokens and keys in headers, never in cookies, so no origin needs them (and `*` is refused
by the setting's check)."""

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import PlainTextResponse, Response
from starlette.types import Message, Receive, Scope, Send

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
REQUEST_HEADERS = [
    "Accept",
    "Accept-Language",
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "X-API-Key",
]
EXPOSED_HEADERS = [
    "Content-Disposition",
    "Content-Language",
    "ETag",
    "Location",
    "RateLimit",
    "RateLimit-Policy",
    "Retry-After",
    "X-Request-ID",
]
PREFLIGHT_CACHE_SECONDS = 600


class ExactOriginsCORS(CORSMiddleware):
    """Starlette's, but another origin learns nothing of the policy: no CORS header at all,
    on its preflight or its request (only Vary: Origin, so no cache mixes the answers)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        if not self.is_allowed_origin(request_headers["origin"]):
            return PlainTextResponse("Disallowed CORS origin", status_code=400)
        return super().preflight_response(request_headers)

    async def simple_response(
        self, scope: Scope, receive: Receive, send: Send, request_headers: Headers
    ) -> None:
        if self.is_allowed_origin(request_headers["origin"]):
            await super().simple_response(scope, receive, send, request_headers)
            return

        async def send_varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_varying)


def install_cors(app: FastAPI, origins: list[str]) -> None:
    """Call last: CORS must be the outermost middleware, so preflights never reach a route
    and even errors of the other middlewares carry the headers."""
    if not origins:
        return
    app.add_middleware(
        ExactOriginsCORS,
        allow_origins=origins,
        allow_methods=METHODS,
        allow_headers=REQUEST_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
