"""A case checks its own shape: who, where it was referred, when, and how long its text is."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from domain.cases.model import Case, CaseType, Referral, ReferralTarget
from domain.shared.errors import ValidationFailed
from domain.shared.vocabulary import Channel

AT = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)


def case(**fields: object) -> Case:
    fields.setdefault("type", CaseType.INFORMATION)
    return Case(id=UUID(int=1), channel=Channel.PHONE, created_at=AT, **fields)  # type: ignore[arg-type]


def errors_of(bad: Case) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as failure:
        bad.check()
    return [(e.field, e.message) for e in failure.value.errors]


def test_a_plain_information_case_passes() -> None:
    case().check()


def test_an_anonymous_contact_keeps_no_resident() -> None:
    assert errors_of(case(anonymous=True, resident_id=UUID(int=2))) == [
        ("resident", "an anonymous contact keeps no resident")
    ]


def test_a_referral_says_where_it_was_referred() -> None:
    assert errors_of(case(type=CaseType.REFERRAL)) == [
        ("referral", "a referral contact says where it was referred")
    ]
    case(type=CaseType.REFERRAL, referral=Referral(ReferralTarget.SOCIAL_SERVICES)).check()


def test_a_contact_does_not_end_before_it_starts() -> None:
    assert errors_of(case(started_at=AT, ended_at=AT - timedelta(seconds=1))) == [
        ("ended_at", "must not be before started_at")
    ]
    case(started_at=AT, ended_at=AT).check()


def test_summary_and_notes_have_a_length_limit() -> None:
    case(summary="s" * 1000, notes="n" * 8000).check()
    assert errors_of(case(summary="s" * 1001, notes="n" * 8001)) == [
        ("summary", "must be at most 1000 characters"),
        ("notes", "must be at most 8000 characters"),
    ]


def test_every_broken_rule_is_reported_at_once() -> None:
    fields = [
        field
        for field, _ in errors_of(
            case(
                type=CaseType.REFERRAL,
                anonymous=True,
                resident_id=UUID(int=2),
                started_at=AT,
                ended_at=AT - timedelta(minutes=1),
            )
        )
    ]
    assert fields == ["resident", "referral", "ended_at"]


def test_check_tidies_tags_and_drops_repeated_links() -> None:
    tidy = case(
        tags=[" Noise ", "noise", "", "  ", "Night"],
        article_ids=[3, 1, 3],
        request_ids=["26-00000002", "26-00000001", "26-00000002"],
    )
    tidy.check()
    assert tidy.tags == ["noise", "night"]
    assert tidy.article_ids == [3, 1]
    assert tidy.request_ids == ["26-00000002", "26-00000001"]


def test_a_broken_case_is_left_untidied() -> None:
    broken = case(anonymous=True, resident_id=UUID(int=2), tags=[" Noise "])
    errors_of(broken)
    assert broken.tags == [" Noise "]


def test_handle_seconds_needs_both_ends() -> None:
    assert case().handle_seconds is None
    assert case(started_at=AT).handle_seconds is None
    assert case(started_at=AT, ended_at=AT + timedelta(minutes=4, seconds=30)).handle_seconds == 270
