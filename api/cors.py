"""CORS for a web portal on another origin: only the exact origins of FRONTDOOR_CORS_ORIGINS.

Without the setting no CORS header is ever sent. Credentials are not allowed: the API takes
its tokens and keys in headers, never in cookies, so no origin needs them (and `*` is refused
by the setting's check)."""

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

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


def install_cors(app: FastAPI, origins: list[str]) -> None:
    """Call last: CORS must be the outermost middleware, so preflights never reach a route
    and even errors of the other middlewares carry the headers."""
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=METHODS,
        allow_headers=REQUEST_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
