"""After submitting: the confirmation email, in the language the form was filled in."""

import httpx

from api.bootstrap import Container
from api.settings import Settings
from tests.api.notifications.conftest import (  # noqa: F401  (fixtures)
    Inbox,
    inbox,
    mail_settings,
    smtp_server,
)
from tests.api.public.conftest import report_body, send_report
from tests.api.public.test_following import worker_jobs
from tests.integration.jobs.helpers import run_all

LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net"}


async def test_a_spanish_report_gets_its_confirmation_email_in_spanish(
    client: httpx.AsyncClient,
    inbox: Inbox,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    container: Container,
) -> None:
    body = await report_body(client, contact=LUPE, language="es")
    answer = await send_report(client, body, {"Accept-Language": "en"})
    assert answer.status_code == 201, answer.text
    number = answer.json()["number"]

    await run_all(container.engine, worker_jobs(mail_settings, container.engine))

    (mail,) = inbox.to("lupe@example.net")
    assert mail["Content-Language"] == "es"
    assert mail["Subject"] == f"Hemos recibido su solicitud al 311 {number}"
    assert number in mail.get_content()


async def test_an_anonymous_report_sends_no_email(
    client: httpx.AsyncClient,
    inbox: Inbox,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    container: Container,
) -> None:
    answer = await send_report(client, await report_body(client, contact=None))
    assert answer.status_code == 201, answer.text

    await run_all(container.engine, worker_jobs(mail_settings, container.engine))

    assert inbox.messages == []


async def test_without_a_language_in_the_form_the_browsers_language_is_kept(
    client: httpx.AsyncClient,
    inbox: Inbox,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    container: Container,
) -> None:
    body = await report_body(client, contact=LUPE)
    del body["language"]
    answer = await send_report(client, body, {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert answer.status_code == 201, answer.text

    await run_all(container.engine, worker_jobs(mail_settings, container.engine))

    (mail,) = inbox.to("lupe@example.net")
    assert mail["Content-Language"] == "es"
