"""Every error becomes problem+json here, and only here."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException

from api import public_problems
from api.allow import headers_of
from api.database_errors import database_unavailable, database_unavailable_problem
from api.problems import FieldProblem, problem_response
from api.public_problems import is_public
from api.rate_limits import record
from api.request_deadline import statement_timed_out
from domain.jurisdictions.model import OutOfJurisdiction
from domain.media.model import MediaTooLarge, UnsupportedMedia
from domain.requests.submission import AddressNotFound
from domain.shared.errors import (
    Conflict,
    DomainError,
    Expired,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    Unauthenticated,
    ValidationFailed,
)

log = logging.getLogger("frontdoor.errors")

STATUS_OF: list[tuple[type[DomainError], int]] = [
    (Unauthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (Conflict, 409),
    (Expired, 410),
    (PreconditionFailed, 412),
    (MediaTooLarge, 413),
    (UnsupportedMedia, 415),
    (ValidationFailed, 422),
    (PreconditionRequired, 428),
    (RateLimited, 429),
]

JSON_SYNTAX = {"json_invalid", "json_type"}


def status_of(error: DomainError) -> int:
    for kind, status in STATUS_OF:
        if isinstance(error, kind):
            return status
    return 400


async def on_domain_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError)
    status = status_of(error)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if isinstance(error, RateLimited):
        headers = {"Retry-After": str(int(error.retry_after.total_seconds()))}
        for policy, quota in error.quotas.items():
            record(request, policy, quota)
    if is_public(request.url.path):
        return public_problems.domain_problem(request, error, status, headers)
    errors = None
    if isinstance(error, ValidationFailed):
        errors = [FieldProblem(field=e.field, message=e.message) for e in error.errors]
    return problem_response(status, error.detail, errors, headers, instance=request.url.path)


def _field_name(location: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


async def on_out_of_jurisdiction(request: Request, error: Exception) -> Response:
    """422 with the referral contact, so the agent or the app can say whom to call."""
    assert isinstance(error, OutOfJurisdiction)
    referral = error.resolution.responsible.referral
    extensions = {
        "type": "urn:frontdoor:problem:out-of-jurisdiction",
        "title": "Outside our jurisdiction",
        "referral": None if referral is None else referral.__dict__,
        "areas": [a.__dict__ for a in error.resolution.areas],
    }
    if is_public(request.url.path):
        return public_problems.place_problem(request, "out_of_jurisdiction", extensions)
    return problem_response(422, error.detail, instance=request.url.path, extensions=extensions)


async def on_address_not_found(request: Request, error: Exception) -> Response:
    """422 with the candidate addresses, so the agent or the app can offer a choice."""
    assert isinstance(error, AddressNotFound)
    extensions = {
        "type": "urn:frontdoor:problem:address-not-found",
        "title": "Address not found" if not error.candidates else "Ambiguous address",
        "candidates": [c.__dict__ for c in error.candidates],
    }
    if is_public(request.url.path):
        return public_problems.place_problem(request, "address_not_found", extensions)
    return problem_response(422, error.detail, instance=request.url.path, extensions=extensions)


async def on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    details = error.errors()
    public = is_public(request.url.path)
    if any(d.get("type") in JSON_SYNTAX for d in details):
        if public:
            return public_problems.status_problem(request, 400)
        return problem_response(400, "the body is not valid JSON", instance=request.url.path)
    if public:
        return public_problems.validation_problem(request, details, error.body)
    errors = [
        FieldProblem(field=_field_name(tuple(d.get("loc", ()))), message=str(d.get("msg", "")))
        for d in details
    ]
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors)[:500]
    return problem_response(422, detail, errors, instance=request.url.path)


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    detail = error.detail if isinstance(error.detail, str) else "the request failed"
    headers = headers_of(request, error.status_code, error.headers) or None
    if is_public(request.url.path):
        return public_problems.status_problem(request, error.status_code, headers)
    return problem_response(error.status_code, detail, headers=headers)


UNSTORABLE_TEXT = {"22021", "22P05"}  # a NUL byte or a character the encoding cannot hold
QUERY_CANCELED = "57014"  # statement_timeout


async def on_database_error(request: Request, error: Exception) -> Response:
    """Text PostgreSQL cannot store is bad input (422); a statement over the statement_timeout
    is 503; anything else is our fault (500)."""
    assert isinstance(error, DBAPIError)
    sqlstate = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    if sqlstate == QUERY_CANCELED:  # before: the driver counts it among the operator's errors
        return statement_timed_out(request.url.path)
    if database_unavailable(error):
        return database_unavailable_problem(request.url.path)
    if sqlstate in UNSTORABLE_TEXT and is_public(request.url.path):
        return public_problems.unstorable_text(request)
    if sqlstate in UNSTORABLE_TEXT:
        return problem_response(
            422,
            "the text holds a character that cannot be stored (such as NUL)",
            instance=request.url.path,
        )
    return await on_unexpected(request, error)


async def on_unexpected(request: Request, error: Exception) -> Response:
    """Also the last resort of errors raised outside the routes (the idempotency middleware
    reaches the database before any route runs)."""
    if database_unavailable(error):
        return database_unavailable_problem(request.url.path)
    log.exception("unhandled error", exc_info=error)
    return problem_response(500, "something went wrong; the error was logged")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(OutOfJurisdiction, on_out_of_jurisdiction)
    app.add_exception_handler(AddressNotFound, on_address_not_found)
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(DBAPIError, on_database_error)
    app.add_exception_handler(Exception, on_unexpected)
