"""The clients of the set test. Every operation ends ok, failed (a definite 4xx: nothing was
done) or unknown (a timeout, a lost connection, a 5xx: it may or may not have happened)."""

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

import httpx

from adapters.notifications.twilio_signature import twilio_signature

if TYPE_CHECKING:
    from tests.chaos.mailer import Mail

ATTEMPTS = 4  # a creation is sent again, with the same Idempotency-Key, after an unknown
TIMEOUT = httpx.Timeout(10.0, connect=2.0)
TWILIO_TOKEN = "chaos-twilio-auth-token"  # the test's own stand-in account
PUBLIC_BASE = "https://311.chaos.example"  # what Twilio signs, whichever process answers
TEXT_PATH = "/api/v1/inbound/sms/twilio"
NEXT_STATUS = {"new": "acknowledged", "acknowledged": "in_progress", "in_progress": "closed"}


class Outcome(StrEnum):
    OK = "ok"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass
class Creation:
    marker: str
    key: str
    outcome: Outcome = Outcome.UNKNOWN
    request_id: str | None = None
    attempts: int = 0


@dataclass
class Text:
    sid: str
    outcome: Outcome = Outcome.UNKNOWN


@dataclass
class History:
    """What the clients saw, for the checker."""

    run: str
    creations: list[Creation] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    mails: list["Mail"] = field(default_factory=list)
    updates: dict[str, Counter[Outcome]] = field(default_factory=dict)  # per request id
    updates_total: Counter[Outcome] = field(default_factory=Counter)
    unavailable_503: int = 0  # problem+json with Retry-After
    other_5xx: list[str] = field(default_factory=list)

    def ok_requests(self) -> list[str]:
        return [c.request_id for c in self.creations if c.request_id is not None]

    def record_update(self, request_id: str, outcome: Outcome) -> None:
        self.updates.setdefault(request_id, Counter())[outcome] += 1
        self.updates_total[outcome] += 1


def request_body(run: str, n: int) -> dict[str, object]:
    rng = random.Random(n)
    return {
        "service_code": "trm-pothole-repair",
        "description": f"Chaos {run} pothole #{n}",
        "location": {
            "lat": 39.2904 + rng.uniform(-0.02, 0.02),
            "long": -76.6122 + rng.uniform(-0.02, 0.02),
        },
        "attributes": {"pothole_size": "medium"},
        "reporter": {
            "first_name": "Chaos",
            "last_name": f"Client{n}",
            "email": f"chaos-{run}-{n}@example.net",
        },
        "channel": "phone",
    }


@dataclass
class Clients:
    apis: list[str]
    token: str
    history: History
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    _counter: int = 0

    def _base(self) -> str:
        return random.choice(self.apis)

    def _classify(self, answer: httpx.Response) -> Outcome:
        if answer.status_code >= 500:
            self._note_server_error(answer)
            return Outcome.UNKNOWN
        if answer.status_code in (409, 429):  # still running elsewhere, or slowed: not refused
            return Outcome.UNKNOWN
        return Outcome.OK if answer.status_code < 300 else Outcome.FAILED

    def _note_server_error(self, answer: httpx.Response) -> None:
        problem = answer.headers.get("content-type", "").startswith("application/problem+json")
        if answer.status_code == 503 and problem and answer.headers.get("retry-after"):
            self.history.unavailable_503 += 1
        else:
            path = answer.request.url.path
            self.history.other_5xx.append(f"{answer.status_code} {path} {answer.text[:300]}")

    async def _send(
        self,
        client: httpx.AsyncClient,
        method: str,
        path: str,
        json: object = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response | None:
        sent = {"Authorization": f"Bearer {self.token}", **(headers or {})}
        try:
            return await client.request(
                method, self._base() + path, json=json, headers=sent, timeout=TIMEOUT
            )
        except httpx.HTTPError:
            return None  # refused, reset, or timed out: unknown

    async def create_one(self, client: httpx.AsyncClient, n: int) -> Creation:
        creation = Creation(marker=f"#{n}", key=f"chaos-{self.history.run}-{n}-{uuid.uuid4()}")
        self.history.creations.append(creation)
        body = request_body(self.history.run, n)
        for _ in range(ATTEMPTS):
            creation.attempts += 1
            headers = {"Idempotency-Key": creation.key}
            answer = await self._send(
                client, "POST", "/api/v1/requests", json=body, headers=headers
            )
            outcome = Outcome.UNKNOWN if answer is None else self._classify(answer)
            creation.outcome = outcome
            if outcome is Outcome.OK and answer is not None:
                creation.request_id = str(answer.json()["id"])
                return creation
            if outcome is Outcome.FAILED:
                return creation
            await asyncio.sleep(0.5)
        return creation

    async def creator(self) -> None:
        async with httpx.AsyncClient() as client:
            while not self.stop.is_set():
                self._counter += 1
                await self.create_one(client, self._counter)

    async def text_one(self, client: httpx.AsyncClient, n: int) -> None:
        """A resident's text, as Twilio posts it; Twilio sends it again after a failure."""
        text = Text(sid=f"SM{uuid.uuid4().hex}")
        self.history.texts.append(text)
        form = {
            "From": f"+1410555{n % 10000:04d}",
            "To": "+14105550311",
            "Body": f"Chaos {self.history.run} text #{n}: the streetlight is out",
            "MessageSid": text.sid,
            "NumMedia": "0",
        }
        signature = twilio_signature(TWILIO_TOKEN, PUBLIC_BASE + TEXT_PATH, form.items())
        for _ in range(ATTEMPTS):
            try:
                answer: httpx.Response | None = await client.post(
                    self._base() + TEXT_PATH,
                    data=form,
                    headers={"X-Twilio-Signature": signature},
                    timeout=TIMEOUT,
                )
            except httpx.HTTPError:
                answer = None
            text.outcome = Outcome.UNKNOWN if answer is None else self._classify(answer)
            if text.outcome is not Outcome.UNKNOWN:
                return
            await asyncio.sleep(0.5)

    async def texter(self) -> None:
        async with httpx.AsyncClient() as client:
            n = 0
            while not self.stop.is_set():
                n += 1
                await self.text_one(client, n)
                await asyncio.sleep(0.2)

    async def update_one(self, client: httpx.AsyncClient, request_id: str) -> None:
        """A comment or the next status, conditional on the version just read (If-Match)."""
        current = await self._send(client, "GET", f"/api/v1/requests/{request_id}")
        if current is None or current.status_code != 200:
            if current is not None and current.status_code >= 500:
                self._note_server_error(current)
            await asyncio.sleep(0.2)
            return
        following = NEXT_STATUS.get(current.json()["status"])
        headers = {"If-Match": current.headers["etag"]}
        if following is not None and random.random() < 0.4:
            body: dict[str, object] = {"to": following}
            if following == "closed":
                body["reason"] = "resolved"
            path = f"/api/v1/requests/{request_id}/transitions"
        else:
            body = {"body": f"Chaos note {uuid.uuid4().hex[:8]}", "visibility": "internal"}
            path = f"/api/v1/requests/{request_id}/comments"
        answer = await self._send(client, "POST", path, json=body, headers=headers)
        outcome = Outcome.UNKNOWN if answer is None else self._classify(answer)
        self.history.record_update(request_id, outcome)

    async def updater(self) -> None:
        async with httpx.AsyncClient() as client:
            while not self.stop.is_set():
                created = self.history.ok_requests()
                if not created:
                    await asyncio.sleep(0.2)
                    continue
                await self.update_one(client, random.choice(created))
