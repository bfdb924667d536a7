"""Every route the live app serves, as (method, path template): the matrix's rows."""

from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.routing import _IncludedRouter
from starlette.routing import BaseRoute

# The SPA's catch-all serves files, not data.
NOT_OURS = {"/{path:path}"}


def _flat(routes: list[BaseRoute]) -> Iterator[BaseRoute]:
    for route in routes:
        if isinstance(route, _IncludedRouter):
            yield from _flat(list(route.effective_candidates()))
        else:
            yield route


def served(app: FastAPI) -> set[tuple[str, str]]:
    """Each method of each route; HEAD goes with GET and is not a row of its own."""
    found = set()
    for route in _flat(app.routes):
        path = getattr(route, "path", None)
        if path is None or path in NOT_OURS:
            continue
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD":
                found.add((method, path))
    return found
