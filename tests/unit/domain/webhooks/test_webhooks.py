"""Pure rules of webhooks: URLs, event types, matching, signatures, backoff, Retry-After."""

import base64
import hashlib
import hmac
import random
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from domain.shared.errors import ValidationFailed
from domain.shared.events import Event, EventType
from domain.webhooks.model import Subscription, check_event_types, check_url, new_secret
from domain.webhooks.retry import RetryPolicy, parse_retry_after
from domain.webhooks.signing import sign, verify

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/hook", "http://partner.example.org:8080/a?b=c", " https://x.io "],
)
def test_http_urls_with_a_host_are_accepted(url: str) -> None:
    assert check_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "example.com/hook",
        "ftp://example.com/",
        "javascript:alert(1)",
        "https:///path",
        "https://user:secret@example.com/",
        "https://example.com:70000/",
        "https://" + "a" * 2000 + ".com/",
    ],
)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ValidationFailed):
        check_url(url)


def test_event_types_are_known_and_deduplicated() -> None:
    assert check_event_types(["request.created", "request.created", "case.created"]) == [
        EventType.REQUEST_CREATED,
        EventType.CASE_CREATED,
    ]
    for bad in ([], ["request.*"], ["REQUEST.CREATED"]):
        with pytest.raises(ValidationFailed):
            check_event_types(bad)


def test_a_subscription_matches_on_type_department_and_service() -> None:
    sub = Subscription(
        uuid4(),
        "https://x.io",
        [EventType.REQUEST_CREATED],
        new_secret(),
        NOW,
        NOW,
        department_code="transportation",
        service_codes=["pothole"],
    )
    event = Event(EventType.REQUEST_CREATED, "26-1", NOW, "transportation", "pothole")
    assert sub.matches(event)
    assert not sub.matches(
        Event(EventType.REQUEST_CLOSED, "26-1", NOW, "transportation", "pothole")
    )
    assert not sub.matches(Event(EventType.REQUEST_CREATED, "26-1", NOW, "health", "pothole"))
    assert not sub.matches(Event(EventType.REQUEST_CREATED, "26-1", NOW, "transportation", "x"))
    sub.disable("gone", NOW)
    assert not sub.matches(event)


def test_the_signature_is_the_standard_webhooks_one() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    body = '{"type":"request.created"}'
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = hmac.new(key, f"msg_1.1700000000.{body}".encode(), hashlib.sha256).digest()
    assert sign(secret, "msg_1", 1700000000, body) == "v1," + base64.b64encode(expected).decode()
    header = f"v1,bogus {sign(secret, 'msg_1', 1700000000, body)}"
    assert verify(secret, "msg_1", 1700000000, body, header)
    assert not verify(secret, "msg_1", 1700000001, body, header)
    assert not verify(new_secret(), "msg_1", 1700000000, body, header)


def test_backoff_doubles_up_to_the_cap_with_bounded_jitter() -> None:
    policy = RetryPolicy(base=timedelta(seconds=10), cap=timedelta(hours=4), jitter=0.2)
    rng = random.Random(1)
    for attempt, plain in [(1, 10), (2, 20), (3, 40), (12, 4 * 3600), (60, 4 * 3600)]:
        delay = policy.next_delay(attempt, timedelta(0), rng=rng)
        assert delay is not None
        assert timedelta(seconds=plain) <= delay <= timedelta(seconds=plain * 1.2)


def test_retries_stop_once_the_window_has_passed_and_retry_after_wins_when_longer() -> None:
    policy = RetryPolicy(jitter=0.0)
    assert policy.next_delay(5, timedelta(hours=24)) is None
    assert policy.next_delay(5, timedelta(hours=23, minutes=59)) == timedelta(seconds=160)
    assert policy.next_delay(1, timedelta(0), timedelta(minutes=5)) == timedelta(minutes=5)
    assert policy.next_delay(1, timedelta(0), timedelta(seconds=1)) == timedelta(seconds=10)
    assert policy.next_delay(1, timedelta(0), timedelta(days=30)) == timedelta(hours=24)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert parse_retry_after("120", NOW) == timedelta(seconds=120)
    assert parse_retry_after("Mon, 01 Jun 2026 12:05:00 GMT", NOW) == timedelta(minutes=5)
    assert parse_retry_after("Mon, 01 Jun 2026 11:00:00 GMT", NOW) == timedelta(0)
    for junk in (None, "", "soon", "-5", "1e9"):
        assert parse_retry_after(junk, NOW) is None
