"""Duplicate scoring and ranking: distance, age, text, the policy and its threshold.

Points are moved along a meridian, where the haversine distance of `d` metres is exactly
`d / EARTH_RADIUS_M` radians of latitude, so distances below are exact to float rounding.
Score = 0.5 * nearness + 0.2 * recency + 0.3 * text (text counted in full from 0.5 up).
"""

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from domain.directory.catalog import SlaPolicy
from domain.requests.duplicates import (
    EARTH_RADIUS_M,
    DuplicatePolicy,
    Probe,
    bounding_box,
    fold,
    haversine_m,
    rank,
    score,
    text_similarity,
    trigrams,
    words,
)
from domain.requests.model import Location, ServiceRequest
from domain.shared.errors import ValidationFailed

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
LAT, LONG = 39.2904, -76.6122  # Baltimore City Hall
POLICY = DuplicatePolicy()


def north(metres: float) -> float:
    return LAT + math.degrees(metres / EARTH_RADIUS_M)


def candidate(
    request_id: str = "26-00000001",
    metres: float = 0.0,
    days: float = 0.0,
    description: str = "Deep pothole",
    service_code: str = "pothole",
    location: Location | None = None,
) -> ServiceRequest:
    return ServiceRequest(
        id=request_id,
        service_code=service_code,
        department_code="public-works",
        sla=SlaPolicy(12),
        requested_at=NOW - timedelta(days=days),
        description=description,
        location=location if location is not None else Location(north(metres), LONG),
    )


def probe(description: str = "Deep pothole", service_code: str = "pothole") -> Probe:
    return Probe(LAT, LONG, service_code, description)


# --- distance and the bounding box -----------------------------------------------------------


def test_haversine_is_exact_along_a_meridian_and_symmetric() -> None:
    assert haversine_m(0, 0, 1, 0) == pytest.approx(EARTH_RADIUS_M * math.pi / 180, abs=1e-6)
    assert haversine_m(LAT, LONG, north(75), LONG) == pytest.approx(75, abs=1e-6)
    assert haversine_m(LAT, LONG, 39.3, -76.6) == haversine_m(39.3, -76.6, LAT, LONG)
    assert haversine_m(LAT, LONG, LAT, LONG) == 0


def destination(lat: float, long: float, metres: float, bearing: float) -> tuple[float, float]:
    delta, phi = metres / EARTH_RADIUS_M, math.radians(lat)
    phi2 = math.asin(
        math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(bearing)
    )
    lam = math.atan2(
        math.sin(bearing) * math.sin(delta) * math.cos(phi),
        math.cos(delta) - math.sin(phi) * math.sin(phi2),
    )
    return math.degrees(phi2), long + math.degrees(lam)


@pytest.mark.parametrize("lat", [0.0, LAT, -60.0, 88.0])
@pytest.mark.parametrize("radius", [1.0, 150.0, 2000.0])
def test_the_bounding_box_holds_every_point_of_the_radius(lat: float, radius: float) -> None:
    box = bounding_box(lat, 10.0, radius)
    assert box.min_long is not None and box.max_long is not None
    for step in range(360):
        plat, plong = destination(lat, 10.0, radius, math.radians(step))
        assert box.min_lat <= plat <= box.max_lat
        assert box.min_long <= plong <= box.max_long
    assert box.max_lat - box.min_lat < 2.1 * math.degrees(radius / EARTH_RADIUS_M)


def test_the_bounding_box_drops_longitude_near_a_pole_and_across_the_antimeridian() -> None:
    polar = bounding_box(89.999, 0.0, 500)
    assert (polar.min_long, polar.max_long, polar.max_lat) == (None, None, 90.0)
    dateline = bounding_box(0.0, 179.9999, 150)
    assert (dateline.min_long, dateline.max_long) == (None, None)
    assert dateline.min_lat < 0 < dateline.max_lat


# --- text ------------------------------------------------------------------------------------


def test_folding_drops_case_and_accents() -> None:
    assert fold("Crème BRÛLÉE, Straße") == "creme brulee, strasse"


def test_words_are_folded_and_skip_stop_words_and_punctuation() -> None:
    assert words("The POTHOLE, on Main-St.! near_the école") == {"pothole", "main", "st", "ecole"}
    assert words("the of at") == frozenset()


