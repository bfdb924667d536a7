"""Texts that are not keywords land in the Inbox: a good signature makes a text case, a
later text from the same phone joins it, a resend is kept once, pictures become photos."""

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy import text

from adapters.http.ssrf import OutboundPolicy
from adapters.notifications.twilio import TwilioAccount
from adapters.notifications.twilio_media import TwilioMediaFiles
from api.bootstrap import Container
from domain.texting.ports import PicturePipeline
from tests.api.texting.conftest import PATH, post_text, sign, twilio_form
from tests.twilio_standin import FROM, SID, TOKEN, StandIn, twilio_stand_in

pytestmark = pytest.mark.usefixtures("twilio_token")

GPS_IFD = 0x8825


async def rows(container: Container, sql: str) -> list[Any]:
    async with container.engine.connect() as db:
        return list(await db.execute(text(sql)))


async def test_a_signed_text_opens_a_text_case_in_the_inbox(
    client: httpx.AsyncClient, container: Container, agent: dict[str, str]
) -> None:
    answer = await post_text(client, twilio_form("Streetlight out at 5th and Main\nall week"))

    assert answer.status_code == 200, answer.text
    assert answer.text.endswith("<Response/>")
    (message,) = await rows(container, "SELECT * FROM messages")
    assert (message.channel, message.direction, message.address) == ("text", "in", "4105550123")
    assert message.external_id == "SM" + "0" * 32
    case = await client.get(f"/api/v1/cases/{message.case_id}", headers=agent)
    assert case.status_code == 200, case.text
    assert case.json()["channel"] == "text"
    assert case.json()["summary"] == "Streetlight out at 5th and Main"


async def test_a_later_text_from_the_same_phone_joins_the_conversation_and_a_resend_is_kept_once(
    client: httpx.AsyncClient, container: Container
) -> None:
    first = twilio_form("The light is still out", sid="SM" + "a" * 32)
    await post_text(client, first)
    await post_text(client, twilio_form("Pole 42, near the bus stop", sid="SM" + "b" * 32))
    resent = await post_text(client, first)  # Twilio retries when we answer late

    assert resent.status_code == 200
    messages = await rows(container, "SELECT case_id, body FROM messages ORDER BY at, body")
    assert len(messages) == 2
    assert messages[0].case_id == messages[1].case_id
    assert len(await rows(container, "SELECT id FROM cases WHERE channel = 'text'")) == 1


async def test_a_bad_signature_stores_no_message_and_opens_no_case(
    client: httpx.AsyncClient, container: Container
) -> None:
    form = twilio_form("Streetlight out")
    forged = sign(f"{client.base_url}{PATH}", form, "not-the-token")

    answer = await post_text(client, form, signature=forged)

    assert answer.status_code == 403
    assert await rows(container, "SELECT id FROM messages") == []
    assert await rows(container, "SELECT id FROM cases WHERE channel = 'text'") == []


async def test_keywords_are_not_stored_as_messages(
    client: httpx.AsyncClient, container: Container
) -> None:
    await post_text(client, twilio_form("HELP"))
    assert await rows(container, "SELECT id FROM messages") == []


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    with twilio_stand_in() as running:
        yield running


@pytest.fixture
def pictures(
    container: Container, stand_in: StandIn, monkeypatch: pytest.MonkeyPatch
) -> PicturePipeline:
    """Pictures fetched from the stand-in (on loopback, which the SSRF guard allows here)."""
    account = TwilioAccount(SID, TOKEN, FROM, api_base=stand_in.base_url)
    remote = TwilioMediaFiles(account, OutboundPolicy(allow_loopback=True))
    pipeline = PicturePipeline(remote, container.media_store, container.image_cleaner)
    monkeypatch.setattr(container, "text_pictures", pipeline)
    return pipeline


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (39.0, 17.0, 25.0), 3: "W", 4: (76.0, 36.0, 44.0)}
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


async def test_a_picture_is_kept_as_a_photo_without_its_location_and_a_video_is_refused(
    client: httpx.AsyncClient,
    container: Container,
    agent: dict[str, str],
    stand_in: StandIn,
    pictures: PicturePipeline,
) -> None:
    form = twilio_form("Graffiti on the library wall")
    form |= {
        "NumMedia": "2",
        "MediaUrl0": stand_in.media_url("ME1", "image/jpeg", jpeg_with_gps()),
        "MediaContentType0": "image/jpeg",
        "MediaUrl1": stand_in.media_url("ME2", "video/mp4", b"\x00\x00\x00\x18ftypmp42"),
        "MediaContentType1": "video/mp4",
    }

    answer = await post_text(client, form)

    assert answer.status_code == 200, answer.text
    assert [authorised for _, authorised in stand_in.media_fetches] == [True]  # not the video
    (message,) = await rows(container, "SELECT attachments FROM messages")
    picture, video = message.attachments
    assert video["refused"] == "only pictures are kept" and video["photo_id"] is None
    assert picture["refused"] is None and picture["content_type"] == "image/jpeg"
    served = await client.get(f"/api/v1/media/{picture['photo_id']}", headers=agent)
    assert served.status_code == 200
    assert Image.open(io.BytesIO(served.content)).getexif().get_ifd(GPS_IFD) == {}
    assert b"Exif" not in served.content


async def test_a_media_url_outside_the_account_is_not_fetched(
    client: httpx.AsyncClient, container: Container, stand_in: StandIn, pictures: PicturePipeline
) -> None:
    form = twilio_form("Look at this")
    form |= {
        "NumMedia": "1",
        "MediaUrl0": f"{stand_in.base_url}/elsewhere/ME1",
        "MediaContentType0": "image/png",
    }

    answer = await post_text(client, form)

    assert answer.status_code == 200
    assert stand_in.media_fetches == []  # the credentials never left
    (message,) = await rows(container, "SELECT attachments FROM messages")
    (refused,) = message.attachments
    assert "not a media URL of this Twilio account" in refused["refused"]


async def test_without_a_twilio_account_pictures_are_listed_as_not_fetched(
    client: httpx.AsyncClient, container: Container
) -> None:
    form = twilio_form("Pothole photo")
    form |= {
        "NumMedia": "1",
        "MediaUrl0": "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "MediaContentType0": "image/jpeg",
    }
    await post_text(client, form)
    (message,) = await rows(container, "SELECT attachments FROM messages")
    assert message.attachments[0]["refused"].startswith("not fetched")


async def test_the_credentials_are_not_sent_on_to_the_file_host_twilio_redirects_to(
    client: httpx.AsyncClient,
    container: Container,
    stand_in: StandIn,
    pictures: PicturePipeline,
) -> None:
    with twilio_stand_in() as file_host:
        file_host.files["/s3/ME1.jpg"] = ("image/jpeg", jpeg_with_gps())
        url = stand_in.media_url("ME1", "image/jpeg", b"")
        stand_in.moved_to[url.removeprefix(stand_in.base_url)] = f"{file_host.base_url}/s3/ME1.jpg"
        form = twilio_form("Broken bench") | {
            "NumMedia": "1",
            "MediaUrl0": url,
            "MediaContentType0": "image/jpeg",
        }

        answer = await post_text(client, form)

        assert answer.status_code == 200
        assert [authorised for _, authorised in stand_in.media_fetches] == [True]
        assert file_host.file_fetches == [("/s3/ME1.jpg", None)]
    (message,) = await rows(container, "SELECT attachments FROM messages")
    assert message.attachments[0]["photo_id"] is not None
