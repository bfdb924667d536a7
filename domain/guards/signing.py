"""Short-lived tokens signed with a key derived from the server secret, one key per purpose.

A token is `<payload>.<issued unix seconds>.<mac>`; the MAC (HMAC-SHA256, base64url) covers the
payload and the time, under a key labelled with the purpose, so a token of one kind is never
good as another. The payload is readable: it holds no secret, only ids the holder already has.
"""

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

MAX_TOKEN_LENGTH = 512


class BadToken(Exception):
    """Not ours, altered, or expired."""


class ExpiredToken(BadToken):
    """Ours and intact, but too old: a caller may tell this apart from a forged token."""


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


class TokenSigner:
    def __init__(self, secret: str, purpose: str, lifetime: timedelta) -> None:
        label = f"frontdoor {purpose} v1".encode()
        self._key = hmac.new(secret.encode(), label, hashlib.sha256).digest()
        self.lifetime = lifetime

    def _mac(self, signed: str) -> str:
        return _encode(hmac.new(self._key, signed.encode(), hashlib.sha256).digest())

    def issue(self, payload: str, now: datetime) -> str:
        if "." in payload:
            raise ValueError("a payload holds no dot")
        signed = f"{payload}.{int(now.timestamp())}"
        return f"{signed}.{self._mac(signed)}"

    def read(self, token: str, now: datetime) -> tuple[str, datetime]:
        """The payload and when it expires; BadToken when it is not good now."""
        if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
            raise BadToken()
        payload, dot, rest = token.partition(".")
        issued, dot2, mac = rest.partition(".")
        if not (dot and dot2 and issued.isdigit() and len(issued) <= 12):
            raise BadToken()
        if not hmac.compare_digest(mac, self._mac(f"{payload}.{issued}")):
            raise BadToken()
        expires = datetime.fromtimestamp(int(issued), UTC) + self.lifetime
        if now >= expires:
            raise ExpiredToken()
        return payload, expires
