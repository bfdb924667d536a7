"""Article search and lists on the real PostgreSQL, over the demo knowledge base."""

from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.knowledge import KnowledgeReadModel
from adapters.db.read_models.knowledge_search import snippet
from adapters.db.tables.knowledge import articles
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.knowledge.folding import fold
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter, ArticlePage
from domain.shared.vocabulary import Actor

pytestmark = pytest.mark.usefixtures("seeded")

TODAY = date(2026, 11, 25)
RESIDENT = ReadScope()
AGENT = ReadScope(internal=True)
SUPERVISOR = ReadScope(internal=True, unpublished_everywhere=True)
TRANSPORT_MANAGER = ReadScope(internal=True, unpublished_department="transportation")


@pytest.fixture
def reads(seeded: AsyncEngine) -> KnowledgeReadModel:
    return KnowledgeReadModel(seeded)


async def slugs_of(engine: AsyncEngine) -> dict[int, str | None]:
    async with engine.connect() as db:
        rows = (await db.execute(select(articles.c.id, articles.c.slug))).all()
    return {r.id: r.slug for r in rows}


async def found(
    reads: KnowledgeReadModel, engine: AsyncEngine, q: str | None, **options: object
) -> list[str | None]:
    options.setdefault("scope", RESIDENT)
    page = await reads.page(ArticleFilter(today=TODAY, q=q, **options))  # type: ignore[arg-type]
    slugs = await slugs_of(engine)
    return [slugs[item.id] for item in page.items]


async def add(engine: AsyncEngine, title: str, body: str, **labels: object) -> Article:
    status = labels.pop("status", ArticleStatus.PUBLISHED)
    new = Article.write(
        ArticleContent(title, "", body),
        Labels(**labels),  # type: ignore[arg-type]
        status,  # type: ignore[arg-type]
        Actor(UUID(int=1), "Test"),
        datetime(2026, 11, 20, tzinfo=UTC),
    )
    async with SqlUnitOfWork(engine) as uow:
        await uow.articles.add(new)
        await uow.commit()
    return new


