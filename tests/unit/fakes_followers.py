"""Followers of requests in memory, staged with the unit of work like the SQL repository."""

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from domain.notifications.followers import Follower


class FakeFollowerRepository:
    def __init__(self, committed: dict[UUID, Follower]) -> None:
        self._committed = committed
        self._writes: dict[UUID, Follower] = {}

    def _rows(self) -> dict[UUID, Follower]:
        return {**self._committed, **self._writes}

    async def add(self, follower: Follower) -> None:
        self._writes[follower.id] = follower

    async def get(self, follower_id: UUID, *, for_update: bool = False) -> Follower | None:
        return self._rows().get(follower_id)

    async def confirm(self, follower_id: UUID, at: datetime) -> None:
        found = self._rows().get(follower_id)
        if found is not None:
            self._writes[follower_id] = replace(found, confirmed_at=at)

    async def confirmed_of(self, request_id: str) -> list[Follower]:
        found: dict[str, Follower] = {}
        for follower in sorted(self._rows().values(), key=lambda f: f.created_at):
            if follower.request_id == request_id and follower.confirmed:
                found.setdefault(follower.email, follower)
        return list(found.values())

    async def forget_unconfirmed(self, asked_before: datetime) -> None:
        for follower in list(self._rows().values()):
            if not follower.confirmed and follower.created_at < asked_before:
                self._committed.pop(follower.id, None)
                self._writes.pop(follower.id, None)

    def apply(self) -> None:
        self._committed.update(self._writes)
        self._writes = {}

    def discard(self) -> None:
        self._writes = {}
