"""Chart series: buckets in the city's zone across daylight-saving time, groupings, CSV."""

import csv
import io

import httpx

CONTACTS = "/api/v1/metrics/contacts"
REQUESTS = "/api/v1/metrics/requests"
# America/New_York falls back on 2026-11-01 at 02:00 EDT: that day lasts 25 hours.
AROUND_FALL_BACK = {"from": "2026-10-31T00:00:00-04:00", "to": "2026-11-03T00:00:00-05:00"}


async def contact_at(
    client: httpx.AsyncClient, who: dict[str, str], started_at: str, **more: object
) -> dict[str, object]:
    body = {"channel": "phone", "type": "information", "started_at": started_at, **more}
    answer = await client.post("/api/v1/cases", json=body, headers=who)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def test_a_day_series_has_a_25_hour_day_on_the_fall_back(
    client: httpx.AsyncClient, agent: dict[str, str], supervisor: dict[str, str]
) -> None:
    await contact_at(client, agent, "2026-11-01T00:30:00-04:00")
    await contact_at(client, agent, "2026-11-01T23:30:00-05:00")  # hour 25 of the day
    await contact_at(client, agent, "2026-11-02T00:30:00-05:00", channel="web")

    answer = await client.get(
        CONTACTS, params={**AROUND_FALL_BACK, "interval": "day"}, headers=supervisor
    )

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["buckets"] == [
        "2026-10-31T00:00:00-04:00",
        "2026-11-01T00:00:00-04:00",
        "2026-11-02T00:00:00-05:00",
    ]
    assert body["series"] == [{"key": "all", "label": "All", "values": [0, 2, 1]}]
    assert body["measure"] == "count" and body["interval"] == "day"


async def test_an_hour_series_counts_the_repeated_hour_twice(
    client: httpx.AsyncClient, agent: dict[str, str], supervisor: dict[str, str]
) -> None:
    await contact_at(client, agent, "2026-11-01T01:30:00-04:00")
    await contact_at(client, agent, "2026-11-01T01:30:00-05:00")
    window = {"from": "2026-11-01T00:00:00-04:00", "to": "2026-11-02T00:00:00-05:00"}

    body = (
        await client.get(CONTACTS, params={**window, "interval": "hour"}, headers=supervisor)
    ).json()

    assert len(body["buckets"]) == 25
    assert body["buckets"][1:3] == ["2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00"]
    assert body["series"][0]["values"][:4] == [0, 1, 1, 0]


async def test_grouped_by_channel_and_tag_with_fcr(
    client: httpx.AsyncClient, agent: dict[str, str], supervisor: dict[str, str]
) -> None:
    at = "2026-11-10T10:00:00-05:00"
    both = ["covid-19", "vaccine"]
    await contact_at(client, agent, at, tags=both, resolved_on_first_contact=True)
    await contact_at(client, agent, at, tags=["covid-19"], resolved_on_first_contact=False)
    await contact_at(client, agent, at, channel="walk_in")
    window = {"from": "2026-11-10", "to": "2026-11-11", "interval": "total"}

    by_channel = await client.get(
        CONTACTS, params={**window, "group_by": "channel"}, headers=supervisor
    )
    by_tag = await client.get(CONTACTS, params={**window, "group_by": "tag"}, headers=supervisor)
    fcr = await client.get(
        CONTACTS, params={**window, "group_by": "tag", "measure": "fcr_rate"}, headers=supervisor
    )

    assert by_channel.json()["buckets"] == ["2026-11-10T00:00:00-05:00"]
    assert [(s["key"], s["label"], s["values"]) for s in by_channel.json()["series"]] == [
        ("phone", "Phone", [2]),
        ("walk_in", "Walk-in", [1]),
    ]
    assert [(s["key"], s["values"]) for s in by_tag.json()["series"]] == [
        ("covid-19", [2]),
        ("vaccine", [1]),
    ]
    assert [(s["key"], s["values"]) for s in fcr.json()["series"]] == [
        ("covid-19", [0.5]),
        ("vaccine", [1.0]),
    ]


async def test_the_same_series_as_csv(
    client: httpx.AsyncClient, agent: dict[str, str], supervisor: dict[str, str]
) -> None:
    await contact_at(client, agent, "2026-11-01T00:30:00-04:00", tags=["=cmd()"])
    params = {**AROUND_FALL_BACK, "interval": "day", "group_by": "tag"}
    as_json = (await client.get(CONTACTS, params=params, headers=supervisor)).json()

    answer = await client.get(CONTACTS, params=params, headers={**supervisor, "Accept": "text/csv"})

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["bucket", "key", "label", "value"]
    assert rows[1:] == [
        ["2026-10-31T00:00:00-04:00", "'=cmd()", "'=cmd()", "0"],
        ["2026-11-01T00:00:00-04:00", "'=cmd()", "'=cmd()", "1"],
        ["2026-11-02T00:00:00-05:00", "'=cmd()", "'=cmd()", "0"],
    ]
    assert as_json["series"][0]["values"] == [0, 1, 0]
    again = await client.get(CONTACTS, params={**params, "format": "csv"}, headers=supervisor)
    assert again.text == answer.text


async def test_bad_groupings_and_measures_are_422_but_403_comes_first(
    client: httpx.AsyncClient, supervisor: dict[str, str], agent: dict[str, str]
) -> None:
    for bad in (
        {"group_by": "colour"},
        {"measure": "opened"},
        {"interval": "fortnight"},
        {"interval": "hour", "from": "2020-01-01Z", "to": "2026-01-01Z"},
    ):
        answer = await client.get(CONTACTS, params=bad, headers=supervisor)
        assert answer.status_code == 422, (bad, answer.text)
        assert (await client.get(CONTACTS, params=bad, headers=agent)).status_code == 403
    requests = await client.get(REQUESTS, params={"group_by": "tag"}, headers=supervisor)
    assert requests.status_code == 422
