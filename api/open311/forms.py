"""The POST requests form: GeoReport field names in, a SubmitServiceRequest out."""

import math
import re
from dataclasses import dataclass

from pydantic import ValidationError
from starlette.datastructures import FormData, QueryParams, UploadFile

from api.open311.errors import Open311Error
from api.schemas.requests import ReporterIn
from domain.requests.model import Location
from domain.requests.submission import SubmitServiceRequest
from domain.residents.model import Reporter
from domain.shared.vocabulary import Channel

ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]{1,64})\](\[\])?$")
MAX_FIELD = 4000
MAX_ID = 200
MAX_ATTRIBUTES = 100


@dataclass(frozen=True)
class Open311Form:
    command: SubmitServiceRequest
    address_id: int | None
    device_id: str | None
    account_id: str | None
    media_url: str | None
    media: UploadFile | None


def text(form: FormData, name: str, limit: int = MAX_ID) -> str | None:
    """An optional field: empty means absent; NUL and oversized values are refused."""
    values = [v for v in form.getlist(name) if isinstance(v, str)]
    value = values[-1].strip() if values else ""
    if "\x00" in value:
        raise Open311Error(400, f"{name} holds a NUL character")
    if len(value) > limit:
        raise Open311Error(400, f"{name} must be at most {limit} characters")
    return value or None


def form_or_query(form: FormData, query: QueryParams, name: str) -> str | None:
    """`api_key` and `jurisdiction_id` may come in the form or in the query string."""
    values: list[tuple[str, str | UploadFile]] = list(query.multi_items())
    return text(form, name) or text(FormData(values), name)


def _coordinate(form: FormData, name: str, bound: float) -> float | None:
    raw = text(form, name, 40)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name} must be a number") from None
    if not math.isfinite(value) or not -bound <= value <= bound:
        raise Open311Error(400, f"{name} must be between -{bound:g} and {bound:g}")
    return value


def _attributes(form: FormData) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in form.multi_items():
        match = ATTRIBUTE.match(key)
        if match is None or not isinstance(value, str):
            continue
        if "\x00" in value or len(value) > MAX_FIELD:
            raise Open311Error(400, f"{key} is not a value we can take")
        code, many = match.group(1), match.group(2)
        if many:
            listed = values.setdefault(code, [])
            if isinstance(listed, list):
                listed.append(value)
        else:
            values[code] = value
    if len(values) > MAX_ATTRIBUTES:
        raise Open311Error(400, f"at most {MAX_ATTRIBUTES} attributes")
    return values


def _reporter(form: FormData) -> Reporter:
    fields = {"first_name": "first_name", "last_name": "last_name", "email": "email"}
    given = {field: text(form, name) for field, name in fields.items()}
    given["phone"] = text(form, "phone", 40)
    try:
        reporter = ReporterIn.model_validate({k: v for k, v in given.items() if v is not None})
    except ValidationError as error:
        where = ", ".join(str(e["loc"][0]) for e in error.errors())
        raise Open311Error(400, f"not valid: {where}") from None
    return Reporter(**reporter.model_dump())


def _address_id(form: FormData) -> int | None:
    raw = text(form, "address_id", 20)
    if raw is None:
        return None
    if not raw.isdigit():
        raise Open311Error(400, "address_id is not an address we know")
    return int(raw)


def parse_form(form: FormData) -> Open311Form:
    service_code = text(form, "service_code", 64)
    if service_code is None:
        raise Open311Error(400, "service_code is required")
    lat, long = _coordinate(form, "lat", 90), _coordinate(form, "long", 180)
    if (lat is None) != (long is None):
        raise Open311Error(400, "lat and long go together")
    address = text(form, "address_string", 500)
    address_id = _address_id(form)
    if lat is None and address is None and address_id is None:
        raise Open311Error(
            400, "a location is required: lat and long, address_string or address_id"
        )
    device_id = text(form, "device_id")
    media = form.get("media")
    command = SubmitServiceRequest(
        service_code=service_code,
        description=text(form, "description", MAX_FIELD) or "",
        location=Location(lat, long, address),
        attributes=_attributes(form),
        reporter=_reporter(form),
        channel=Channel.MOBILE if device_id else Channel.API,
    )
    return Open311Form(
        command=command,
        address_id=address_id,
        device_id=device_id,
        account_id=text(form, "account_id"),
        media_url=text(form, "media_url", 2000),
        media=media if isinstance(media, UploadFile) else None,
    )
