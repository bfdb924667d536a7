"""/docs: Swagger UI served from this origin, started by a served script, never inline.

FastAPI's own page loads Swagger UI from a CDN and starts it with an inline script, which a
Content-Security-Policy without 'unsafe-inline' refuses. Here the bundle and its stylesheet
come from the fastapi-offline package (a maintained copy of swagger-ui-dist, on PyPI: no CDN,
nothing vendored into this repository) and the start-up code from api/docs_static. ReDoc is not
served: its styles are injected at run time, which the policy refuses too.
"""

from collections.abc import Awaitable, Callable
from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import Route

DOCS_PATH = "/docs"
ASSETS = DOCS_PATH + "/assets"
SWAGGER_DIST = Path(fastapi_offline.__file__).parent / "static"
OWN = Path(__file__).parent / "docs_static"
FILES = {
    "swagger-ui-bundle.js": SWAGGER_DIST / "swagger-ui-bundle.js",
    "swagger-ui.css": SWAGGER_DIST / "swagger-ui.css",
    "swagger-init.js": OWN / "swagger-init.js",
}
CACHE = "public, max-age=3600"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script id="swagger-init" src="{assets}/swagger-init.js" data-openapi="{openapi}"></script>
</body>
</html>
"""


def docs_page(title: str, openapi_url: str) -> str:
    return PAGE.format(title=escape(title), assets=ASSETS, openapi=escape(openapi_url))


def _serve(file: Path) -> Callable[[Request], Awaitable[FileResponse]]:
    async def serve(request: Request) -> FileResponse:
        return FileResponse(file, headers={"Cache-Control": CACHE})

    return serve


def mount_docs(app: FastAPI) -> None:
    """Call on an app built with docs_url=None and redoc_url=None."""
    page = docs_page(f"{app.title} - Swagger UI", app.openapi_url or "/openapi.json")

    async def docs() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    app.add_api_route(DOCS_PATH, docs, methods=["GET"], include_in_schema=False)
    for name, file in FILES.items():
        route = Route(f"{ASSETS}/{name}", _serve(file), methods=["GET", "HEAD"], name=name)
        app.router.routes.append(route)
