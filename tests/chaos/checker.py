"""After healing and draining: what the database, the webhook receiver and the mail folder
hold, against what the clients were told."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

from adapters.notifications.mime import message_id
from tests.chaos.clients import History, Outcome
from tests.chaos.receiver import Receiver


@dataclass
class Stored:
    requests: dict[str, tuple[str, int]]  # id -> (marker, event sequence)
    deliveries: dict[str, tuple[str, str]]  # webhook delivery id -> (event id, status)
    submitted_keys: dict[str, list[str]]  # request id -> keys of its "submitted" email
    email_keys: list[str]
    texts: Counter[str]  # MessageSid -> stored messages
    mails: Counter[str]  # Message-ID (without <>) -> stored messages
    replies: set[str]  # the file names of the inbox's outgoing emails (acknowledgements)


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def read_stored(url: str, run: str, subscription_id: str) -> Stored:
    db = await asyncpg.connect(plain(url))
    try:
        rows = await db.fetch(
            "SELECT id, description, event_sequence FROM service_requests"
            " WHERE description LIKE $1",
            f"Chaos {run} pothole #%",
        )
        requests = {
            r["id"]: (r["description"].rpartition(" ")[2], r["event_sequence"]) for r in rows
        }
        deliveries = {
            str(r["id"]): (str(r["event_id"]), r["status"])
            for r in await db.fetch(
                "SELECT id, event_id, status FROM webhook_deliveries WHERE subscription_id = $1",
                subscription_id,
            )
        }
        inbound = await db.fetch(
            "SELECT channel, direction, external_id FROM messages"
            " WHERE channel IN ('text', 'email')"
        )
        mails = await db.fetch(
            "SELECT key, request_id, kind FROM notification_deliveries"
            " WHERE channel = 'email' AND request_id = ANY($1::text[])",
            list(requests),
        )
    finally:
        await db.close()
    submitted: dict[str, list[str]] = {}
    for mail in mails:
        if mail["kind"] == "submitted":
            submitted.setdefault(mail["request_id"], []).append(mail["key"])

    def received(channel: str) -> Counter[str]:
        return Counter(
            str(r["external_id"])
            for r in inbound
            if (r["channel"], r["direction"]) == (channel, "in")
        )

    replies = {
        str(r["external_id"]).partition("@")[0]
        for r in inbound
        if (r["channel"], r["direction"]) == ("email", "out")
    }
    keys = [m["key"] for m in mails]
    return Stored(
        requests, deliveries, submitted, keys, received("text"), received("email"), replies
    )


async def queue_state(url: str) -> list[tuple[object, ...]]:
    """The worker's queue and the deliveries, to tell what was left undone."""
    db = await asyncpg.connect(plain(url))
    try:
        jobs = await db.fetch(
            "SELECT entrypoint, status::text, count(*) FROM pgqueuer GROUP BY 1, 2 ORDER BY 1, 2"
        )
        deliveries = await db.fetch(
            "SELECT status, count(*), max(attempts) FROM webhook_deliveries GROUP BY 1"
        )
    finally:
        await db.close()
    return [tuple(row) for row in [*jobs, *deliveries]]


async def drained(url: str, run: str, subscription_id: str, receiver: Receiver) -> bool:
    """Every event of every stored request reached the receiver, and every email went out."""
    stored = await read_stored(url, run, subscription_id)
    expected_events = sum(sequence for _, sequence in stored.requests.values())
    events = {d.event_id for d in receiver.delivered().values()}
    return (
        len(events) >= expected_events
        and all(status == "delivered" for _, status in stored.deliveries.values())
        and len(stored.submitted_keys) == len(stored.requests)
    )


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, object] = field(default_factory=dict)

    def expect(self, condition: bool, problem: str) -> None:
        if not condition:
            self.problems.append(problem)


def check(
    history: History, stored: Stored, receiver: Receiver, mail_dir: Path, mail_from: str
) -> Verdict:
    verdict = Verdict()
    _check_creations(verdict, history, stored)
    _check_updates(verdict, history, stored)
    _check_webhooks(verdict, stored, receiver)
    _check_emails(verdict, stored, mail_dir, mail_from)
    _check_texts(verdict, history, stored)
    _check_mails(verdict, history, stored)
    verdict.expect(
        history.unavailable_503 > 0, "no 503 with Retry-After seen while PostgreSQL was down"
    )
    verdict.expect(not history.other_5xx, f"other server errors: {history.other_5xx[:5]}")
    return verdict


def _check_creations(verdict: Verdict, history: History, stored: Stored) -> None:
    copies = Counter(marker for marker, _ in stored.requests.values())
    outcomes = Counter(c.outcome for c in history.creations)
    for creation in history.creations:
        found = copies[creation.marker]
        if creation.outcome is Outcome.OK:
            verdict.expect(found == 1, f"ok request {creation.marker} stored {found} times")
            verdict.expect(
                stored.requests.get(creation.request_id or "", ("", 0))[0] == creation.marker,
                f"ok request {creation.marker}: its id {creation.request_id} holds another",
            )
        elif creation.outcome is Outcome.FAILED:
            verdict.expect(found == 0, f"failed request {creation.marker} stored {found} times")
        else:
            verdict.expect(found <= 1, f"unknown request {creation.marker} stored {found} times")
    known = {c.marker for c in history.creations}
    strays = [marker for marker in copies if marker not in known]
    verdict.expect(not strays, f"requests no client sent: {strays[:5]}")
    verdict.counts.update(
        created_ok=outcomes[Outcome.OK],
        created_failed=outcomes[Outcome.FAILED],
        created_unknown=outcomes[Outcome.UNKNOWN],
        unknown_stored=sum(
            1 for c in history.creations if c.outcome is Outcome.UNKNOWN and copies[c.marker]
        ),
        retried=sum(1 for c in history.creations if c.attempts > 1),
        duplicates=sum(n - 1 for n in copies.values() if n > 1),
        stored_requests=len(stored.requests),
    )


