"""Bots and floods are refused, in the visitor's language, next to the field, writing nothing."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from api.settings import Settings
from domain.guards.proof import solves
from tests.api.public.conftest import SUBMIT, new_key, opened, report_body, send_report, written
from tests.problems import problem


def field_error(body: dict[str, Any], field: str) -> dict[str, Any]:
    (error,) = [e for e in body["errors"] if e["field"] == field]
    return error


async def refused(
    client: httpx.AsyncClient, engine: AsyncEngine, body: dict[str, Any], status: int = 422
) -> dict[str, Any]:
    """Sends the body; asserts the problem and that no row was written. The problem."""
    before = await written(engine)
    answer = await send_report(client, body)
    found = problem(answer, status)
    assert await written(engine) == before
    return found


async def test_a_report_without_the_proof_is_refused_in_spanish_next_to_the_field(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    body = await report_body(client, language="es")
    del body["proof"]

    found = await refused(client, engine, body)

    error = field_error(found, "proof")
    assert error["code"] == "proof_missing"
    assert "robot" in error["message"] and "Vuelva a cargar" in error["message"]
    assert found["detail"] == error["message"]


async def test_a_wrong_nonce_is_refused(client: httpx.AsyncClient, engine: AsyncEngine) -> None:
    body = await report_body(client)
    body["proof"]["nonce"] = str(int(body["proof"]["nonce"]) + 1)
    # One nonce in 256 solves the cheap test challenge too: find one that does not.
    while solves(body["proof"]["token"], body["proof"]["nonce"], 8):
        body["proof"]["nonce"] = str(int(body["proof"]["nonce"]) + 1)

    found = await refused(client, engine, body)

    assert field_error(found, "proof")["code"] == "proof_wrong"
    assert "automatic check failed" in found["detail"]


async def test_an_altered_token_is_refused(client: httpx.AsyncClient, engine: AsyncEngine) -> None:
    body = await report_body(client)
    token = body["proof"]["token"]
    # A harder challenge made easy: the difficulty is signed into the token.
    body["proof"]["token"] = "0" + token[token.index("-") :]

    found = await refused(client, engine, body)

    assert field_error(found, "proof")["code"] == "proof_invalid"


async def test_a_used_challenge_is_refused_the_second_time(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    first = await report_body(client)
    assert (await send_report(client, first)).status_code == 201
    again = await report_body(client, proof=first["proof"], description="Another one")

    found = await refused(client, engine, again)

    assert field_error(found, "proof")["code"] == "proof_reused"


async def test_a_filled_honeypot_is_refused(client: httpx.AsyncClient, engine: AsyncEngine) -> None:
    body = await report_body(client, website="http://cheap-pills.example")

    found = await refused(client, engine, body)

    assert field_error(found, "website")["code"] == "honeypot"


@pytest.mark.parametrize("seconds_ago", [0, -3600])
async def test_a_form_sent_too_fast_or_from_the_future_is_refused(
    client: httpx.AsyncClient, engine: AsyncEngine, seconds_ago: float
) -> None:
    body = await report_body(client, language="es")
    body["started_at"] = opened(seconds_ago)  # after the proof: solving it takes time

    found = await refused(client, engine, body)

    error = field_error(found, "started_at")
    assert error["code"] == ("too_fast" if seconds_ago >= 0 else "started_at_invalid")
    assert error["message"].startswith(("El formulario", "La hora"))


async def test_a_spent_challenge_is_not_burnt_by_a_refusal_before_it(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    """The cheap checks run first: a refused form leaves its challenge good for the retry."""
    body = await report_body(client)
    body["started_at"] = opened(0)  # after the proof: solving it takes time
    assert (await send_report(client, body)).status_code == 422

    retry = {**body, "started_at": opened(60)}
    assert (await send_report(client, retry)).status_code == 201


async def test_without_consent_the_report_is_refused(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    found = await refused(client, engine, await report_body(client, consent=False))

    assert field_error(found, "consent")["code"] == "consent_required"


async def test_anonymous_reports_are_refused_where_the_service_needs_a_contact(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    body = await report_body(
        client,
        service_code="sw-dirty-alley",
        attributes={},
        contact=None,
        language="es",
    )

    found = await refused(client, engine, body)

    error = field_error(found, "contact")
    assert error["code"] == "contact_required"
    assert "datos de contacto" in error["message"]


async def test_the_pothole_may_be_reported_without_any_contact(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    before = await written(engine)

    answer = await send_report(client, await report_body(client, contact=None))

    assert answer.status_code == 201, answer.text
    after = await written(engine)
    assert after["service_requests"] == before["service_requests"] + 1
    assert after["residents"] == before["residents"]  # nobody to remember


async def test_the_eleventh_report_in_an_hour_from_one_address_gets_429_with_retry_after(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    for sent in range(1, 11):
        allowed = await send_report(client, await report_body(client))
        assert allowed.status_code == 201
        assert allowed.headers["RateLimit-Policy"] == '"report";q=10;w=3600'
        assert allowed.headers["RateLimit"].startswith(f'"report";r={10 - sent};t=')
    before = await written(engine)

    answer = await send_report(client, await report_body(client), {"Accept-Language": "es"})

    found = problem(answer, 429)
    assert 0 < int(answer.headers["Retry-After"]) <= 3600
    assert answer.headers["RateLimit"] == f'"report";r=0;t={answer.headers["Retry-After"]}'
    assert "demasiados reportes" in found["detail"]
    assert await written(engine) == before


async def test_x_forwarded_for_from_an_untrusted_peer_does_not_reset_the_quota(
    client: httpx.AsyncClient,
) -> None:
    for hop in range(10):
        forwarded = {"X-Forwarded-For": f"203.0.113.{hop}"}
        answer = await send_report(client, await report_body(client), forwarded)
        assert answer.status_code == 201, answer.text

    answer = await send_report(
        client, await report_body(client), {"X-Forwarded-For": "198.51.100.7"}
    )

    assert answer.status_code == 429


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("lat", 91, "out_of_range"),
        ("lon", "east", "not_a_number"),
        ("description", "x" * 4001, "too_long"),
        ("service_code", "s" * 65, "too_long"),
        ("started_at", "yesterday", "not_a_date"),
        ("surprise", "field", "unknown_field"),
    ],
)
async def test_bad_values_are_refused_next_to_their_field(
    client: httpx.AsyncClient, engine: AsyncEngine, field: str, value: object, code: str
) -> None:
    body = await report_body(client, **{field: value}, language="es")

    found = await refused(client, engine, body)

    error = field_error(found, field)
    assert error["code"] == code
    assert found["detail"] == "Algunos campos necesitan su atención."


async def test_an_unknown_service_is_refused_next_to_the_service(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    body = await report_body(client, service_code="'; DROP TABLE service_requests; --")

    found = await refused(client, engine, body)

    assert field_error(found, "service_code")["code"] == "unknown_service"


async def test_injection_strings_are_kept_as_text_and_never_run(
    client: httpx.AsyncClient, engine: AsyncEngine, agent: dict[str, str]
) -> None:
    evil = "<script>alert(1)</script> ' OR 1=1; -- {{7*7}} ${jndi:ldap://x}"
    body = await report_body(client, description=evil, address=evil)

    answer = await send_report(client, body)

    assert answer.status_code == 201, answer.text
    staff_view = await client.get(f"/api/v1/requests/{answer.json()['number']}", headers=agent)
    assert staff_view.json()["description"] == evil


async def test_malformed_json_is_a_translated_400_and_writes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    before = await written(engine)

    answer = await client.post(
        SUBMIT,
        content=b'{"service_code": "trm-pothole-repair",',
        headers={**new_key(), "Content-Type": "application/json", "Accept-Language": "es"},
    )

    found = problem(answer, 400)
    assert found["detail"].startswith("No se pudo leer el formulario")
    assert await written(engine) == before


async def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_quota(
    client: httpx.AsyncClient, public_container: Container, public_settings: Settings
) -> None:
    """The test client's peer is 127.0.0.1: trusted, it forwards; a spoofed left-most entry
    is ignored (the right-most untrusted hop is the client)."""
    public_container.settings = public_settings.model_copy(
        update={"trusted_proxies": "127.0.0.0/8, 10.0.0.0/8"}
    )
    for hop in range(10):
        spoofed = {"X-Forwarded-For": f"198.51.100.{hop}, 203.0.113.5, 10.1.1.1"}
        answer = await send_report(client, await report_body(client), spoofed)
        assert answer.status_code == 201, answer.text

    same = await send_report(client, await report_body(client), {"X-Forwarded-For": "203.0.113.5"})
    other = await send_report(client, await report_body(client), {"X-Forwarded-For": "203.0.113.6"})

    assert same.status_code == 429
    assert other.status_code == 201, other.text


async def test_an_admin_allows_anonymous_reports_of_a_service(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    body = await report_body(client, service_code="sw-dirty-alley", attributes={}, contact=None)
    assert (await send_report(client, body)).status_code == 422

    changed = await client.patch(
        "/api/v1/services/sw-dirty-alley", json={"anonymous_allowed": True}, headers=admin
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["anonymous_allowed"] is True

    retry = await report_body(client, service_code="sw-dirty-alley", attributes={}, contact=None)
    assert (await send_report(client, retry)).status_code == 201


async def test_a_key_reused_for_another_form_is_refused_in_spanish(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    key = new_key()
    first = await client.post(SUBMIT, json=await report_body(client), headers=key)
    assert first.status_code == 201, first.text
    before = await written(engine)

    other = await report_body(client, description="Something else", language="es")
    answer = await client.post(SUBMIT, json=other, headers={**key, "Accept-Language": "es"})

    found = problem(answer, 422)
    assert field_error(found, "Idempotency-Key")["code"] == "idempotency_key"
    assert found["detail"].startswith("No se pudo enviar el formulario")
    assert await written(engine) == before


async def test_a_latitude_without_longitude_is_refused_on_the_missing_one(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    found = await refused(client, engine, await report_body(client, lon=None))

    assert field_error(found, "lon")["code"] == "point_incomplete"


async def test_text_the_database_cannot_keep_is_refused_and_nothing_is_half_written(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    body = await report_body(client, description="pothole\x00here", language="es")

    found = await refused(client, engine, body)

    assert found["detail"] == "Este valor no es válido."


async def test_a_body_over_a_mebibyte_is_a_translated_413(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    before = await written(engine)
    huge = await report_body(client, description="x" * (2 * 1024 * 1024))

    answer = await send_report(client, huge, {"Accept-Language": "es"})

    assert problem(answer, 413)["detail"].startswith("El formulario es demasiado largo")
    assert answer.headers["Content-Language"] == "es"
    assert await written(engine) == before
