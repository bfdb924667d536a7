"""An identity provider's public keys (a JWKS), fetched with httpx and cached.

Each key is bound to the one algorithm of its type (RSA: RS256, EC P-256: ES256), so a token
can never choose how its signature is checked: that is what stops HS256 "signed" with a
public key, and `alg: none`. An unknown kid fetches the set again (the provider rotated), but
no more often than every `refresh_seconds`, so a flood of made-up kids costs one fetch.
"""

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx
from jose import jwk
from jose.backends.base import Key
from jose.exceptions import JOSEError

ALGORITHM_OF = {"RSA": "RS256", "EC": "ES256"}
CURVE_OF = {"ES256": "P-256"}
MAX_BYTES = 256 * 1024
MAX_KEYS = 50


@dataclass(frozen=True)
class PublicKey:
    algorithm: str
    key: Key


class JwksUnavailable(Exception):
    """The key set could not be fetched or read."""


class JwksKeys:
    def __init__(
        self, url: str, *, cache_seconds: float, refresh_seconds: float, timeout_seconds: float
    ) -> None:
        self._url = url
        self._cache_seconds = cache_seconds
        self._refresh_seconds = refresh_seconds
        self._timeout = timeout_seconds
        self._keys: dict[str, PublicKey] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> PublicKey | None:
        """The key with this id, fetching the set when it is stale or lacks the id."""
        if self._stale() or (kid not in self._keys and self._may_refresh()):
            async with self._lock:
                if self._stale() or (kid not in self._keys and self._may_refresh()):
                    await self._refresh()
        return self._keys.get(kid)

    def _age(self) -> float:
        return float("inf") if self._fetched_at is None else time.monotonic() - self._fetched_at

    def _stale(self) -> bool:
        return self._age() >= self._cache_seconds

    def _may_refresh(self) -> bool:
        return self._age() >= self._refresh_seconds

    async def _refresh(self) -> None:
        try:
            keys = _read_set(await self._download())
        except (httpx.HTTPError, JwksUnavailable, ValueError):
            if not self._keys:
                raise JwksUnavailable(self._url) from None
            keys = self._keys  # keep serving the keys we had; try again after refresh_seconds
        self._keys, self._fetched_at = keys, time.monotonic()

    async def _download(self) -> bytes:
        client = httpx.AsyncClient(timeout=self._timeout, follow_redirects=False)
        async with client, client.stream("GET", self._url) as answer:
            answer.raise_for_status()
            body = b""
            async for chunk in answer.aiter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise JwksUnavailable("the key set is too large")
        return body


def _read_set(raw: bytes) -> dict[str, PublicKey]:
    document = json.loads(raw)
    entries = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise JwksUnavailable("not a JWK set")
    keys = {}
    for entry in entries[:MAX_KEYS]:
        key = _public_key(entry) if isinstance(entry, dict) else None
        if key is not None:
            keys[entry["kid"]] = key
    return keys


def _public_key(entry: dict[str, Any]) -> PublicKey | None:
    """A signing key we can bind to one algorithm; anything else in the set is skipped."""
    algorithm = ALGORITHM_OF.get(entry.get("kty", ""))
    if algorithm is None or not isinstance(entry.get("kid"), str):
        return None
    if entry.get("use", "sig") != "sig" or entry.get("alg", algorithm) != algorithm:
        return None
    if algorithm in CURVE_OF and entry.get("crv") != CURVE_OF[algorithm]:
        return None
    if "d" in entry:
        return None  # a private key has no business in a published set
    try:
        return PublicKey(algorithm, jwk.construct(entry, algorithm))
    except (JOSEError, ValueError, TypeError, KeyError):
        return None
