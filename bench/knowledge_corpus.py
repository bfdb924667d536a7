"""Synthetic but realistic knowledge articles and search queries for the search benchmark.

Articles are composed from the demo articles' own sentences (adapters/demo/articles.json):
each takes a demo article as its topic, keeps most of its sentences, mixes in sentences of
other articles in the same language, and gets a varied title. Queries come from the acceptance
query set, the demo titles, and misspelled title words. Everything is seeded: the same seed
gives the same corpus and the same queries.
"""

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.demo.knowledge import DEMO_EDITOR, demo_articles
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.text import plain_text

QUERY_SET = Path(__file__).resolve().parents[1] / "tests/integration/knowledge/search_queries.json"
SENTENCE = re.compile(r"(?<=[.!?:])\s+|\n+")
QUALIFIERS = {
    "en": [
        "for renters",
        "for homeowners",
        "for small businesses",
        "in winter",
        "after a storm",
        "questions and answers",
        "what to expect",
        "step by step",
        "for seniors",
        "in your neighborhood",
        "for landlords",
        "during holidays",
        "quick guide",
    ],
    "es": [
        "para inquilinos",
        "para propietarios",
        "para pequeños negocios",
        "en invierno",
        "después de una tormenta",
        "preguntas frecuentes",
        "qué esperar",
        "paso a paso",
        "para personas mayores",
        "en su barrio",
        "para arrendadores",
        "en días feriados",
        "guía rápida",
    ],
}


@dataclass(frozen=True)
class BenchQuery:
    text: str
    language: str | None


def _sentences(entry: dict[str, Any]) -> list[str]:
    text = plain_text(entry["body"])
    return [s.strip() for s in SENTENCE.split(text) if len(s.strip()) > 20]


def synthetic_articles(count: int, seed: int) -> Iterator[Article]:
    """`count` published or draft articles, half English and half Spanish."""
    rng = random.Random(seed)  # noqa: S311 - a seeded corpus, not a secret
    entries = demo_articles()
    pools = {
        lang: [s for e in entries if e["language"] == lang for s in _sentences(e)]
        for lang in ("en", "es")
    }
    at = datetime(2026, 11, 1, tzinfo=UTC)
    for number in range(count):
        base = rng.choice(entries)
        language = base["language"]
        own = _sentences(base)
        body = rng.sample(own, k=max(1, len(own) - rng.randint(0, 2)))
        body += rng.sample(pools[language], k=rng.randint(2, 6))
        rng.shuffle(body)
        title = f"{base['title']} ({rng.choice(QUALIFIERS[language])}) #{number}"
        yield Article.write(
            ArticleContent(title, rng.choice(own), "\n\n".join(body)),
            Labels(
                language=language,
                audience=Audience.INTERNAL if rng.random() < 0.1 else Audience.PUBLIC,
                department_code=base["department"],
                services=tuple(base["services"]),
                tags=tuple(rng.sample(base["tags"], k=min(2, len(base["tags"])))),
                review_by=date(2027, 1, 1) + timedelta(days=rng.randint(-200, 400)),
            ),
            ArticleStatus.DRAFT if rng.random() < 0.05 else ArticleStatus.PUBLISHED,
            DEMO_EDITOR,
            at + timedelta(minutes=number),
        )


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    edits = (
        word[:i] + word[i + 1 :],  # a letter dropped
        word[:i] + word[i] + word[i:],  # a letter doubled
        word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :],  # two letters swapped
    )
    return rng.choice(edits)


def bench_queries(count: int, seed: int) -> list[BenchQuery]:
    """The acceptance queries, demo titles, and titles' words misspelled, in seeded order."""
    rng = random.Random(seed)  # noqa: S311 - a seeded corpus, not a secret
    acceptance = json.loads(QUERY_SET.read_text(encoding="utf-8"))["queries"]
    queries = [BenchQuery(q["q"], q["language"]) for q in acceptance]
    for entry in demo_articles():
        queries.append(BenchQuery(entry["title"], entry["language"]))
        words = [w for w in re.findall(r"\w+", entry["title"]) if len(w) > 5]
        if words:
            queries.append(BenchQuery(_misspell(rng.choice(words), rng), entry["language"]))
    return [rng.choice(queries) for _ in range(count)]
