"""Refuse bodies over the limit (413) before the application reads them."""

from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem_response


class BodyTooLarge(HTTPException):
    """An HTTPException, so that FastAPI's body parsing re-raises it instead of answering 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the body is larger than {limit} bytes", {"Connection": "close"})


class BodyLimitMiddleware:
    """Checks Content-Length up front and counts streamed bytes for chunked bodies.

    Routes that take uploads or imports register their own larger limits by path prefix; a
    `*` segment in a prefix matches any one segment (`/api/v1/requests/*/photos`).
    """

    def __init__(
        self,
        app: ASGIApp,
        default_limit: int,
        limits: dict[str, int] | None = None,
        refusal: Callable[[Scope, int], Response | None] | None = None,
    ):
        """`refusal(scope, limit)` may answer a 413 in another format (None: problem+json)."""
        self.app = app
        self.refusal = refusal
        self.default_limit = default_limit
        self.limits = sorted((limits or {}).items(), key=lambda item: -len(item[0]))

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.limits:
            if _under(path, prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        custom = self.refusal(scope, limit) if self.refusal else None
        response = custom or problem_response(413, f"the body is larger than {limit} bytes")
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _under(path: str, prefix: str) -> bool:
    if "*" not in prefix:
        return path.startswith(prefix)
    wanted, parts = prefix.split("/"), path.split("/")
    return len(parts) >= len(wanted) and all(
        w == "*" or w == p for w, p in zip(wanted, parts, strict=False)
    )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def parse_body_limits(setting: str) -> dict[str, int]:
    """`prefix=bytes,...`; raises ValueError on anything else."""
    limits = {}
    for entry in filter(None, (part.strip() for part in setting.split(","))):
        prefix, equals, size = entry.partition("=")
        prefix = prefix.strip()
        if not equals or not prefix.startswith("/") or not size.strip().isdigit():
            raise ValueError(f"{entry!r} is not /path/prefix=bytes")
        if int(size) < 1:
            raise ValueError(f"{entry!r}: the limit must be at least one byte")
        limits[prefix] = int(size)
    return limits