def test_trigrams_pad_each_word() -> None:
    assert trigrams(frozenset({"ab"})) == {" ab", "ab "}
    assert trigrams(frozenset({"pot"})) == {" po", "pot", "ot "}


def test_text_similarity_is_the_mean_of_word_and_trigram_jaccard() -> None:
    # words {pothole, main, st} and {pothole, oak, st}: 2 of 4; trigrams 9 of 16 (by hand)
    assert text_similarity("Pothole on Main St", "pothole at Oak St") == pytest.approx(0.53125)
    assert text_similarity("Deep pothole", "deep POTHOLE!") == 1.0
    # 5 of 6 words; 22 of 28 trigrams ("sainte" alone has 6: " sa" sai ain int nte "te ")
    accented = text_similarity("Nid-de-poule rue Sainte-Catherine", "NID DE POULE, RUE CATHÉRINE")
    assert accented == pytest.approx((5 / 6 + 22 / 28) / 2)
    assert text_similarity("Graffiti", "Street light out") == 0.0
    assert text_similarity("", "pothole") == 0.0
    assert text_similarity("the", "the") == 0.0


def test_accents_and_case_do_not_change_the_similarity() -> None:
    plain = text_similarity("cafe on rue sainte catherine", "cafe rue ste catherine")
    marked = text_similarity("CAFÉ on Rue Sainte-Cathérine", "Café, rue Ste Catherine")
    assert marked == plain


# --- the score -------------------------------------------------------------------------------


def test_the_score_weighs_distance_age_and_text() -> None:
    assert score(candidate(metres=0, days=0), probe(), NOW) == pytest.approx(1.0)
    # 75 of 150 m and 15 of 30 days: 0.5 * 0.5 + 0.2 * 0.5 + 0.3 * 1
    assert score(candidate(metres=75, days=15), probe(), NOW) == pytest.approx(0.65)
    # text "Pothole on Main St" vs "pothole at Oak St" is 0.53125, above the saturation
    far_text = candidate(metres=75, days=15, description="Pothole on Main St")
    assert score(far_text, probe("pothole at Oak St"), NOW) == pytest.approx(0.65)
    unlike = candidate(metres=75, days=15, description="Graffiti")
    assert score(unlike, probe(), NOW) == pytest.approx(0.35)


def test_text_below_the_saturation_counts_in_proportion() -> None:
    # words {big, pothole, lane} vs {pothole}: 1/3; trigrams 7 of 14: mean 5/12, counted 5/6
    partly = candidate(description="big pothole lane")
    assert text_similarity("big pothole lane", "pothole") == pytest.approx(5 / 12)
    assert score(partly, probe("pothole"), NOW) == pytest.approx(0.5 + 0.2 + 0.3 * 5 / 6)


def test_without_a_description_distance_and_age_decide_alone() -> None:
    # (0.5 * 0.5 + 0.2 * 0.5) / 0.7
    assert score(candidate(metres=75, days=15), probe(""), NOW) == pytest.approx(0.5)
    silent = candidate(metres=75, days=15, description="   ")
    assert score(silent, probe(), NOW) == pytest.approx(0.5)
    only_stop_words = candidate(metres=75, days=15, description="the")
    assert score(only_stop_words, probe(), NOW) == pytest.approx(0.5)


def test_another_service_of_the_group_counts_for_less() -> None:
    other = candidate(metres=75, days=15, service_code="street-repair")
    assert score(other, probe(), NOW) == pytest.approx(0.65 * 0.8)


def test_the_window_counts_both_ways_from_now() -> None:
    later = candidate(days=-15)  # reported after the probe, as seen from an older request
    assert score(later, probe(), NOW) == pytest.approx(0.5 + 0.2 * 0.5 + 0.3)


def test_outside_the_radius_or_the_window_or_without_a_point_scores_zero() -> None:
    assert score(candidate(metres=150.5), probe(), NOW) == 0.0
    assert score(candidate(metres=149.5), probe(), NOW) > 0.0
    assert score(candidate(days=30.01), probe(), NOW) == 0.0
    assert score(candidate(location=Location(address="1 Main St")), probe(), NOW) == 0.0
    wide = DuplicatePolicy(radius_m=300, window=timedelta(days=60))
    # 150 of 300 m, 30 of 60 days: 0.25 + 0.1 + 0.3
    assert score(candidate(metres=150, days=30), probe(), NOW, wide) == pytest.approx(0.65)


