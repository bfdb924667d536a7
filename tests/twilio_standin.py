"""A stand-in for Twilio's Messages API on 127.0.0.1: it checks each call as Twilio would
(the path names the account, basic auth with the account SID and auth token, a form with To,
Body and From or MessagingServiceSid) and records the texts it accepted. It also serves the
pictures of inbound texts (`media`), to the account's credentials only."""

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SID = "AC00000000000000000000000000000001"
TOKEN = "stand-in-auth-token"
FROM = "+14105550199"


@dataclass
class Call:
    path: str
    authorization: str
    content_type: str
    form: dict[str, list[str]]
    status: int = 0  # what the stand-in answered


@dataclass
class StandIn:
    base_url: str = ""
    calls: list[Call] = field(default_factory=list)
    fail_next: int = 0  # answer the next N well-formed calls with a 500
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path: type, bytes
    media_fetches: list[tuple[str, bool]] = field(default_factory=list)  # path, authorised
    # Like Twilio, answer a media URL with a redirect to its file host (another origin).
    moved_to: dict[str, str] = field(default_factory=dict)  # media path: file URL
    # A file host: serves `files` to anyone and records the Authorization header it got.
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    file_fetches: list[tuple[str, str | None]] = field(default_factory=list)

    def media_url(self, name: str, content_type: str, data: bytes) -> str:
        path = f"/2010-04-01/Accounts/{SID}/Messages/MM{'0' * 32}/Media/{name}"
        self.media[path] = (content_type, data)
        return self.base_url + path

    def texts_to(self, number: str) -> list[str]:
        return [c.form["Body"][0] for c in self.accepted() if c.form.get("To") == [number]]

    def accepted(self) -> list[Call]:
        return [c for c in self.calls if c.status == 201]


AUTHORISED = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()


def _problem(call: Call) -> str | None:
    """Why Twilio would refuse this call, or None."""
    if call.authorization != AUTHORISED:
        return "401"
    if call.path != f"/2010-04-01/Accounts/{SID}/Messages.json":
        return "404"
    form = call.form
    senders = [name for name in ("From", "MessagingServiceSid") if name in form]
    if not call.content_type.startswith("application/x-www-form-urlencoded"):
        return "400"
    if len(senders) != 1 or any(len(form.get(n, [])) != 1 for n in ("To", "Body")):
        return "400"
    return None if form["To"][0].startswith("+") else "400"


def _handler(stand_in: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length).decode()
            call = Call(
                self.path,
                self.headers.get("Authorization", ""),
                self.headers.get("Content-Type", ""),
                parse_qs(raw, keep_blank_values=True),
            )
            problem = _problem(call)
            if problem is None and stand_in.fail_next:
                stand_in.fail_next -= 1
                problem = "500"
            status = call.status = 201 if problem is None else int(problem)
            stand_in.calls.append(call)
            body = {"sid": f"SM{len(stand_in.calls):032d}", "status": "queued"}
            if problem:
                body = {"code": 20000 + status, "message": "refused", "status": status}
            self._answer(status, json.dumps(body).encode())

        def do_GET(self) -> None:
            if self.path in stand_in.files:
                stand_in.file_fetches.append((self.path, self.headers.get("Authorization")))
                self._answer(200, stand_in.files[self.path][1], stand_in.files[self.path][0])
                return
            authorised = self.headers.get("Authorization") == AUTHORISED
            stand_in.media_fetches.append((self.path, authorised))
            found = stand_in.media.get(self.path)
            if not authorised or found is None:
                self._answer(401 if not authorised else 404, b"{}")
            elif self.path in stand_in.moved_to:
                self._answer(307, b"", headers={"Location": stand_in.moved_to[self.path]})
            else:
                self._answer(200, found[1], found[0])

        def _answer(
            self,
            status: int,
            body: bytes,
            kind: str = "application/json",
            headers: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the test reads the calls

    return Handler


@contextmanager
def twilio_stand_in() -> Iterator[StandIn]:
    stand_in = StandIn()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stand_in))
    stand_in.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
