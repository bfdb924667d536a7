"""Issue 15's acceptance, email in: real SMTP (smtplib) to the listener, real PostgreSQL,
each step proved through the API (or the repositories where no endpoint shows it yet)."""

import io

import httpx
from PIL import Image
from sqlalchemy import func, select

from adapters.db.tables.media import media
from adapters.db.unit_of_work import SqlUnitOfWork
from api.bootstrap import Container
from domain.inbox.model import MessageChannel
from tests.api.conftest import pothole_body
from tests.api.inbox_email.conftest import stored
from tests.integration.email_in.smtp_client import send
from tests.unit.adapters.email_in.mail import as_bytes, email, jpeg_with_exif


async def test_a_new_email_makes_an_inbox_case(
    smtp_port: int, client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    message = email("The light at 100 Elm St is out.", message_id="<new-1@mail.example.net>")
    assert (await send(smtp_port, as_bytes(message))).code == 250

    case_id = (await stored(container, "new-1@mail.example.net")).case_id
    answer = await client.get(f"/api/v1/cases/{case_id}", headers=agent)
    assert answer.status_code == 200, answer.text
    case = answer.json()
    assert (case["channel"], case["type"]) == ("email", "other")
    assert (case["summary"], case["notes"]) == (
        "Streetlight out",
        "The light at 100 Elm St is out.",
    )
    async with SqlUnitOfWork(container.engine) as uow:
        kept = await uow.cases.get(case_id)
    assert kept is not None and kept.in_inbox


async def test_a_reply_with_in_reply_to_threads_onto_the_case(
    smtp_port: int, container: Container
) -> None:
    first = email(message_id="<thread-1@mail.example.net>")
    reply = email(
        "It is still out tonight.",
        subject="Re: Streetlight out",
        message_id="<thread-2@mail.example.net>",
        In_Reply_To="<thread-1@mail.example.net>",
    )
    assert (await send(smtp_port, as_bytes(first))).code == 250
    assert (await send(smtp_port, as_bytes(reply))).code == 250

    opened = await stored(container, "thread-1@mail.example.net")
    answered = await stored(container, "thread-2@mail.example.net")
    assert answered.case_id == opened.case_id
    async with SqlUnitOfWork(container.engine) as uow:
        assert opened.case_id is not None
        conversation = await uow.messages.of_case(opened.case_id)
    assert [m.body for m in conversation] == [
        "The streetlight on Elm St is out.",
        "It is still out tonight.",
    ]


async def test_a_reference_in_the_subject_threads_onto_the_request_as_a_staff_comment(
    smtp_port: int, client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    number = created.json()["id"]
    reply = email(
        "The pothole got deeper after the rain.",
        subject=f"Re: [311 #{number}] We received your request",
        message_id="<ref-1@mail.example.net>",
    )
    assert (await send(smtp_port, as_bytes(reply))).code == 250

    answer = await client.get(f"/api/v1/requests/{number}/timeline", headers=agent)
    assert answer.status_code == 200, answer.text
    comments = [e for e in answer.json()["items"] if e["kind"] == "comment"]
    [comment] = [c for c in comments if "deeper after the rain" in (c["data"]["body"] or "")]
    assert (comment["visibility"], comment["actor"]["name"]) == ("internal", "Resident")


async def test_a_jpeg_is_stored_without_exif_and_an_executable_is_refused_and_listed(
    smtp_port: int, client: httpx.AsyncClient, agent: dict[str, str], container: Container
) -> None:
    message = email(message_id="<files-1@mail.example.net>")
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()  # the camera's tags are there
    message.add_attachment(original, maintype="image", subtype="jpeg", filename="pothole.jpg")
    message.add_attachment(
        b"MZ\x90\x00\x03", maintype="application", subtype="x-msdownload", filename="invoice.exe"
    )
    assert (await send(smtp_port, as_bytes(message))).code == 250

    photo, program = (await stored(container, "files-1@mail.example.net")).attachments
    assert (program.filename, program.refused, program.photo_id) == (
        "invoice.exe",
        "type not accepted",
        None,
    )
    answer = await client.get(f"/api/v1/media/{photo.photo_id}", headers=agent)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/jpeg"
    kept = Image.open(io.BytesIO(answer.content))
    assert kept.size == (32, 24)
    assert not kept.getexif()
    assert b"Resident's Phone" not in answer.content
    assert (await client.get(f"/api/v1/media/{photo.photo_id}")).status_code == 404  # not public


async def test_a_30_mb_message_gets_552_and_nothing_is_stored(
    smtp_port: int, container: Container
) -> None:
    message = email(message_id="<huge-1@mail.example.net>")
    message.add_attachment(b"\0" * (22 * 1024 * 1024), maintype="application", subtype="zip")
    raw = as_bytes(message)  # base64: about 30 MB on the wire
    assert len(raw) > 29 * 1024 * 1024
    assert (await send(smtp_port, raw)).code == 552
    assert (await send(smtp_port, raw, announce_size=False)).code == 552
    async with SqlUnitOfWork(container.engine) as uow:
        assert (
            await uow.messages.by_external_id(MessageChannel.EMAIL, "huge-1@mail.example.net")
            is None
        )


async def test_a_resent_message_is_stored_once_with_its_photo_once(
    smtp_port: int, container: Container
) -> None:
    message = email(message_id="<twice-1@mail.example.net>")
    message.add_attachment(jpeg_with_exif(), maintype="image", subtype="jpeg", filename="a.jpg")
    raw = as_bytes(message)
    photos = await _count_photos(container)
    assert (await send(smtp_port, raw)).code == 250
    assert (await send(smtp_port, raw)).code == 250  # a relay's resend after a lost reply
    kept = await stored(container, "twice-1@mail.example.net")
    async with SqlUnitOfWork(container.engine) as uow:
        assert kept.case_id is not None
        assert len(await uow.messages.of_case(kept.case_id)) == 1
    assert await _count_photos(container) == photos + 1


async def _count_photos(container: Container) -> int:
    async with container.engine.connect() as db:
        return int((await db.execute(select(func.count()).select_from(media))).scalar_one())


async def test_text_postgresql_would_refuse_is_cleaned_not_retried_forever(
    smtp_port: int, container: Container
) -> None:
    raw = (
        b"From: rosa@example.net\r\nSubject: Bin\x00 day\r\n"
        b"Message-ID: <nul-1@mail.example.net>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nMissed\x00 pickup\r\n"
    )
    assert (await send(smtp_port, raw)).code == 250
    message = await stored(container, "nul-1@mail.example.net")
    assert (message.subject, message.body) == ("Bin day", "Missed pickup")