def _check_updates(verdict: Verdict, history: History, stored: Stored) -> None:
    """A request's events number its changes: its creation plus every committed update."""
    for request_id, outcomes in history.updates.items():
        changes = stored.requests[request_id][1] - 1
        ok, unknown = outcomes[Outcome.OK], outcomes[Outcome.UNKNOWN]
        verdict.expect(
            ok <= changes <= ok + unknown,
            f"request {request_id}: {changes} changes stored, {ok} ok and {unknown} unknown sent",
        )
    verdict.counts.update(
        updates_ok=history.updates_total[Outcome.OK],
        updates_failed=history.updates_total[Outcome.FAILED],
        updates_unknown=history.updates_total[Outcome.UNKNOWN],
    )


def _check_webhooks(verdict: Verdict, stored: Stored, receiver: Receiver) -> None:
    by_id = receiver.delivered()
    received = by_id.values()
    sequences: dict[str, Counter[int]] = {}
    for delivery in received:
        sequences.setdefault(delivery.subject, Counter())[delivery.sequence] += 1
    for request_id, (marker, sequence) in stored.requests.items():
        seen = sequences.get(request_id, Counter())
        verdict.expect(
            sorted(seen) == list(range(1, sequence + 1)) and max(seen.values(), default=1) == 1,
            f"request {request_id} ({marker}): events 1..{sequence} expected, got {dict(seen)}",
        )
    verdict.expect(
        set(by_id) == set(stored.deliveries),
        "the receiver's webhook ids differ from the stored deliveries: "
        f"{len(set(stored.deliveries) - set(by_id))} missing, "
        f"{len(set(by_id) - set(stored.deliveries))} unknown",
    )
    events = [event for event, _ in stored.deliveries.values()]
    verdict.expect(len(events) == len(set(events)), "an event has two webhook deliveries")
    verdict.expect(receiver.bad_signatures == 0, f"{receiver.bad_signatures} bad signatures")
    verdict.counts.update(
        events=sum(sequence for _, sequence in stored.requests.values()),
        webhooks_delivered=len(by_id),
        webhook_posts=receiver.arrivals,
    )


def _check_emails(verdict: Verdict, stored: Stored, mail_dir: Path, mail_from: str) -> None:
    for request_id in stored.requests:
        keys = stored.submitted_keys.get(request_id, [])
        verdict.expect(len(keys) == 1, f"request {request_id}: {len(keys)} 'submitted' emails")
    files = {path.stem for path in mail_dir.glob("*.eml")}
    expected = {
        message_id(key, mail_from).strip("<>").partition("@")[0] for key in stored.email_keys
    }
    strays = files - expected - stored.replies  # the inbox acknowledges residents' emails
    verdict.expect(
        expected <= files and not strays,
        f"emails: {len(expected - files)} missing, {len(strays)} without a delivery",
    )
    verdict.counts.update(emails=len(files & expected), acknowledgements=len(files - expected))


def _stored_once(
    verdict: Verdict, kind: str, sent: list[tuple[str, Outcome]], stored: Mapping[str, int]
) -> Counter[Outcome]:
    """Each message is stored once by its own id, however often it was sent: exactly once
    when the sender saw it accepted, never when refused, at most once when unknown."""
    for key, outcome in sent:
        found = stored[key]
        most = 0 if outcome is Outcome.FAILED else 1
        least = 1 if outcome is Outcome.OK else 0
        verdict.expect(least <= found <= most, f"{kind} {key} ({outcome}) stored {found} times")
    return Counter(outcome for _, outcome in sent)


def _check_texts(verdict: Verdict, history: History, stored: Stored) -> None:
    """A text is keyed by its MessageSid."""
    sent = [(text.sid, text.outcome) for text in history.texts]
    outcomes = _stored_once(verdict, "text", sent, stored.texts)
    verdict.counts.update(
        texts_ok=outcomes[Outcome.OK],
        texts_failed=outcomes[Outcome.FAILED],
        texts_unknown=outcomes[Outcome.UNKNOWN],
        texts_stored=sum(stored.texts[sid] for sid, _ in sent),
    )


def _check_mails(verdict: Verdict, history: History, stored: Stored) -> None:
    """A resident's email is keyed by its Message-ID."""
    sent = [(mail.message_id, mail.outcome) for mail in history.mails]
    outcomes = _stored_once(verdict, "email", sent, stored.mails)
    verdict.expect(outcomes[Outcome.OK] > 0, "no email was accepted")
    verdict.counts.update(
        mails_ok=outcomes[Outcome.OK],
        mails_failed=outcomes[Outcome.FAILED],
        mails_unknown=outcomes[Outcome.UNKNOWN],
        mails_resent=sum(1 for mail in history.mails if mail.attempts > 1),
        mails_stored=sum(stored.mails[key] for key, _ in sent),
    )
