"""Problems on /api/v1/public, in the visitor's language, each field error next to its field.

The visitor's language is the form's `language`, else `?lang=`, else Accept-Language; English
when we write none of those. The English `detail` of other paths stays as it is.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import Scope

from api.language import accepted_languages
from api.problems import FieldProblem, problem_response
from api.public_messages import WRITTEN, has_message, message
from domain.guards.errors import Refused
from domain.shared.errors import DomainError, ValidationFailed
from domain.shared.languages import Languages

PUBLIC_PREFIX = "/api/v1/public/"
LANGUAGES = Languages(WRITTEN[0], WRITTEN[1:])

PYDANTIC_CODES = {
    "missing": "missing",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "float_parsing": "not_a_number",
    "float_type": "not_a_number",
    "finite_number": "not_a_number",
    "greater_than_equal": "out_of_range",
    "less_than_equal": "out_of_range",
    "datetime_parsing": "not_a_date",
    "datetime_from_date_parsing": "not_a_date",
    "datetime_type": "not_a_date",
    "timezone_aware": "not_a_date",
    "extra_forbidden": "unknown_field",
}
PATTERN_CODES = {"email": "email", "phone": "phone"}  # by the field's last name
DOMAIN_CODES = {
    "is not an active service": "unknown_service",
    "is required": "required",
    "is not an attribute of this service": "unknown_attribute",
}
STATUS_CODES = {
    400: "bad_json",
    404: "not_found",
    413: "too_large",
    415: "unsupported_media",
    422: "failed",
    429: "rate_limited",
}


# What a 404 says it could not find, by the path's first part after the prefix.
NOT_FOUND_CODES = {"articles": "article_not_found", "services": "service_not_found"}
# What a survey link's refusals say: forged, answered, expired, or a comment before a score.
SURVEY_CODES = {
    403: "survey_link_invalid",
    404: "survey_not_answered",
    409: "survey_answered",
    410: "survey_link_expired",
}


def _status_code(connection: HTTPConnection, status: int) -> str:
    part = connection.url.path.removeprefix(PUBLIC_PREFIX).split("/", 1)[0]
    if part == "surveys" and status in SURVEY_CODES:
        return SURVEY_CODES[status]
    if status == 404:
        return NOT_FOUND_CODES.get(part, "not_found")
    return STATUS_CODES.get(status, "error")


def is_public(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIX)


def visitor_language(connection: HTTPConnection, body: object = None) -> str:
    """The route's choice when it made one (request.state), else the body's, query's, header's."""
    chosen = getattr(connection.state, "visitor_language", None)
    if isinstance(chosen, str):
        return chosen
    wanted: list[str] = []
    if isinstance(body, Mapping) and isinstance(body.get("language"), str):
        wanted.append(body["language"][:35])
    if lang := connection.query_params.get("lang"):
        wanted.append(lang[:35])
    wanted += accepted_languages(connection.headers.get("accept-language"))
    return LANGUAGES.pick(wanted)


def _field(location: Sequence[int | str]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def _validation_code(detail: Mapping[str, Any], field: str) -> str:
    kind = str(detail.get("type", ""))
    if kind == "string_pattern_mismatch":
        return PATTERN_CODES.get(field.rsplit(".", 1)[-1], "invalid")
    return PYDANTIC_CODES.get(kind, "invalid")


def validation_problem(
    connection: HTTPConnection, details: Sequence[Mapping[str, Any]], body: object
) -> Response:
    language = visitor_language(connection, body)
    errors = []
    for detail in details:
        field = _field(tuple(detail.get("loc", ())))
        code = _validation_code(detail, field)
        errors.append(FieldProblem(field=field, code=code, message=message(code, language)))
    return _problem(connection, 422, "failed", language, errors)


def _domain_field_problem(field: str, english: str, language: str) -> FieldProblem:
    code = DOMAIN_CODES.get(english, "invalid")
    # An English message we have no code for says more than a generic one.
    text = english if language == "en" and code == "invalid" else message(code, language)
    return FieldProblem(field=field, code=code, message=text)


def domain_problem(
    connection: HTTPConnection,
    error: DomainError,
    status: int,
    headers: dict[str, str] | None = None,
) -> Response:
    language = visitor_language(connection)
    if isinstance(error, Refused):
        problem = FieldProblem(
            field=error.field, code=error.code, message=message(error.code, language)
        )
        return _problem(connection, status, error.code, language, [problem], headers)
    if isinstance(error, ValidationFailed):
        errors = [_domain_field_problem(e.field, e.message, language) for e in error.errors]
        code = errors[0].code if len(errors) == 1 and errors[0].code != "invalid" else "failed"
        return _problem(connection, status, code or "failed", language, errors, headers)
    return _problem(connection, status, _status_code(connection, status), language, None, headers)


def place_problem(connection: HTTPConnection, code: str, extensions: dict[str, Any]) -> Response:
    """An address we cannot place, or a place the city does not serve: 422 on `address`."""
    language = visitor_language(connection)
    errors = [FieldProblem(field="address", code=code, message=message(code, language))]
    return _problem(connection, 422, code, language, errors, extensions=extensions)


def status_problem(
    connection: HTTPConnection, status: int, headers: dict[str, str] | None = None
) -> Response:
    language = visitor_language(connection)
    return _problem(connection, status, _status_code(connection, status), language, None, headers)


def key_problem(scope: Scope, status: int, headers: dict[str, str] | None) -> Response:
    """The Idempotency-Key was malformed (400), reused for another form (422), or its first
    use still runs (409): the page should reload and send the form under a new key."""
    connection = HTTPConnection(scope)
    language = visitor_language(connection)
    text = message("idempotency_key", language)
    errors = [FieldProblem(field="Idempotency-Key", code="idempotency_key", message=text)]
    return _problem(connection, status, "idempotency_key", language, errors, headers)


def unstorable_text(connection: HTTPConnection) -> Response:
    """Text PostgreSQL cannot keep (a NUL byte): the transaction rolled back, nothing written."""
    return _problem(connection, 422, "invalid", visitor_language(connection), None)


def too_large(scope: Scope) -> Response:
    """The body limit's 413: a photo on the photos path, else the form itself."""
    connection = HTTPConnection(scope)
    code = "too_large" if connection.url.path.endswith("/photos") else "form_too_large"
    return _problem(connection, 413, code, visitor_language(connection), None)


def _problem(
    connection: HTTPConnection,
    status: int,
    code: str,
    language: str,
    errors: list[FieldProblem] | None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> Response:
    detail = message(code if has_message(code) else "error", language)
    response = problem_response(
        status,
        detail,
        errors,
        headers,
        instance=connection.url.path,
        extensions={**(extensions or {}), "code": code},
    )
    response.headers["Content-Language"] = language
    return response
