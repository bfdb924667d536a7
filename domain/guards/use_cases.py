"""The bot check of a public form, in one call: the public use cases make it first."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.guards.errors import Refused
from domain.guards.form import check_fill_time, check_honeypot
from domain.guards.ports import SpentChallenges
from domain.guards.proof import Challenges, Proof
from domain.shared.clock import Clock


@dataclass(frozen=True)
class BotCheck:
    """The proof-of-work challenges, where spent ones are remembered, and the minimum time a
    person takes to fill a form."""

    challenges: Challenges
    spent: SpentChallenges
    minimum_fill: timedelta


@dataclass(frozen=True)
class FormSubmission:
    """What the form sends besides its content, for the bot check."""

    proof: Proof | None
    website: str
    started_at: datetime


async def pass_bot_check(sent: FormSubmission, check: BotCheck, clock: Clock) -> None:
    """The honeypot is empty, the form took a person's time, the proof of work holds, and its
    challenge was not used before (it is spent now). Cheap checks first; nothing is written
    unless every other check passed."""
    now = clock.now()
    check_honeypot(sent.website)
    check_fill_time(sent.started_at, now, check.minimum_fill)
    solved = check.challenges.check(sent.proof, now)
    if not await check.spent.spend(solved.digest, solved.expires_at, now):
        raise Refused("proof", "proof_reused", "this bot check was already used")
