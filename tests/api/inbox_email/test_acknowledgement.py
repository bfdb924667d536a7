"""Issue 15's acceptance, the acknowledgement, end to end: mail in over real SMTP, the
worker's jobs as `python -m api worker` builds them, mail out to a real SMTP server.

A person gets their case number in their language, with a Message-ID their reply threads
back to; an auto-reply gets nothing, so two robots cannot keep writing to each other."""

import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, cast

import pytest
from aiosmtpd.controller import Controller

from adapters.http.webhook_client import webhook_client_factory
from adapters.jobs.worker import Jobs, WorkerConfig
from api.bootstrap import Container, outbound_policy, use_case_context
from api.notification_settings import EmailBackend
from api.settings import Settings
from api.worker_bootstrap import build_jobs, event_subscribers
from bench.server import free_port
from domain.inbox.threading import case_reference
from tests.api.inbox_email.conftest import stored
from tests.integration.email_in.smtp_client import send
from tests.integration.jobs.helpers import run_all
from tests.unit.adapters.email_in.mail import as_bytes, email


class Outbox:
    """The city's outgoing mail server: keeps what it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(cast(EmailMessage, parsed))
        return "250 OK"


@pytest.fixture
def outbox() -> Iterator[tuple[Outbox, int]]:
    sent, port = Outbox(), free_port()
    controller = Controller(sent, hostname="127.0.0.1", port=port)
    controller.start()
    yield sent, port
    controller.stop()


@pytest.fixture
def jobs(
    settings: Settings, container: Container, outbox: tuple[Outbox, int], tmp_path: Path
) -> Jobs:
    mail = settings.model_copy(
        update={
            "email_backend": EmailBackend.SMTP,
            "smtp_host": "127.0.0.1",
            "smtp_port": outbox[1],
            "smtp_starttls": False,
            "mail_from": "Baltimore 311 <311@city.example>",
            "mail_dir": str(tmp_path / "mail"),
        }
    )
    context = use_case_context(container.engine, container.clock)
    subscribers = event_subscribers(mail, container.engine, context)
    factory = webhook_client_factory(5.0, outbound_policy(mail))
    return build_jobs(container.engine, context, factory, subscribers, WorkerConfig())


async def test_a_person_is_acknowledged_in_their_language_and_a_robot_is_not(
    smtp_port: int, jobs: Jobs, outbox: tuple[Outbox, int], container: Container
) -> None:
    person = email(
        "La farola de la calle Elm no funciona.",
        subject="Farola apagada",
        sender="Lupe Ortiz <lupe@example.net>",
        message_id="<ack-person@mail.example.net>",
        Content_Language="es",
    )
    robot = email(
        "I am out of the office until Monday.",
        subject="Automatic reply: Streetlight out",
        sender="out-of-office@example.org",
        message_id="<ack-robot@mail.example.org>",
        Auto_Submitted="auto-replied",
    )
    assert (await send(smtp_port, as_bytes(person))).code == 250
    assert (await send(smtp_port, as_bytes(robot))).code == 250
    await run_all(container.engine, jobs)

    sent, _ = outbox
    [ack] = sent.messages
    case_id = (await stored(container, "ack-person@mail.example.net")).case_id
    assert case_id is not None
    assert ack["To"] == "lupe@example.net"
    assert ack["Subject"].startswith(f"[311 #{case_reference(case_id)}] Hemos recibido")
    assert case_reference(case_id) in ack.get_content()
    assert ack["In-Reply-To"] == "<ack-person@mail.example.net>"
    assert ack["Auto-Submitted"] == "auto-replied"
    assert (await stored(container, "ack-robot@mail.example.org")).case_id is not None

    answer = email(
        "Sigue apagada.",
        subject=f"Re: {ack['Subject']}",
        sender="lupe@example.net",
        message_id="<ack-answer@mail.example.net>",
        In_Reply_To=ack["Message-ID"],
        References=f"<ack-person@mail.example.net> {ack['Message-ID']}",
    )
    assert (await send(smtp_port, as_bytes(answer))).code == 250
    assert (await stored(container, "ack-answer@mail.example.net")).case_id == case_id
    await run_all(container.engine, jobs)
    assert len(sent.messages) == 1  # a reply on the case is not acknowledged again
