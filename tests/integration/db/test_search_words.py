"""The history import's search words (domain/requests/search_words.py) are the database's.

Held on real text, the shared Baltimore and Boston samples, plus cases at the rule's edges:
the words computed in Python must be exactly the lexemes of `to_tsvector('simple',
frontdoor_search_words(text))`, the rule the index applies to every other write."""

import csv
import gzip
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.history.importer import import_requests
from adapters.history.mapping_files import load_mapping
from domain.requests.search_words import search_words
from tests.shared_data import SHARED_DATA

SAMPLES = [
    SHARED_DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz",
    SHARED_DATA / "service_requests" / "boston_311_open_cases_2025.csv.gz",
]
EDGES = [
    "26-00000001 and 26-000000012 and 126-00000001 and x26-00000001 and 26-00000001x",
    "0 00 007 0x1f 1e5 3rd 12_34 a_b __init__",
    "Señor Ñandú, Crème brûlée; ÀÉÎÕÜ",
    "tabs\tand\nnew lines\r\n and \u2014 dashes \u2013 and \u201cquotes\u201d",
    "",
    "   ",
    "a" * 3000 + " short",
]


def _texts(limit_per_file: int = 1_000) -> Iterator[str]:
    yield from EDGES
    for path in SAMPLES:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle)):
                if number > limit_per_file:
                    break
                yield " ".join(row)
                yield from row


async def test_python_words_are_the_database_s_on_real_and_edge_text(engine: AsyncEngine) -> None:
    texts = list(_texts())
    async with engine.connect() as db:
        rows = await db.execute(
            text(
                "SELECT t.n, coalesce(tsvector_to_array(to_tsvector('simple'::regconfig,"
                " frontdoor_search_words(t.value))), '{}')"
                " FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t(value, n)"
            ),
            {"texts": texts},
        )
        database = {n: sorted(words) for n, words in rows}
    compared = 0
    for n, value in enumerate(texts, start=1):
        ours = search_words(value)
        if ours is not None:
            assert ours == database[n], value
            compared += 1
    assert compared > 30_000  # whole rows and each of their fields


@pytest.mark.usefixtures("seeded_with_layers")
async def test_imported_words_are_what_the_database_would_index_and_forgotten_on_change(
    seeded_with_layers: AsyncEngine,
) -> None:
    engine = seeded_with_layers
    await import_requests(engine, SAMPLES[0], load_mapping("baltimore"))
    computed = "frontdoor_request_words(external_id, description, address, address_hint)"
    async with engine.begin() as db:
        stored = await db.scalar(
            text("SELECT count(*) FROM service_requests WHERE search_document IS NOT NULL")
        )
        differing = await db.scalar(
            text(
                "SELECT count(*) FROM service_requests WHERE search_document IS NOT NULL"
                f" AND strip(search_document) <> strip({computed})"
            )
        )
        assert stored > 9_000
        assert differing == 0
        changed = await db.scalar(
            text(
                "UPDATE service_requests SET description = 'Zebra crossing faded'"
                " WHERE id = (SELECT min(id) FROM service_requests WHERE search_document"
                " IS NOT NULL) RETURNING search_document IS NULL"
            )
        )
        assert changed is True  # stale words are dropped; the index computes new ones
        found = await db.scalar(
            text(
                "SELECT count(*) FROM service_requests WHERE frontdoor_request_document("
                "search_document, external_id, description, address, address_hint)"
                " @@ frontdoor_search_query('zebra')"
            )
        )
        assert found == 1