# --- ranking ---------------------------------------------------------------------------------


def test_rank_keeps_candidates_at_or_above_the_threshold_best_first() -> None:
    pool = [
        candidate("26-00000001", metres=75, days=15),  # 0.65
        candidate("26-00000002", metres=0, days=0),  # 1.0
        candidate("26-00000003", metres=75, days=15, description="Graffiti"),  # 0.35
        candidate("26-00000004", metres=400),  # outside the radius
        candidate("26-00000005", metres=112.5, days=7.5, description="Graffiti"),  # 0.275
    ]
    ranked = rank(probe(), pool, POLICY, NOW)
    assert [(m.candidate.id, round(m.score, 6)) for m in ranked] == [
        ("26-00000002", 1.0),
        ("26-00000001", 0.65),
    ]
    assert ranked[1].distance_m == pytest.approx(75)
    everything = rank(probe(), pool, DuplicatePolicy(threshold=0), NOW)
    assert [m.candidate.id for m in everything] == [
        "26-00000002",
        "26-00000001",
        "26-00000003",
        "26-00000005",
    ]


def test_rank_breaks_ties_by_distance_then_id() -> None:
    # 15 m away today and at the spot 7.5 days ago both score 0.95: the nearer one first;
    # two candidates alike in all but their id go by id.
    pool = [
        candidate("26-00000009", metres=15),
        candidate("26-00000007", metres=15),
        candidate("26-00000008", metres=0, days=7.5),
    ]
    ranked = rank(probe(), pool, POLICY, NOW)
    assert [m.candidate.id for m in ranked] == ["26-00000008", "26-00000007", "26-00000009"]
    assert [m.score for m in ranked] == pytest.approx([0.95, 0.95, 0.95])


# --- the policy ------------------------------------------------------------------------------


def test_the_default_policy_and_a_services_own_radius() -> None:
    assert (POLICY.radius_m, POLICY.window, POLICY.threshold) == (150.0, timedelta(days=30), 0.5)
    assert DuplicatePolicy.for_service(None) == POLICY
    assert DuplicatePolicy.for_service(400).radius_m == 400


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"radius_m": 0}, "radius_m"),
        ({"radius_m": -5}, "radius_m"),
        ({"radius_m": 2000.5}, "radius_m"),
        ({"radius_m": math.nan}, "radius_m"),
        ({"window": timedelta(0)}, "window"),
        ({"threshold": 1.01}, "threshold"),
        ({"threshold": -0.1}, "threshold"),
    ],
)
def test_a_policy_out_of_bounds_is_refused(fields: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        DuplicatePolicy(**fields)  # type: ignore[arg-type]
    assert [e.field for e in refused.value.errors] == [field]


@pytest.mark.parametrize("limit", [1, 3, 10])
@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.8])
def test_a_limited_ranking_is_the_head_of_the_full_one(limit: int, threshold: float) -> None:
    """Ranking with a limit stops reading descriptions early (by the best score each could
    have); what it returns is still exactly the first `limit` of scoring them all."""
    draw = random.Random(17)
    texts = ["Deep pothole", "deep POTHOLE!", "Pothole on Main St", "Graffiti", "", "hole deep"]
    crowd = [
        candidate(
            f"26-{n:08d}",
            metres=draw.uniform(-160, 160),
            days=draw.uniform(0, 31),
            description=draw.choice(texts),
            service_code=draw.choice(["trm-pothole-repair", "trm-street-repairs"]),
        )
        for n in range(300)
    ]
    crowd += [candidate(f"27-{n:08d}", description="Deep pothole") for n in range(12)]  # ties
    near = Probe(LAT, LONG, "trm-pothole-repair", "Deep pothole")
    policy = DuplicatePolicy(threshold=threshold)
    full = rank(near, crowd, policy, NOW)
    assert len(full) > limit
    assert rank(near, crowd, policy, NOW, limit) == full[:limit]
    assert rank(near, crowd, policy, NOW, 0) == []
