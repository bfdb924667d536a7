"""Following a request: pending first, a confirm link that works once (fakes, no database)."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.directory.catalog import SlaPolicy
from domain.guards.errors import Refused
from domain.guards.proof import Challenges, Proof, solve
from domain.guards.use_cases import BotCheck, FormSubmission
from domain.notifications.followers import (
    AskToFollow,
    Follower,
    FollowTokens,
    ask_to_follow,
    confirm_following,
)
from domain.requests.model import ServiceRequest
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import NotFound
from domain.shared.events import EventType
from tests.unit.domain.guards.test_bot_check import SpentInMemory
from tests.unit.fakes import FakeStore, FakeUnitOfWork, FakeUnitOfWorkFactory

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
SECRET = "a-test-secret-of-enough-length-for-hmac"
TOKENS = FollowTokens(SECRET)
BOT_CHECK = BotCheck(Challenges(SECRET, 2), SpentInMemory(), timedelta(seconds=3))


def sent(at: datetime = NOW) -> FormSubmission:
    """A form a person filled: a solved challenge, an empty honeypot, a minute's typing."""
    challenge = BOT_CHECK.challenges.issue(at)
    proof = Proof(challenge.token, solve(challenge.token, challenge.difficulty))
    return FormSubmission(proof, "", at - timedelta(minutes=1))


async def asked(store: FakeStore, command: AskToFollow) -> Follower:
    return await ask_to_follow(context(store), command, sent(), bot_check=BOT_CHECK)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    store.put_request(
        ServiceRequest(
            id="26-00000001",
            service_code="pothole",
            department_code="roads",
            sla=SlaPolicy(24),
            requested_at=NOW,
        )
    )
    return store


def context(store: FakeStore, at: datetime = NOW) -> Context[FakeUnitOfWork]:
    return Context(FakeUnitOfWorkFactory(store), FixedClock(at))


async def test_asking_writes_a_pending_follower_and_the_event_for_its_email(
    store: FakeStore,
) -> None:
    follower = await asked(store, AskToFollow("26-00000001", " Lupe@Example.net ", "es-MX"))

    assert store.followers[follower.id] == follower
    assert (follower.email, follower.language, follower.confirmed) == (
        "lupe@example.net",
        "es",
        False,
    )
    (event,) = store.events
    assert event.type is EventType.FOLLOWER_PENDING and event.subject == "26-00000001"
    assert event.data == {"follower_id": str(follower.id)}  # no address in the outbox


async def test_a_refused_bot_check_writes_no_follower(store: FakeStore) -> None:
    bot = FormSubmission(sent().proof, "http://spam.example", NOW - timedelta(minutes=1))

    with pytest.raises(Refused):
        await ask_to_follow(
            context(store), AskToFollow("26-00000001", "a@example.net"), bot, bot_check=BOT_CHECK
        )

    assert store.followers == {} and store.events == []


async def test_an_unknown_request_cannot_be_followed(store: FakeStore) -> None:
    with pytest.raises(NotFound):
        await asked(store, AskToFollow("26-99999999", "a@example.net"))
    assert store.followers == {} and store.events == []


async def test_the_confirm_link_works_once_and_for_a_week(store: FakeStore) -> None:
    follower = await asked(store, AskToFollow("26-00000001", "a@example.net"))
    token = TOKENS.issue(follower.id, NOW)

    confirmed = await confirm_following(
        context(store, NOW + timedelta(days=6)), token, tokens=TOKENS
    )

    assert confirmed.confirmed_at == NOW + timedelta(days=6)
    assert store.followers[follower.id].confirmed
    with pytest.raises(Refused) as again:
        await confirm_following(context(store), token, tokens=TOKENS)
    assert again.value.code == "follow_token_used"


async def test_an_old_link_is_refused_and_confirms_nothing(store: FakeStore) -> None:
    follower = await asked(store, AskToFollow("26-00000001", "a@example.net"))
    token = TOKENS.issue(follower.id, NOW)

    with pytest.raises(Refused) as refused:
        await confirm_following(context(store, NOW + timedelta(days=7)), token, tokens=TOKENS)

    assert refused.value.code == "follow_token_invalid"
    assert not store.followers[follower.id].confirmed


async def test_asking_forgets_pending_followers_whose_links_expired(store: FakeStore) -> None:
    old = await asked(store, AskToFollow("26-00000001", "old@example.net"))
    later = NOW + timedelta(days=8)

    await ask_to_follow(
        context(store, later),
        AskToFollow("26-00000001", "new@example.net"),
        sent(later),
        bot_check=BOT_CHECK,
    )

    assert old.id not in store.followers
    assert [f.email for f in store.followers.values()] == ["new@example.net"]
