"""The whole path: an API change, its event in the outbox, the worker's dispatcher, the
notifiers, a real SMTP server. No hand-built events here: what the use cases publish is what
residents and managers hear about."""

import httpx

from api.bootstrap import Container
from api.settings import Settings
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import Inbox, worker_jobs
from tests.integration.jobs.helpers import run_all

LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net",
        "language": "es"}  # fmt: skip


async def test_a_request_made_over_the_api_reaches_the_resident_in_spanish_then_its_closure(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,
    mail_settings: Settings,
    container: Container,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    made = await client.post("/api/v1/requests", json=pothole_body(reporter=LUPE), headers=agent)
    assert made.status_code == 201, made.text
    number = made.json()["id"]

    await run_all(container.engine, jobs)
    (received,) = inbox.to("lupe@example.net")
    assert received["Content-Language"] == "es"
    assert number in received["Subject"] and number in received.get_content()

    etag = made.headers["ETag"]
    for step in ({"to": "acknowledged"}, {"to": "closed", "reason": "resolved"}):
        moved = await client.post(
            f"/api/v1/requests/{number}/transitions",
            json=step,
            headers={**staff, "If-Match": etag},
        )
        assert moved.status_code == 200, moved.text
        etag = moved.headers["ETag"]
    await run_all(container.engine, jobs)
    await run_all(container.engine, jobs)  # running again sends nothing twice

    messages = inbox.to("lupe@example.net")  # the look-up shows every status, so each is told
    assert len(messages) == 3, [m["Subject"] for m in messages]
    assert "aceptada" in messages[1]["Subject"]
    assert "cerrada" in messages[2]["Subject"]
    assert all(m["Content-Language"] == "es" for m in messages)
    assert all(number in m["Subject"] for m in messages)
