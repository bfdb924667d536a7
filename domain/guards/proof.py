"""The proof of work: the client finds a `nonce` such that sha256(token + ":" + nonce) starts
with `difficulty` zero bits. About 2**difficulty hashes (16 bits: well under a second in a
browser) cost a person nothing and a flood a lot; nothing is sent to a third party, and
nothing is asked of the person, so it works the same with a screen reader.

A challenge is signed (so the server keeps nothing until it is used), good for 30 minutes, and
good once: a spent challenge is remembered until it would have expired anyway.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.guards.errors import Refused
from domain.guards.signing import BadToken, TokenSigner

LIFETIME = timedelta(minutes=30)
MAX_NONCE_LENGTH = 64


@dataclass(frozen=True)
class Challenge:
    token: str
    difficulty: int


@dataclass(frozen=True)
class Proof:
    token: str
    nonce: str


@dataclass(frozen=True)
class SolvedChallenge:
    """A proof that holds: spend `digest` (once) until `expires_at`."""

    digest: str
    expires_at: datetime


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte:
            return bits + 8 - byte.bit_length()
        bits += 8
    return bits


def solves(token: str, nonce: str, difficulty: int) -> bool:
    digest = hashlib.sha256(f"{token}:{nonce}".encode()).digest()
    return leading_zero_bits(digest) >= difficulty


def solve(token: str, difficulty: int) -> str:
    """What a client does (the tests and the load scripts use it)."""
    nonce = 0
    while not solves(token, str(nonce), difficulty):
        nonce += 1
    return str(nonce)


class Challenges:
    """Issues challenges at the configured difficulty and checks proofs of them."""

    def __init__(self, secret: str, difficulty: int) -> None:
        self._signer = TokenSigner(secret, "public challenge", LIFETIME)
        self.difficulty = difficulty

    def issue(self, now: datetime) -> Challenge:
        payload = f"{self.difficulty}-{secrets.token_urlsafe(12)}"
        return Challenge(self._signer.issue(payload, now), self.difficulty)

    def check(self, proof: Proof | None, now: datetime) -> SolvedChallenge:
        """The difficulty is the one signed into the token: changing the setting does not
        void the challenges already handed out."""
        if proof is None:
            raise Refused("proof", "proof_missing", "the bot check is missing")
        try:
            payload, expires = self._signer.read(proof.token, now)
        except BadToken:
            raise Refused("proof", "proof_invalid", "the bot check is not valid") from None
        difficulty = int(payload.split("-", 1)[0])
        nonce = proof.nonce
        if len(nonce) > MAX_NONCE_LENGTH or not solves(proof.token, nonce, difficulty):
            raise Refused("proof", "proof_wrong", "the bot check was not solved")
        digest = hashlib.sha256(proof.token.encode()).hexdigest()
        return SolvedChallenge(digest, expires)
