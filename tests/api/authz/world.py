"""The objects the authorization tests point at, built once per module through the API.

Two departments' requests (Transportation, the demo staff's own, and Solid Waste), two
residents with their cases, signed links (survey, follow, unsubscribe) and one of everything
a route names: an article, a user, a webhook with a delivery, an API key, a rule, a term.
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import httpx
from PIL import Image
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.demo.loader import DEMO_OPEN311_KEY, DEMO_PARTNER_KEY
from api.bootstrap import Container
from tests.api.conftest import pothole_body
from tests.inbox_messages import email, received_case

OWN = "transportation"  # the demo employee's, manager's and partner key's department
OTHER = "solid-waste"
REFERRALS = "/api/v1/jurisdictions?layer=maryland-counties"  # areas with translated referrals
PASSWORD = "frontdoor-authz-1"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 128, 0)).save(out, "PNG")
    return out.getvalue()


PNG = png()


@dataclass(frozen=True)
class Resident:
    """A resident's record and what they hold: their request, its survey, follow and
    unsubscribe links, and the case of their call."""

    id: str
    email: str
    request_id: str
    case_id: str
    survey_token: str
    follow_token: str
    unsubscribe_token: str
    upload_token: str


@dataclass(frozen=True)
class World:
    headers: dict[str, dict[str, str]]  # role -> credentials
    request_id: str  # Transportation's, resident A's
    other_request_id: str  # Solid Waste's, resident B's
    spare_request_id: str  # Transportation's second, the target of a merge
    a: Resident
    b: Resident
    conversation_id: str  # an inbox conversation (an email case)
    article_id: str  # a Transportation article
    published_article_id: str
    user_id: str
    webhook_id: str
    delivery_id: str
    api_key_id: str
    rule_id: int
    term_id: int
    area_id: int
    layer_slug: str
    media_id: str
    other_media_id: str
    open311_token: str


async def created(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], **body: Any
) -> Any:
    answer = await client.post(path, json=body, headers=headers)
    assert answer.status_code == 201, f"{path}: {answer.text}"
    return answer.json()


async def sign_in(client: httpx.AsyncClient, email: str, password: str) -> dict[str, str]:
    answer = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def credentials(
    client: httpx.AsyncClient, signed_in: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Every role's headers; the employee of another department is made here."""
    admin = signed_in["admin"]
    await created(
        client,
        "/api/v1/users",
        admin,
        email="other.staff@example.org",
        display_name="Olive Other",
        password=PASSWORD,
        role="staff",
        department=OTHER,
        tier="employee",
    )
    return {
        "anonymous": {},
        "resident": {},
        **signed_in,
        "employee_other": await sign_in(client, "other.staff@example.org", PASSWORD),
        "partner": {"X-API-Key": DEMO_PARTNER_KEY},
        "open311": {"X-API-Key": DEMO_OPEN311_KEY},
    }


async def new_request(
    client: httpx.AsyncClient, agent: dict[str, str], service_code: str, mail: str
) -> str:
    body = pothole_body(
        service_code=service_code,
        attributes={"pothole_size": "large"} if service_code == "trm-pothole-repair" else {},
        reporter={"first_name": "Res", "last_name": "Ident", "email": mail},
    )
    made = await created(client, "/api/v1/requests", agent, **body)
    return str(made["id"])


async def resident(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    container: Container,
    service_code: str,
    mail: str,
    *,
    opted_out: bool = False,
) -> Resident:
    record = await created(client, "/api/v1/residents", agent, last_name="Ident", emails=[mail])
    request_id = await new_request(client, agent, service_code, mail)
    case = await created(
        client,
        "/api/v1/cases",
        agent,
        channel="phone",
        type="service_request",
        resident_id=record["id"],
        request_ids=[request_id],
    )
    now = container.clock.now()
    follower = uuid4()
    async with container.engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO survey_invitations (request_id, invited_at, channel)"
                " VALUES (:id, :now, 'email')"
            ),
            {"id": request_id, "now": now},
        )
        if opted_out:  # for the route that turns emails back on
            await db.execute(
                text(
                    "INSERT INTO email_opt_outs (address, opted_out_at, source)"
                    " VALUES (:mail, :now, 'link')"
                ),
                {"mail": mail, "now": now},
            )
        await db.execute(
            text(
                "INSERT INTO request_followers (id, request_id, email, language, created_at)"
                " VALUES (:f, :id, :mail, 'en', :now)"
            ),
            {"f": follower, "id": request_id, "mail": mail, "now": now},
        )
    return Resident(
        id=record["id"],
        email=mail,
        request_id=request_id,
        case_id=case["id"],
        survey_token=container.survey_tokens.issue(request_id, now),
        follow_token=container.follow_tokens.issue(follower, now),
        unsubscribe_token=container.opt_out_tokens.issue(mail),
        upload_token=container.upload_tokens.issue(request_id, now),
    )


