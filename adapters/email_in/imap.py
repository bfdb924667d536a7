"""Polling a mailbox over IMAP, for cities whose mail server cannot forward to our listener.

imaplib blocks, so each exchange runs in a thread (asyncio.to_thread), one at a time on one
connection per round. A message is marked \\Seen only after the inbox committed it: a round
cut short (the database is down) leaves the rest unseen for the next one. Mail refused for
good, or larger than `max_bytes`, is marked seen and logged, so it is not fetched forever.
"""

import asyncio
import imaplib
import logging
import re
import ssl
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass

from adapters.email_in.parsing import BadMessage
from domain.shared.errors import ValidationFailed

log = logging.getLogger("frontdoor.email_in")

Ingest = Callable[[bytes, str | None], Awaitable[object]]
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class ImapMailbox:
    host: str
    port: int
    user: str
    password: str
    mailbox: str = "INBOX"
    tls: bool = True
    timeout_seconds: float = 30
    max_bytes: int = 25 * 1024 * 1024
    batch: int = 50  # messages per round, at most


class _Session:
    """One logged-in connection with the mailbox selected; blocking calls only."""

    def __init__(self, box: ImapMailbox) -> None:
        self._imap = _connect(box)
        self._imap.login(box.user, box.password)
        status, _ = self._imap.select(_quoted(box.mailbox))
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot select mailbox {box.mailbox!r}")

    def unseen(self, batch: int) -> list[bytes]:
        _, data = self._imap.uid("SEARCH", None, "UNSEEN")  # type: ignore[arg-type]
        return (data[0] or b"").split()[:batch] if data else []

    def size(self, uid: bytes) -> int:
        _, data = self._imap.uid("FETCH", uid.decode(), "(RFC822.SIZE)")
        found = _SIZE.search(_flatten(data))
        return int(found.group(1)) if found else 0

    def fetch(self, uid: bytes) -> bytes:
        """The message's bytes, without setting \\Seen (BODY.PEEK)."""
        _, data = self._imap.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple):
                return bytes(item[1])
        return b""

    def mark_seen(self, uid: bytes) -> None:
        self._imap.uid("STORE", uid.decode(), "+FLAGS", "(\\Seen)")

    def close(self) -> None:
        with suppress(imaplib.IMAP4.error, OSError):
            self._imap.logout()


def _connect(box: ImapMailbox) -> imaplib.IMAP4:
    """TLS checks the server's certificate and name (imaplib alone would not)."""
    if box.tls:
        context = ssl.create_default_context()
        return imaplib.IMAP4_SSL(
            box.host, box.port, ssl_context=context, timeout=box.timeout_seconds
        )
    return imaplib.IMAP4(box.host, box.port, timeout=box.timeout_seconds)


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flatten(data: list[object]) -> bytes:
    parts: list[bytes] = []
    for item in data:
        for piece in item if isinstance(item, tuple) else (item,):
            if isinstance(piece, bytes):
                parts.append(piece)
    return b" ".join(parts)


class ImapPoller:
    def __init__(self, box: ImapMailbox, ingest: Ingest, interval_seconds: float) -> None:
        self._box, self._ingest, self._interval = box, ingest, interval_seconds

    async def run(self) -> None:
        """Poll until cancelled; a failed round is logged and tried again after the interval."""
        while True:
            try:
                await self.poll_once()
            except (imaplib.IMAP4.error, OSError) as error:
                log.warning("IMAP poll failed", extra={"fields": {"error": str(error)}})
            except Exception:  # a bug must not stop the polling for good
                log.exception("IMAP poll failed")
            await asyncio.sleep(self._interval)

    async def poll_once(self) -> int:
        """One round over the unseen messages; how many were stored (or refused for good)."""
        session = await asyncio.to_thread(_Session, self._box)
        try:
            uids = await asyncio.to_thread(session.unseen, self._box.batch)
            done = 0
            for uid in uids:
                if not await self._take(session, uid):
                    break  # storing failed: the rest waits for the next round
                done += 1
            return done
        finally:
            await asyncio.to_thread(session.close)

    async def _take(self, session: _Session, uid: bytes) -> bool:
        if await asyncio.to_thread(session.size, uid) > self._box.max_bytes:
            log.warning(
                "IMAP message over the size limit left aside",
                extra={"fields": {"uid": uid.decode()}},
            )
            await asyncio.to_thread(session.mark_seen, uid)
            return True
        raw = await asyncio.to_thread(session.fetch, uid)
        try:
            await self._ingest(raw, None)
        except (BadMessage, ValidationFailed) as refused:
            log.info("IMAP message refused", extra={"fields": {"why": str(refused)}})
        except Exception:
            log.warning("IMAP message not stored; kept unseen for the next round", exc_info=True)
            return False
        await asyncio.to_thread(session.mark_seen, uid)
        return True
