"""The guard before every text: a stopped phone, however it is written, gets nothing."""

from collections.abc import Collection
from datetime import UTC, datetime

from domain.notifications.ports import OptOut
from domain.notifications.suppression import StopRespectingSms


class Stopped:
    def __init__(self, *phones: str) -> None:
        self.phones = set(phones)

    async def add(self, address: str, at: datetime, source: str) -> None:
        self.phones.add(address)

    async def has(self, address: str) -> bool:
        return address in self.phones

    async def status_of(self, addresses: Collection[str]) -> dict[str, OptOut]:
        at = datetime(2026, 12, 5, tzinfo=UTC)
        return {a: OptOut(a, at, "keyword") for a in addresses if a in self.phones}

    async def remove(self, address: str) -> OptOut | None:
        self.phones.discard(address)
        return None


class Sent:
    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    async def send(self, to: str, text: str) -> None:
        self.texts.append((to, text))


async def test_a_stopped_phone_gets_nothing_however_it_is_written() -> None:
    sent = Sent()
    guard = StopRespectingSms(sent, Stopped("4105550123"))
    for written in ("410-555-0123", "+1 (410) 555-0123", "14105550123"):
        await guard.send(written, "Your request is closed")
    assert sent.texts == []


async def test_other_phones_get_their_texts() -> None:
    sent = Sent()
    guard = StopRespectingSms(sent, Stopped("4105550123"))
    await guard.send("410-555-0124", "Your request is closed")
    assert sent.texts == [("410-555-0124", "Your request is closed")]
