"""Serves the agent SPA (frontend/dist, built by `make run`) at `/`.

Hashed assets (`/assets/...`) never change under their name: cached for a year, immutable.
index.html and the other root files are revalidated on every load (`no-cache`), so a new build
reaches every agent at once. Client routes (`/intake`, `/requests/26-00000123`) fall back to
index.html. The server's own paths never match here, so an unknown API path stays the API's
404 problem and a wrong method on an API path stays its 405.

The build writes each text file's Brotli and gzip twins beside it (frontend/scripts/
precompress.mjs); a browser that accepts one gets it, so a phone downloads a quarter of the
bytes and the server spends no time compressing.

For a residents' address the HTML answer names that page's own chunks in a `Link` header
(modulepreload), from the build's `.vite/route-preloads.json`: the browser fetches them with the
app's code instead of after it has run, which a phone on a slow link feels as one round trip less.
"""

import json
import mimetypes
import re
from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import Match, Route
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# The encodings the build writes, best first, with the file suffix each has.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))
SERVER_PATHS = frozenset(
    {"api", "open311", "healthz", "readyz", "metrics", "docs", "redoc", "openapi.json"}
)


ROUTE_PRELOADS = Path(".vite") / "route-preloads.json"


def is_server_path(path: str) -> bool:
    return path.lstrip("/").split("/", 1)[0] in SERVER_PATHS


class SpaRoute(Route):
    """A catch-all GET route that steps aside for the server's own paths."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and is_server_path(scope["path"]):
            return Match.NONE, {}
        return super().matches(scope)


def _file_in(root: Path, path: str) -> Path | None:
    """The file `path` names inside `root`, or None (also for anything escaping `root`)."""
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def accepted(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (a zero q-value refuses one)."""
    codings = set()
    for part in header.split(","):
        name, _, parameters = part.strip().partition(";")
        refused = parameters.replace(" ", "").lower() in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
        if name and not refused:
            codings.add(name.strip().lower())
    return codings


def _pattern(route: str) -> re.Pattern[str]:
    """A client route (`/report/:serviceCode`) as a regular expression of the paths it matches."""
    parts = ("[^/]+" if part.startswith(":") else re.escape(part) for part in route.split("/"))
    return re.compile("/".join(parts) + "/?" if route != "/" else "/")


def _link(route: dict[str, list[str]]) -> str:
    modules = (f"<{href}>; rel=modulepreload" for href in route["modules"])
    styles = (f"<{href}>; rel=preload; as=style" for href in route["styles"])
    return ", ".join([*modules, *styles])


def route_preloads(root: Path) -> list[tuple[re.Pattern[str], str]]:
    """Each public route's pattern and its `Link` header value; none without the build's file."""
    file = root / ROUTE_PRELOADS
    if not file.is_file():
        return []
    return [(_pattern(route["path"]), _link(route)) for route in json.loads(file.read_text())]


def preload_for(routes: list[tuple[re.Pattern[str], str]], path: str) -> dict[str, str]:
    for pattern, link in routes:
        if pattern.fullmatch(path):
            return {"Link": link}
    return {}


def file_response(
    request: Request, found: Path, cache: str, extra: dict[str, str] | None = None
) -> FileResponse:
    """`found`, or its precompressed twin in an encoding the browser accepts."""
    headers = {"Cache-Control": cache, "Vary": "Accept-Encoding", **(extra or {})}
    allowed = accepted(request.headers.get("accept-encoding", ""))
    media_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
    for coding, suffix in PRECOMPRESSED:
        twin = found.with_name(found.name + suffix)
        if coding in allowed and twin.is_file():
            headers["Content-Encoding"] = coding
            return FileResponse(twin, headers=headers, media_type=media_type)
    return FileResponse(found, headers=headers, media_type=media_type)


def mount_spa(app: FastAPI, directory: Path) -> None:
    """Serves the built SPA in `directory`; call it after every API router is included."""
    root = directory.resolve()
    index = root / "index.html"
    preloads = route_preloads(root)

    async def spa(request: Request) -> FileResponse:
        path = request.path_params["path"]
        found = _file_in(root, path) if path else None
        if found is not None:
            immutable = found.is_relative_to(root / "assets")
            cache = IMMUTABLE if immutable else REVALIDATE
            return file_response(request, found, cache)
        if "." in path.rsplit("/", 1)[-1]:
            raise HTTPException(status_code=404)  # a missing file, not a client route
        return file_response(request, index, REVALIDATE, preload_for(preloads, request.url.path))

    app.router.routes.append(SpaRoute("/{path:path}", spa, methods=["GET", "HEAD"], name="spa"))
