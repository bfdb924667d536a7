"""A real SMTP server (aiosmtpd) on a free port, and the notification subscribers pointed at it."""

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.http.webhook_client import webhook_client_factory
from adapters.jobs.worker import Jobs, WorkerConfig
from api.bootstrap import Container, outbound_policy, use_case_context
from api.notification_settings import EmailBackend
from api.settings import Settings
from api.worker_bootstrap import build_jobs, build_notification_subscribers, event_subscribers
from bench.server import free_port
from domain.notifications.escalation import EscalationNotifier
from domain.notifications.residents import ResidentNotifier
from domain.shared.clock import FixedClock
from domain.shared.events import Event, EventType
from tests.api.conftest import pothole_body

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
ROSA = "rosa@example.net"  # pothole_body's reporter
# Typed in mixed case: messages and opt-outs go to the normalised address.
LUPE_MIXED_CASE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "Lupe@Example.net",
                   "phone": "410-555-0123", "language": "es"}  # fmt: skip


async def submit(client: httpx.AsyncClient, agent: dict[str, str], **overrides: object) -> dict:
    """A pothole request made over the API; its JSON."""
    answer = await client.post("/api/v1/requests", json=pothole_body(**overrides), headers=agent)
    assert answer.status_code == 201, answer.text
    body: dict = answer.json()
    return body


def worker_jobs(settings: Settings, engine: AsyncEngine) -> Jobs:
    """The outbox worker's jobs as `python -m api worker` builds them, at NOW."""
    context = use_case_context(engine, FixedClock(NOW))
    subscribers = event_subscribers(settings, engine, context)
    factory = webhook_client_factory(5.0, outbound_policy(settings))
    return build_jobs(engine, context, factory, subscribers, WorkerConfig())


class Inbox:
    """What the SMTP server received. `refuse` answers the next N messages with a 451."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.refuse = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            if self.refuse:
                self.refuse -= 1
                return "451 4.3.0 try again later"
            parsed = message_from_bytes(envelope.content, policy=policy.default)
            self.messages.append(cast(EmailMessage, parsed))
            self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self.recipients.clear()
            self.refuse = 0


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def inbox(smtp_server: tuple[Inbox, int]) -> Iterator[Inbox]:
    smtp_server[0].clear()
    yield smtp_server[0]
    smtp_server[0].clear()


@pytest.fixture
def mail_settings(settings: Settings, smtp_server: tuple[Inbox, int], tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "email_backend": EmailBackend.SMTP,
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server[1],
            "smtp_starttls": False,
            "mail_from": "Baltimore 311 <311@city.example>",
            "mail_dir": str(tmp_path / "mail"),
            "public_status_url": "https://311.city.example/status/{number}",
            "public_lookup_url": "https://311.city.example/find",
            "public_unsubscribe_url": "https://311.city.example/unsubscribe?token={token}",
            "api_public_url": "https://api.311.city.example/",
            "mail_unsubscribe": "mailto:311@city.example?subject=stop",
        }
    )


@pytest.fixture
def subscribers(
    mail_settings: Settings, container: Container
) -> tuple[ResidentNotifier, EscalationNotifier]:
    built = build_notification_subscribers(
        mail_settings, container.engine, use_case_context(container.engine, FixedClock(NOW))
    )
    residents, managers, _inbox = built
    assert isinstance(residents, ResidentNotifier)
    assert isinstance(managers, EscalationNotifier)
    return residents, managers


@pytest.fixture
def residents_notifier(
    subscribers: tuple[ResidentNotifier, EscalationNotifier],
) -> ResidentNotifier:
    return subscribers[0]


@pytest.fixture
def escalations(subscribers: tuple[ResidentNotifier, EscalationNotifier]) -> EscalationNotifier:
    return subscribers[1]


def request_event(
    kind: EventType,
    number: str,
    *,
    status: str,
    previous: str | None,
    public_status_changed: bool = True,
    **extra: object,
) -> Event:
    """An event as the outbox contract describes it (domain/shared/events.py)."""
    data: dict[str, object] = {
        "status": status,
        "previous_status": previous,
        "public_status_changed": public_status_changed,
        "department_code": "transportation",
        "service_code": "trm-pothole-repair",
        "changes": ["status"] if previous else [],
        **extra,
    }
    return Event(
        type=kind,
        subject=number,
        occurred_at=NOW,
        department_code="transportation",
        service_code="trm-pothole-repair",
        data=data,
    )


def created(number: str) -> Event:
    return request_event(EventType.REQUEST_CREATED, number, status="new", previous=None)
