"""Residents' emails during the faults, as a sending mail server delivers them: SMTP to the
mail-in process. 250 is ok, 5xx failed for good, 4xx or a lost connection unknown: the
sender keeps the mail and sends it again, with the same Message-ID."""

import asyncio
import smtplib
import uuid
from dataclasses import dataclass
from email.message import EmailMessage

from tests.chaos.clients import ATTEMPTS, History, Outcome

TIMEOUT_SECONDS = 10
MAIL_DOMAIN = "chaos-mail.example.net"


@dataclass
class Mail:
    message_id: str  # without <>, as the inbox stores it
    outcome: Outcome = Outcome.UNKNOWN
    attempts: int = 0


def email_of(run: str, n: int, message_id: str) -> tuple[str, bytes]:
    sender = f"chaos-{run}-mail{n}@example.net"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "311@city.example"
    message["Subject"] = f"Chaos {run} email #{n}"
    message["Message-ID"] = f"<{message_id}>"
    message.set_content(f"Chaos {run} email #{n}: the alley behind my house is flooded.")
    return sender, message.as_bytes()


def _outcome(code: int) -> Outcome | None:
    """None while the conversation goes on (a 2xx or 3xx)."""
    if 400 <= code < 500:
        return Outcome.UNKNOWN
    return Outcome.FAILED if code >= 500 else None


def _deliver(port: int, sender: str, raw: bytes) -> Outcome:
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=TIMEOUT_SECONDS) as client:
            client.ehlo("mx.chaos.example.net")
            for code, _ in (client.mail(sender), client.rcpt("311@city.example")):
                if (refused := _outcome(code)) is not None:
                    return refused
            code, _ = client.data(raw)
            return _outcome(code) or Outcome.OK
    except (OSError, smtplib.SMTPException):  # refused, reset, timed out: unknown
        return Outcome.UNKNOWN


@dataclass
class Mailer:
    port: int
    history: History
    stop: asyncio.Event

    async def mail_one(self, n: int) -> None:
        mail = Mail(f"chaos-{self.history.run}-{n}-{uuid.uuid4().hex}@{MAIL_DOMAIN}")
        self.history.mails.append(mail)
        sender, raw = email_of(self.history.run, n, mail.message_id)
        for _ in range(ATTEMPTS):
            mail.attempts += 1
            mail.outcome = await asyncio.to_thread(_deliver, self.port, sender, raw)
            if mail.outcome is not Outcome.UNKNOWN:
                return
            await asyncio.sleep(0.5)

    async def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            await self.mail_one(n)
            await asyncio.sleep(0.3)
