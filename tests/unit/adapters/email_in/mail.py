"""Emails as a resident's mail program writes them, for the tests of inbound mail."""

import io
from email.message import EmailMessage
from email.policy import SMTP

from PIL import Image


def email(
    body: str = "The streetlight on Elm St is out.",
    *,
    subject: str = "Streetlight out",
    sender: str = "Rosa Diaz <Rosa@Example.net>",
    message_id: str | None = "<m1@mail.example.net>",
    **headers: str,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "311@city.example"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    message.set_content(body)
    for name, value in headers.items():  # after the content, which clears Content-*
        message[name.replace("_", "-")] = value
    return message


def as_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=SMTP)


def jpeg_with_exif() -> bytes:
    """A small JPEG carrying EXIF (a camera model and a GPS latitude tag)."""
    image = Image.new("RGB", (32, 24), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0110] = "Resident's Phone 12"  # Model
    exif[0x8825] = {1: "N", 2: (39.0, 17.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()
