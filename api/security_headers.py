"""The security headers of every answer, set here and only here.

An HTML page (the SPA, the residents' pages, /docs) gets a Content-Security-Policy that loads
scripts and styles from this origin only, with no 'unsafe-inline': the Vite build writes no
inline script or style, and /docs starts Swagger UI from a served script (api/docs.py). React
sets `style` props through the CSSOM, which CSP does not govern. Images may also be data: and
blob: URLs (the photo preview draws a resized copy on a canvas). Every other answer (JSON,
problem+json, CSV, GeoJSON) gets a policy that allows nothing. A route that sets its own policy
keeps it (a served photo is sandboxed).

HSTS is sent only on an answer that went out over HTTPS: the request's own scheme, or
X-Forwarded-Proto from one of FRONTDOOR_TRUSTED_PROXIES (the same proxies whose
X-Forwarded-For is believed, api/public_guards.py). Over plain HTTP it would mean nothing, and
a development server on localhost must not pin a browser to HTTPS.
"""

from ipaddress import ip_address

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.public_guards import Network

PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=63072000; includeSubDomains"
PERMISSIONS = ", ".join(
    (
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "bluetooth=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
    )
)
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS,
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def policy_for(content_type: str) -> str:
    return PAGE_POLICY if content_type.startswith("text/html") else API_POLICY


def _header(scope: Scope, name: bytes) -> str:
    values = [v.decode("latin-1") for n, v in scope.get("headers", ()) if n == name]
    return ",".join(values)


def over_https(scope: Scope, proxies: tuple[Network, ...]) -> bool:
    """The request came over HTTPS, to us or to a trusted proxy in front of us."""
    if scope.get("scheme") == "https":
        return True
    client = scope.get("client")
    try:
        peer = ip_address(client[0]) if client else None
    except ValueError:
        peer = None
    if peer is None or not any(peer in network for network in proxies):
        return False
    hops = [h.strip().lower() for h in _header(scope, b"x-forwarded-proto").split(",")]
    return hops[-1] == "https"  # the one the nearest proxy saw


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, trusted_proxies: tuple[Network, ...] = ()) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = over_https(scope, self.trusted_proxies)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                policy = policy_for(headers.get("content-type", ""))
                headers.setdefault("Content-Security-Policy", policy)
                if https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