async def answer_survey(client: httpx.AsyncClient, token: str) -> None:
    answer = await client.post(f"/api/v1/public/surveys/{token}/answer", json={"score": 4})
    assert answer.status_code == 201, answer.text


async def photo(client: httpx.AsyncClient, agent: dict[str, str], request_id: str) -> str:
    """An internal photo: only who may see the request may open it."""
    files = {"file": ("pothole.png", PNG, "image/png")}
    answer = await client.post(
        f"/api/v1/requests/{request_id}/photos",
        files=files,
        data={"visibility": "internal"},
        headers=agent,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


async def open311_request(client: httpx.AsyncClient) -> str:
    """A request an Open311 client posted: its token."""
    form = {
        "api_key": DEMO_OPEN311_KEY,
        "service_code": "trm-pothole-repair",
        "attribute[pothole_size]": "large",
        "lat": "39.2904",
        "long": "-76.6122",
    }
    answer = await client.post("/open311/v2/requests.json", data=form)
    assert answer.status_code == 200, answer.text
    return str(answer.json()[0]["token"])


async def first_id(client: httpx.AsyncClient, path: str, headers: dict[str, str], key: str) -> Any:
    answer = await client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    items = body["items"] if isinstance(body, dict) else body
    return items[0][key]


async def webhook_with_delivery(
    client: httpx.AsyncClient, admin: dict[str, str], engine: AsyncEngine
) -> tuple[str, str]:
    hook = await created(
        client,
        "/api/v1/webhooks",
        admin,
        url="https://partner.example.com/hooks/311",
        event_types=["request.created"],
        department=OWN,
    )
    delivery = uuid4()
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type,"
                " subject, body, status, attempts, created_at)"
                " VALUES (:d, :s, :e, 'request.created', 'x', '{}', 'failed', 1, :now)"
            ),
            {"d": delivery, "s": UUID(hook["id"]), "e": uuid4(), "now": datetime.now(UTC)},
        )
    return hook["id"], str(delivery)


async def build_world(
    client: httpx.AsyncClient, container: Container, signed_in: dict[str, dict[str, str]]
) -> World:
    headers = await credentials(client, signed_in)
    agent, admin = headers["agent"], headers["admin"]
    a = await resident(
        client, agent, container, "trm-pothole-repair", "resident.a@example.net", opted_out=True
    )
    b = await resident(client, agent, container, "sw-dirty-alley", "resident.b@example.net")
    await answer_survey(client, a.survey_token)
    await answer_survey(client, b.survey_token)
    spare = await new_request(client, agent, "trm-pothole-repair", "spare@example.net")
    article = await created(
        client,
        "/api/v1/articles",
        admin,
        title="Potholes, for staff",
        summary="s",
        body="b",
        department=OWN,
        audience="internal",
        status="published",
    )
    published = await created(
        client,
        "/api/v1/articles",
        admin,
        title="Trash day",
        summary="s",
        body="b",
        status="published",
    )
    user = await created(
        client,
        "/api/v1/users",
        admin,
        email="spare.user@example.org",
        display_name="Spare User",
        password=PASSWORD,
        role="agent",
    )
    webhook_id, delivery_id = await webhook_with_delivery(client, admin, container.engine)
    key = await created(client, "/api/v1/api-keys", admin, name="spare", role="open311")
    rule = await created(client, "/api/v1/jurisdictions/rules", admin, priority=500, department=OWN)
    return World(
        headers=headers,
        request_id=a.request_id,
        other_request_id=b.request_id,
        spare_request_id=spare,
        a=a,
        b=b,
        conversation_id=str(await received_case(container.engine, email())),
        article_id=article["id"],
        published_article_id=published["id"],
        user_id=user["id"],
        webhook_id=webhook_id,
        delivery_id=delivery_id,
        api_key_id=key["id"],
        rule_id=rule["id"],
        term_id=await first_id(client, "/api/v1/triage/terms", admin, "id"),
        area_id=await first_id(client, REFERRALS, admin, "id"),
        layer_slug=await first_id(client, "/api/v1/jurisdictions/layers", admin, "slug"),
        media_id=await photo(client, agent, a.request_id),
        other_media_id=await photo(client, agent, b.request_id),
        open311_token=await open311_request(client),
    )
