"""Argon2id password hashing (memory-hard), behind the PasswordHasher port."""

import asyncio

from argon2 import PasswordHasher as Argon2
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2PasswordHasher:
    def __init__(self, time_cost: int = 2, memory_cost_kib: int = 19456) -> None:
        # OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
        self._argon = Argon2(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=1)

    def hash_now(self, password: str) -> str:
        return self._argon.hash(password)

    def verify_now(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    async def hash(self, password: str) -> str:
        """Runs in a worker thread: argon2 releases the GIL, the event loop keeps serving."""
        return await asyncio.to_thread(self.hash_now, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        return await asyncio.to_thread(self.verify_now, password_hash, password)
