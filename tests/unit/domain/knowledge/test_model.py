"""The Article aggregate: writing, editing into versions, the lifecycle and review dates."""

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from domain.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    Audience,
    Labels,
    is_stale,
)
from domain.shared.errors import IllegalTransition, ValidationFailed
from domain.shared.vocabulary import Actor

AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
LATER = AT + timedelta(hours=2)
EDITOR = Actor(UUID(int=7), "Sam Supervisor")
CONTENT = ArticleContent("How to report a pothole", "Report it.", "A **pothole** is a hole.")

D, P, A = ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED


def draft(**labels: object) -> Article:
    return Article.write(CONTENT, Labels(**labels), D, EDITOR, AT)  # type: ignore[arg-type]


def test_a_new_article_is_version_1_with_one_kept_version() -> None:
    article = draft(language="es-mx", tags=("bache", " bache ", "calle"))
    assert (article.id, article.version, article.status) == (0, 1, D)
    assert article.labels.language == "es-MX"
    assert article.labels.tags == ("bache", "calle")
    assert article.published_at is None
    [kept] = article.pending_versions
    assert (kept.version, kept.change, kept.status, kept.edited_by) == (1, "created", D, EDITOR)
    assert kept.content == CONTENT


def test_an_article_may_be_published_at_once_but_not_born_archived() -> None:
    published = Article.write(CONTENT, Labels(), P, EDITOR, AT)
    assert published.published_at == AT
    with pytest.raises(ValidationFailed, match="status: a new article is a draft or published"):
        Article.write(CONTENT, Labels(), A, EDITOR, AT)


def test_text_is_normalized_and_checked() -> None:
    article = Article.write(
        ArticleContent("  Co\u0301mo\x00  ", " s ", " body\x02 "), Labels(), D, EDITOR, AT
    )
    assert article.content == ArticleContent("Cómo", "s", "body")
    with pytest.raises(ValidationFailed) as refused:
        Article.write(ArticleContent(" ", "x" * 1001, "y" * 50_001), Labels(), D, EDITOR, AT)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("title", "must not be blank"),
        ("summary", "must be at most 1000 characters"),
        ("body", "must be at most 50000 characters"),
    ]


def test_labels_are_checked() -> None:
    with pytest.raises(ValidationFailed) as refused:
        draft(tags=tuple(f"t{i}" for i in range(21)), services=("x" * 65,), slug="Not A Slug")
    assert [e.field for e in refused.value.errors] == ["tags", "services", "slug"]
    with pytest.raises(ValidationFailed, match="language: must be a BCP 47"):
        draft(language="english")


def test_plain_body_has_no_markdown() -> None:
    assert draft().plain_body == "A pothole is a hole."


def test_an_edit_is_a_new_version() -> None:
    article = draft()
    article.pending_versions.clear()
    new = ArticleContent("Reporting potholes", "Report it.", "New body")
    assert article.edit(new, Labels(audience=Audience.INTERNAL), EDITOR, LATER) is True
    assert (article.version, article.updated_at, article.content) == (2, LATER, new)
    assert article.labels.audience is Audience.INTERNAL
    [kept] = article.pending_versions
    assert (kept.version, kept.change, kept.content, kept.edited_at) == (2, "edited", new, LATER)


def test_an_edit_that_changes_nothing_keeps_the_version() -> None:
    article = draft()
    article.pending_versions.clear()
    assert article.edit(CONTENT, Labels(), EDITOR, LATER) is False
    assert (article.version, article.pending_versions) == (1, [])


@pytest.mark.parametrize(
    ("start", "to"),
    [(D, P), (D, A), (P, A), (A, D)],
    ids=["publish", "shelve", "archive", "revive"],
)
def test_allowed_moves(start: ArticleStatus, to: ArticleStatus) -> None:
    article = draft()
    article.status = start
    article.transition(to, EDITOR, LATER)
    assert (article.status, article.version) == (to, 2)
    assert article.pending_versions[-1].change == to.value


@pytest.mark.parametrize(("start", "to"), [(P, D), (P, P), (A, P), (D, D), (A, A)])
def test_illegal_moves(start: ArticleStatus, to: ArticleStatus) -> None:
    article = draft()
    article.status = start
    with pytest.raises(IllegalTransition, match=f"cannot go from {start} to {to}"):
        article.transition(to, EDITOR, LATER)
    assert article.version == 1


def test_first_publication_time_is_kept() -> None:
    article = draft()
    article.transition(P, EDITOR, AT)
    article.transition(A, EDITOR, LATER)
    article.transition(D, EDITOR, LATER)
    article.transition(P, EDITOR, LATER + timedelta(days=1))
    assert article.published_at == AT


def test_an_article_is_stale_after_its_review_date() -> None:
    assert draft(review_by=date(2026, 11, 24)).is_stale(date(2026, 11, 25))
    assert not draft(review_by=date(2026, 11, 25)).is_stale(date(2026, 11, 25))
    assert not draft().is_stale(date(2026, 11, 25))
    assert is_stale(date(2020, 1, 1), date(2020, 1, 2)) and not is_stale(None, date(2020, 1, 2))
