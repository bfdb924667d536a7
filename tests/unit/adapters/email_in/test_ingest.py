"""The ingestion keeps images through the photo keeper, refuses other files, and hands one
InboundMessage to the inbox."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

from adapters.email_in.ingest import NOT_ACCEPTED, NOT_AN_IMAGE, TOO_MANY, EmailIngestion
from adapters.email_in.parsing import MailLimits
from domain.inbox.model import InboundMessage, MessageChannel
from domain.media.model import UnsupportedMedia
from domain.shared.clock import FixedClock
from tests.unit.adapters.email_in.mail import as_bytes, email, jpeg_with_exif

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


class Keeper:
    def __init__(self) -> None:
        self.kept: list[bytes] = []

    async def __call__(self, data: bytes) -> UUID:
        if not data.startswith(b"\xff\xd8"):
            raise UnsupportedMedia("not an image")
        self.kept.append(data)
        return uuid4()


async def _ingest(raw: bytes, limits: MailLimits = MailLimits()) -> tuple[InboundMessage, Keeper]:
    received: list[InboundMessage] = []

    async def receive(inbound: InboundMessage) -> str:
        received.append(inbound)
        return "stored"

    keeper = Keeper()
    answer = await EmailIngestion(receive, keeper, FixedClock(NOW), limits).ingest(raw)
    assert answer == "stored"
    return received[0], keeper


async def test_the_inbox_receives_the_parsed_message_at_the_clock_s_time() -> None:
    inbound, _ = await _ingest(as_bytes(email(In_Reply_To="<ack@city.example>")))
    assert inbound.channel is MessageChannel.EMAIL
    assert (inbound.sender, inbound.external_id) == ("rosa@example.net", "m1@mail.example.net")
    assert inbound.thread_ids == ("ack@city.example",)
    assert inbound.received_at == NOW


async def test_images_are_kept_as_photos_and_other_files_refused_and_listed() -> None:
    message = email()
    message.add_attachment(jpeg_with_exif(), maintype="image", subtype="jpeg", filename="a.jpg")
    message.add_attachment(b"MZ", maintype="application", subtype="x-msdownload", filename="b.exe")
    message.add_attachment(b"GIF89a-no", maintype="image", subtype="png", filename="c.png")
    inbound, keeper = await _ingest(as_bytes(message))
    photo, program, broken = inbound.attachments
    assert photo.photo_id is not None and photo.refused is None
    assert keeper.kept == [jpeg_with_exif()]
    assert (program.filename, program.refused, program.photo_id) == ("b.exe", NOT_ACCEPTED, None)
    assert program.byte_size == 2
    assert broken.refused == NOT_AN_IMAGE


async def test_files_beyond_the_cap_are_listed_as_left_out() -> None:
    message = email()
    for n in range(3):
        message.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename=f"{n}.pdf")
    inbound, _ = await _ingest(as_bytes(message), MailLimits(max_files=1))
    assert [a.refused for a in inbound.attachments] == [NOT_ACCEPTED, TOO_MANY]
    assert inbound.attachments[1].filename == "2 more attachments"


async def test_a_resend_of_a_stored_message_keeps_no_photo() -> None:
    received: list[InboundMessage] = []

    async def receive(inbound: InboundMessage) -> None:
        received.append(inbound)

    async def known(external_id: str) -> bool:
        return external_id == "m1@mail.example.net"

    message = email()
    message.add_attachment(jpeg_with_exif(), maintype="image", subtype="jpeg", filename="a.jpg")
    keeper = Keeper()
    ingestion = EmailIngestion(receive, keeper, FixedClock(NOW), known=known)
    await ingestion.ingest(as_bytes(message))
    assert keeper.kept == []
    assert received[0].external_id == "m1@mail.example.net"  # the inbox still decides
    assert received[0].attachments == ()
