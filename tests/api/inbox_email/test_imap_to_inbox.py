"""IMAP polling feeds the same ingestion: a message in a real dovecot mailbox becomes an
Inbox case, as `python -m api mail-in` wires the poller (FRONTDOOR_IMAP_*)."""

from collections.abc import Iterator

import httpx
import pytest

from api.bootstrap import Container
from api.mail_in_bootstrap import build_mail_in
from api.settings import Settings
from tests.api.inbox_email.conftest import stored
from tests.integration.email_in.dovecot import Dovecot, dovecot
from tests.unit.adapters.email_in.mail import as_bytes, email


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Dovecot]:
    with dovecot() as server:
        yield server


async def test_a_polled_message_opens_a_case_and_is_marked_seen(
    mailbox: Dovecot,
    settings: Settings,
    container: Container,
    client: httpx.AsyncClient,
    agent: dict[str, str],
) -> None:
    polling = settings.model_copy(
        update={
            "imap_host": "127.0.0.1",
            "imap_port": mailbox.port,
            "imap_user": mailbox.user,
            "imap_password": mailbox.password,
            "imap_tls": False,
        }
    )
    mailbox.append(as_bytes(email("Graffiti on the library wall.", message_id="<imap-1@x.net>")))
    mail = build_mail_in(polling)
    try:
        assert mail.poller is not None
        assert await mail.poller.poll_once() == 1
    finally:
        await mail.close()

    assert mailbox.unseen() == 0
    case_id = (await stored(container, "imap-1@x.net")).case_id
    answer = await client.get(f"/api/v1/cases/{case_id}", headers=agent)
    assert (answer.json()["channel"], answer.json()["notes"]) == (
        "email",
        "Graffiti on the library wall.",
    )
