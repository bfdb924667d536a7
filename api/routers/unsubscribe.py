"""Residents stop resident emails with the token of their email's link (no sign-in)."""

from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from api.deps import ContainerDep
from api.problems import problem_responses
from api.public_guards import client_address, trusted_networks
from api.rate_limits import record, refusal
from api.schemas.notifications import UnsubscribeIn
from domain.notifications.opt_out import MAX_TOKEN_LENGTH, OptOutSource, opt_out
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])

ONE_CLICK_PATH = "/api/v1/notifications/unsubscribe"  # `?token=` makes it a List-Unsubscribe URL
WINDOW = timedelta(minutes=15)
REFUSALS = "unsubscribe-refusals"

QueryToken = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TOKEN_LENGTH,
        description="The opt-out token, as in the List-Unsubscribe URL of a resident email",
    ),
]
BODY: dict[str, Any] = {
    "requestBody": {
        "required": False,
        "content": {
            "application/json": {"schema": UnsubscribeIn.model_json_schema()},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"List-Unsubscribe": {"type": "string", "enum": ["One-Click"]}},
                },
            },
        },
    }
}


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


async def _token_and_source(request: Request, query: str | None) -> tuple[str, OptOutSource]:
    """A JSON body's token (the unsubscribe page); else the query's (RFC 8058 one-click)."""
    if _is_json(request.headers.get("content-type", "")):
        raw = await request.body()
        try:
            return UnsubscribeIn.model_validate_json(raw).token, OptOutSource.LINK
        except ValidationError as error:
            located = [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)]
            raise RequestValidationError(located, body=raw) from None
    if query is None:
        raise ValidationFailed.single("token", "send the token in a JSON body or as ?token=")
    return query, OptOutSource.ONE_CLICK


@router.post(
    "/unsubscribe",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 413, 422, 429),
    openapi_extra=BODY,
)
async def unsubscribe(
    request: Request,
    container: ContainerDep,
    token: QueryToken = None,
) -> Response:
    """Public, no sign-in: stop every resident email to the address the token names.

    Send `{"token": ...}` as JSON (the unsubscribe page does), or POST
    `List-Unsubscribe=One-Click` as a form to the URL of an email's `List-Unsubscribe` header,
    whose query holds the token (RFC 8058). Every valid token gets the same 204, again and
    again, whether or not anyone uses the address; a token that is not ours gets 422.
    Texts are not affected. A client address with many refused tokens is refused (429) for a
    while; valid tokens are never counted."""
    # Only refused tokens count: mail providers send many valid one-click POSTs from few
    # addresses.
    client = client_address(request, trusted_networks(container.settings.trusted_proxies))
    key, limit = f"unsubscribe:refused:{client}", container.settings.unsubscribe_refusals_per_client
    limiter, now = container.rate_limiter, container.clock.now()
    quota = await limiter.peek(key, limit, WINDOW, now)
    record(request, REFUSALS, quota)
    if quota.remaining == 0:
        raise refusal("too many refused attempts; try again in a few minutes", quota)
    try:
        given, source = await _token_and_source(request, token)
        await opt_out(given, container.opt_out_tokens, container.opt_outs, container.clock, source)
    except (ValidationFailed, RequestValidationError):
        record(request, REFUSALS, await limiter.hit(key, limit, WINDOW, now))
        raise
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/unsubscribe",
    status_code=status.HTTP_303_SEE_OTHER,
    response_class=RedirectResponse,
    responses={
        303: {"description": "The unsubscribe page, with the same token"},
        **problem_responses(422),
    },
)
async def unsubscribe_page(container: ContainerDep, token: QueryToken = None) -> RedirectResponse:
    """A mail client without one-click opens the List-Unsubscribe URL in a browser: this sends
    the person to the unsubscribe page, which asks before it stops anything (a GET never does:
    mail scanners follow links)."""
    wanted = quote(token or "", safe="")
    page = container.settings.public_unsubscribe_url.replace("{token}", wanted)
    return RedirectResponse(page, status_code=status.HTTP_303_SEE_OTHER)
