"""How well an article's title and tags answer a search: ordering levels between "matches every
word" and ts_rank.

`search_about` (migration 20261204_0017) holds the title (weight A) and the tags (weight B),
stemmed as the article's language stems: what the article's editors say it is about. Levels:

- about: how many of the query's words (with their synonyms) the title or tags hold. On
  "trash pickup schedule", "When is my trash collected?" (tagged "schedule") holds all three;
  "Bulk trash pickup for furniture and large items" and "Missed trash or recycling pickup"
  hold two.
- covered: the share of the title's words the query accounts for. On "recycling pickup
  schedule", "Recycling collection day" (two of three) beats "Missed trash or recycling
  pickup" (two of four): a focused title beats one about more than was asked.
- as typed: how many typed words, stop words too, the title holds as they were typed. On
  "recogida de reciclaje", "Día de recolección de reciclaje" shares "de" and "reciclaje";
  "No recogieron la basura o el reciclaje" only "reciclaje".

The levels are read per hit from small vectors (title and tags, the title's plain words): about
five microseconds a hit. Every tsquery is built from lexemes PostgreSQL produced and sent as a
bound value: the functions here take those bound values (see knowledge_search.py's template).
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Float, Integer, cast, func, literal_column
from sqlalchemy import select as select_
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR

from adapters.db.tables.knowledge import articles

TITLE: ColumnElement[Any] = literal_column(
    """'{a}'::"char"[]"""
)  # a constant: nothing typed reaches it


def tsquery(source: ColumnElement[str]) -> ColumnElement[Any]:
    """A tsquery from a bound text value."""
    return cast(source, TSQUERY)


def flag(column: str, source: ColumnElement[str]) -> ColumnElement[int]:
    """1 for the rows whose `column` matches: one index scan, hashed, not a check per row."""
    other = articles.alias("other")
    matching = select_(other.c.id).where(other.c[column].op("@@")(tsquery(source)))
    return cast(articles.c.id.in_(matching), Integer)


def about(groups: Sequence[ColumnElement[str]]) -> ColumnElement[int]:
    """How many of the query's groups (tsquery sources) the title or the tags match."""
    return _count("search_about", groups)


def covered(lexemes: ColumnElement[Any]) -> ColumnElement[float]:
    """The share of the title's lexemes that are among the query's lexemes."""
    title = func.ts_filter(articles.c.search_about, TITLE, type_=TSVECTOR)
    size = func.length(title)
    return cast(cast(_held(title, lexemes), Float) / func.greatest(size, 1), Float)


def as_typed(words: ColumnElement[Any]) -> ColumnElement[int]:
    """How many typed words, stop words too, the title's plain words hold."""
    return _held(articles.c.title_words, words)


def _held(vector: ColumnElement[Any], lexemes: ColumnElement[Any]) -> ColumnElement[int]:
    """How many of the lexemes the vector holds: its size less its size without them."""
    without = func.ts_delete(vector, lexemes)
    return func.length(vector) - func.length(without)


def _count(column: str, sources: Sequence[ColumnElement[str]]) -> ColumnElement[int]:
    found = [cast(articles.c[column].op("@@")(tsquery(source)), Integer) for source in sources]
    return sum(found[1:], found[0])
