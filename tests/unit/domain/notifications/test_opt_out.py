"""Opt-out tokens: signed, URL-safe, one address each, and useless to anyone who changes them."""

import base64
import hashlib
import hmac
import logging
import re
from collections.abc import Collection
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.directory.users import Role
from domain.notifications.opt_out import OptOutSource, OptOutTokens, lift_opt_out, opt_out
from domain.notifications.ports import OptOut
from domain.residents.model import Resident
from domain.shared.clock import FixedClock
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from tests.unit.builders import principal
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import context_of

SECRET = "a-server-secret-of-at-least-thirty-two-characters"
TOKENS = OptOutTokens(SECRET)
URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "address", ["rosa@example.net", "josé.núñez@ejemplo.es", "a+tag@sub.example.org"]
)
def test_a_token_names_its_address_and_needs_no_escaping_in_a_url(address: str) -> None:
    token = TOKENS.issue(address)
    assert URL_SAFE.match(token)
    assert TOKENS.address_of(token) == address
    assert OptOutTokens(SECRET).address_of(token) == address  # the same secret, another process


def test_the_address_is_normalised_so_every_spelling_gets_one_token() -> None:
    token = TOKENS.issue("  Rosa@Example.NET ")
    assert token == TOKENS.issue("rosa@example.net")
    assert TOKENS.address_of(token) == "rosa@example.net"


def test_tokens_do_not_expire_and_are_the_same_every_time() -> None:
    assert TOKENS.issue("rosa@example.net") == TOKENS.issue("rosa@example.net")


def test_a_token_made_with_another_secret_is_refused() -> None:
    other = OptOutTokens("another-secret-of-at-least-thirty-two-characters").issue(
        "rosa@example.net"
    )
    with pytest.raises(ValidationFailed) as refused:
        TOKENS.address_of(other)
    assert refused.value.errors[0].field == "token"


def test_a_token_never_works_for_another_address() -> None:
    rosa = TOKENS.issue("rosa@example.net")
    mac = rosa.partition(".")[2]
    for address in ("lupe@example.net", "rosa@example.ne", "rosa@example.net ", "Rosa@example.net"):
        with pytest.raises(ValidationFailed):
            TOKENS.address_of(f"{b64(address)}.{mac}")


def test_the_key_is_derived_for_opt_outs_only() -> None:
    """A MAC made with the bare secret (as another feature might) is not an opt-out token."""
    bare = hmac.new(SECRET.encode(), b"rosa@example.net", hashlib.sha256).digest()
    forged = f"{b64('rosa@example.net')}.{base64.urlsafe_b64encode(bare).decode().rstrip('=')}"
    with pytest.raises(ValidationFailed):
        TOKENS.address_of(forged)


def flip(text: str, at: int) -> str:
    swapped = "B" if text[at] == "A" else "A"
    return text[:at] + swapped + text[at + 1 :]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: flip(t, 0),  # the address
        lambda t: flip(t, len(t) - 2),  # the MAC
        lambda t: t.partition(".")[0],  # no MAC
        lambda t: t.replace(".", ""),  # no separator
        lambda t: t + "A",  # a longer MAC
        lambda t: t[:-1],  # a shorter MAC
        lambda t: t.partition(".")[0] + "." + t.partition(".")[0],  # the address as MAC
        lambda t: t.replace("-", "+").replace("_", "/") + "!",  # not base64url
        lambda t: "." + t.partition(".")[2],  # no address
        lambda t: "",
        lambda t: "%2e%2e",
        lambda t: "é." + t.partition(".")[2],
        lambda t: t + "A" * 2000,
    ],
)
def test_a_changed_token_is_refused(tamper: object) -> None:
    token = TOKENS.issue("rosa@example.net")
    changed = tamper(token)  # type: ignore[operator]
    assert changed != token
    with pytest.raises(ValidationFailed):
        TOKENS.address_of(changed)


