"""A tiny HTTP/1.1 server on 127.0.0.1 for outbound tests: it records what it was sent."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

Handler = Callable[[str], tuple[int, dict[str, str], bytes]]


@dataclass
class Seen:
    paths: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    connections: int = 0


@asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[tuple[int, Seen]]:
    seen = Seen()

    async def one_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
                seen.paths.append(path)
                seen.hosts.append(headers.get("host", headers.get("Host", "")))
                status, extra, body = handler(path)
                reply = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}"]
                reply += [f"{name}: {value}" for name, value in extra.items()]
                writer.write(("\r\n".join(reply) + "\r\n\r\n").encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(one_connection, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield port, seen
        server.close()
