"""Development delivery: each email an .eml file, each text a .txt file, and a log line."""

import asyncio
import logging
import uuid
from pathlib import Path

from adapters.notifications.mime import to_mime
from domain.notifications.ports import OutgoingEmail
from domain.shared.clock import Clock

log = logging.getLogger("frontdoor.notifications")


class FileEmailSender:
    """Writes `<directory>/<message id>.eml`: a resend of the same delivery overwrites it."""

    def __init__(self, directory: Path, sender: str, clock: Clock) -> None:
        self._directory = directory
        self._sender = sender
        self._clock = clock

    async def send(self, message: OutgoingEmail) -> None:
        mime = to_mime(message, self._sender, self._clock)
        name = str(mime["Message-ID"]).strip("<>").partition("@")[0]
        path = self._directory / f"{name}.eml"
        await asyncio.to_thread(_write, path, mime.as_bytes())
        log.info("email written", extra={"fields": {"path": str(path), "subject": message.subject}})


class FileSmsSender:
    def __init__(self, directory: Path, clock: Clock) -> None:
        self._directory = directory
        self._clock = clock

    async def send(self, to: str, text: str) -> None:
        stamp = self._clock.now().strftime("%Y%m%dT%H%M%S")
        path = self._directory / f"{stamp}-{uuid.uuid4().hex[:12]}.txt"
        await asyncio.to_thread(_write, path, f"To: {to}\n\n{text}\n".encode())
        log.info("text message written", extra={"fields": {"path": str(path)}})


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)  # readers never see half a message
