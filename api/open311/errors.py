"""Open311 errors: `[{"code": 400, "description": "..."}]`, or `<errors><error>` in XML.

GeoReport knows three answers: 403 (a missing or bad api_key), 404 (an unknown service,
request or token) and 400 (anything else malformed); a key over its quota gets 429. Every
handler the app has is wrapped so that on /open311/ paths, and only there, its error is told
in this format instead of problem+json: validation errors, 405, 413 and 500 included.
"""

import json
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from api.allow import headers_of
from api.open311.formats import format_of_path, render
from domain.jurisdictions.model import OutOfJurisdiction
from domain.requests.submission import AddressNotFound
from domain.shared.errors import DomainError, Forbidden, NotFound, RateLimited, Unauthenticated

PREFIX = "/open311/"
Handler = Callable[[Request, Exception], Awaitable[Response]]


class Open311Error(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def open311_response(path: str, status: int, description: str) -> Response:
    body = [{"code": status, "description": description[:1000]}]
    return render(body, format_of_path(path), "errors", status)


def describe(error: Exception) -> tuple[int, str] | None:
    """The GeoReport status and description of an error we know, else None."""
    if isinstance(error, Open311Error):
        return error.status, error.description
    if isinstance(error, OutOfJurisdiction):
        return 400, _referral_text(error)
    if isinstance(error, AddressNotFound):
        candidates = "; ".join(c.address for c in error.candidates[:5])
        return 400, error.detail + (f" (candidates: {candidates})" if candidates else "")
    if isinstance(error, NotFound):
        return 404, error.detail
    if isinstance(error, Forbidden | Unauthenticated):
        return 403, error.detail
    if isinstance(error, RateLimited):
        return 429, error.detail
    if isinstance(error, DomainError):
        return 400, error.detail
    if isinstance(error, RequestValidationError):
        return 400, _validation_text(error)
    if isinstance(error, HTTPException):
        detail = error.detail if isinstance(error.detail, str) else "the request failed"
        return error.status_code, detail
    return None


def _from_problem(response: Response) -> tuple[int, str]:
    """Another handler's answer, told the GeoReport way (its 422 is a GeoReport 400)."""
    status = response.status_code
    try:
        detail = str(json.loads(bytes(response.body)).get("detail", ""))
    except (ValueError, AttributeError):
        detail = ""
    if status == 503:  # the database away, or a statement past its timeout: retry later
        return 503, detail or "the service is unavailable for a moment; retry later"
    if status >= 500:
        return 500, "something went wrong; the error was logged"
    if status == 422:
        status = 400
    return status, detail or "the request is not valid"


def _referral_text(error: OutOfJurisdiction) -> str:
    text = error.detail
    referral = error.resolution.responsible.referral
    if referral is not None:
        contacts = [
            f"{label}: {value}"
            for label, value in vars(referral).items()
            if isinstance(value, str) and value
        ]
        text += " Referral: " + ", ".join(contacts)
    return text


def _validation_text(error: RequestValidationError) -> str:
    parts = []
    for detail in error.errors():
        location = [str(p) for p in detail.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(location) or 'request'}: {detail.get('msg', 'is not valid')}")
    return "; ".join(parts)[:1000] or "the request is not valid"


def _wrap(original: Handler) -> Handler:
    async def handler(request: Request, error: Exception) -> Response:
        if not request.url.path.startswith(PREFIX):
            return await original(request, error)
        known, retry_after = describe(error), None
        if known is None:  # e.g. a database error: its handler logs it and picks the status
            answer = await original(request, error)
            known, retry_after = _from_problem(answer), answer.headers.get("Retry-After")
        response = open311_response(request.url.path, *known)
        if isinstance(error, HTTPException):
            response.headers.update(headers_of(request, error.status_code, error.headers))
        if isinstance(error, RateLimited):
            response.headers["Retry-After"] = str(int(error.retry_after.total_seconds()))
        if retry_after is not None:
            response.headers["Retry-After"] = retry_after
        return response

    return handler


def install_open311_errors(app: FastAPI) -> None:
    """Call after every other handler is installed."""
    for kind, original in list(app.exception_handlers.items()):
        app.add_exception_handler(kind, _wrap(original))  # type: ignore[arg-type]
    if Open311Error not in app.exception_handlers:
        app.add_exception_handler(Open311Error, _wrap(_unreachable))


async def _unreachable(request: Request, error: Exception) -> Response:
    known = describe(error) or (500, "something went wrong")
    return open311_response(request.url.path, *known)


def too_large(path: str, limit: int) -> Response | None:
    """The 413 of the body limit, in Open311 form on Open311 paths (None elsewhere)."""
    if not path.startswith(PREFIX):
        return None
    return open311_response(path, 413, f"the body is larger than {limit} bytes")
