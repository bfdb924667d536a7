"""Residents who chose texts hear by text, through the Twilio adapter against a local
stand-in for Twilio: the API change, its event in the outbox, the worker, the notifier. A
phone that texted STOP hears nothing more until it texts START."""

from collections.abc import Iterator

import httpx
import pytest

from api.bootstrap import Container
from api.settings import Settings
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import worker_jobs
from tests.api.texting.conftest import post_text, twilio_form
from tests.integration.jobs.helpers import run_all
from tests.twilio_standin import FROM, SID, TOKEN, StandIn, twilio_stand_in

LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net",
        "phone": "410-555-0123", "language": "es"}  # fmt: skip
LUPE_E164 = "+14105550123"

pytestmark = pytest.mark.usefixtures("twilio_token")


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    with twilio_stand_in() as running:
        yield running


@pytest.fixture
def text_settings(settings: Settings, stand_in: StandIn) -> Settings:
    return settings.model_copy(
        update={
            "twilio_account_sid": SID,
            "twilio_auth_token": TOKEN,
            "twilio_from": FROM,
            "twilio_api_base": stand_in.base_url,
        }
    )


async def _texting_resident(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    """Lupe's request; she prefers texts, in Spanish. Its number."""
    made = await client.post("/api/v1/requests", json=pothole_body(reporter=LUPE), headers=agent)
    assert made.status_code == 201, made.text
    found = await client.get("/api/v1/residents", params={"q": LUPE["email"]}, headers=agent)
    (resident,) = found.json()["items"]
    patched = await client.patch(
        f"/api/v1/residents/{resident['id']}",
        json={"phones": [LUPE["phone"]], "emails": [LUPE["email"]], "contact_preference": "sms",
              "preferred_language": "es"},
        headers=agent,
    )  # fmt: skip
    assert patched.status_code == 200, patched.text
    number: str = made.json()["id"]
    return number


async def _move(client: httpx.AsyncClient, staff: dict[str, str], number: str, to: str) -> None:
    current = await client.get(f"/api/v1/requests/{number}", headers=staff)
    moved = await client.post(
        f"/api/v1/requests/{number}/transitions",
        json={"to": to},
        headers={**staff, "If-Match": current.headers["ETag"]},
    )
    assert moved.status_code == 200, moved.text


async def test_a_status_change_reaches_the_resident_by_text_through_twilio(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    text_settings: Settings,
    container: Container,
    stand_in: StandIn,
) -> None:
    jobs = worker_jobs(text_settings, container.engine)
    number = await _texting_resident(client, agent)
    await run_all(container.engine, jobs)
    (submitted,) = stand_in.texts_to(LUPE_E164)  # handled after she chose texts
    assert f"recibimos su solicitud {number}" in submitted
    stand_in.calls.clear()

    stand_in.fail_next = 1  # Twilio is down once: the outbox tries again
    await _move(client, staff, number, "acknowledged")
    await run_all(container.engine, jobs)
    await run_all(container.engine, jobs)  # running again sends nothing twice

    assert [c.status for c in stand_in.calls] == [500, 201]
    (text,) = stand_in.texts_to(LUPE_E164)
    assert number in text and "aceptada" in text
    assert "Guadalupe" not in text


async def test_stop_stops_further_texts_and_start_turns_them_back_on(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    text_settings: Settings,
    container: Container,
    stand_in: StandIn,
) -> None:
    jobs = worker_jobs(text_settings, container.engine)
    number = await _texting_resident(client, agent)
    await run_all(container.engine, jobs)
    stand_in.calls.clear()

    stopped = await post_text(client, twilio_form("STOP", sender=LUPE_E164))
    assert stopped.status_code == 200
    await _move(client, staff, number, "acknowledged")
    await run_all(container.engine, jobs)
    assert stand_in.texts_to(LUPE_E164) == []

    started = await post_text(client, twilio_form("START", sender=LUPE_E164, sid="SM" + "5" * 32))
    assert started.status_code == 200
    await _move(client, staff, number, "in_progress")
    await run_all(container.engine, jobs)
    (text,) = stand_in.texts_to(LUPE_E164)
    assert number in text
