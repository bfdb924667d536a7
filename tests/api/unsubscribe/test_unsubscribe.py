"""POST /api/v1/notifications/unsubscribe: public, signed tokens, RFC 8058 one-click too."""

from datetime import datetime

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.settings import Settings
from domain.notifications.opt_out import OptOutTokens
from tests.problems import problem

URL = "/api/v1/notifications/unsubscribe"
ONE_CLICK = {"List-Unsubscribe": "One-Click"}  # httpx sends it form-encoded
ROSA = "rosa@example.net"


def token_for(settings: Settings, address: str) -> str:
    return OptOutTokens(settings.secret_key).issue(address)


async def opted_out(engine: AsyncEngine) -> list[tuple[str, datetime, str]]:
    async with engine.connect() as db:
        rows = await db.execute(
            text("SELECT address, opted_out_at, source FROM email_opt_outs ORDER BY address")
        )
        return [(r.address, r.opted_out_at, r.source) for r in rows]


async def test_the_token_of_an_email_link_opts_its_address_out_without_signing_in(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    answer = await client.post(URL, json={"token": token_for(settings, " Rosa@Example.net")})
    assert answer.status_code == 204, answer.text
    assert answer.content == b""
    ((address, at, source),) = await opted_out(seeded)
    assert (address, source) == (ROSA, "link")
    assert at.tzinfo is not None


async def test_a_mail_clients_one_click_post_opts_out_and_repeats_change_nothing(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    token = token_for(settings, ROSA)
    first = await client.post(URL, params={"token": token}, data=ONE_CLICK)
    assert first.status_code == 204, first.text
    assert first.request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    before = await opted_out(seeded)
    assert [(a, s) for a, _, s in before] == [(ROSA, "one-click")]

    again = await client.post(URL, params={"token": token}, data=ONE_CLICK)
    by_page = await client.post(URL, json={"token": token})
    assert (again.status_code, by_page.status_code) == (204, 204)
    assert await opted_out(seeded) == before  # the first opt-out's time and source are kept


async def test_a_multipart_one_click_post_works_too(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    token = token_for(settings, ROSA)
    answer = await client.post(
        URL, params={"token": token}, files={"List-Unsubscribe": (None, "One-Click")}
    )
    assert answer.status_code == 204, answer.text
    assert [a for a, _, _ in await opted_out(seeded)] == [ROSA]


async def test_every_valid_token_gets_the_same_answer_whoever_the_address_is(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    known = await client.post(URL, json={"token": token_for(settings, "agent@example.org")})
    unknown = await client.post(URL, json={"token": token_for(settings, "nobody@nowhere.test")})
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)
    assert known.status_code == 204
    assert {k: v for k, v in known.headers.items() if k not in ("x-request-id", "date")} == {
        k: v for k, v in unknown.headers.items() if k not in ("x-request-id", "date")
    }


async def test_a_tampered_or_foreign_token_is_a_problem_and_writes_nothing(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    token = token_for(settings, ROSA)
    address, _, mac = token.partition(".")
    lupe = token_for(settings, "lupe@example.net").partition(".")[0]
    foreign = OptOutTokens("some-other-deployment-secret-0123456789").issue(ROSA)
    for bad in (f"{lupe}.{mac}", f"{address}.{mac[:-3]}AAA", foreign, "not-a-token", address):
        by_page = await client.post(URL, json={"token": bad})
        problem(by_page, 422)
        assert by_page.json()["errors"] == [
            {"field": "token", "message": "is not a valid unsubscribe link; use the one in email"}
        ]
        assert ROSA not in by_page.text and "lupe" not in by_page.text
        one_click = await client.post(URL, params={"token": bad}, data=ONE_CLICK)
        problem(one_click, 422)
    assert await opted_out(seeded) == []


async def test_malformed_bodies_and_missing_tokens_are_problems(
    client: httpx.AsyncClient, seeded: AsyncEngine
) -> None:
    json_type = {"Content-Type": "application/json"}
    problem(await client.post(URL, content=b'{"token": ', headers=json_type), 400)
    problem(await client.post(URL, content=b"", headers=json_type), 400)
    for body in ({}, {"token": 7}, {"token": ""}, {"token": "a.b", "email": ROSA}, ["a.b"]):
        problem(await client.post(URL, json=body), 422)
    problem(await client.post(URL, json={"token": "x" * 5000}), 422)
    problem(await client.post(URL, data=ONE_CLICK), 422)  # one-click without ?token=
    problem(await client.post(URL, params={"token": ""}, data=ONE_CLICK), 422)
    missing = await client.post(URL)
    problem(missing, 422)
    assert missing.json()["errors"][0]["field"] == "token"
    assert await opted_out(seeded) == []


async def test_a_get_only_leads_to_the_page_that_asks_first(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    """Mail scanners follow links: opening the List-Unsubscribe URL must not opt anyone out."""
    token = token_for(settings, ROSA)
    answer = await client.get(URL, params={"token": token})
    assert answer.status_code == 303
    assert answer.headers["Location"] == f"http://127.0.0.1:8000/unsubscribe?token={token}"
    odd = await client.get(URL, params={"token": "a&b=c"})
    assert odd.headers["Location"] == "http://127.0.0.1:8000/unsubscribe?token=a%26b%3Dc"
    assert await opted_out(seeded) == []


async def test_an_idempotency_key_replays_the_answer(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    headers = {"Idempotency-Key": "5f0c52b4-5a43-4d8e-9b0e-1f3b7a4b2c11"}
    token = token_for(settings, ROSA)
    first = await client.post(URL, params={"token": token}, data=ONE_CLICK, headers=headers)
    second = await client.post(URL, params={"token": token}, data=ONE_CLICK, headers=headers)
    assert (first.status_code, second.status_code) == (204, 204)
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert [a for a, _, _ in await opted_out(seeded)] == [ROSA]


async def test_a_client_sending_refused_tokens_is_held_off_but_valid_ones_never_count(
    client: httpx.AsyncClient, settings: Settings, seeded: AsyncEngine
) -> None:
    # A mail provider POSTs many residents' one-click opt-outs from a few addresses.
    for n in range(35):
        token = token_for(settings, f"resident{n}@example.net")
        answer = await client.post(URL, params={"token": token}, data=ONE_CLICK)
        assert answer.status_code == 204, answer.text
    assert len(await opted_out(seeded)) == 35

    for _ in range(29):
        assert (await client.post(URL, json={"token": "guess.guess"})).status_code == 422
    broken = await client.post(URL, content=b"{", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400  # a malformed body counts as refused too
    limited = await client.post(URL, json={"token": token_for(settings, ROSA)})
    problem(limited, 429)
    assert int(limited.headers["Retry-After"]) > 0
    assert ROSA not in [a for a, _, _ in await opted_out(seeded)]
