"""The search vocabulary that spelling correction works from, and the words of related services.

Words are added as articles are written and never removed: a word an edit dropped can still be
offered as a correction, and then simply matches less. Each new word is stored with its
deletion variants (domain/knowledge/spelling.py) so that a lookup is one index probe.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Text, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.directory import services
from domain.knowledge.folding import tokenize
from domain.knowledge.model import Article
from domain.knowledge.spelling import deletions, stored_deletions
from domain.knowledge.text import primary_language

MAX_WORD = 40
Vocabulary = dict[str, set[str]]  # primary language -> folded words


def words_of(article: Article) -> set[str]:
    """The folded words of what readers see: title, summary, body and tags."""
    content = article.content
    texts = (content.title, content.summary, article.plain_body, *article.labels.tags)
    return {w for text in texts for w in tokenize(text) if 1 < len(w) <= MAX_WORD and w.isalpha()}


def vocabulary_of(batch: Iterable[Article]) -> Vocabulary:
    vocabulary: Vocabulary = {}
    for article in batch:
        language = primary_language(article.labels.language)
        vocabulary.setdefault(language, set()).update(words_of(article))
    return vocabulary


ADD_WORDS = text(
    """
    INSERT INTO article_words (language, word)
    SELECT * FROM unnest(CAST(:languages AS text[]), CAST(:words AS text[]))
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING
    RETURNING language, word
    """
)
ADD_VARIANTS = text(
    """
    INSERT INTO article_word_variants (variant, language, word)
    SELECT * FROM unnest(CAST(:variants AS text[]), CAST(:languages AS text[]),
                         CAST(:words AS text[]))
    ON CONFLICT DO NOTHING
    """
)


async def add_vocabulary(db: AsyncConnection, vocabulary: Vocabulary) -> None:
    """Add the words not yet known, with their variants, in one statement each. Rows go in
    sorted, so concurrent writers lock words in the same order."""
    pairs = [(lang, w) for lang in sorted(vocabulary) for w in sorted(vocabulary[lang])]
    if not pairs:
        return
    languages, words = (list(column) for column in zip(*pairs, strict=True))
    added = (await db.execute(ADD_WORDS, {"languages": languages, "words": words})).all()
    variants = _variants(sorted((r.language, r.word) for r in added))
    if variants:
        columns = {k: [v[k] for v in variants] for k in ("variant", "language", "word")}
        await db.execute(
            ADD_VARIANTS,
            {
                "variants": columns["variant"],
                "languages": columns["language"],
                "words": columns["word"],
            },
        )


def _variants(words: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {"variant": variant, "language": language, "word": word}
        for language, word in words
        for variant in sorted(deletions(word, stored_deletions(word)))
    ]


def service_terms(codes: ColumnElement[Any]) -> ScalarSelect[Any]:
    """The names, request types and keywords of the services whose codes are in `codes`."""
    s = services
    words = func.concat_ws(" ", s.c.name, s.c.type_name, func.array_to_string(s.c.keywords, " "))
    return (
        select(func.coalesce(func.string_agg(words, " "), "").cast(Text))
        .where(s.c.code == func.any(codes))
        .scalar_subquery()
    )
