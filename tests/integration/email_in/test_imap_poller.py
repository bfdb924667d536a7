"""IMAP polling against a real dovecot: unseen mail is ingested and marked seen only once
stored; a failed store leaves it (and the rest) unseen for the next round."""

import ssl
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import OperationalError

from adapters.email_in.imap import ImapMailbox, ImapPoller
from adapters.email_in.parsing import BadMessage, parse_email
from tests.integration.email_in.dovecot import Dovecot, dovecot
from tests.unit.adapters.email_in.mail import as_bytes, email


@pytest.fixture(scope="module")
def server() -> Iterator[Dovecot]:
    with dovecot() as running:
        yield running


class Store:
    def __init__(self, fail_on: str | None = None) -> None:
        self.subjects: list[str] = []
        self.fail_on = fail_on

    async def __call__(self, raw: bytes, envelope_sender: str | None) -> None:
        parsed = parse_email(raw, envelope_sender)  # BadMessage, as the ingestion raises it
        if parsed.subject == self.fail_on:
            raise OperationalError("INSERT", {}, ConnectionRefusedError("database down"))
        self.subjects.append(parsed.subject)


def _poller(server: Dovecot, store: Store) -> ImapPoller:
    box = ImapMailbox("127.0.0.1", server.port, server.user, server.password, tls=False)
    return ImapPoller(box, store, interval_seconds=60)


async def test_unseen_mail_is_ingested_then_marked_seen(server: Dovecot) -> None:
    server.empty()
    for subject in ("Pothole", "Graffiti"):
        server.append(as_bytes(email(subject=subject, message_id=f"<{subject}@example.net>")))
    store = Store()
    assert await _poller(server, store).poll_once() == 2
    assert store.subjects == ["Pothole", "Graffiti"]
    assert server.unseen() == 0
    assert await _poller(server, store).poll_once() == 0  # nothing fetched twice


async def test_a_failed_store_leaves_that_message_and_the_rest_unseen(server: Dovecot) -> None:
    server.empty()
    for subject in ("One", "Two", "Three"):
        server.append(as_bytes(email(subject=subject, message_id=f"<{subject}@example.net>")))
    store = Store(fail_on="Two")
    assert await _poller(server, store).poll_once() == 1
    assert server.unseen() == 2
    store.fail_on = None  # the database is back
    assert await _poller(server, store).poll_once() == 2
    assert store.subjects == ["One", "Two", "Three"]
    assert server.unseen() == 0


async def test_mail_refused_for_good_is_marked_seen_not_fetched_forever(server: Dovecot) -> None:
    server.empty()
    server.append(b"Subject: nobody wrote this\r\n\r\nno sender\r\n")
    with pytest.raises(BadMessage):
        parse_email(b"Subject: nobody wrote this\r\n\r\nno sender\r\n")
    assert await _poller(server, Store()).poll_once() == 1
    assert server.unseen() == 0


async def test_tls_refuses_a_server_whose_certificate_no_one_signed(server: Dovecot) -> None:
    box = ImapMailbox("127.0.0.1", server.tls_port, server.user, server.password, tls=True)
    with pytest.raises(ssl.SSLCertVerificationError):
        await ImapPoller(box, Store(), interval_seconds=60).poll_once()
