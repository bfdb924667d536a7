"""The knowledge repositories and SQL functions on the real PostgreSQL."""

import json
import unicodedata
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.knowledge import (
    article_versions,
    article_word_variants,
    article_words,
    articles,
)
from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.demo.knowledge import ARTICLES, TRIAGE_TERMS
from domain.knowledge.folding import fold
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.triage import TermKind, new_term
from domain.shared.errors import PreconditionFailed
from domain.shared.vocabulary import Actor
from tests.integration.builders import count

pytestmark = pytest.mark.usefixtures("seeded")

AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
EDITOR = Actor(UUID(int=9), "Sam Supervisor")


def article(slug: str | None = "zebra-crossing", **labels: object) -> Article:
    return Article.write(
        ArticleContent(
            "Zebra crossings",
            "Ask for a new zebra crossing.",
            "## Where\nA **zebra** crossing near a school: call 311.",
        ),
        Labels(
            department_code="transportation",
            services=("trm-pothole-repair",),
            tags=("crosswalk",),
            review_by=date(2027, 1, 31),
            slug=slug,
            **labels,  # type: ignore[arg-type]
        ),
        ArticleStatus.DRAFT,
        EDITOR,
        AT,
    )


async def add(engine: AsyncEngine, new: Article) -> Article:
    async with SqlUnitOfWork(engine) as uow:
        await uow.articles.add(new)
        await uow.commit()
    return new


async def test_an_article_round_trips(seeded: AsyncEngine) -> None:
    added = await add(seeded, article(language="en-us", audience=Audience.INTERNAL))
    assert added.id > 80 and added.pending_versions == []
    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.articles.get(added.id)
    assert loaded is not None
    assert (loaded.content, loaded.labels, loaded.status) == (
        added.content,
        added.labels,
        ArticleStatus.DRAFT,
    )
    assert loaded.labels.language == "en-US"
    assert (loaded.created_at, loaded.updated_at, loaded.version) == (AT, AT, 1)
    async with seeded.connect() as db:
        row = (await db.execute(select(articles).where(articles.c.id == added.id))).one()
        mine = article_versions.c.article_id == added.id
        kept = (await db.execute(select(article_versions).where(mine))).all()
    assert row.body_text == "Where\nA zebra crossing near a school: call 311."
    assert row.service_terms == "Pothole TRM-Pothole Repair pothole road street hole"
    assert "'zebra':" in row.search and "'pothol':" in row.search
    assert [(v.version, v.change, v.edited_by, v.edited_by_name) for v in kept] == [
        (1, "created", EDITOR.user_id, "Sam Supervisor")
    ]


