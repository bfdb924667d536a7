"""Pictures sent with a text: Twilio keeps them under the account, behind its credentials."""

import httpx

from adapters.http.remote_files import read_capped
from adapters.http.ssrf import ForbiddenDestination, OutboundPolicy, guarded_client
from adapters.notifications.twilio import TwilioAccount
from domain.shared.errors import ValidationFailed

FIELD = "MediaUrl"


class TwilioMediaFiles:
    """A RemoteFiles for the account's own media URLs only: the credentials go nowhere else
    (httpx drops them on the redirect to Twilio's file host), and the SSRF guard still holds."""

    def __init__(self, account: TwilioAccount, policy: OutboundPolicy) -> None:
        self._account = account
        self._policy = policy
        self._prefix = f"{account.api_base.rstrip('/')}/2010-04-01/Accounts/{account.sid}/"

    async def fetch(self, url: str, max_bytes: int) -> bytes:
        if not url.startswith(self._prefix) or ".." in url:
            raise ValidationFailed.single(FIELD, "is not a media URL of this Twilio account")
        auth = (self._account.sid, self._account.auth_token)
        try:
            async with guarded_client(self._policy) as client:
                client.auth = httpx.BasicAuth(*auth)
                return await read_capped(client, httpx.URL(url), max_bytes)
        except ForbiddenDestination:
            raise ValidationFailed.single(FIELD, "points to an address we do not fetch") from None
        except httpx.HTTPError:
            raise ValidationFailed.single(FIELD, "could not be fetched") from None
