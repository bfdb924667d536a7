"""A deadline on every request: past it, the work is cancelled and the answer is 503.

FRONTDOOR_REQUEST_TIMEOUT_SECONDS (30) for every route, FRONTDOOR_LONG_REQUEST_TIMEOUT_SECONDS
(300) for the exports and the imports, which stream or load much more. Cancelling the route's
task cancels its query too (asyncpg sends PostgreSQL a cancel request); the engine's
statement_timeout (FRONTDOOR_STATEMENT_TIMEOUT_SECONDS) is the server's own backstop, for a
query whose client is gone. An answer already under way cannot become a 503: it is cut off,
and the client sees a broken response rather than a truncated one passed as whole.
"""

import asyncio
import logging

from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.open311 import errors as open311_errors
from api.problems import problem_response

log = logging.getLogger("frontdoor.errors")

TIMEOUT_RETRY_AFTER_SECONDS = 5


class RequestDeadlineMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        seconds: float,
        long_seconds: float,
        long_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.seconds = seconds
        self.long_seconds = long_seconds
        self.long_prefixes = long_prefixes

    def deadline_for(self, path: str) -> float:
        return self.long_seconds if path.startswith(self.long_prefixes) else self.seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        seconds = self.deadline_for(path)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        deadline = asyncio.timeout(seconds)
        try:
            async with deadline:
                await self.app(scope, receive, tracking_send)
        except TimeoutError:
            if not deadline.expired() or started:
                raise
            log.warning("request deadline passed", extra={"fields": {"path": path}})
            await timed_out(seconds, path)(scope, receive, send)


def timed_out(seconds: float, path: str) -> Response:
    """problem+json; Open311's own error format on its paths."""
    detail = f"the request took longer than {seconds:g} seconds and was stopped; retry later"
    headers = {"Retry-After": str(TIMEOUT_RETRY_AFTER_SECONDS)}
    if path.startswith(open311_errors.PREFIX):
        answer = open311_errors.open311_response(path, 503, detail)
        answer.headers.update(headers)
        return answer
    return problem_response(503, detail, headers=headers, instance=path or None)


def statement_timed_out(path: str) -> JSONResponse:
    """PostgreSQL cancelled a statement at FRONTDOOR_STATEMENT_TIMEOUT_SECONDS (57014)."""
    log.warning("statement timeout", extra={"fields": {"path": path}})
    detail = "a database query took too long and was stopped; retry later"
    headers = {"Retry-After": str(TIMEOUT_RETRY_AFTER_SECONDS)}
    return problem_response(503, detail, headers=headers, instance=path or None)
