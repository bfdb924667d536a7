"""Email through an SMTP server, on the event loop (aiosmtplib: no thread per message)."""

from dataclasses import dataclass

import aiosmtplib

from adapters.notifications.mime import to_mime
from domain.notifications.ports import OutgoingEmail
from domain.shared.clock import Clock


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    implicit_tls: bool = False
    timeout_seconds: float = 30


class SmtpEmailSender:
    def __init__(self, server: SmtpServer, clock: Clock) -> None:
        self._server = server
        self._clock = clock

    async def send(self, message: OutgoingEmail) -> None:
        """Raises aiosmtplib.SMTPException (or OSError) when the server does not take it."""
        server = self._server
        await aiosmtplib.send(
            to_mime(message, server.sender, self._clock),
            hostname=server.host,
            port=server.port,
            username=server.username or None,
            password=server.password or None,
            start_tls=server.starttls and not server.implicit_tls,
            use_tls=server.implicit_tls,
            timeout=server.timeout_seconds,
        )
