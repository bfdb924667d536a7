"""Duplicate detection measured on labelled pairs from the Baltimore 311 sample.

The pairs, the hard negatives and the pool are described in `baltimore_pairs`. Every query is
ranked as the read model ranks it: the pool narrowed to the probe's service or group (as the
SQL does), then `rank` with the default policy (150 m, 30 days, threshold 0.5).

- **recall@3:** over the re-reports, the share whose true parent is among the first three
  requests listed. What is listed is what an agent sees: only candidates at or above the
  threshold count, so a parent ranked first but scored under it is a miss.
- **precision at the default threshold:** over every query (re-reports and new problems),
  of all the candidates scored at or above the threshold, the share that are the query's true
  parent. Each other listed request (another parent, a hard negative, a pool request) counts
  against it, though some pool requests may in truth repeat the probe: precision is, if
  anything, understated.

The weights and the threshold were chosen on draw 1 of the generator; the figures asserted
here are those of another draw (SEED), measured once and not tuned on.
"""

import json
import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from domain.requests.duplicates import DuplicatePolicy, haversine_m, rank, words
from domain.requests.model import Location, ServiceRequest
from tests.integration.duplicates.baltimore_pairs import CATALOG, Dataset, build, in_scope

SEED = 20261125
POLICY = DuplicatePolicy()


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build(SEED)


@dataclass(frozen=True)
class Figures:
    recall_at_1: float
    recall_at_3: float
    precision: float
    listed: int
    false_by_kind: dict[str, int]


def evaluate(dataset: Dataset, policy: DuplicatePolicy) -> Figures:
    positives = dataset.positives
    found_first = found_top3 = listed = right = 0
    false_by_kind: dict[str, int] = {}
    for query in dataset.queries:
        scoped = [c for c in dataset.pool if in_scope(dataset, query.probe, c)]
        ranked = [m.candidate.id for m in rank(query.probe, scoped, policy, query.at)]
        listed += len(ranked)
        right += ranked.count(query.parent_id) if query.parent_id else 0
        for wrong in (i for i in ranked if i != query.parent_id):
            kind = dataset.negatives.get(wrong, "pool")
            false_by_kind[kind] = false_by_kind.get(kind, 0) + 1
        if query.parent_id is not None:
            found_first += query.parent_id in ranked[:1]
            found_top3 += query.parent_id in ranked[:3]
    n = len(positives)
    return Figures(found_first / n, found_top3 / n, right / listed, listed, false_by_kind)


def test_the_labelled_set_is_what_it_says(dataset: Dataset) -> None:
    by_id = {r.id: r for r in dataset.pool}
    positives = dataset.positives
    assert len(positives) >= 200
    assert len(dataset.queries) - len(positives) >= 200
    assert len(dataset.negatives) >= 4 * 200
    assert len(dataset.pool) - len(dataset.negatives) > 4000  # the sample's own rows
    for i, query in enumerate(positives):
        parent = by_id[query.parent_id or ""]
        assert parent.location.lat is not None and parent.location.long is not None
        moved = haversine_m(
            query.probe.lat, query.probe.long, parent.location.lat, parent.location.long
        )
        assert moved <= 60.001
        assert timedelta(days=1) <= query.at - parent.requested_at <= timedelta(days=10)
        assert query.probe.service_code == parent.service_code
        assert query.probe.description != parent.description
        for kind, metres, days in [
            ("far", (400, 900), (1, 20)),
            ("stale", (0, 20), (31, 120)),
            ("next-block", (110, 150), (15, 29)),
            ("other-group", (0, 20), (0.5, 20)),
        ]:
            negative = by_id[f"N{i:03d}-{kind}"]
            lat, long = negative.location.lat, negative.location.long
            assert lat is not None and long is not None
            distance = haversine_m(parent.location.lat, parent.location.long, lat, long)
            assert metres[0] - 0.001 <= distance <= metres[1] + 0.001
            age = (query.at - negative.requested_at) / timedelta(days=1)
            assert days[0] <= age <= days[1]
            same_group = (
                dataset.groups[negative.service_code] == dataset.groups[parent.service_code]
            )
            assert same_group is (kind != "other-group")


