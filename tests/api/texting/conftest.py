"""Texts posted as Twilio posts them: a form, signed with the account's auth token."""

import base64
import hashlib
import hmac
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text

from adapters.notifications.twilio_signature import TwilioSignatures
from api.bootstrap import Container

TOKEN = "inbound-auth-token"
PATH = "/api/v1/inbound/sms/twilio"
LUPE_PHONE = "+14105550123"


@pytest.fixture
def twilio_token(container: Container, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app checks signatures against this token (the container was built without one)."""
    monkeypatch.setattr(container, "text_signatures", TwilioSignatures(TOKEN))
    yield TOKEN


def sign(url: str, form: dict[str, str], token: str = TOKEN) -> str:
    """Twilio's documented algorithm, written here again: the URL, then sorted name+value."""
    signed = url + "".join(name + form[name] for name in sorted(form))
    return base64.b64encode(
        hmac.new(token.encode(), signed.encode(), hashlib.sha1).digest()
    ).decode()


def twilio_form(body: str, sender: str = LUPE_PHONE, sid: str = "SM" + "0" * 32) -> dict[str, str]:
    return {
        "AccountSid": "AC" + "1" * 32,
        "From": sender,
        "To": "+14105550199",
        "Body": body,
        "MessageSid": sid,
        "NumMedia": "0",
    }


async def post_text(
    client: httpx.AsyncClient, form: dict[str, str], signature: str | None = None
) -> httpx.Response:
    """Posts the form to the webhook, signed for the URL the app sees unless told otherwise."""
    url = f"{client.base_url}{PATH}"
    headers = {"X-Twilio-Signature": signature if signature is not None else sign(url, form)}
    return await client.post(PATH, data=form, headers=headers)


async def stopped_phones(container: Container) -> list[str]:
    async with container.engine.connect() as db:
        rows = await db.execute(text("SELECT address FROM sms_opt_outs ORDER BY address"))
        return [row.address for row in rows]
