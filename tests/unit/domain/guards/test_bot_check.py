"""The bot check in one call: cheap checks first, the challenge spent only when all pass."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.guards.errors import Refused
from domain.guards.form import check_fill_time
from domain.guards.proof import Challenges, Proof, solve
from domain.guards.use_cases import BotCheck, FormSubmission, pass_bot_check
from domain.shared.clock import FixedClock

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
CHALLENGES = Challenges("a-test-secret-of-enough-length-for-hmac", 4)


class SpentInMemory:
    def __init__(self) -> None:
        self.spent: dict[str, datetime] = {}

    async def spend(self, digest: str, expires_at: datetime, now: datetime) -> bool:
        if digest in self.spent and self.spent[digest] > now:
            return False
        self.spent[digest] = expires_at
        return True


def form(website: str = "", started: timedelta = timedelta(seconds=30)) -> FormSubmission:
    challenge = CHALLENGES.issue(NOW)
    proof = Proof(challenge.token, solve(challenge.token, challenge.difficulty))
    return FormSubmission(proof, website, NOW - started)


async def check(sent: FormSubmission, spent: SpentInMemory) -> None:
    await pass_bot_check(sent, BotCheck(CHALLENGES, spent, timedelta(seconds=3)), FixedClock(NOW))


async def test_a_good_form_passes_once() -> None:
    spent, sent = SpentInMemory(), form()

    await check(sent, spent)
    with pytest.raises(Refused) as again:
        await check(sent, spent)

    assert again.value.code == "proof_reused"


@pytest.mark.parametrize(
    ("sent", "code"),
    [
        (form(website="me@spam.example"), "honeypot"),
        (form(started=timedelta(seconds=1)), "too_fast"),
        (form(started=timedelta(minutes=-10)), "started_at_invalid"),
    ],
)
async def test_a_refused_form_does_not_spend_its_challenge(sent: FormSubmission, code: str) -> None:
    spent = SpentInMemory()

    with pytest.raises(Refused) as refused:
        await check(sent, spent)

    assert refused.value.code == code
    assert spent.spent == {}


def test_a_time_without_offset_is_refused() -> None:
    with pytest.raises(Refused):
        check_fill_time(datetime(2026, 12, 5, 11, 0), NOW, timedelta(seconds=3))
