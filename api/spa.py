"""Serves the agent SPA (frontend/dist, built by `make run`) at `/`.

Hashed assets (`/assets/...`) never change under their name: cached for a year, immutable.
index.html and the other root files are revalidated on every load (`no-cache`), so a new build
reaches every agent at once. Client routes (`/intake`, `/requests/26-00000123`) fall back to
index.html. The server's own paths never match here, so an unknown API path stays the API's
404 problem and a wrong method on an API path stays its 405.

The build writes each text file's Brotli and gzip twins beside it (frontend/scripts/
precompress.mjs); a browser that accepts one gets it, so a phone downloads a quarter of the
bytes and the server spends no time compressing.
"""

import mimetypes
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


def file_response(request: Request, found: Path, cache: str) -> FileResponse:
    """`found`, or its precompressed twin in an encoding the browser accepts."""
    headers = {"Cache-Control": cache, "Vary": "Accept-Encoding"}
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

    async def spa(request: Request) -> FileResponse:
        path = request.path_params["path"]
        found = _file_in(root, path) if path else None
        if found is not None:
            immutable = found.is_relative_to(root / "assets")
            cache = IMMUTABLE if immutable else REVALIDATE
            return file_response(request, found, cache)
        if "." in path.rsplit("/", 1)[-1]:
            raise HTTPException(status_code=404)  # a missing file, not a client route
        return file_response(request, index, REVALIDATE)

    app.router.routes.append(SpaRoute("/{path:path}", spa, methods=["GET", "HEAD"], name="spa"))
