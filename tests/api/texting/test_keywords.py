"""STOP, START and HELP over the real webhook: signed forms, the suppression list in
PostgreSQL, TwiML answers."""

import httpx
import pytest

from api.bootstrap import Container
from tests.api.texting.conftest import (
    PATH,
    post_text,
    sign,
    stopped_phones,
    twilio_form,
)

pytestmark = pytest.mark.usefixtures("twilio_token")


async def test_stop_puts_the_phone_on_the_list_and_is_answered_in_twiml(
    client: httpx.AsyncClient, container: Container
) -> None:
    answer = await post_text(client, twilio_form(" Stop. "))

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/xml")
    assert "<Response><Message>311: you will get no more texts" in answer.text
    assert await stopped_phones(container) == ["4105550123"]
    again = await post_text(client, twilio_form("STOP", sid="SM" + "1" * 32))
    assert again.status_code == 200
    assert await stopped_phones(container) == ["4105550123"]  # once


async def test_start_takes_the_phone_off_the_list(
    client: httpx.AsyncClient, container: Container
) -> None:
    await post_text(client, twilio_form("unsubscribe"))
    answer = await post_text(client, twilio_form("start", sid="SM" + "2" * 32))

    assert answer.status_code == 200
    assert "texts are back on" in answer.text
    assert await stopped_phones(container) == []


async def test_help_is_answered_in_english_and_ayuda_in_spanish(
    client: httpx.AsyncClient, container: Container
) -> None:
    english = await post_text(client, twilio_form("HELP"))
    spanish = await post_text(client, twilio_form("ayuda", sid="SM" + "3" * 32))
    parar = await post_text(client, twilio_form("PARAR", sid="SM" + "4" * 32))

    assert "For emergencies call 911" in english.text
    assert "En una emergencia llame al 911" in spanish.text
    assert "no recibirá más mensajes" in parar.text
    assert await stopped_phones(container) == ["4105550123"]


@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IGEgc2lnbmF0dXJl", "sign-with-another-token"],
)
async def test_a_bad_or_missing_signature_gets_403_and_writes_nothing(
    client: httpx.AsyncClient, container: Container, signature: str | None
) -> None:
    form = twilio_form("STOP")
    headers = {}
    if signature == "sign-with-another-token":
        headers["X-Twilio-Signature"] = sign(f"{client.base_url}{PATH}", form, "other")
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature

    answer = await client.post(PATH, data=form, headers=headers)

    assert answer.status_code == 403
    assert answer.headers["content-type"] == "application/problem+json"
    assert "4105550123" not in answer.text
    assert await stopped_phones(container) == []


async def test_a_signature_over_another_form_gets_403(
    client: httpx.AsyncClient, container: Container
) -> None:
    signed = sign(f"{client.base_url}{PATH}", twilio_form("HELP"))
    answer = await post_text(client, twilio_form("STOP"), signature=signed)
    assert answer.status_code == 403
    assert await stopped_phones(container) == []


async def test_the_public_base_url_is_what_the_signature_covers(
    client: httpx.AsyncClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    public = container.settings.model_copy(update={"public_base_url": "https://311.city.example"})
    monkeypatch.setattr(container, "settings", public)
    form = twilio_form("STOP")

    as_seen = await post_text(client, form)  # signed for http://testserver: refused
    assert as_seen.status_code == 403
    signature = sign(f"https://311.city.example{PATH}", form)
    as_public = await post_text(client, form, signature=signature)
    assert as_public.status_code == 200, as_public.text
    assert await stopped_phones(container) == ["4105550123"]


async def test_a_signed_form_without_a_sender_is_refused_with_422(
    client: httpx.AsyncClient, container: Container
) -> None:
    form = twilio_form("STOP")
    del form["From"]
    answer = await post_text(client, form)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert await stopped_phones(container) == []


async def test_a_resident_who_reads_spanish_is_answered_in_spanish_and_staff_see_the_stop(
    client: httpx.AsyncClient, container: Container, agent: dict[str, str]
) -> None:
    made = await client.post(
        "/api/v1/residents",
        json={"first_name": "Lupe", "phones": ["410-555-0123"], "preferred_language": "es",
              "contact_preference": "sms"},
        headers=agent,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    profile = f"/api/v1/residents/{made.json()['id']}"

    stopped = await post_text(client, twilio_form("STOP"))

    assert "no recibirá más mensajes" in stopped.text
    seen = (await client.get(profile, headers=agent)).json()
    assert [o["phone"] for o in seen["sms_opt_outs"]] == ["410-555-0123"]
    await post_text(client, twilio_form("START", sid="SM" + "6" * 32))
    assert (await client.get(profile, headers=agent)).json()["sms_opt_outs"] == []


async def test_a_form_with_a_file_is_refused_before_anything_is_read_into_the_inbox(
    client: httpx.AsyncClient, container: Container
) -> None:
    answer = await client.post(
        PATH,
        data=twilio_form("STOP"),
        files={"MediaUrl0": ("x.jpg", b"\xff\xd8\xff", "image/jpeg")},
        headers={"X-Twilio-Signature": "irrelevant"},
    )
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
    assert await stopped_phones(container) == []
