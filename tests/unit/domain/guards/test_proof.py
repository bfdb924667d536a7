"""The proof of work and the signed tokens: pure rules, no database."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.guards.errors import Refused
from domain.guards.proof import Challenges, Proof, leading_zero_bits, solve, solves
from domain.guards.signing import BadToken, TokenSigner
from domain.guards.uploads import UploadTokens

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
SECRET = "a-test-secret-of-enough-length-for-hmac"


@pytest.mark.parametrize(
    ("digest", "bits"),
    [
        (b"\x80", 0),
        (b"\x40", 1),
        (b"\x01", 7),
        (b"\x00\x80", 8),
        (b"\x00\x00\x0f", 20),
        (b"\x00", 8),
    ],
)
def test_leading_zero_bits_are_counted_across_bytes(digest: bytes, bits: int) -> None:
    assert leading_zero_bits(digest) == bits


def test_a_solved_challenge_is_accepted_once_its_digest_is_given() -> None:
    challenges = Challenges(SECRET, 10)
    challenge = challenges.issue(NOW)
    nonce = solve(challenge.token, challenge.difficulty)

    solved = challenges.check(Proof(challenge.token, nonce), NOW + timedelta(minutes=29))

    assert solves(challenge.token, nonce, 10)
    assert solved.expires_at == NOW + timedelta(minutes=30)
    assert len(solved.digest) == 64 and challenge.token not in solved.digest


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("expired", "proof_invalid"),
        ("other_secret", "proof_invalid"),
        ("wrong_nonce", "proof_wrong"),
        ("missing", "proof_missing"),
    ],
)
def test_bad_proofs_are_refused_with_their_reason(change: str, code: str) -> None:
    challenges = Challenges(SECRET, 12)
    challenge = challenges.issue(NOW)
    nonce = solve(challenge.token, 12)
    proof: Proof | None = Proof(challenge.token, nonce)
    when = NOW
    if change == "expired":
        when = NOW + timedelta(minutes=30)
    elif change == "other_secret":
        challenges = Challenges("another-secret-entirely-for-the-test", 12)
    elif change == "wrong_nonce":
        wrong = int(nonce) + 1
        while solves(challenge.token, str(wrong), 12):
            wrong += 1
        proof = Proof(challenge.token, str(wrong))
    else:
        proof = None

    with pytest.raises(Refused) as refused:
        challenges.check(proof, when)

    assert (refused.value.field, refused.value.code) == ("proof", code)


def test_the_difficulty_signed_in_the_token_is_the_one_checked() -> None:
    easy = Challenges(SECRET, 1).issue(NOW)
    nonce = solve(easy.token, 1)

    assert Challenges(SECRET, 20).check(Proof(easy.token, nonce), NOW)  # issued easy, stays easy
    forged = "20" + easy.token[easy.token.index("-") :]
    with pytest.raises(Refused):
        Challenges(SECRET, 1).check(Proof(forged, nonce), NOW)


@pytest.mark.parametrize("token", ["", "x", "a.b", "a.b.c", "a.123", "é.1.x", "a" * 600])
def test_malformed_tokens_are_bad_tokens(token: str) -> None:
    with pytest.raises(BadToken):
        TokenSigner(SECRET, "test", timedelta(hours=1)).read(token, NOW)


def test_a_token_of_one_purpose_is_not_good_for_another() -> None:
    upload = TokenSigner(SECRET, "public upload", timedelta(hours=1)).issue("26-00000001", NOW)
    with pytest.raises(BadToken):
        TokenSigner(SECRET, "follow confirm", timedelta(hours=1)).read(upload, NOW)


def test_an_upload_token_names_its_request_for_an_hour() -> None:
    tokens = UploadTokens(SECRET)
    token = tokens.issue("26-00000001", NOW)

    tokens.check(token, "26-00000001", NOW + timedelta(minutes=59))
    for number, when in (("26-00000002", NOW), ("26-00000001", NOW + timedelta(hours=1))):
        with pytest.raises(Refused):
            tokens.check(token, number, when)
