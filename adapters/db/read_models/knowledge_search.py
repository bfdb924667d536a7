"""Full-text search of articles: two queries per search, whatever the number of articles.

1. Analysis: the stems of the words and of their synonyms under the language's text-search
   configuration, and the vocabulary words near each word (deletion-index probes), for
   spelling correction.
2. Search: the GIN index finds the articles matching enough words; they are ordered by whether
   they match every word, whether their title holds every typed word, how well their title and
   tags answer the query (knowledge_ranking.py), then ts_rank on the article's head (title,
   tags, summary, services); ts_headline cuts snippets for the page only.

Queries are built from lexemes PostgreSQL itself produced, quoted, and sent as bound values:
nothing the caller types reaches the SQL or the tsquery syntax.
"""

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from math import comb
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Float,
    Integer,
    Select,
    Text,
    bindparam,
    cast,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, TSQUERY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.read_models.knowledge_ranking import about, as_typed, covered, flag
from adapters.db.read_models.knowledge_rows import (
    SUMMARY_COLUMNS,
    conditions,
    page_of,
    summary_from_row,
)
from adapters.db.tables.knowledge import articles
from domain.knowledge.folding import fold
from domain.knowledge.queries import ArticleFilter, ArticlePage
from domain.knowledge.search import (
    MAX_DESCRIPTION_WORDS,
    MAX_WORDS,
    Analysis,
    QueryPlan,
    lookups,
    plan,
    query_words,
)
from domain.knowledge.synonyms import synonyms
from domain.knowledge.text import primary_language, whole_words

a = articles
START, STOP = "\x02", "\x03"  # markers ts_headline puts around hits; stored text has none
MARKERS = re.compile(f"({START}|{STOP})")
TAGS = {START: "<mark>", STOP: "</mark>"}
HEADLINE = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, ShortWord=2"
MAX_REQUIRED_COMBINATIONS = 35

ANALYSIS = text(
    """
    WITH candidates AS (
        SELECT DISTINCT v.word FROM article_word_variants v
        WHERE v.variant = ANY(CAST(:variants AS text[]))
          AND (CAST(:language AS text) IS NULL OR v.language = CAST(:language AS text))
    ), words AS (
        SELECT unnest(CAST(:words AS text[])) AS word UNION SELECT word FROM candidates
    ), configurations AS (
        SELECT configuration, position FROM unnest(
            CASE WHEN CAST(:language AS text) IS NULL
                THEN ARRAY['pg_catalog.english', 'pg_catalog.spanish']::regconfig[]
                ELSE ARRAY[frontdoor_text_config(CAST(:language AS text))] END
        ) WITH ORDINALITY AS c(configuration, position)
    ), planner AS (
        -- For the search that follows in this transaction: see search() below.
        SELECT set_config('enable_seqscan', 'off', true) AS seqscan
    )
    SELECT w.word, w.word IN (SELECT word FROM candidates) AS known, c.position,
           tsvector_to_array(to_tsvector(c.configuration, w.word)) AS lexemes, p.seqscan
    FROM words w CROSS JOIN configurations c CROSS JOIN planner p
    ORDER BY w.word, c.position
    """
)


async def search(engine: AsyncEngine, f: ArticleFilter) -> ArticlePage:
    words = query_words(f.q or "", MAX_DESCRIPTION_WORDS if f.description else MAX_WORDS)
    if not words:
        return ArticlePage([], None)
    related = {word: synonyms(word, f.language) for word in words}
    also = [other for others in related.values() for other in others]
    async with engine.connect() as db:
        analysis = await analyse(db, words, f.language, also)
        query = plan(words, analysis, loose=f.description, synonyms=related)
        if query.is_empty:
            return ArticlePage([], None)
        # The analysis also turned sequential scans off for this transaction: the planner does
        # not count the cost of decompressing a tsvector for @@, and may read every row where
        # the GIN index reads only the hits.
        template, values = statement(query, f)
        rows = (await db.execute(template, values)).all()
    found = [
        summary_from_row(r, f.today, snippet(r.headline, r.summary, r.body_text), float(r.rank))
        for r in rows
    ]
    return page_of(found, f.limit, f.offset)


