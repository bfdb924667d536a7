"""How each route is called: real path parameters from the world and a body that passes
validation, so the answer is the authorization decision and not a 422.

A route's call is the same for every role but for what the role holds: a resident sends
resident A's signed links, anyone else a forged one; the Open311 key goes in `api_key`.
"""

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

import httpx

from domain.guards.proof import solve
from tests.api.authz.world import OWN, PNG, World
from tests.api.conftest import pothole_body

FORGED = "forged.token"
OPEN311_KEY_ROLE = "open311"
SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "authz-1", "name": "Authz square"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-76.7, 39.2], [-76.5, 39.2], [-76.5, 39.4], [-76.7, 39.2]]],
            },
        }
    ],
}
CALLS_CSV = (
    "call_id,queue,offered_at,answered_at,abandoned_at,ended_at,agent\n"
    "authz-1,general,2026-01-05T09:00:00Z,2026-01-05T09:00:30Z,,2026-01-05T09:05:00Z,ann\n"
)
ADDRESSES_CSV = "address,zip,lat,long\n1 Authz St,21202,39.29,-76.61\n"
BBOX = "-76.62,39.28,-76.61,39.29"


@dataclass
class Call:
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    data: dict[str, str] | None = None
    files: dict[str, Any] | None = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


Builder = Callable[[httpx.AsyncClient, World, str], Awaitable[Call]]


def path_of(template: str, world: World, role: str) -> str:
    """The template with the world's objects: Transportation's wherever a department's."""
    a = world.a
    resident = role == "resident"
    inbox = template.startswith("/api/v1/inbox/")
    values = {
        "request_id": world.request_id,
        "case_id": world.conversation_id if inbox else a.case_id,
        "resident_id": a.id,
        "address": a.email,
        "code": OWN if "/departments/" in template else "trm-pothole-repair",
        "language": "es",
        "user_id": world.user_id,
        "slug": world.layer_slug,
        "rule_id": str(world.rule_id),
        "area_id:int": str(world.area_id),
        "article_id": world.published_article_id if "/public/" in template else world.article_id,
        "term_id": str(world.term_id),
        "key_id": world.api_key_id,
        "webhook_id": world.webhook_id,
        "delivery_id": world.delivery_id,
        "media_id": world.media_id,
        "format": "json",
        "service_code": "trm-pothole-repair",
        "service_request_id": world.request_id,
        "number": world.request_id,
        "token": world.open311_token
        if template.startswith("/open311/")
        else (a.survey_token if resident else FORGED),
    }
    return re.sub(r"\{([^}]+)\}", lambda m: str(values[m.group(1)]), template)


async def proof(client: httpx.AsyncClient) -> dict[str, str]:
    challenge = (await client.get("/api/v1/public/challenge")).json()
    return {
        "token": challenge["token"],
        "nonce": solve(challenge["token"], challenge["difficulty"]),
    }


async def guarded(client: httpx.AsyncClient) -> dict[str, Any]:
    """A public form's guard fields: a solved challenge, the form opened long ago."""
    return {"proof": await proof(client), "website": "", "started_at": "2020-01-01T00:00:00Z"}


def idempotent() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid4())}


def token_for(world: World, role: str, kind: str) -> str:
    return getattr(world.a, f"{kind}_token") if role == "resident" else FORGED


