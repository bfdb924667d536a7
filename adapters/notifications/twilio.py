"""Text messages through Twilio's REST API (httpx, on the event loop)."""

import logging
from dataclasses import dataclass

import httpx

log = logging.getLogger("frontdoor.notifications")

MESSAGING_SERVICE_PREFIX = "MG"  # a messaging service SID, where a phone number would be


@dataclass(frozen=True)
class TwilioAccount:
    sid: str
    auth_token: str
    sender: str  # an E.164 number, or a messaging service SID
    api_base: str = "https://api.twilio.com"
    country_code: str = "1"  # for numbers written without one
    timeout_seconds: float = 10.0


class TwilioRefused(Exception):
    """Twilio did not take the message: the caller's retry (the outbox) tries again."""


def e164(phone: str, country_code: str) -> str:
    """'410-555-0123' -> '+14105550123'; a number written with '+' keeps its own country."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+"):
        return f"+{digits}"
    if country_code == "1" and len(digits) == 11 and digits.startswith("1"):
        return f"+{digits}"
    return f"+{country_code}{digits}"


class TwilioSmsSender:
    """An SmsSender. A client per message: texts are few, and nothing is left to close."""

    def __init__(self, account: TwilioAccount) -> None:
        self._account = account

    def _form(self, to: str, text: str) -> dict[str, str]:
        account = self._account
        form = {"To": e164(to, account.country_code), "Body": text}
        if account.sender.startswith(MESSAGING_SERVICE_PREFIX):
            form["MessagingServiceSid"] = account.sender
        else:
            form["From"] = account.sender
        return form

    async def send(self, to: str, text: str) -> None:
        """Raises TwilioRefused (or httpx.HTTPError) when Twilio does not accept the message."""
        account = self._account
        url = f"{account.api_base.rstrip('/')}/2010-04-01/Accounts/{account.sid}/Messages.json"
        async with httpx.AsyncClient(timeout=account.timeout_seconds) as client:
            answer = await client.post(
                url, data=self._form(to, text), auth=(account.sid, account.auth_token)
            )
        if answer.status_code not in (200, 201):
            raise TwilioRefused(f"Twilio answered {answer.status_code}: {_reason(answer)}")
        log.info("text message sent", extra={"fields": {"sid": _sid(answer)}})


def _reason(answer: httpx.Response) -> str:
    """Twilio's error code only: its message may quote the resident's number."""
    try:
        body = answer.json()
    except ValueError:
        return answer.reason_phrase
    if not isinstance(body, dict):
        return answer.reason_phrase
    return f"error {body.get('code')}"


def _sid(answer: httpx.Response) -> str | None:
    try:
        body = answer.json()
    except ValueError:
        return None
    return str(body.get("sid")) if isinstance(body, dict) else None
