"""A new text case is acknowledged by text, through Twilio (a local stand-in), by the worker;
a phone that texted STOP gets no acknowledgement, though its text still reaches the Inbox."""

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text

from api.bootstrap import Container
from api.settings import Settings
from tests.api.notifications.conftest import worker_jobs
from tests.api.texting.conftest import LUPE_PHONE, post_text, twilio_form
from tests.integration.jobs.helpers import run_all
from tests.twilio_standin import FROM, SID, TOKEN, StandIn, twilio_stand_in

pytestmark = pytest.mark.usefixtures("twilio_token")


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    with twilio_stand_in() as running:
        yield running


@pytest.fixture
def text_settings(settings: Settings, stand_in: StandIn) -> Settings:
    return settings.model_copy(
        update={
            "twilio_account_sid": SID,
            "twilio_auth_token": TOKEN,
            "twilio_from": FROM,
            "twilio_api_base": stand_in.base_url,
        }
    )


async def test_a_new_text_case_is_acknowledged_by_text_with_its_number(
    client: httpx.AsyncClient, text_settings: Settings, container: Container, stand_in: StandIn
) -> None:
    jobs = worker_jobs(text_settings, container.engine)
    await post_text(client, twilio_form("Trash was not picked up on Elm St"))

    await run_all(container.engine, jobs)
    await run_all(container.engine, jobs)  # again: nothing more

    (acknowledgement,) = stand_in.texts_to(LUPE_PHONE)
    assert "Your case number is C-" in acknowledgement


async def test_a_phone_that_texted_stop_gets_no_acknowledgement(
    client: httpx.AsyncClient, text_settings: Settings, container: Container, stand_in: StandIn
) -> None:
    jobs = worker_jobs(text_settings, container.engine)
    await post_text(client, twilio_form("STOP", sid="SM" + "7" * 32))

    await post_text(client, twilio_form("Trash was not picked up", sid="SM" + "8" * 32))
    await run_all(container.engine, jobs)

    assert stand_in.calls == []
    async with container.engine.connect() as db:
        stored = await db.execute(text("SELECT body FROM messages WHERE direction = 'in'"))
        assert [row.body for row in stored] == ["Trash was not picked up"]
