"""Knowledge use cases against the in-memory fakes."""

from datetime import UTC, date, datetime

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    Audience,
    Labels,
)
from domain.knowledge.triage import TermKind
from domain.knowledge.use_cases import (
    EditArticle,
    TransitionArticle,
    WriteArticle,
    add_triage_term,
    edit_article,
    record_use,
    record_view,
    remove_triage_term,
    transition_article,
    write_article,
)
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import (
    Conflict,
    Forbidden,
    IllegalTransition,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.unit_of_work import UnitOfWork
from tests.unit.builders import principal
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
ADMIN = principal(Role.ADMIN, number=1)
SUPERVISOR = principal(Role.SUPERVISOR, number=2)
AGENT = principal(Role.AGENT, number=3)
ROADS_MANAGER = principal(Role.STAFF, "roads", Tier.MANAGER, number=4)
ROADS_EMPLOYEE = principal(Role.STAFF, "roads", Tier.EMPLOYEE, number=5)
WATER_MANAGER = principal(Role.STAFF, "water", Tier.MANAGER, number=6)
POTHOLE = ArticleContent("How to report a pothole", "Report it to 311.", "Give the location.")


@pytest.fixture
def uow() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    for code in ("roads", "water"):
        store.put_department(Department(code, code.title()))
    store.put_service(Service("pothole", "Pothole", "roads", SlaPolicy(24)))
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def context(uow: FakeUnitOfWorkFactory) -> Context[UnitOfWork]:
    return Context(uow, FixedClock(NOW))


def stored(uow: FakeUnitOfWorkFactory, article_id: int) -> Article:
    return uow.store.knowledge.state.articles[article_id]


def versions(uow: FakeUnitOfWorkFactory, article_id: int) -> list[tuple[int, str, str]]:
    kept = uow.store.knowledge.state.versions[article_id]
    return [(v.version, v.change, v.edited_by.name) for v in kept]


def command(
    department: str | None = "roads",
    status: ArticleStatus = ArticleStatus.DRAFT,
    translation_of: int | None = None,
    **labels: object,
) -> WriteArticle:
    return WriteArticle(
        POTHOLE,
        Labels(department_code=department, **labels),  # type: ignore[arg-type]
        status,
        translation_of,
    )


async def test_a_supervisor_writes_a_published_article(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    article = await write_article(
        context, command(None, ArticleStatus.PUBLISHED, services=("pothole",)), SUPERVISOR
    )
    assert article.id == 1
    kept = stored(uow, 1)
    assert (kept.status, kept.published_at, kept.labels.services) == (
        ArticleStatus.PUBLISHED,
        NOW,
        ("pothole",),
    )
    assert versions(uow, 1) == [(1, "created", "User 2")]
    assert uow.units[-1].committed


@pytest.mark.parametrize(
    ("who", "department", "allowed"),
    [
        (ADMIN, None, True),
        (SUPERVISOR, "water", True),
        (ROADS_MANAGER, "roads", True),
        (ROADS_MANAGER, "water", False),
        (ROADS_MANAGER, None, False),
        (ROADS_EMPLOYEE, "roads", False),
        (AGENT, None, False),
    ],
)
async def test_who_may_create(
    context: Context[UnitOfWork],
    uow: FakeUnitOfWorkFactory,
    who: Principal,
    department: str | None,
    allowed: bool,
) -> None:
    if allowed:
        await write_article(context, command(department), who)
        assert len(uow.store.knowledge.state.articles) == 1
    else:
        with pytest.raises(Forbidden):
            await write_article(context, command(department), who)
        assert uow.store.knowledge.state.articles == {}


async def test_references_must_exist(context: Context[UnitOfWork]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await write_article(context, command("parks", services=("pothole", "nope")), ADMIN)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("department", "is not a known department"),
        ("services", "unknown service codes: nope"),
    ]


async def test_slugs_are_unique(context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory) -> None:
    await write_article(context, command(slug="pothole"), ADMIN)
    with pytest.raises(Conflict, match="another article has the slug pothole"):
        await write_article(context, command(slug="pothole"), ADMIN)
    assert len(uow.store.knowledge.state.articles) == 1


async def test_translations_hang_off_one_original(context: Context[UnitOfWork]) -> None:
    original = await write_article(context, command(language="en"), ADMIN)
    spanish = await write_article(
        context, command(language="es", translation_of=original.id), ADMIN
    )
    assert spanish.translation_of == original.id
    with pytest.raises(Conflict, match="article 1 already has a es translation"):
        await write_article(context, command(language="es", translation_of=original.id), ADMIN)
    with pytest.raises(ValidationFailed, match="language: must differ from the original"):
        await write_article(context, command(language="en", translation_of=original.id), ADMIN)
    with pytest.raises(ValidationFailed, match="translation_of: must name the original"):
        await write_article(context, command(language="fr", translation_of=spanish.id), ADMIN)
    with pytest.raises(ValidationFailed, match="translation_of: is not a known article"):
        await write_article(context, command(language="fr", translation_of=99), ADMIN)


async def test_a_hidden_original_is_not_known(context: Context[UnitOfWork]) -> None:
    water = await write_article(context, command("water", language="en"), ADMIN)  # a draft
    with pytest.raises(ValidationFailed, match="translation_of: is not a known article"):
        await write_article(
            context, command("roads", language="es", translation_of=water.id), ROADS_MANAGER
        )


async def edit(
    context: Context[UnitOfWork], who: Principal, if_match: int | None, **changes: object
) -> Article:
    return await edit_article(
        context,
        EditArticle(1, if_match, frozenset(changes), **changes),
        who,  # type: ignore[arg-type]
    )


async def test_an_edit_keeps_a_version(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    await write_article(context, command(review_by=date(2027, 1, 1), slug="pothole"), ROADS_MANAGER)
    article = await edit(context, ROADS_MANAGER, 1, title="Potholes", review_by=None, slug=None)
    assert (article.version, article.content.title) == (2, "Potholes")
    assert (article.labels.review_by, article.labels.slug) == (None, None)
    assert article.content.summary == POTHOLE.summary  # left out: unchanged
    assert versions(uow, 1) == [(1, "created", "User 4"), (2, "edited", "User 4")]
    assert stored(uow, 1).version == 2


async def test_an_edit_without_change_is_no_new_version(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    await write_article(context, command(), ADMIN)
    article = await edit(context, ADMIN, 1, title=POTHOLE.title, summary=None)
    assert article.version == 1
    assert versions(uow, 1) == [(1, "created", "User 1")]


async def test_edits_need_the_current_version(context: Context[UnitOfWork]) -> None:
    await write_article(context, command(), ADMIN)
    with pytest.raises(PreconditionRequired):
        await edit(context, ADMIN, None, title="x")
    with pytest.raises(PreconditionFailed):
        await edit(context, ADMIN, 7, title="x")


async def test_hidden_articles_answer_404_before_403_and_428(context: Context[UnitOfWork]) -> None:
    await write_article(context, command("water"), ADMIN)  # a draft of another department
    with pytest.raises(NotFound, match="article 1 was not found"):
        await edit(context, ROADS_MANAGER, None, title="x")
    with pytest.raises(NotFound):
        await edit(context, AGENT, 1, title="x")


async def test_readers_who_may_not_write_get_403(context: Context[UnitOfWork]) -> None:
    await write_article(context, command("water", ArticleStatus.PUBLISHED), ADMIN)
    for who in (AGENT, ROADS_MANAGER, ROADS_EMPLOYEE):
        with pytest.raises(Forbidden):
            await edit(context, who, None, title="x")


async def test_moving_an_article_needs_both_departments(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    await write_article(context, command("roads"), ROADS_MANAGER)
    with pytest.raises(Forbidden):
        await edit(context, ROADS_MANAGER, 1, department_code="water")
    with pytest.raises(Forbidden):
        await edit(context, ROADS_MANAGER, 1, department_code=None)
    moved = await edit(context, SUPERVISOR, 1, department_code="water", audience=Audience.INTERNAL)
    assert (moved.department_code, moved.labels.audience) == ("water", Audience.INTERNAL)


async def test_changing_language_keeps_translations_apart(context: Context[UnitOfWork]) -> None:
    await write_article(context, command(language="en"), ADMIN)
    await write_article(context, command(language="es", translation_of=1), ADMIN)
    with pytest.raises(Conflict, match="already has a es translation"):
        await edit(context, ADMIN, 1, language="es")
    with pytest.raises(ValidationFailed, match="must differ from the original"):
        await edit_article(
            context, EditArticle(2, 1, frozenset({"language"}), language="en"), ADMIN
        )


async def test_transitions(context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory) -> None:
    await write_article(context, command(), ROADS_MANAGER)
    published = await transition_article(
        context, TransitionArticle(1, ArticleStatus.PUBLISHED, 1), ROADS_MANAGER
    )
    assert (published.status, published.version, published.published_at) == (
        ArticleStatus.PUBLISHED,
        2,
        NOW,
    )
    with pytest.raises(IllegalTransition):
        await transition_article(context, TransitionArticle(1, ArticleStatus.DRAFT, 2), ADMIN)
    with pytest.raises(Forbidden):
        await transition_article(context, TransitionArticle(1, ArticleStatus.ARCHIVED, 2), AGENT)
    await transition_article(context, TransitionArticle(1, ArticleStatus.ARCHIVED, 2), ADMIN)
    await transition_article(context, TransitionArticle(1, ArticleStatus.DRAFT, 3), ADMIN)
    assert [v[1] for v in versions(uow, 1)] == ["created", "published", "archived", "draft"]


async def test_views_and_uses_are_counted(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    await write_article(context, command(None, ArticleStatus.PUBLISHED), ADMIN)
    await record_view(context, 1)
    await record_use(context, 1, AGENT)
    await record_use(context, 1, AGENT)
    assert (stored(uow, 1).view_count, stored(uow, 1).use_count) == (1, 2)
    assert stored(uow, 1).version == 1


async def test_uses_of_hidden_articles_are_404(context: Context[UnitOfWork]) -> None:
    await write_article(context, command("water"), ADMIN)
    with pytest.raises(NotFound):
        await record_use(context, 1, AGENT)
    with pytest.raises(NotFound):
        await record_use(context, 2, AGENT)


async def test_admins_edit_triage_terms(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    term = await add_triage_term(context, "No  Respira", TermKind.EMERGENCY, "es", ADMIN)
    assert (term.id, term.term, term.language) == (1, "No Respira", "es")
    with pytest.raises(Conflict, match="the emergency term 'No Respira' already exists"):
        await add_triage_term(context, "no respirá", TermKind.EMERGENCY, "es", ADMIN)
    same_words_other_kind = await add_triage_term(
        context, "no respira", TermKind.BENIGN, "es", ADMIN
    )
    assert same_words_other_kind.id == 2
    with pytest.raises(Forbidden):
        await add_triage_term(context, "fire", TermKind.EMERGENCY, "en", SUPERVISOR)
    with pytest.raises(Forbidden):
        await remove_triage_term(context, 1, AGENT)
    await remove_triage_term(context, 1, ADMIN)
    assert list(uow.store.knowledge.state.terms) == [2]
    with pytest.raises(NotFound, match="triage term 1 was not found"):
        await remove_triage_term(context, 1, ADMIN)