def test_bytes_that_are_not_text_are_refused() -> None:
    raw = b"\xff\xfe@example.net"  # signed as an opt-out token would be, but not UTF-8
    key = hmac.new(SECRET.encode(), b"frontdoor email opt-out v1", hashlib.sha256).digest()
    mac = hmac.new(key, raw, hashlib.sha256).digest()
    token = f"{base64.urlsafe_b64encode(raw).decode().rstrip('=')}."
    token += base64.urlsafe_b64encode(mac).decode().rstrip("=")
    with pytest.raises(ValidationFailed):
        TOKENS.address_of(token)


class MemoryOptOuts:
    def __init__(self) -> None:
        self.rows: dict[str, tuple[datetime, str]] = {}

    async def add(self, address: str, at: datetime, source: str) -> None:
        self.rows.setdefault(address, (at, source))

    async def has(self, address: str) -> bool:
        return address in self.rows

    async def status_of(self, addresses: Collection[str]) -> dict[str, OptOut]:
        return {a: OptOut(a, *self.rows[a]) for a in addresses if a in self.rows}

    async def remove(self, address: str) -> OptOut | None:
        row = self.rows.pop(address, None)
        return None if row is None else OptOut(address, *row)


async def test_opting_out_lists_the_tokens_address_and_a_bad_token_lists_nothing() -> None:
    listed = MemoryOptOuts()
    at = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    token = TOKENS.issue("Rosa@Example.net")
    await opt_out(token, TOKENS, listed, FixedClock(at), OptOutSource.ONE_CLICK)
    assert listed.rows == {"rosa@example.net": (at, "one-click")}
    with pytest.raises(ValidationFailed):
        await opt_out(flip(token, 3), TOKENS, listed, FixedClock(at), OptOutSource.LINK)
    assert list(listed.rows) == ["rosa@example.net"]


AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def lupe_and_rosa() -> tuple[FakeUnitOfWorkFactory, MemoryOptOuts, Resident]:
    lupe = Resident(uuid4(), AT, "Lupe", emails=["lupe@example.net", "lupe.work@example.net"])
    rosa = Resident(uuid4(), AT, "Rosa", emails=["rosa@example.net"])
    store = FakeStore()
    store.residents.update({lupe.id: lupe, rosa.id: rosa})
    listed = MemoryOptOuts()
    for address in ("lupe@example.net", "rosa@example.net"):
        listed.rows[address] = (AT, "link")
    return FakeUnitOfWorkFactory(store), listed, lupe


async def test_call_center_staff_lift_an_opt_out_of_the_residents_own_address_and_it_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    uow, listed, lupe = lupe_and_rosa()
    agent = principal(Role.AGENT, number=7)
    with caplog.at_level(logging.INFO, logger="frontdoor.opt_outs"):
        lifted = await lift_opt_out(
            context_of(uow), lupe.id, " Lupe@Example.NET", agent, opt_outs=listed
        )
    assert lifted == OptOut("lupe@example.net", AT, "link")
    assert list(listed.rows) == ["rosa@example.net"]
    (record,) = caplog.records
    fields = record.fields  # type: ignore[attr-defined]
    assert fields["resident_id"] == str(lupe.id)
    assert fields["by_user_id"] == str(agent.user_id)
    assert fields["source"] == "link"
    assert "lupe@" not in str(fields)  # who and when, not the address


async def test_lifting_refuses_other_roles_other_residents_addresses_and_unlisted_ones() -> None:
    uow, listed, lupe = lupe_and_rosa()
    with pytest.raises(Forbidden):
        await lift_opt_out(
            context_of(uow),
            lupe.id,
            "lupe@example.net",
            principal(Role.STAFF, "dpw"),
            opt_outs=listed,
        )
    with pytest.raises(NotFound) as theirs:
        await lift_opt_out(
            context_of(uow), lupe.id, "rosa@example.net", principal(Role.AGENT), opt_outs=listed
        )
    with pytest.raises(NotFound) as unlisted:
        await lift_opt_out(
            context_of(uow),
            lupe.id,
            "lupe.work@example.net",
            principal(Role.AGENT),
            opt_outs=listed,
        )
    assert str(theirs.value) == str(unlisted.value)
    with pytest.raises(NotFound):
        await lift_opt_out(
            context_of(uow), uuid4(), "lupe@example.net", principal(Role.ADMIN), opt_outs=listed
        )
    assert set(listed.rows) == {"lupe@example.net", "rosa@example.net"}
