"""The partner's webhook endpoint: records every delivery, checks its signature, and can be
taken down (connections refused) and brought back on the same port."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from domain.webhooks.signing import verify


@dataclass
class Delivery:
    webhook_id: str
    event_id: str
    subject: str
    sequence: int
    event_type: str


@dataclass
class Receiver:
    port: int
    secret: str = ""
    arrivals: int = 0  # every POST, duplicates included
    bad_signatures: int = 0
    by_id: dict[str, Delivery] = field(default_factory=dict)  # deduplicated by webhook-id
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def delivered(self) -> dict[str, Delivery]:
        """A copy, by webhook-id: deliveries keep arriving on the server's threads."""
        with self._lock:
            return dict(self.by_id)

    def up(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def record(self, headers: Any, body: bytes) -> bool:
        webhook_id = headers["webhook-id"]
        text = body.decode()
        signed = verify(
            self.secret, webhook_id, int(headers["webhook-timestamp"]), text,
            headers["webhook-signature"],
        )  # fmt: skip
        with self._lock:
            self.arrivals += 1
            if not signed:
                self.bad_signatures += 1
                return False
            envelope = json.loads(text)
            data = envelope["data"]
            self.by_id.setdefault(
                webhook_id,
                Delivery(
                    webhook_id, data["id"], data["subject"], data["sequence"], envelope["type"]
                ),
            )
        return True

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["content-length"])
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender died mid-request: nothing was delivered
                accepted = receiver.record(self.headers, body)
                try:
                    self.send_response(200 if accepted else 401)
                    self.end_headers()
                except OSError:
                    pass

            def log_message(self, *_: Any) -> None:
                return

        return Handler