def test_rewordings_share_few_words(dataset: Dataset) -> None:
    """The re-reports are not copies: most share under half of the parent's words."""
    by_id = {r.id: r for r in dataset.pool}
    shared = [
        len(words(q.probe.description) & words(by_id[q.parent_id or ""].description))
        / len(words(q.probe.description) | words(by_id[q.parent_id or ""].description))
        for q in dataset.positives
    ]
    assert sorted(shared)[len(shared) // 2] < 0.5


def test_recall_at_3_and_precision_at_the_default_threshold(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = evaluate(dataset, POLICY)
    unthresholded = evaluate(dataset, DuplicatePolicy(threshold=0))
    with capsys.disabled():
        print(
            f"\nduplicates on {len(dataset.positives)} re-reports, "
            f"{len(dataset.queries) - len(dataset.positives)} new problems, "
            f"{len(dataset.negatives)} hard negatives, pool {len(dataset.pool)}: "
            f"recall@1 {figures.recall_at_1:.3f}, recall@3 {figures.recall_at_3:.3f}, "
            f"precision {figures.precision:.3f} ({figures.listed} listed; wrong by kind "
            f"{dict(sorted(figures.false_by_kind.items()))}); without a threshold: recall@3 "
            f"{unthresholded.recall_at_3:.3f}, precision {unthresholded.precision:.3f}"
        )
    assert figures.recall_at_3 >= 0.9
    assert figures.precision >= 0.8


# --- end to end, through the API -------------------------------------------------------------


def required_attributes(service_code: str) -> dict[str, Any]:
    services = json.loads(CATALOG.read_text(encoding="utf-8"))["services"]
    service = next(s for s in services if s["code"] == service_code)
    values: dict[str, Any] = {}
    for attribute in (a for a in service["attributes"] if a.get("required")):
        keys = [v["key"] for v in attribute["values"]]
        values[attribute["code"]] = {
            "singlevaluelist": keys[:1] and keys[0],
            "multivaluelist": keys[:1],
            "number": 1,
            "datetime": "2026-01-05T09:00:00",
        }.get(attribute["datatype"], "see description")
    return values


async def submit(client: httpx.AsyncClient, headers: dict[str, str], r: ServiceRequest) -> Any:
    body = {
        "service_code": r.service_code,
        "description": r.description,
        "location": {"lat": r.location.lat, "long": r.location.long},
        "attributes": required_attributes(r.service_code),
    }
    answer = await client.post("/api/v1/requests", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_a_handful_of_pairs_end_to_end(
    dataset: Dataset, client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """Parent, then a request of another group at the same place, then the re-report: the
    answer to the re-report lists its parent first and leaves the other group out."""
    by_id = {r.id: r for r in dataset.pool}
    for i, query in enumerate(dataset.positives[:5]):
        parent = await submit(client, agent, by_id[query.parent_id or ""])
        other = await submit(client, agent, by_id[f"N{i:03d}-other-group"])
        probe = ServiceRequest(
            id="probe",
            service_code=query.probe.service_code,
            department_code="",
            sla=by_id[query.parent_id or ""].sla,
            requested_at=query.at,
            description=query.probe.description,
            location=Location(query.probe.lat, query.probe.long),
        )
        answer = await submit(client, agent, probe)
        listed = [d["request"]["id"] for d in answer["possible_duplicates"]]
        assert listed[0] == parent["id"]
        assert other["id"] not in listed
        first = answer["possible_duplicates"][0]
        assert first["distance_m"] == pytest.approx(
            haversine_m(
                query.probe.lat,
                query.probe.long,
                parent["location"]["lat"],
                parent["location"]["long"],
            ),
            abs=0.05,
        )
        assert math.isfinite(first["score"]) and POLICY.threshold <= first["score"] <= 1
