"""Files fetched from URLs that clients give (Open311 `media_url`), through the SSRF guard."""

import httpx

from adapters.http.ssrf import ForbiddenDestination, OutboundPolicy, guarded_client
from domain.shared.errors import ValidationFailed

FIELD = "media_url"


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed.single(FIELD, message)


class GuardedRemoteFiles:
    def __init__(self, policy: OutboundPolicy) -> None:
        self._policy = policy

    async def fetch(self, url: str, max_bytes: int) -> bytes:
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            raise _refuse("is not a URL") from None
        if target.scheme not in ("http", "https") or not target.host:
            raise _refuse("must be an http or https URL")
        try:
            async with guarded_client(self._policy) as client:
                return await read_capped(client, target, max_bytes)
        except ForbiddenDestination:
            raise _refuse("points to an address we do not fetch from") from None
        except httpx.TooManyRedirects:
            raise _refuse("redirects too many times") from None
        except httpx.HTTPError:
            raise _refuse("could not be fetched") from None


async def read_capped(client: httpx.AsyncClient, url: httpx.URL, max_bytes: int) -> bytes:
    async with client.stream("GET", url) as answer:
        if answer.status_code != 200:
            raise _refuse(f"answered HTTP {answer.status_code}")
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _refuse(f"is larger than {max_bytes} bytes")
        body = bytearray()
        async for chunk in answer.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise _refuse(f"is larger than {max_bytes} bytes")
        return bytes(body)
