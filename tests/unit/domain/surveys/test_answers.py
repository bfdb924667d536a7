"""Answering from the signed link: once, not forged, not expired (fakes, no database)."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.guards.signing import BadToken, ExpiredToken, TokenSigner
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.vocabulary import Channel
from domain.surveys.answers import add_survey_comment, answer_survey, survey_state
from domain.surveys.errors import SurveyAnswered, SurveyLinkExpired, SurveyLinkInvalid
from domain.surveys.model import Answer, Invitation
from domain.surveys.tokens import SurveyTokens
from tests.unit.domain.surveys.test_invitations import CLOSED_AT, closed
from tests.unit.fakes import FakeStore, FakeUnitOfWork, FakeUnitOfWorkFactory

SECRET = "a-test-secret-of-enough-length-for-hmac"
TOKENS = SurveyTokens(SECRET, timedelta(days=30))
SENT = CLOSED_AT + timedelta(days=1)


def context(store: FakeStore, at: datetime = SENT) -> Context[FakeUnitOfWork]:
    return Context(FakeUnitOfWorkFactory(store), FixedClock(at))


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    store.put_request(closed(channel=Channel.PHONE))
    store.surveys.invitations["26-00000001"] = Invitation("26-00000001", SENT, "email")
    return store


TOKEN = TOKENS.issue("26-00000001", SENT)


async def test_one_answer_keeps_the_requests_department_service_and_channel(
    store: FakeStore,
) -> None:
    answer = await answer_survey(context(store), TOKEN, 4, "  Quick work  ", tokens=TOKENS)
    assert answer == Answer("26-00000001", 4, "phone", "roads", "pothole", SENT, "Quick work")
    assert answer.satisfied
    assert store.surveys.answers["26-00000001"] == answer
    with pytest.raises(SurveyAnswered):
        await answer_survey(context(store), TOKEN, 1, tokens=TOKENS)
    assert store.surveys.answers["26-00000001"].score == 4


async def test_a_score_outside_one_to_five_or_a_long_comment_writes_nothing(
    store: FakeStore,
) -> None:
    for score, comment in ((0, None), (6, None), (3, "x" * 2001)):
        with pytest.raises(ValidationFailed):
            await answer_survey(context(store), TOKEN, score, comment, tokens=TOKENS)
    assert store.surveys.answers == {}


async def test_an_altered_token_is_refused_as_invalid_and_an_old_one_as_expired(
    store: FakeStore,
) -> None:
    altered = TOKEN.replace("26-00000001", "26-00000002", 1)
    with pytest.raises(SurveyLinkInvalid):
        await answer_survey(context(store), altered, 5, tokens=TOKENS)
    late = context(store, SENT + timedelta(days=30))
    with pytest.raises(SurveyLinkExpired):
        await answer_survey(late, TOKEN, 5, tokens=TOKENS)
    assert store.surveys.answers == {}


async def test_a_well_signed_token_for_a_request_never_surveyed_is_invalid(
    store: FakeStore,
) -> None:
    store.put_request(closed("26-00000002"))
    with pytest.raises(SurveyLinkInvalid):
        await answer_survey(context(store), TOKENS.issue("26-00000002", SENT), 5, tokens=TOKENS)


async def test_a_comment_follows_a_one_click_score_once(store: FakeStore) -> None:
    with pytest.raises(NotFound):
        await add_survey_comment(context(store), TOKEN, "Thanks", tokens=TOKENS)
    await answer_survey(context(store), TOKEN, 5, tokens=TOKENS)
    state = await survey_state(context(store), TOKEN, tokens=TOKENS)
    assert (state.score, state.commented) == (5, False)
    assert state.expires_at == datetime.fromtimestamp(int(SENT.timestamp()), UTC) + timedelta(
        days=30
    )
    await add_survey_comment(context(store), TOKEN, "Thanks", tokens=TOKENS)
    with pytest.raises(SurveyAnswered):
        await add_survey_comment(context(store), TOKEN, "Again", tokens=TOKENS)
    assert store.surveys.answers["26-00000001"].comment == "Thanks"
    assert (await survey_state(context(store), TOKEN, tokens=TOKENS)).commented


def test_the_signer_tells_an_expired_token_from_a_forged_one() -> None:
    signer = TokenSigner(SECRET, "anything", timedelta(hours=1))
    token = signer.issue("x", SENT)
    with pytest.raises(ExpiredToken):
        signer.read(token, SENT + timedelta(hours=1))
    with pytest.raises(BadToken) as forged:
        signer.read(token[:-2] + "AA", SENT)
    assert not isinstance(forged.value, ExpiredToken)


def test_a_token_signed_for_another_purpose_is_invalid() -> None:
    other = TokenSigner(SECRET, "follow confirm", timedelta(days=7)).issue("26-00000001", SENT)
    with pytest.raises(SurveyLinkInvalid):
        TOKENS.request_of(other, SENT)