def bodies(world: World, role: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The keyword arguments of `Call` beyond the path, per route that needs any."""
    match = {"If-Match": '"v1"'}
    return {
        ("POST", "/api/v1/auth/token"): {
            "data": {"username": "agent@example.org", "password": "frontdoor"}
        },
        ("POST", "/api/v1/services"): {
            "json": {
                "code": "authz-new",
                "name": "Authz",
                "department": OWN,
                "sla": {"target_hours": 48},
            }
        },
        ("PATCH", "/api/v1/services/{code}"): {"json": {"description": "patched"}},
        ("POST", "/api/v1/departments"): {"json": {"code": "authz-dept", "name": "Authz"}},
        ("POST", "/api/v1/users"): {
            "json": {
                "email": "new.user@example.org",
                "display_name": "New User",
                "password": "frontdoor-authz-2",
                "role": "agent",
            }
        },
        ("PATCH", "/api/v1/users/{user_id}"): {"json": {"display_name": "Renamed"}},
        ("POST", "/api/v1/requests/lookup"): {
            "json": {"email": world.a.email, "last_name": "Ident"}
        },
        ("POST", "/api/v1/notifications/unsubscribe"): {
            "json": {"token": token_for(world, role, "unsubscribe")}
        },
        ("GET", "/api/v1/notifications/unsubscribe"): {
            "params": {"token": token_for(world, role, "unsubscribe")}
        },
        ("POST", "/api/v1/requests"): {"json": pothole_body()},
        ("GET", "/api/v1/requests/nearby"): {
            "params": {"lat": 39.2904, "long": -76.6122, "service_code": "trm-pothole-repair"}
        },
        ("PATCH", "/api/v1/requests/{request_id}"): {
            "json": {"external_id": "WO-1"},
            "headers": match,
        },
        ("POST", "/api/v1/requests/{request_id}/merge"): {
            "json": {"into": world.spare_request_id},
            "headers": match,
        },
        ("POST", "/api/v1/requests/{request_id}/transitions"): {
            "json": {"to": "acknowledged"},
            "headers": match,
        },
        ("POST", "/api/v1/requests/{request_id}/comments"): {
            "json": {"body": "On it", "visibility": "internal"},
            "headers": match,
        },
        ("POST", "/api/v1/cases"): {"json": {"channel": "phone", "type": "information"}},
        ("PATCH", "/api/v1/cases/{case_id}"): {"json": {"notes": "more"}, "headers": match},
        ("POST", "/api/v1/inbox/{case_id}/replies"): {"json": {"body": "We are on it."}},
        ("POST", "/api/v1/inbox/{case_id}/request"): {
            "json": {
                "service_code": "trm-pothole-repair",
                "attributes": {"pothole_size": "large"},
                "location": pothole_body()["location"],
            }
        },
        ("POST", "/api/v1/inbox/{case_id}/close"): {"json": {"type": "information"}},
        ("POST", "/api/v1/residents"): {"json": {"last_name": "Newcomer"}},
        ("GET", "/api/v1/residents"): {"params": {"q": "Ident"}},
        ("PATCH", "/api/v1/residents/{resident_id}"): {"json": {"first_name": "Renamed"}},
        ("POST", "/api/v1/jurisdictions/import"): {
            "params": {"layer": "authz", "code_property": "code", "name_property": "name"},
            "content": json.dumps(SQUARE).encode(),
            "headers": {"Content-Type": "application/geo+json"},
        },
        ("PATCH", "/api/v1/jurisdictions/layers/{slug}"): {"json": {"name": "Renamed"}},
        ("GET", "/api/v1/jurisdictions/resolve"): {"params": {"lat": 39.2904, "long": -76.6122}},
        ("POST", "/api/v1/jurisdictions/resolve"): {
            "json": {"points": [{"lat": 39.2904, "long": -76.6122}]}
        },
        ("POST", "/api/v1/jurisdictions/rules"): {"json": {"priority": 501, "department": OWN}},
        ("PATCH", "/api/v1/jurisdictions/rules/{rule_id}"): {
            "json": {"priority": 502, "department": OWN}
        },
        ("PATCH", "/api/v1/jurisdictions/{area_id:int}"): {"json": {"contact": None}},
        ("GET", "/api/v1/addresses"): {"params": {"q": "Holliday"}},
        ("GET", "/api/v1/addresses/reverse"): {"params": {"lat": 39.2904, "long": -76.6122}},
        ("POST", "/api/v1/addresses/import"): {
            "content": ADDRESSES_CSV.encode(),
            "headers": {"Content-Type": "text/csv"},
        },
        ("GET", "/api/v1/map/streets"): {"params": {"bbox": BBOX, "zoom": 15}},
        ("GET", "/api/v1/map/addresses"): {"params": {"bbox": BBOX, "zoom": 18}},
        ("POST", "/api/v1/articles"): {
            "json": {"title": "New", "summary": "s", "body": "b", "department": OWN}
        },
        ("PATCH", "/api/v1/articles/{article_id}"): {
            "json": {"summary": "changed"},
            "headers": match,
        },
        ("POST", "/api/v1/articles/{article_id}/transitions"): {
            "json": {"to": "archived"},
            "headers": match,
        },
        ("GET", "/api/v1/articles/suggestions"): {"params": {"text": "pothole"}},
        ("POST", "/api/v1/triage"): {"json": {"text": "a pothole on my street"}},
        ("POST", "/api/v1/triage/terms"): {
            "json": {"term": "authz term", "kind": "benign", "language": "en"}
        },
        **{
            ("PUT", template): {"json": {"name": "Nombre"}}
            for template in (
                "/api/v1/services/{code}/translations/{language}",
                "/api/v1/departments/{code}/translations/{language}",
                "/api/v1/jurisdictions/layers/{slug}/translations/{language}",
                "/api/v1/jurisdictions/{area_id:int}/translations/{language}",
            )
        },
        ("POST", "/api/v1/personal-data/check"): {"json": {"text": "call me at 410 555 0123"}},
        ("POST", "/api/v1/api-keys"): {"json": {"name": "new", "role": "open311"}},
        ("POST", "/api/v1/webhooks"): {
            "json": {
                "url": "https://partner.example.com/hooks/new",
                "event_types": ["request.created"],
                "department": OWN,
            }
        },
        ("PATCH", "/api/v1/webhooks/{webhook_id}"): {"json": {"description": "patched"}},
        ("POST", "/api/v1/requests/{request_id}/photos"): {
            "files": {"file": ("pothole.png", PNG, "image/png")}
        },
        ("GET", "/api/v1/metrics/top-issues"): {"params": {"layer": world.layer_slug}},
        ("GET", "/api/v1/metrics/open-by-area"): {"params": {"layer": world.layer_slug}},
        ("POST", "/api/v1/call-records"): {
            "content": CALLS_CSV.encode(),
            "headers": {"Content-Type": "text/csv"},
        },
        ("GET", "/api/v1/public/search"): {"params": {"q": "pothole"}},
        ("POST", "/api/v1/public/articles/{article_id}/feedback"): {"json": {"helpful": True}},
        ("GET", "/api/v1/public/requests/nearby"): {
            "params": {"service_code": "trm-pothole-repair", "lat": 39.2904, "lon": -76.6122}
        },
        ("GET", "/api/v1/public/addresses"): {"params": {"q": "Holliday"}},
        ("GET", "/api/v1/public/locate"): {"params": {"lat": 39.2904, "lon": -76.6122}},
        ("POST", "/api/v1/public/requests/{number}/photos"): {
            "files": {"file": ("pothole.png", PNG, "image/png")},
            "headers": {"X-Upload-Token": token_for(world, role, "upload")},
        },
        ("POST", "/api/v1/public/followers/confirm"): {
            "json": {"token": token_for(world, role, "follow")}
        },
        ("POST", "/api/v1/inbound/sms/twilio"): {
            "data": {"From": "+14105550123", "Body": "pothole", "MessageSid": "SM1"}
        },
        ("POST", "/api/v1/public/surveys/{token}/answer"): {"json": {"score": 5}},
        ("POST", "/api/v1/public/surveys/{token}/comment"): {"json": {"comment": "Thanks"}},
        ("POST", "/open311/v2/requests.{format}"): {
            "data": {
                "service_code": "trm-pothole-repair",
                "lat": "39.2904",
                "long": "-76.6122",
                "description": "pothole",
                "attribute[pothole_size]": "large",
            }
        },
    }


PUBLIC_FORMS = {
    ("POST", "/api/v1/public/requests"): {
        "service_code": "trm-pothole-repair",
        "attributes": {"pothole_size": "large"},
        "description": "Deep pothole",
        "lat": 39.2904,
        "lon": -76.6122,
        "consent": True,
    },
    ("POST", "/api/v1/public/requests/{number}/followers"): {"email": "new.follower@example.net"},
}


async def call_for(
    client: httpx.AsyncClient, world: World, method: str, template: str, role: str
) -> Call:
    call = Call(path_of(template, world, role), **bodies(world, role).get((method, template), {}))
    if (method, template) in PUBLIC_FORMS:
        call.json = {**PUBLIC_FORMS[method, template], **await guarded(client)}
    if method != "GET":
        call.headers = {**idempotent(), **call.headers}
    if template.startswith("/open311/") and role == OPEN311_KEY_ROLE:
        key = world.headers[role]["X-API-Key"]
        if call.data is not None:
            call.data = {**call.data, "api_key": key}
        else:
            call.params = {**call.params, "api_key": key}
    call.headers = {**world.headers[role], **call.headers}
    return call


async def send(client: httpx.AsyncClient, method: str, call: Call) -> httpx.Response:
    return await client.request(
        method,
        call.path,
        params=call.params,
        json=call.json,
        data=call.data,
        files=call.files,
        content=call.content,
        headers=call.headers,
    )
