"""The GeoReport v2 endpoints. Thin: parsing in forms/queries, shapes in output."""

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.bootstrap import Container
from api.deps import ContainerDep
from api.language import AcceptLanguage
from api.open311.errors import Open311Error
from api.open311.formats import Format, render
from api.open311.forms import form_or_query, parse_form
from api.open311.language import Locale, in_language, open311_language
from api.open311.media import MEDIA_LIMIT, sent_media
from api.open311.output import (
    created_entry,
    definition,
    request_entry,
    service_entry,
    update_entry,
)
from api.open311.queries import MAX_RESULTS, build_query, csv, optional, when, whole
from api.rate_limits import count_key_write
from api.routers.catalog import offered_at
from api.schemas.media import media_url
from domain.directory.api_keys import ApiKey, KeyRole
from domain.directory.catalog import Service
from domain.requests.model import Location
from domain.requests.open311 import MediaRefused, Open311Client, submit_open311_report
from domain.requests.open311_reads import Open311Query, Open311Request
from domain.requests.submission import SubmitServiceRequest
from domain.shared.vocabulary import Actor

PREFIX = "/open311/v2"
router = APIRouter(prefix=PREFIX, tags=["open311"])
POST_LIMIT = MEDIA_LIMIT + 64 * 1024  # the media file and the form fields around it

OPEN311_ERRORS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["code", "description"],
        "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
    },
}
XML_SCHEMA = {"type": "string", "description": "The same data as XML, lists kept wrapped"}
ERROR_TEXTS: dict[int | str, str] = {
    400: "Malformed",
    403: "Missing or bad api_key",
    404: "Unknown service, request or token",
    "default": "Any other error (405, 413, 500), in the same form",
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": text + " (GeoReport errors, never problem+json)",
        "content": {
            "application/json": {"schema": OPEN311_ERRORS_SCHEMA},
            "text/xml": {"schema": XML_SCHEMA},
        },
    }
    for status, text in ERROR_TEXTS.items()
}


def answers(json_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 answer in both formats (by suffix), and the GeoReport errors."""
    content = {
        "application/json": {"schema": {"type": json_type}},
        "text/xml": {"schema": XML_SCHEMA},
    }
    return {200: {"description": description, "content": content}, **ERRORS}


Jurisdiction = Annotated[
    str | None, Query(description="Optional: we serve one jurisdiction; empty means absent")
]


def _check_jurisdiction(container: Container, jurisdiction_id: str | None) -> None:
    given = optional(jurisdiction_id)
    if given is not None and given != container.settings.open311_jurisdiction_id:
        raise Open311Error(404, f"jurisdiction {given[:100]!r} is not served here")


@router.get(
    "/discovery.{format}", response_class=Response, responses=answers("object", "Discovery")
)
async def open311_discovery(format: Format, request: Request, container: ContainerDep) -> Response:
    """Where the GeoReport v2 endpoint is and which formats it speaks."""
    base = str(request.base_url).rstrip("/") + PREFIX + "/"
    body = {
        "changeset": "2026-11-25T00:00:00Z",
        "contact": container.settings.open311_contact,
        "key_service": "Ask the city's 311 administrators for an API key",
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base,
                "changeset": "2026-11-25T00:00:00Z",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(body, format, "discovery")


def _coordinates(lat: str | None, long: str | None) -> tuple[float, float] | None:
    lat, long = optional(lat), optional(long)
    if lat is None and long is None:
        return None
    try:
        point = (float(lat or "x"), float(long or "x"))
    except ValueError:
        raise Open311Error(400, "lat and long must be numbers, given together") from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise Open311Error(400, "lat must be within -90..90 and long within -180..180")
    return point


@router.get("/services.{format}", response_class=Response, responses=answers("array", "Services"))
async def open311_services(
    format: Format,
    container: ContainerDep,
    jurisdiction_id: Jurisdiction = None,
    lat: Annotated[str | None, Query(description="With long: only services offered there")] = None,
    long: Annotated[str | None, Query()] = None,
    locale: Locale = None,
    accept_language: AcceptLanguage = None,
) -> Response:
    """The active services; with `lat` and `long`, only those we handle at that point."""
    _check_jurisdiction(container, jurisdiction_id)
    language = open311_language(container, locale, accept_language)
    point = _coordinates(lat, long)
    services = await container.catalog.services(language=language)
    if point is not None:
        services = await offered_at(container, services, *point)
    return in_language(render([service_entry(s) for s in services], format, "services"), language)


async def _service(container: Container, code: str, language: str | None = None) -> Service:
    service = await container.catalog.service(code, language) if len(code) <= 64 else None
    if service is None or not service.active:
        raise Open311Error(404, f"service {code[:64]!r} was not found")
    return service


@router.get(
    "/services/{service_code}.{format}",
    response_class=Response,
    responses=answers("object", "The service definition"),
)
async def open311_service_definition(
    service_code: str,
    format: Format,
    container: ContainerDep,
    jurisdiction_id: Jurisdiction = None,
    locale: Locale = None,
    accept_language: AcceptLanguage = None,
) -> Response:
    """The service's attributes: what to ask when `metadata` is true."""
    _check_jurisdiction(container, jurisdiction_id)
    language = open311_language(container, locale, accept_language)
    service = await _service(container, service_code, language)
    return in_language(render(definition(service), format, "service_definition"), language)


async def _open311_key(request: Request, container: Container, secret: str | None) -> ApiKey:
    key = await container.api_keys.active_by_secret(secret) if secret else None
    if key is None or key.role is not KeyRole.OPEN311:
        raise Open311Error(403, "a valid api_key is required to post requests")
    await count_key_write(request, container, key.id)
    return key


async def _located(
    container: Container, command: SubmitServiceRequest, address_id: int | None
) -> SubmitServiceRequest:
    if address_id is None or command.location.has_point:
        return command
    point = await container.open311.address_point(address_id)
    if point is None:
        raise Open311Error(400, f"address_id {address_id} is not an address we know")
    return replace(command, location=Location(*point))


POST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            media: {"schema": {"type": "object", "required": ["api_key", "service_code"]}}
            for media in ("application/x-www-form-urlencoded", "multipart/form-data")
        },
        "description": "GeoReport fields: api_key, service_code, lat/long, address_string or "
        "address_id, attribute[CODE] (attribute[CODE][] for a multivaluelist), email, "
        "device_id, account_id, first_name, last_name, phone, description, media_url or a "
        "`media` image file (at most 10 MiB).",
    }
}


