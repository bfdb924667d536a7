"""The development senders: .eml files a mail client opens, and text messages as files."""

from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from adapters.notifications.files import FileEmailSender, FileSmsSender
from domain.notifications.ports import OutgoingEmail
from domain.shared.clock import FixedClock

CLOCK = FixedClock(datetime(2026, 11, 25, 15, 0, tzinfo=UTC))


async def test_an_email_becomes_one_eml_file_and_a_resend_replaces_it(tmp_path: Path) -> None:
    sender = FileEmailSender(tmp_path / "mail", "City 311 <311@city.example>", CLOCK)
    message = OutgoingEmail(
        to="lupe@example.net",
        subject="Hemos recibido su solicitud al 311 26-00000001",
        text="Número de referencia: 26-00000001\n",
        key="event-1:reporter",
        headers={"Content-Language": "es"},
    )
    await sender.send(message)
    await sender.send(message)
    (written,) = (tmp_path / "mail").glob("*.eml")
    parsed = message_from_bytes(written.read_bytes(), policy=policy.default)
    assert parsed["To"] == "lupe@example.net"
    assert parsed["Subject"] == "Hemos recibido su solicitud al 311 26-00000001"
    assert parsed["Content-Language"] == "es"
    assert parsed["Date"] == "Wed, 25 Nov 2026 15:00:00 +0000"
    assert parsed.get_content() == "Número de referencia: 26-00000001\n"

    await sender.send(OutgoingEmail("a@example.net", "Other", "Other\n", key="event-2:reporter"))
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 2


async def test_a_text_message_becomes_a_file(tmp_path: Path) -> None:
    await FileSmsSender(tmp_path / "sms", CLOCK).send("410-555-0123", "311: 26-00000001")
    (written,) = (tmp_path / "sms").glob("*.txt")
    assert written.read_text("utf-8") == "To: 410-555-0123\n\n311: 26-00000001\n"


async def test_list_unsubscribe_is_written_on_one_line_as_given(tmp_path: Path) -> None:
    """A long URL must not be folded into RFC 2047 encoded words: mail clients read it raw."""
    target = "https://api.city.example/api/v1/notifications/unsubscribe?token=" + "A" * 300
    header = f"<{target}>, <mailto:311@city.example?subject=stop>"
    sender = FileEmailSender(tmp_path / "mail", "City 311 <311@city.example>", CLOCK)
    message = OutgoingEmail(
        to="rosa@example.net",
        subject="We received your 311 request 26-00000001",
        text="Reference number: 26-00000001\n",
        key="event-1:reporter",
        headers={
            "Content-Language": "en",
            "List-Unsubscribe": header,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    await sender.send(message)
    (written,) = (tmp_path / "mail").glob("*.eml")
    lines = written.read_bytes().decode("ascii").splitlines()
    assert f"List-Unsubscribe: {header}" in lines
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in lines
    parsed = message_from_bytes(written.read_bytes(), policy=policy.default)
    assert parsed["List-Unsubscribe"] == header
    assert parsed["Content-Language"] == "en"