async def analyse(
    db: AsyncConnection, words: Sequence[str], language: str | None, also: Sequence[str] = ()
) -> Analysis:
    """`also`: more words to stem (synonyms), not corrected and not looked up for spelling."""
    primary = primary_language(language) if language else None
    params = {
        "words": list(dict.fromkeys([*words, *also])),
        "variants": sorted(lookups(words)),
        "language": primary,
    }
    rows = (await db.execute(ANALYSIS, params)).all()
    lexemes: dict[str, list[list[str]]] = {}
    for row in rows:
        lexemes.setdefault(row.word, []).append(list(row.lexemes))
    return Analysis(lexemes, frozenset(r.word for r in rows if r.known))


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _any(lexemes: Sequence[str]) -> str:
    return "(" + " | ".join(_quote(lexeme) for lexeme in lexemes) + ")"


def _few(groups: int, required: int) -> bool:
    return comb(groups, required) <= MAX_REQUIRED_COMBINATIONS


def required_query(query: QueryPlan) -> str:
    """A tsquery true when at least `required` groups match: an OR of ANDs, which the GIN index
    evaluates alone. Past MAX_REQUIRED_COMBINATIONS (queries of eight words and more) it is any
    group, and `_enough` counts the groups row by row."""
    groups = [_any(group) for group in query.groups]
    if not _few(len(query.groups), query.required):
        return " | ".join(groups)
    return " | ".join(
        "(" + " & ".join(chosen) + ")" for chosen in combinations(groups, query.required)
    )


@dataclass(frozen=True)
class _Shape:
    """What the search statement's SQL depends on; the words only fill its bound values."""

    title_only: bool
    loose: bool
    groups: int
    required: int
    filter: ArticleFilter  # without q: conditions() bakes its values into the SQL


class _Binds:
    """The statement's bound values, given at execution (see _values)."""

    everything = bindparam("kb_everything", type_=Text)
    every_group = bindparam("kb_every_group", type_=Text)
    typed = bindparam("kb_typed", type_=Text)
    required = bindparam("kb_required", type_=Text)
    lexemes = bindparam("kb_lexemes", type_=ARRAY(Text))
    words = bindparam("kb_words", type_=ARRAY(Text))

    @staticmethod
    def groups(count: int) -> list[BindParameter[str]]:
        return [bindparam(f"kb_group_{i}", type_=Text) for i in range(count)]


def _query(source: ColumnElement[str]) -> ColumnElement[Any]:
    return cast(source, TSQUERY)


def _enough(shape: _Shape, searched: str) -> list[ColumnElement[bool]]:
    """The row-by-row count of matched groups, only where the index query could not say it."""
    if _few(shape.groups, shape.required):
        return []
    column = a.c[searched]
    matched = [cast(column.op("@@")(_query(g)), Integer) for g in _Binds.groups(shape.groups)]
    return [sum(matched[1:], matched[0]) >= shape.required]


def statement(query: QueryPlan, f: ArticleFilter) -> tuple[Select[Any], dict[str, Any]]:
    """The search statement and its bound values. The statement depends only on the query's
    shape and the filter, so it is built (and compiled, and prepared) once per shape."""
    shape = _Shape(
        query.title_only, query.loose, len(query.groups), query.required, replace(f, q=None)
    )
    return _template(shape), _values(query)


def _values(query: QueryPlan) -> dict[str, Any]:
    groups = [_any(group) for group in query.groups]
    return {
        "kb_everything": " | ".join(groups),
        "kb_every_group": " & ".join(groups),
        "kb_typed": " & ".join(_quote(word) for word in query.words),
        "kb_required": required_query(query),
        "kb_lexemes": query.lexemes,
        "kb_words": list(query.words),
        **{f"kb_group_{i}": group for i, group in enumerate(groups)},
    }