@router.post(
    "/requests.{format}",
    response_class=Response,
    responses={
        **answers("array", "The new request: id, token, notice"),
        429: {**ERRORS["default"], "description": "The api_key's writes a minute are used up"},
    },
    openapi_extra=POST_BODY,
)
async def open311_create_request(
    format: Format, request: Request, container: ContainerDep
) -> Response:
    """Create a service request; the answer carries its id, a token and the service notice."""
    form = await request.form(max_files=1, max_fields=300)
    secret = form_or_query(form, request.query_params, "api_key")
    key = await _open311_key(request, container, secret)
    _check_jurisdiction(container, form_or_query(form, request.query_params, "jurisdiction_id"))
    parsed = parse_form(form)
    await _service(container, parsed.command.service_code)
    command = await _located(container, parsed.command, parsed.address_id)
    sent = await sent_media(parsed.media_url, parsed.media)
    client = Open311Client(key.id, parsed.device_id, parsed.account_id)
    actor = Actor(None, f"Open311: {key.name}")
    try:
        created, submission = await submit_open311_report(
            container.context,
            command,
            client,
            actor,
            sent,
            hours=container.hours,
            jurisdictions=container.jurisdictions,
            geocoder=container.geocoder,
            store=container.media_store,
            cleaner=container.image_cleaner,
            remote=container.remote_files,
        )
    except MediaRefused as refused:
        raise Open311Error(400, refused.detail) from None
    await container.api_keys.touch(key.id, container.clock.now())
    body = created_entry(created, submission.token, parsed.account_id, container.settings.zone)
    return render([body], format, "service_requests")


@router.get(
    "/requests.{format}",
    response_class=Response,
    responses=answers("array", "Requests, newest first"),
)
async def open311_requests(
    format: Format,
    container: ContainerDep,
    request: Request,
    jurisdiction_id: Jurisdiction = None,
    service_request_id: Annotated[
        str | None, Query(description="Comma list; overrides the rest")
    ] = None,
    service_code: Annotated[str | None, Query(description="Comma list")] = None,
    start_date: Annotated[
        str | None, Query(description="W3C datetime, on requested_datetime")
    ] = None,
    end_date: Annotated[str | None, Query(description="At most 90 days after start_date")] = None,
    status: Annotated[str | None, Query(description="open, closed, or both (comma list)")] = None,
    page: Annotated[str | None, Query(description="Extension: page number, from 1")] = None,
    page_size: Annotated[str | None, Query(description=f"Extension: 1..{MAX_RESULTS}")] = None,
    updated_after: Annotated[str | None, Query(description="Extension: W3C datetime")] = None,
    updated_before: Annotated[str | None, Query(description="Extension: W3C datetime")] = None,
    bbox: Annotated[
        str | None, Query(description="Extension: min_long,min_lat,max_long,max_lat")
    ] = None,
    q: Annotated[str | None, Query(description="Extension: text in description or address")] = None,
    agency_responsible: Annotated[
        str | None, Query(description="Extension: department name")
    ] = None,
    extensions: Annotated[
        str | None, Query(description="Extension: true adds extended_attributes")
    ] = None,
    locale: Locale = None,
    accept_language: AcceptLanguage = None,
) -> Response:
    """Requests, newest first: the last 90 days (at most 1,000) unless filtered otherwise."""
    _check_jurisdiction(container, jurisdiction_id)
    language = open311_language(container, locale, accept_language)
    params = {
        "service_request_id": service_request_id,
        "service_code": service_code,
        "start_date": start_date,
        "end_date": end_date,
        "status": status,
        "page": page,
        "page_size": page_size,
        "updated_after": updated_after,
        "updated_before": updated_before,
        "bbox": bbox,
        "q": q,
        "agency_responsible": agency_responsible,
    }
    query = build_query(params, container.settings.zone, container.clock.now())
    answer = await _requests_answer(container, query, format, _flag(extensions), request, language)
    return in_language(answer, language)


