"""Idempotency-Key on every POST of /api/v1 and /open311/v2 (a pure ASGI middleware).

The first answer to a key is kept for 24 hours and replayed, byte for byte, to a retry with
the same key and the same request; the same key with another request is refused (422), and a
retry while the first is still running is told to wait (409 with Retry-After). Server errors
are not kept, so that the retry runs again. The rules are in domain/idempotency.

An expired key is taken over by the next claim of it; the worker's retention sweep deletes the
others in batches (adapters/db/retention.py), outside the request path.
"""

from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import public_problems
from api.caller_scope import caller_scope
from api.problems import problem_response
from api.public_problems import is_public
from domain.idempotency.model import (
    Claimed,
    InFlight,
    MalformedKey,
    Mismatch,
    Replay,
    StoredResponse,
    fingerprint,
    is_kept,
    parse_key,
)
from domain.idempotency.ports import IdempotencyStore

COVERED_PREFIXES = ("/api/v1/", "/open311/v2/")
# Token answers are secrets, and signing in again is harmless: never kept.
EXCLUDED_PREFIXES = ("/api/v1/auth/",)
REPLAYED_HEADERS = frozenset(
    {"content-type", "location", "etag", "content-location", "last-modified", "link"}
)
RETRY_AFTER_SECONDS = 1


def covers(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    return (
        scope["type"] == "http"
        and scope.get("method") == "POST"
        and path.startswith(COVERED_PREFIXES)
        and not path.startswith(EXCLUDED_PREFIXES)
    )


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw_key = Headers(scope=scope).get("idempotency-key") if covers(scope) else None
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        try:
            key = parse_key(raw_key)
        except MalformedKey as error:
            await _refuse(scope, receive, send, 400, str(error))
            return
        body = await _read_body(receive)
        container = scope["app"].state.container
        caller = await caller_scope(scope, body, container.tokens, container.identity_provider)
        if caller is None:
            await self.app(scope, _replaying(body, receive), send)
            return
        await self._run_once(scope, receive, send, _Attempt(caller, key, body, container))

    async def _run_once(
        self, scope: Scope, receive: Receive, send: Send, attempt: "_Attempt"
    ) -> None:
        store, now = attempt.store, attempt.clock.now()
        query = scope.get("query_string", b"").decode("latin-1")
        mark = fingerprint(scope["method"], scope["path"], query, attempt.body)
        claim = await store.claim(attempt.caller, attempt.key, mark, now)
        if isinstance(claim, Replay):
            await _replay(claim.response, scope, receive, send)
        elif isinstance(claim, Mismatch):
            detail = "this Idempotency-Key was used for a different request; use a new key"
            await _refuse(scope, receive, send, 422, detail)
        elif isinstance(claim, InFlight):
            detail = "a request with this Idempotency-Key is still being processed; retry later"
            headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            await _refuse(scope, receive, send, 409, detail, headers)
        else:
            assert isinstance(claim, Claimed)
            await self._first_run(scope, receive, send, attempt)

    async def _first_run(
        self, scope: Scope, receive: Receive, send: Send, attempt: "_Attempt"
    ) -> None:
        recorder = _Recorder(send)
        try:
            await self.app(scope, _replaying(attempt.body, receive), recorder.send)
        except BaseException:
            await attempt.store.release(attempt.caller, attempt.key)
            raise
        response = recorder.response()
        if response is not None and is_kept(response.status):
            await attempt.store.complete(attempt.caller, attempt.key, response, attempt.clock.now())
        else:
            await attempt.store.release(attempt.caller, attempt.key)


class _Attempt:
    def __init__(self, caller: str, key: str, body: bytes, container: Any) -> None:
        self.caller, self.key, self.body = caller, key, body
        self.store: IdempotencyStore = container.idempotency
        self.clock = container.clock


class _Recorder:
    """Passes the answer on as it goes, and keeps a copy of it."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._status: int | None = None
        self._headers: list[tuple[str, str]] = []
        self._body = bytearray()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._status = int(message["status"])
            self._headers = [
                (name.decode("latin-1").lower(), value.decode("latin-1"))
                for name, value in message.get("headers", ())
            ]
        elif message["type"] == "http.response.body":
            self._body += message.get("body", b"")
        await self._send(message)

    def response(self) -> StoredResponse | None:
        if self._status is None:
            return None
        kept = tuple((n, v) for n, v in self._headers if n in REPLAYED_HEADERS)
        return StoredResponse(self._status, kept, bytes(self._body))


async def _read_body(receive: Receive) -> bytes:
    chunks = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks += message.get("body", b"")
        if not message.get("more_body", False):
            break
    return bytes(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """The body once more for the application, then whatever the client sends next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _replay(stored: StoredResponse, scope: Scope, receive: Receive, send: Send) -> None:
    response = Response(stored.body, status_code=stored.status)
    response.raw_headers = [
        *((n.encode("latin-1"), v.encode("latin-1")) for n, v in stored.headers),
        (b"content-length", str(len(stored.body)).encode()),
        (b"idempotent-replayed", b"true"),
    ]
    await response(scope, receive, send)


async def _refuse(
    scope: Scope,
    receive: Receive,
    send: Send,
    status: int,
    detail: str,
    headers: dict[str, str] | None = None,
) -> None:
    """problem+json on /api/v1 (in the visitor's language on the public pages); Open311's own
    error list on /open311."""
    response: Response
    if is_public(scope.get("path", "")):
        response = public_problems.key_problem(scope, status, headers)
    elif scope.get("path", "").startswith("/open311/"):
        body = [{"code": status, "description": detail}]
        response = JSONResponse(body, status_code=status, headers=headers)
    else:
        response = problem_response(status, detail, headers=headers, instance=scope.get("path"))
    await response(scope, receive, send)


KEY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 257},
    "description": (
        "Makes a retry safe: the first answer to this key is replayed for 24 hours to the "
        "same request (409 while it runs, 422 for another request under the same key)."
    ),
}


def document_idempotency_key(schema: dict[str, Any]) -> None:
    """Declare the header on every covered POST of the OpenAPI document."""
    for path, operations in schema.get("paths", {}).items():
        post = operations.get("post")
        if post is None or not covers({"type": "http", "method": "POST", "path": path}):
            continue
        parameters = post.setdefault("parameters", [])
        if all(p.get("name") != "Idempotency-Key" for p in parameters):
            parameters.append(KEY_PARAMETER)
