"""Residents read the public note of a status change in their email, masked as the status page
shows it, in their language. The whole path: API, outbox, worker, SMTP."""

import httpx

from api.bootstrap import Container
from api.settings import Settings
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import ROSA, Inbox, worker_jobs
from tests.integration.jobs.helpers import run_all

LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net",
        "language": "es"}  # fmt: skip


async def step(
    client: httpx.AsyncClient, who: dict[str, str], number: str, etag: str, **body: str
) -> str:
    moved = await client.post(
        f"/api/v1/requests/{number}/transitions", json=body, headers={**who, "If-Match": etag}
    )
    assert moved.status_code == 200, moved.text
    return moved.headers["ETag"]


async def test_the_close_note_reaches_the_resident_masked(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,
    mail_settings: Settings,
    container: Container,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    number, etag = made.json()["id"], made.headers["ETag"]
    etag = await step(client, staff, number, etag, to="in_progress", note="Crew on the way.")
    await step(client, staff, number, etag, to="closed", reason="resolved",
               note="Patched with cold mix. Rosa, call 410-555-0199 if it comes back.")  # fmt: skip
    await run_all(container.engine, jobs)

    received, moving, closed = inbox.to(ROSA)
    assert "in progress" in moving["Subject"]
    assert "\nNote from the city: Crew on the way.\r\n" in moving.get_content()
    assert "closed" in closed["Subject"]
    body = closed.get_content()
    assert "The problem has been fixed." in body
    assert (
        "Note from the city: Patched with cold mix. [name hidden], call [phone hidden] "
        "if it comes back." in body
    )
    assert "410-555-0199" not in body
    assert "Note from the city" not in received.get_content()


async def test_a_spanish_speaker_reads_the_note_with_spanish_masks(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,
    mail_settings: Settings,
    container: Container,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    made = await client.post("/api/v1/requests", json=pothole_body(reporter=LUPE), headers=agent)
    number, etag = made.json()["id"], made.headers["ETag"]
    await step(client, staff, number, etag, to="closed", reason="resolved",
               note="Bache reparado. Guadalupe: lupe@example.net")  # fmt: skip
    await run_all(container.engine, jobs)

    closed = inbox.to("lupe@example.net")[-1]
    assert "cerrada" in closed["Subject"]
    body = closed.get_content()
    assert "Nota de la ciudad: Bache reparado. [nombre oculto]: [correo oculto]" in body
