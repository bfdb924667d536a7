"""The SMTP listener the city's mail server forwards its 311 address to (aiosmtpd).

It answers 250 only once the message is committed; 451 while it cannot be (the database is
down: the sending server retries, and the resend is recognised by its Message-ID); 550 for
mail refused for good; 552 over the size it announces with the SIZE extension (RFC 1870).
The server runs on the caller's event loop, beside the database engine it writes through.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from adapters.email_in.parsing import BadMessage
from domain.shared.errors import ValidationFailed

log = logging.getLogger("frontdoor.email_in")

Ingest = Callable[[bytes, str | None], Awaitable[object]]

ACCEPTED = "250 2.0.0 Message accepted"
RETRY = "451 4.3.0 Temporarily unable to store the message, try again later"
REFUSED = "550 5.6.0 Message refused: {why}"
UNAVAILABLE = (OSError, TimeoutError, OperationalError, InterfaceError, DBAPIError)


class InboundSmtpHandler:
    """aiosmtpd's handler: each message's bytes go to `ingest`, with the envelope sender.

    At most `at_once` messages are parsed and stored at a time: a burst of large mail waits
    its turn (the senders' connections stay open) instead of multiplying the memory used."""

    def __init__(self, ingest: Ingest, at_once: int = 4) -> None:
        self._ingest = ingest
        self._turns = asyncio.Semaphore(at_once)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        async with self._turns:
            return await self._take(raw, envelope.mail_from)

    async def _take(self, raw: bytes, envelope_sender: str | None) -> str:
        try:
            await self._ingest(raw, envelope_sender)
        except (BadMessage, ValidationFailed) as refused:
            log.info("inbound mail refused", extra={"fields": {"why": str(refused)}})
            return REFUSED.format(why=_one_line(str(refused)))
        except UNAVAILABLE as error:
            log.warning("inbound mail deferred", extra={"fields": {"error": type(error).__name__}})
            return RETRY
        except Exception:  # unknown: keep the mail at the sender's, who retries
            log.exception("inbound mail failed")
            return RETRY
        return ACCEPTED


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


async def start_smtp_listener(
    handler: InboundSmtpHandler, host: str, port: int, max_bytes: int, hostname: str = "localhost"
) -> asyncio.Server:
    """Listen on the running loop; close the returned server to stop. `hostname` is the name
    in the greeting: given, so that aiosmtpd does not ask the resolver (a blocking call)."""

    def protocol() -> Any:
        return SMTP(
            handler,
            data_size_limit=max_bytes,
            enable_SMTPUTF8=True,
            hostname=hostname,
            ident="Frontdoor 311",
        )

    server = await asyncio.get_running_loop().create_server(protocol, host, port)
    log.info("inbound SMTP listening", extra={"fields": {"host": host, "port": port}})
    return server
