"""Twilio signs each webhook: X-Twilio-Signature is the base64 HMAC-SHA1, keyed with the
account's auth token, of the full URL Twilio requested followed by every POST parameter,
sorted by name, each written as name then value with nothing between."""

import base64
import hashlib
import hmac
from collections.abc import Iterable


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    signed = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


class TwilioSignatures:
    """Checks webhooks against the auth token; with no token configured, nothing passes."""

    def __init__(self, auth_token: str | None) -> None:
        self._token = auth_token

    def valid(self, url: str, params: Iterable[tuple[str, str]], given: str | None) -> bool:
        if not self._token or not given:
            return False
        expected = twilio_signature(self._token, url, params)
        return hmac.compare_digest(expected.encode(), given.strip().encode())
