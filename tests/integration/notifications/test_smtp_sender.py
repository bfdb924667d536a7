"""The SMTP sender against a real SMTP server that requires a login."""

from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from typing import Any

import aiosmtplib
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from adapters.notifications.mime import message_id
from adapters.notifications.smtp import SmtpEmailSender, SmtpServer
from bench.server import free_port
from domain.notifications.ports import OutgoingEmail
from domain.shared.clock import FixedClock

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

CLOCK = FixedClock(datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
MESSAGE = OutgoingEmail(
    to="manager@city.example",
    subject="[311 overdue] 26-00000001 Pothole: overdue by 2 hours",
    text="Request 26-00000001 is overdue by 2 hours.\n",
    key="escalation:26-00000001:overdue:7",
    html="<p>Request 26-00000001 is overdue by 2 hours.</p>",
)


class Mailbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def only_frontdoor(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"fd", b"s3cret")
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Mailbox, int]]:
    port = free_port()
    mailbox = Mailbox()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=only_frontdoor,
        auth_required=True,
        auth_require_tls=False,  # a test server without a certificate
    )
    controller.start()
    yield mailbox, port
    controller.stop()


def sender(port: int, password: str) -> SmtpEmailSender:
    config = SmtpServer(
        host="127.0.0.1",
        port=port,
        sender="City 311 <311@city.example>",
        username="fd",
        password=password,
        starttls=False,
    )
    return SmtpEmailSender(config, CLOCK)


async def test_a_logged_in_sender_delivers_text_and_html(server: tuple[Mailbox, int]) -> None:
    mailbox, port = server
    mailbox.received.clear()
    await sender(port, "s3cret").send(MESSAGE)
    ((envelope_from, envelope_to, content),) = mailbox.received
    assert envelope_from == "311@city.example"
    assert envelope_to == ["manager@city.example"]
    parsed = message_from_bytes(content, policy=policy.default)
    assert parsed["Message-ID"] == message_id(MESSAGE.key, "311@city.example")
    plain = parsed.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert plain.splitlines() == MESSAGE.text.splitlines()
    assert "<p>Request" in parsed.get_body(("html",)).get_content()  # type: ignore[union-attr]


async def test_a_wrong_password_raises_and_delivers_nothing(server: tuple[Mailbox, int]) -> None:
    mailbox, port = server
    mailbox.received.clear()
    with pytest.raises(aiosmtplib.SMTPAuthenticationError):
        await sender(port, "wrong").send(MESSAGE)
    assert mailbox.received == []
