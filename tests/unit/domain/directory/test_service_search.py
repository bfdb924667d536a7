"""Services matching a resident's words, and the most used services."""

from domain.directory.catalog import Service, SlaPolicy
from domain.directory.popularity import popular_ranks
from domain.directory.service_search import query_words, services_matching


def service(code: str, name: str, **fields: object) -> Service:
    return Service(code, name, "roads", SlaPolicy(24), **fields)  # type: ignore[arg-type]


POTHOLE = service("pothole", "Bache", keywords=["hoyo", "pavimento"], group="Calles",
                  description="Reporte un bache en la calle.")  # fmt: skip
LIGHT = service("light", "Street light out", group="Streets",
                description="A street light is dark or flickering.")  # fmt: skip
ALLEY = service("alley", "Dirty alley", description="Trash or debris in a city alley")
CATALOG = [POTHOLE, LIGHT, ALLEY]


def codes(q: str) -> list[str]:
    return [s.code for s in services_matching(CATALOG, q, 10)]


def test_words_match_the_start_of_words_accents_and_case_aside() -> None:
    assert codes("BACHÉ") == ["pothole"]
    assert codes("baches") == ["pothole"]  # a plural finds its singular
    assert codes("pavim") == ["pothole"]  # keywords, by their start
    assert codes("flicker") == ["light"]  # descriptions too


def test_more_words_matched_and_a_name_rank_first() -> None:
    assert codes("street light") == ["light"]
    assert codes("dark alley") == ["alley", "light"]  # a name beats a description
    assert codes("how do I report the trash in my alley") == ["alley"]


def test_nothing_to_search_for_finds_nothing() -> None:
    assert codes("the and of") == []
    assert codes("") == []
    assert codes("zebra") == []
    assert query_words("a an to " + "word " * 3) == ["word"]


def test_services_rank_by_requests_ties_by_code_unused_unranked() -> None:
    counts = {"light": 4, "alley": 9, "pothole": 4, "graffiti": 0}
    assert popular_ranks(counts) == {"alley": 1, "light": 2, "pothole": 3}
    assert popular_ranks({}) == {}


def test_the_same_services_in_another_language_count_too() -> None:
    english = [service("pothole", "Pothole", group="Streets"), LIGHT, ALLEY]
    found = services_matching(CATALOG, "pothole", 10, also=english)
    assert [(s.code, s.name) for s in found] == [("pothole", "Bache")]  # shown as given
    both = services_matching(CATALOG, "bache pothole", 10, also=english)
    assert [s.code for s in both] == ["pothole"]
    assert services_matching(CATALOG, "pothole", 10) == []  # without them, no match
