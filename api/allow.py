"""The Allow header of a 405: every method the path is served with.

Starlette names only the methods of the first route whose path matched, but several routes
often share a path (GET and PATCH of one resource are two functions); RFC 9110 section 10.2.1
wants them all. They are read from the OpenAPI document, which lists every route's methods
by path, so the header and the document never disagree.
"""

import re
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAMETER = re.compile(r"\{([^/{}]+)\}")
_SHAPES = {"integer": "[0-9]+", "uuid": "[0-9a-fA-F-]{32,36}"}


class _Path:
    def __init__(self, template: str, item: Mapping[str, Any]) -> None:
        shapes = _parameter_shapes(item)
        parts = _PARAMETER.split(template)  # literal, name, literal, name, ...
        self.parameters = len(parts) // 2
        self.pattern = re.compile(
            "".join(
                re.escape(part) if i % 2 == 0 else shapes.get(part, "[^/]+")
                for i, part in enumerate(parts)
            )
        )
        self.methods = {m.upper() for m in item if m in METHODS}
        if "GET" in self.methods:
            self.methods.add("HEAD")


def _parameter_shapes(item: Mapping[str, Any]) -> dict[str, str]:
    shapes = {}
    for method, operation in item.items():
        for parameter in operation.get("parameters", []) if method in METHODS else []:
            schema = parameter.get("schema", {})
            shape = _SHAPES.get(schema.get("format") or schema.get("type"))
            if parameter.get("in") == "path" and shape:
                shapes[parameter["name"]] = shape
    return shapes


def allowed_methods(request: Request) -> str:
    """The methods of the paths that match with the fewest parameters: a literal segment
    (`/requests/lookup`) is routed before a parameter (`/requests/{request_id}`)."""
    state = request.app.state
    if getattr(state, "openapi_paths", None) is None:
        paths = request.app.openapi().get("paths", {})
        state.openapi_paths = [_Path(template, item) for template, item in paths.items()]
    matching = [p for p in state.openapi_paths if p.pattern.fullmatch(request.url.path)]
    fewest = min((p.parameters for p in matching), default=0)
    methods = set().union(*(p.methods for p in matching if p.parameters == fewest))
    return ", ".join(sorted(methods))


def headers_of(request: Request, status: int, headers: Mapping[str, str] | None) -> dict[str, str]:
    """The error's headers, with the full Allow on a 405."""
    kept = dict(headers or {})
    if status == 405:
        kept["Allow"] = allowed_methods(request)
    return kept
