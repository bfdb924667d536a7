import pytest

from domain.idempotency.model import MalformedKey, fingerprint, is_kept, parse_key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ('"8e03978e-40d5-43e8-bc93-6894a57f9324"', "8e03978e-40d5-43e8-bc93-6894a57f9324"),
        ("plain-token", "plain-token"),
        ('"with space"', "with space"),
        ('"quote \\" and backslash \\\\"', 'quote " and backslash \\'),
        ('"' + "k" * 255 + '"', "k" * 255),
    ],
)
def test_keys_are_structured_strings_or_bare_tokens(raw: str, key: str) -> None:
    assert parse_key(raw) == key


@pytest.mark.parametrize(
    "raw", ["", '""', '"open', 'mid"quote"', '"a"b"', "a b", "tab\there", "k" * 256, "é"]
)
def test_malformed_keys_are_refused(raw: str) -> None:
    with pytest.raises(MalformedKey):
        parse_key(raw)


def test_the_fingerprint_covers_method_target_and_body() -> None:
    base = fingerprint("POST", "/api/v1/requests", "", b"{}")
    assert base == fingerprint("post", "/api/v1/requests", "", b"{}")
    assert base != fingerprint("POST", "/api/v1/requests", "x=1", b"{}")
    assert base != fingerprint("POST", "/api/v1/request", "s", b"{}")
    assert base != fingerprint("POST", "/api/v1/requests", "", b"{ }")


def test_server_errors_and_transient_refusals_are_not_kept() -> None:
    assert [s for s in (200, 201, 400, 403, 404, 409, 422) if is_kept(s)] == [
        200,
        201,
        400,
        403,
        404,
        409,
        422,
    ]
    assert not any(is_kept(s) for s in (401, 429, 500, 502, 503))
