"""smtplib, as a sending mail server uses it, run in a thread beside the listener's loop."""

import asyncio
import smtplib
from dataclasses import dataclass


@dataclass(frozen=True)
class Reply:
    code: int
    text: str


def _send(port: int, raw: bytes, sender: str, announce_size: bool) -> Reply:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.ehlo("mx.example.net")
        options = [f"SIZE={len(raw)}"] if announce_size and client.has_extn("size") else []
        code, text = client.mail(sender, options)
        if code != 250:
            return Reply(code, text.decode())
        client.rcpt("311@city.example")
        code, text = client.data(raw)
        return Reply(code, text.decode())


async def send(
    port: int, raw: bytes, sender: str = "rosa@example.net", *, announce_size: bool = True
) -> Reply:
    return await asyncio.to_thread(_send, port, raw, sender, announce_size)


def size_limit(port: int) -> int:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.ehlo("mx.example.net")
        return int(client.esmtp_features["size"])
