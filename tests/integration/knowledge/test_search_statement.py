"""The search statement is built once per shape; the words and the filter still decide.

A statement depends on the number of word groups, how many must match, the kind of query and
the filter; the words themselves are bound values given at execution. These tests run searches
of the same shape one after another (so the second reuses the first's statement) and check each
against a search whose statement was built afresh.
"""

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.knowledge import KnowledgeReadModel
from adapters.db.read_models.knowledge_search import _template, statement
from domain.knowledge.model import Audience
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter
from domain.knowledge.search import QueryPlan

pytestmark = pytest.mark.usefixtures("seeded")

TODAY = date(2026, 11, 25)
RESIDENT = ReadScope()
AGENT = ReadScope(internal=True)
SEARCHES = [
    ArticleFilter(RESIDENT, TODAY, q="pothole", language="en"),
    ArticleFilter(RESIDENT, TODAY, q="graffiti", language="en"),
    ArticleFilter(RESIDENT, TODAY, q="baches", language="es"),
    ArticleFilter(AGENT, TODAY, q="emergency transfer"),
    ArticleFilter(RESIDENT, TODAY, q="emergency transfer"),
    ArticleFilter(AGENT, TODAY, q="trash pickup schedule", language="en"),
    ArticleFilter(AGENT, TODAY, q="recycling pickup schedule", language="en"),
    ArticleFilter(AGENT, TODAY, q="noise", audience=Audience.INTERNAL),
    ArticleFilter(RESIDENT, TODAY, q="the", language="en"),
    ArticleFilter(RESIDENT, TODAY, q="my car was towed from the street", description=True),
    ArticleFilter(RESIDENT, TODAY, q="my neighbor's dog barks all night", description=True),
    ArticleFilter(RESIDENT, TODAY, q="pothole", language="en", limit=2, offset=1),
]


async def test_each_search_answers_as_with_a_fresh_statement(seeded: AsyncEngine) -> None:
    reads = KnowledgeReadModel(seeded)
    reused = [await reads.search(f) for f in SEARCHES]
    fresh = []
    for f in SEARCHES:
        _template.cache_clear()
        fresh.append(await reads.search(f))
    assert reused == fresh
    assert all(page.items for page in reused[:4])
    assert [page.items[0].id for page in reused[:3]] != [reused[0].items[0].id] * 3
    agent_ids = {item.id for item in reused[3].items}
    resident_ids = {item.id for item in reused[4].items}
    assert agent_ids - resident_ids  # the internal article is the agent's only


def test_one_statement_per_shape_the_words_are_values() -> None:
    f = ArticleFilter(RESIDENT, TODAY, q="pothole", language="en")
    pothole = QueryPlan((("pothol",),), ("pothole",))
    graffiti = QueryPlan((("graffiti",),), ("graffiti",))
    first, first_values = statement(pothole, f)
    second, second_values = statement(graffiti, f)
    assert first is second
    assert first_values["kb_required"] == "(('pothol'))"
    assert second_values["kb_required"] == "(('graffiti'))"
    assert statement(pothole, ArticleFilter(AGENT, TODAY, q="pothole"))[0] is not first
    two_words = QueryPlan((("pothol",), ("repair",)), ("pothole", "repair"))
    assert statement(two_words, f)[0] is not first
