"""A stand-in for the city's identity provider: RSA and EC keys made here, a JWKS served by a
real HTTP server on 127.0.0.1, and tokens signed as the provider would sign them."""

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jose import jwk, jwt

ISSUER = "https://sso.city.example/realms/city"
AUDIENCE = "frontdoor"


def _pem(private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem(private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@dataclass
class ProviderKey:
    kid: str
    algorithm: str  # RS256 or ES256
    private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

    @classmethod
    def rsa(cls, kid: str) -> "ProviderKey":
        return cls(kid, "RS256", rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def ec(cls, kid: str) -> "ProviderKey":
        return cls(kid, "ES256", ec.generate_private_key(ec.SECP256R1()))

    def public_jwk(self) -> dict[str, Any]:
        public = jwk.construct(public_pem(self.private), self.algorithm).to_dict()
        return {**public, "kid": self.kid, "use": "sig"}

    def sign(self, claims: dict[str, Any], **header: Any) -> str:
        headers = {"kid": self.kid, **header}
        return str(jwt.encode(claims, _pem(self.private), self.algorithm, headers=headers))


def claims(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    base: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "f3b1c2d4-city-person",
        "email": "Pat.Lee@City.example",
        "email_verified": True,
        "name": "Pat Lee",
        "groups": ["all-city-staff", "311-agents"],
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=10)).timestamp()),
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def _segment(part: dict[str, Any]) -> str:
    raw = json.dumps(part, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def hmac_signed(secret: bytes, header: dict[str, Any], body: dict[str, Any]) -> str:
    """A token "signed" HS256 with whatever secret: the algorithm-confusion forgery."""
    signing_input = f"{_segment(header)}.{_segment(body)}"
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def unsigned(header: dict[str, Any], body: dict[str, Any]) -> str:
    return f"{_segment(header)}.{_segment(body)}."


@dataclass
class JwksServer:
    url: str
    keys: list[ProviderKey]
    extra: list[dict[str, Any]] = field(default_factory=list)  # served as they are
    padding: int = 0  # bytes of filler, to make the set too large
    fetches: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def document(self) -> bytes:
        with self.lock:
            self.fetches += 1
            keys = [key.public_jwk() for key in self.keys] + self.extra
            return json.dumps({"keys": keys, "filler": "x" * self.padding}).encode()


@contextmanager
def jwks_server(keys: list[ProviderKey]) -> Iterator[JwksServer]:
    """Serves the keys' JWKS at http://127.0.0.1:<port>/jwks.json and counts the fetches."""
    served = JwksServer("", keys)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/jwks.json":
                self.send_error(404)
                return
            body = served.document()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