async def test_english_stemming(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    assert (await found(reads, seeded, "potholes", language="en"))[0] == "pothole"
    assert (await found(reads, seeded, "reporting a pothole", language="en"))[0] == "pothole"


async def test_spanish_stemming(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    baches = await found(reads, seeded, "baches", language="es")
    assert baches[0] == "pothole-es"
    assert set(baches) == {"pothole-es", "street-repair-es", "what-311-handles-es"}
    assert (await found(reads, seeded, "ratas", language="es"))[0] == "rats-es"


async def test_accents_do_not_matter(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    assert (await found(reads, seeded, "sotano", language="es"))[0] == "sewage-backup-es"
    assert (await found(reads, seeded, "SÓTANO", language="es"))[0] == "sewage-backup-es"
    assert (await found(reads, seeded, "recoleccion de basura", language="es"))[0] == (
        "trash-collection-day-es"
    )


async def test_stop_words_alone_match_titles(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    titles = await found(reads, seeded, "como", language="es")
    assert set(titles) == {
        "appliance-pickup-es",
        "pothole-es",
        "water-bill-es",
        "water-bill-help-es",
        "council-member-es",
    }


async def test_misspellings_are_corrected(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    assert (await found(reads, seeded, "pothol", language="en"))[0] == "pothole"
    assert (await found(reads, seeded, "graffitti", language="en"))[0] == "graffiti-removal"
    assert (await found(reads, seeded, "grafitti", language="en"))[0] == "graffiti-removal"
    assert (await found(reads, seeded, "vasura ilegal", language="es"))[0] == "illegal-dumping-es"


async def test_without_a_language_both_languages_are_searched(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    assert set((await found(reads, seeded, "reciclaje"))[:3]) == {
        "recycling-collection-es",
        "what-to-recycle-es",
        "missed-pickup-es",
    }  # the three titles that hold the word
    assert set((await found(reads, seeded, "recycling"))[:3]) == {
        "recycling-collection",
        "what-to-recycle",
        "missed-pickup",
    }


async def test_more_than_half_the_words_must_match(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    assert await found(reads, seeded, "pothole unicorn", language="en") == []
    assert (await found(reads, seeded, "pothole unicorn street", language="en"))[0] == "pothole"


async def test_long_queries_still_need_most_words(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    matching = "pothole road surface location lane size plate tire claim"  # nine words
    assert (await found(reads, seeded, matching, language="en"))[0] == "pothole"
    stray = "pothole unicorn dragon wizard castle knight magic spell"  # one word of eight
    assert await found(reads, seeded, stray, language="en") == []


async def test_unrelated_and_hostile_text_finds_nothing(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    for q in ("quantum entanglement", "!&|:*()", "<script>alert(1)</script>", "a:* & !b | (c"):
        assert await found(reads, seeded, q) == [], q
    injected = await found(reads, seeded, "'); DROP TABLE articles;--")
    assert isinstance(injected, list)
    assert len(await slugs_of(seeded)) == 80


async def test_snippets_highlight_hits_with_the_original_accents(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    page = await reads.page(ArticleFilter(RESIDENT, TODAY, q="sotano", language="es", limit=1))
    [hit] = page.items
    assert "<mark>sótano</mark>" in hit.snippet
    assert hit.score is not None and hit.score > 0


async def test_snippets_are_escaped(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    await add(
        seeded,
        "Señales de tránsito",
        "Las señales (2 > 1) & caídas: llame al 311. Una señal 'torcida' también.",
        language="es",
    )
    page = await reads.page(ArticleFilter(RESIDENT, TODAY, q="senal", language="es"))
    assert page.items[0].snippet == (
        "Las <mark>señales</mark> (2 &gt; 1) &amp; caídas: llame al 311. Una"
        " <mark>señal</mark> &#x27;torcida&#x27; también."
    )


def test_snippet_restores_text_that_folding_made_longer() -> None:
    body = "Hangul 한국 and señal"  # NFD turns each Hangul syllable into two or three letters
    folded = fold(f"\n\n{body}")
    assert len(folded) > len(body) + 2
    headline = folded[folded.index("and") :].replace("senal", "\x02senal\x03")
    assert snippet(headline, "", body) == "and <mark>señal</mark>"


def test_snippets_begin_and_end_with_whole_words() -> None:
    body = "Cars double-parked on e-mail day block the city's sweeper."
    headline = "parked on e-mail day block the \x02city\x03"  # ts_headline cut inside words
    assert snippet(headline, "", body) == (
        "double-parked on e-mail day block the <mark>city</mark>&#x27;s"
    )
    accented = "Llame al 311: el camión pasa por la calle Ñandú-Norte."
    cut = fold(accented)[fold(accented).index("andu") :].replace("Norte", "\x02Norte\x03")
    assert snippet(cut, "", accented) == "Ñandú-<mark>Norte</mark>."


async def test_who_sees_what(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    await add(seeded, "Roadwork draft", "Roadwork plans.", department_code="transportation",
              status=ArticleStatus.DRAFT)  # fmt: skip
    await add(seeded, "Roadwork water draft", "Roadwork plans.", department_code="water-wastewater",
              status=ArticleStatus.DRAFT)  # fmt: skip
    await add(seeded, "Roadwork memo", "Roadwork plans.", audience=Audience.INTERNAL)

    async def titles(scope: ReadScope) -> set[str]:
        page = await reads.page(ArticleFilter(scope, TODAY, q="roadwork"))
        return {i.title for i in page.items}

    assert await titles(RESIDENT) == set()
    assert await titles(AGENT) == {"Roadwork memo"}
    assert await titles(TRANSPORT_MANAGER) == {"Roadwork memo", "Roadwork draft"}
    assert await titles(SUPERVISOR) == {"Roadwork memo", "Roadwork draft", "Roadwork water draft"}


async def test_internal_articles_are_for_staff(
    reads: KnowledgeReadModel, seeded: AsyncEngine
) -> None:
    q = "transfer a caller to 911"
    assert "agent-emergency-transfer" not in await found(reads, seeded, q)
    assert (await found(reads, seeded, q, scope=AGENT))[0] == "agent-emergency-transfer"


async def test_filters(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    assert set(await found(reads, seeded, None, stale=True, limit=50)) == {
        "snow-and-ice", "snow-and-ice-es", "parking-ticket", "parking-ticket-es",
    }  # fmt: skip
    by_service = await found(reads, seeded, None, service_code="sw-recycling", language="en")
    assert set(by_service) == {"recycling-collection", "what-to-recycle", "missed-pickup"}
    internal = await found(reads, seeded, None, scope=AGENT, audience=Audience.INTERNAL)
    assert set(internal) == {"agent-emergency-transfer", "agent-emergency-transfer-es"}
    water = await found(reads, seeded, "water", department="water-wastewater", language="en")
    assert water and all(s and s.startswith(("water", "no-water", "sewage")) for s in water)
    assert await found(reads, seeded, None, status=ArticleStatus.DRAFT, scope=SUPERVISOR) == []


async def test_stale_flag(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    page = await reads.page(ArticleFilter(RESIDENT, TODAY, q="snow ice", language="en"))
    assert page.items[0].stale is True and page.items[0].review_by == date(2026, 10, 31)
    later = await reads.page(ArticleFilter(RESIDENT, date(2026, 10, 31), q="snow ice"))
    assert later.items[0].stale is False


async def paged(reads: KnowledgeReadModel, **options: object) -> list[ArticlePage]:
    pages, offset = [], 0
    while offset is not None:
        page = await reads.page(ArticleFilter(RESIDENT, TODAY, limit=7, offset=offset, **options))  # type: ignore[arg-type]
        pages.append(page)
        offset = page.next_offset  # type: ignore[assignment]
    return pages


async def test_lists_and_searches_page(reads: KnowledgeReadModel) -> None:
    listed = await paged(reads, language="en")
    ids = [item.id for page in listed for item in page.items]
    assert len(ids) == len(set(ids)) == 39  # the internal article is not listed
    searched = await paged(reads, q="water", language="en")
    found_ids = [item.id for page in searched for item in page.items]
    assert len(found_ids) == len(set(found_ids)) >= 8
    assert searched[-1].next_offset is None


async def test_descriptions_match_any_word(reads: KnowledgeReadModel, seeded: AsyncEngine) -> None:
    text = "my neighbor has a huge pile of old tires and a broken couch in the alley"
    strict = await found(reads, seeded, text, language="en")
    loose = await found(reads, seeded, text, language="en", description=True, scope=AGENT)
    assert strict == []
    assert loose and loose[0] in {"illegal-dumping", "bulk-trash-pickup", "dirty-alley"}
