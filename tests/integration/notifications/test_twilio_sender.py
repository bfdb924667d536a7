"""The Twilio sender against a local stand-in for Twilio's Messages API."""

from collections.abc import Iterator

import httpx
import pytest

from adapters.notifications.twilio import TwilioAccount, TwilioRefused, TwilioSmsSender, e164
from tests.twilio_standin import FROM, SID, TOKEN, StandIn, twilio_stand_in


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    with twilio_stand_in() as running:
        yield running


def sender_for(stand_in: StandIn, **overrides: str) -> TwilioSmsSender:
    values = {"sid": SID, "auth_token": TOKEN, "sender": FROM, "api_base": stand_in.base_url}
    return TwilioSmsSender(TwilioAccount(**{**values, **overrides}))


async def test_a_text_is_posted_to_the_account_with_basic_auth_and_the_form(
    stand_in: StandIn,
) -> None:
    await sender_for(stand_in).send("410-555-0123", "311: request 26-00000001 is in progress")

    (call,) = stand_in.accepted()
    assert call.form == {
        "To": ["+14105550123"],
        "From": [FROM],
        "Body": ["311: request 26-00000001 is in progress"],
    }


async def test_a_messaging_service_sends_in_place_of_a_number(stand_in: StandIn) -> None:
    service = "MG00000000000000000000000000000009"
    await sender_for(stand_in, sender=service).send("+52 55 1234 5678", "Hola ñandú")

    (call,) = stand_in.accepted()
    assert call.form["MessagingServiceSid"] == [service]
    assert "From" not in call.form
    assert call.form["To"] == ["+525512345678"]
    assert call.form["Body"] == ["Hola ñandú"]


async def test_a_wrong_token_is_refused_and_raised_so_the_outbox_retries(
    stand_in: StandIn,
) -> None:
    with pytest.raises(TwilioRefused, match="401"):
        await sender_for(stand_in, auth_token="wrong").send("4105550123", "hi")
    assert stand_in.accepted() == []


async def test_a_server_error_is_raised_and_names_no_number(stand_in: StandIn) -> None:
    stand_in.fail_next = 1
    with pytest.raises(TwilioRefused) as refused:
        await sender_for(stand_in).send("4105550123", "hi")
    assert "500" in str(refused.value)
    assert "4105550123" not in str(refused.value)
    await sender_for(stand_in).send("4105550123", "hi")  # the retry goes through
    assert stand_in.texts_to("+14105550123") == ["hi"]


async def test_an_unreachable_api_raises() -> None:
    account = TwilioAccount(SID, TOKEN, FROM, api_base="http://127.0.0.1:9", timeout_seconds=2)
    with pytest.raises(httpx.HTTPError):
        await TwilioSmsSender(account).send("4105550123", "hi")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("410-555-0123", "+14105550123"),
        ("1 (410) 555-0123", "+14105550123"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_numbers_are_written_in_e164(written: str, expected: str) -> None:
    assert e164(written, "1") == expected
