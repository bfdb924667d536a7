"""Twilio's inbound-message webhook: the URL it signed, its form as an IncomingText, and the
TwiML answer."""

from collections.abc import Mapping
from datetime import datetime
from xml.sax.saxutils import escape

from fastapi import Request

from domain.shared.errors import ValidationFailed
from domain.texting.model import IncomingText, TextMedia

MAX_MEDIA = 10  # Twilio sends at most ten pictures with one message
TWIML = "text/xml"


def signed_url(request: Request, public_base_url: str | None) -> str:
    """The URL Twilio requested: behind a proxy, the public base URL with this path and query."""
    if not public_base_url:
        return str(request.url)
    query = request.url.query
    return f"{public_base_url}{request.url.path}{'?' + query if query else ''}"


def _required(form: Mapping[str, str], name: str) -> str:
    value = form.get(name, "").strip()
    if not value:
        raise ValidationFailed.single(name, "is required")
    return value


def _media(form: Mapping[str, str]) -> tuple[TextMedia, ...]:
    try:
        count = min(int(form.get("NumMedia") or 0), MAX_MEDIA)
    except ValueError:
        raise ValidationFailed.single("NumMedia", "must be a number") from None
    found = (
        TextMedia(form.get(f"MediaUrl{i}", ""), form.get(f"MediaContentType{i}", ""))
        for i in range(count)
    )
    return tuple(media for media in found if media.url)


def incoming_text(form: Mapping[str, str], at: datetime) -> IncomingText:
    return IncomingText(
        sender=_required(form, "From"),
        body=form.get("Body", ""),
        external_id=_required(form, "MessageSid"),
        received_at=at,
        media=_media(form),
    )


def twiml(reply: str | None) -> str:
    """`<Response/>` answers nothing; a `<Message>` is texted back to the sender."""
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    if reply is None:
        return f"{head}<Response/>"
    return f"{head}<Response><Message>{escape(reply)}</Message></Response>"