def _plain(key: str, limit: int = 64) -> bool:
    """Could this be one of our ids? (Else it is simply not found: no database round trip.)"""
    return len(key) <= limit and "\x00" not in key


def _flag(value: str | None) -> bool:
    given = (optional(value) or "false").lower()
    if given not in ("true", "false"):
        raise Open311Error(400, "extensions must be true or false")
    return given == "true"


def _with_absolute_media(found: list[Open311Request], request: Request) -> list[Open311Request]:
    """A request with a photo of ours points at it, by a URL clients can fetch."""
    base = str(request.base_url).rstrip("/")
    return [
        replace(item, media_url=base + media_url(item.photo_id)) if item.photo_id else item
        for item in found
    ]


async def _requests_answer(
    container: Container,
    query: Open311Query,
    format: Format,
    extended: bool,
    request: Request,
    language: str,
) -> Response:
    found = await container.open311.requests(query, extended, language)
    found = _with_absolute_media(found, request)
    zone = container.settings.zone
    return render(
        [request_entry(item, zone, extended) for item in found], format, "service_requests"
    )


@router.get(
    "/requests/{service_request_id}.{format}",
    response_class=Response,
    responses=answers("array", "An array of one request"),
)
async def open311_request(
    service_request_id: str,
    format: Format,
    container: ContainerDep,
    request: Request,
    jurisdiction_id: Jurisdiction = None,
    extensions: Annotated[
        str | None, Query(description="Extension: true adds extended_attributes")
    ] = None,
    locale: Locale = None,
    accept_language: AcceptLanguage = None,
) -> Response:
    """One request, as an array of one."""
    _check_jurisdiction(container, jurisdiction_id)
    extended = _flag(extensions)
    language = open311_language(container, locale, accept_language)
    query = Open311Query(ids=[service_request_id], limit=1)
    plain = _plain(service_request_id)
    found = await container.open311.requests(query, extended, language) if plain else []
    found = _with_absolute_media(found, request)
    if not found:
        raise Open311Error(404, f"service request {service_request_id[:64]!r} was not found")
    zone = container.settings.zone
    answer = render([request_entry(found[0], zone, extended)], format, "service_requests")
    return in_language(answer, language)


@router.get(
    "/tokens/{token}.{format}",
    response_class=Response,
    responses=answers("array", "The request of the token"),
)
async def open311_token(
    token: str, format: Format, container: ContainerDep, jurisdiction_id: Jurisdiction = None
) -> Response:
    """The request a token stands for (we create requests at once, so it is always known)."""
    _check_jurisdiction(container, jurisdiction_id)
    request_id = await container.open311.request_of_token(token) if _plain(token, 100) else None
    if request_id is None:
        raise Open311Error(404, f"token {token[:100]!r} was not found")
    return render([{"service_request_id": request_id, "token": token}], format, "service_requests")


@router.get(
    "/servicerequestupdates.{format}",
    response_class=Response,
    responses=answers("array", "Public updates, oldest first"),
)
async def open311_request_updates(
    format: Format,
    container: ContainerDep,
    jurisdiction_id: Jurisdiction = None,
    updated_after: Annotated[str | None, Query(description="W3C datetime (or start_date)")] = None,
    updated_before: Annotated[str | None, Query(description="W3C datetime (or end_date)")] = None,
    start_date: Annotated[str | None, Query()] = None,
    end_date: Annotated[str | None, Query()] = None,
    service_request_id: Annotated[str | None, Query(description="Comma list")] = None,
    page_size: Annotated[str | None, Query(description=f"1..{MAX_RESULTS}")] = None,
) -> Response:
    """Public changes, oldest first: status changes, public notes and merges after a time."""
    _check_jurisdiction(container, jurisdiction_id)
    zone = container.settings.zone
    after = when(updated_after or start_date, "updated_after", zone)
    before = when(updated_before or end_date, "updated_before", zone)
    ids = csv(service_request_id, "service_request_id", 1000)
    limit = whole(page_size, "page_size", 1, MAX_RESULTS) or MAX_RESULTS
    updates = await container.open311.updates(after, before, ids, limit)
    body = [update_entry(u, zone) for u in updates]
    return render(body, format, "service_request_updates")