async def test_words_join_the_vocabulary_with_their_variants(seeded: AsyncEngine) -> None:
    await add(seeded, article())
    async with seeded.connect() as db:
        words = (
            (await db.execute(select(article_words.c.word).where(article_words.c.language == "en")))
            .scalars()
            .all()
        )
        variants = (
            (
                await db.execute(
                    select(article_word_variants.c.variant).where(
                        article_word_variants.c.word == "zebra"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert {"zebra", "crossings", "crosswalk", "school"} <= set(words)
    assert "311" not in words  # numbers are not corrected, so not kept
    assert set(variants) == {"zebra", "ebra", "zbra", "zera", "zeba", "zebr"}


async def test_save_is_optimistic_and_keeps_versions(seeded: AsyncEngine) -> None:
    added = await add(seeded, article())
    added.transition(ArticleStatus.PUBLISHED, EDITOR, AT)
    async with SqlUnitOfWork(seeded) as uow:
        await uow.articles.save(added, expected_version=1)
        await uow.commit()
    added.transition(ArticleStatus.ARCHIVED, EDITOR, AT)
    async with SqlUnitOfWork(seeded) as uow:
        with pytest.raises(PreconditionFailed):
            await uow.articles.save(added, expected_version=1)
    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.articles.get(added.id, for_update=True)
    assert loaded is not None and (loaded.version, loaded.status) == (2, ArticleStatus.PUBLISHED)
    assert loaded.published_at == AT
    where = "article_id = :id"
    assert await count(seeded, "article_versions", where, id=added.id) == 2


async def test_slug_translation_and_counters(seeded: AsyncEngine) -> None:
    original = await add(seeded, article())
    spanish = article(slug=None, language="es")
    spanish.translation_of = original.id
    await add(seeded, spanish)
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.articles.slug_owner("zebra-crossing") == original.id
        assert await uow.articles.slug_owner("nothing-here") is None
        assert await uow.articles.translation_in(original.id, "es") == spanish.id
        assert await uow.articles.translation_in(original.id, "fr") is None
        await uow.articles.count_view(original.id)
        await uow.articles.count_use(original.id)
        await uow.articles.count_use(original.id)
        await uow.commit()
    async with SqlUnitOfWork(seeded) as uow:
        counted = await uow.articles.get(original.id)
    assert counted is not None
    assert (counted.view_count, counted.use_count, counted.version) == (1, 2, 1)


async def test_triage_terms(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        added = await uow.triage_terms.add(new_term("Humo  Negro", TermKind.EMERGENCY, "es"))
        await uow.commit()
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.triage_terms.get(added.id) == added
        assert await uow.triage_terms.find("humo negro", TermKind.EMERGENCY) == added
        assert await uow.triage_terms.find("humo negro", TermKind.BENIGN) is None
        await uow.triage_terms.delete(added.id)
        await uow.commit()
    assert await count(seeded, "triage_terms", "id = :id", id=added.id) == 0


async def test_sql_folding_matches_python_folding(seeded: AsyncEngine) -> None:
    samples = [chr(c) for c in range(0xC0, 0x250)] + [
        "Cómo está el Ñandú", "PINGÜINO", "Co\u0301mo", "Łódź Ærø ß", "plain 311",
    ]  # fmt: skip
    samples = [unicodedata.normalize("NFC", s) for s in samples]
    async with seeded.connect() as db:
        folded = (
            (
                await db.execute(
                    text("SELECT frontdoor_fold(s) FROM unnest(CAST(:s AS text[])) s"),
                    {"s": samples},
                )
            )
            .scalars()
            .all()
        )
    assert list(folded) == [fold(s) for s in samples]


@pytest.mark.parametrize(
    ("tag", "configuration"),
    [
        ("en", "english"),
        ("EN-gb", "english"),
        ("es-MX", "spanish"),
        ("pt-BR", "portuguese"),
        ("zz", "simple"),
    ],
)
async def test_text_configuration_of_a_language(
    seeded: AsyncEngine, tag: str, configuration: str
) -> None:
    async with seeded.connect() as db:
        found = await db.scalar(text("SELECT frontdoor_text_config(:tag)::text"), {"tag": tag})
    assert found == configuration


async def test_the_demo_knowledge_base(seeded: AsyncEngine) -> None:
    entries = json.loads(ARTICLES.read_text(encoding="utf-8"))["articles"]
    terms = json.loads(TRIAGE_TERMS.read_text(encoding="utf-8"))["terms"]
    assert await count(seeded, "articles") == len(entries) == 80
    assert await count(seeded, "articles", "translation_of IS NULL AND language = 'en'") == 40
    assert await count(seeded, "articles", "translation_of IS NOT NULL AND language = 'es'") == 40
    assert await count(seeded, "article_versions") == 80
    assert await count(seeded, "triage_terms") == len(terms)
    async with seeded.connect() as db:
        pairs = (
            await db.execute(
                text(
                    "SELECT t.slug, o.slug FROM articles t"
                    " JOIN articles o ON o.id = t.translation_of"
                )
            )
        ).all()
        marked = await db.scalar(
            text(
                "SELECT count(*) FROM articles WHERE body LIKE '%\\_Sample content: %'"
                " OR body LIKE '%\\_Contenido de ejemplo: %'"
            )
        )
    assert all(translation == f"{original}-es" for translation, original in pairs)
    assert marked == 80  # every article says it is sample content