@lru_cache(maxsize=512)
def _template(shape: _Shape) -> Select[Any]:
    """Hits in order: matching every word, a title holding every typed word, then the title and
    tags (knowledge_ranking.py), then rank.

    For a search only the index reads the large `search` vector; ranking reads the small
    `search_head` (hits only in bodies are ordered by id). Descriptions rank on `search`.
    """
    searched = "title_words" if shape.title_only else "search"
    everything = _query(_Binds.everything)
    # When every hit must match every word, "complete" says nothing: it is left out of the order.
    varies = shape.required < shape.groups
    complete = flag(searched, _Binds.every_group) if varies else cast(literal(1), Integer)
    titled = flag("title_words", _Binds.typed)
    # A description's words are mostly in bodies: it is ranked on the whole article.
    ranked = a.c.search if shape.loose else a.c.search_head
    ranked = a.c.title_words if shape.title_only else ranked
    levels = [titled, *_title_levels(shape), func.ts_rank(ranked, everything)]
    names = ("titled", "about", "covered", "as_typed", "rank")
    order = [complete.desc()] if varies else []
    f = shape.filter
    hits = (
        select(
            a.c.id,
            complete.label("complete"),
            *[c.label(n) for c, n in zip(levels, names, strict=True)],
        )
        .where(a.c[searched].op("@@")(_query(_Binds.required)), *conditions(f))
        .where(*_enough(shape, searched))
        .order_by(*order, *[level.desc() for level in levels], a.c.id)
        .limit(f.limit + 1)
        .offset(f.offset)
        .subquery("hits")
    )
    configuration = (
        cast(literal("pg_catalog.simple"), REGCONFIG)
        if shape.title_only
        else func.frontdoor_text_config(a.c.language, type_=REGCONFIG)
    )
    source = func.frontdoor_fold(a.c.summary + "\n\n" + a.c.body_text, type_=Text)
    headline = func.ts_headline(configuration, source, everything, literal(HEADLINE, Text))
    return (
        select(*SUMMARY_COLUMNS, a.c.body_text, hits.c.rank, headline.label("headline"))
        .join_from(hits, a, a.c.id == hits.c.id)
        .order_by(*[hits.c[name].desc() for name in ("complete", *names)], a.c.id)
    )


def _title_levels(shape: _Shape) -> list[ColumnElement[Any]]:
    """About, covered and as typed; a description (a caller's sentence, its words mostly in
    bodies) and a search of stop words only are not ranked on them."""
    if shape.loose or shape.title_only:
        return [cast(literal(0), Integer), cast(literal(0.0), Float), cast(literal(0), Integer)]
    return [about(_Binds.groups(shape.groups)), covered(_Binds.lexemes), as_typed(_Binds.words)]


def snippet(headline: str, summary: str, body_text: str) -> str:
    """The headline with the original's accents back, HTML-escaped, hits in <mark>, widened to
    whole words (ts_headline may cut "double-parked" to "parked", or "city's" to "city").

    ts_headline ran over the folded text: the headline's text is found in the folded source and
    each stretch of it is replaced by the original characters it was folded from.
    """
    source = f"{summary}\n\n{body_text}"
    folded, original = _folded(source)
    pieces = MARKERS.split(headline)
    plain = "".join(piece for piece in pieces if piece not in TAGS)
    position = folded.find(plain)
    if position < 0:  # not found in the source: shown as ts_headline gave it
        return _joined(TAGS.get(piece) or html.escape(piece) for piece in pieces)
    start, end = whole_words(folded, position, position + len(plain))
    out = [html.escape(original(start, position - start))]
    for piece in pieces:
        if piece in TAGS:
            out.append(TAGS[piece])
        else:
            out.append(html.escape(original(position, len(piece))))
            position += len(piece)
    out.append(html.escape(original(position, end - position)))
    return _joined(out)


def _joined(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def _folded(source: str) -> tuple[str, Callable[[int, int], str]]:
    """The folded text, and the original text of a stretch of it (start, length)."""
    folded = fold(source)
    if len(folded) == len(source):  # the usual case: one character for one
        return folded, lambda start, length: source[start : start + length]
    owners = [i for i, character in enumerate(source) for _ in fold(character)]

    def original(start: int, length: int) -> str:
        return "".join(source[i] for i in dict.fromkeys(owners[start : start + length]))

    return "".join(fold(character) for character in source), original
