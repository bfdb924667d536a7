"""`python -m api mail-in`: receiving mail, beside the API and the worker.

The SMTP listener (FRONTDOOR_SMTP_INBOUND_PORT) and the IMAP poller (FRONTDOOR_IMAP_HOST)
run in a process of their own: one per deployment, since only one can hold the port, while
workers may be many. `python -m api` starts it when either is configured.
"""

import asyncio
import logging
import signal
from contextlib import suppress

from adapters.email_in.smtp import start_smtp_listener
from api.mail_in_bootstrap import build_mail_in, smtp_hostname
from api.settings import Settings
from domain.shared.clock import Clock

log = logging.getLogger("frontdoor.mail_in")


async def serve(settings: Settings, clock: Clock | None = None) -> None:
    """Until SIGTERM/SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await receive_until(settings, stop, clock)


async def receive_until(
    settings: Settings, stop: asyncio.Event, clock: Clock | None = None
) -> None:
    mail = build_mail_in(settings, clock)
    server = poll = None
    try:
        port = settings.smtp_inbound_listen_port
        if port is not None:
            server = await start_smtp_listener(
                mail.handler,
                settings.smtp_inbound_host,
                port,
                settings.smtp_max_bytes,
                smtp_hostname(settings),
            )
        if mail.poller is not None:
            poll = asyncio.create_task(mail.poller.run())
        await stop.wait()
    finally:
        if poll is not None:
            poll.cancel()
            with suppress(asyncio.CancelledError):
                await poll
        if server is not None:
            server.close()
            await server.wait_closed()
        await mail.close()


def main(settings: Settings) -> int:
    if not settings.receives_mail:
        log.info("no inbound mail configured (FRONTDOOR_SMTP_INBOUND_PORT, FRONTDOOR_IMAP_HOST)")
        return 0
    try:
        asyncio.run(serve(settings))
    except OSError as error:  # the port is taken, or not ours to bind
        log.error("cannot receive mail", extra={"fields": {"error": str(error)}})
        return 1
    return 0
