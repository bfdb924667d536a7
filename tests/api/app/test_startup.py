"""Production refuses unsafe configuration; `python -m api` says why and exits."""

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from api.settings import DEFAULT_SECRET, Environment, Settings

STRONG = "x" * 40


def test_development_starts_with_defaults() -> None:
    assert Settings(env=Environment.DEVELOPMENT).refusals() == []


def test_production_refuses_the_default_secret() -> None:
    reasons = Settings(env=Environment.PRODUCTION, secret_key=DEFAULT_SECRET).refusals()
    assert any("FRONTDOOR_SECRET_KEY is the default" in r for r in reasons)


def test_production_refuses_a_short_secret() -> None:
    reasons = Settings(env=Environment.PRODUCTION, secret_key="short").refusals()
    assert reasons == ["FRONTDOOR_SECRET_KEY must be at least 32 characters"]


def test_production_refuses_demo_data_unless_asked() -> None:
    settings = Settings(env=Environment.PRODUCTION, secret_key=STRONG, demo_data=True)
    assert len(settings.refusals()) == 1
    assert "demo data" in settings.refusals()[0]
    allowed = Settings(
        env=Environment.PRODUCTION,
        secret_key=STRONG,
        demo_data=True,
        allow_demo_in_production=True,
    )
    assert allowed.refusals() == []


def test_production_defaults_to_no_demo_data() -> None:
    settings = Settings(env=Environment.PRODUCTION, secret_key=STRONG)
    assert settings.load_demo_data is False
    assert settings.refusals() == []


def test_explicit_override_allows_the_default_secret() -> None:
    settings = Settings(
        env=Environment.PRODUCTION, secret_key=DEFAULT_SECRET, allow_default_secret=True
    )
    assert settings.refusals() == []


def test_start_script_exits_before_touching_any_database() -> None:
    env = {
        **os.environ,
        "FRONTDOOR_ENV": "production",
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
    }
    env.pop("FRONTDOOR_SECRET_KEY", None)
    done = subprocess.run(
        [sys.executable, "-m", "api"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "refusing to start" in done.stdout
    assert "FRONTDOOR_SECRET_KEY" in done.stdout


def test_production_refuses_a_short_token_key() -> None:
    settings = Settings(
        env=Environment.PRODUCTION, secret_key=STRONG, jwt_keys=f"new:short,old:{STRONG}"
    )
    assert settings.refusals() == ["FRONTDOOR_JWT_KEYS: key new must be at least 32 characters"]


def test_production_refuses_the_default_secret_as_a_token_key() -> None:
    settings = Settings(
        env=Environment.PRODUCTION, secret_key=STRONG, jwt_keys=f"k:{DEFAULT_SECRET}"
    )
    assert settings.refusals() == [
        "FRONTDOOR_JWT_KEYS holds the default secret; set a key of your own"
    ]


def test_production_refuses_a_key_set_not_fetched_over_https() -> None:
    settings = Settings(
        env=Environment.PRODUCTION,
        secret_key=STRONG,
        oidc_issuer="https://sso.example",
        oidc_jwks_url="http://sso.example/jwks",
        oidc_audience="frontdoor",
    )
    assert settings.refusals() == ["FRONTDOOR_OIDC_JWKS_URL must be an https:// URL"]


def test_the_secret_key_is_the_default_token_key() -> None:
    assert Settings(secret_key=STRONG).jwt_signing_keys == (("default", STRONG),)
    keys = Settings(secret_key=STRONG, jwt_keys=" b:bbb , a:aaa ").jwt_signing_keys
    assert keys == (("b", "bbb"), ("a", "aaa"))


@pytest.mark.parametrize(
    "settings",
    [
        {"jwt_keys": "no-colon"},
        {"jwt_keys": "a:1,a:2"},
        {"jwt_keys": ":secret"},
        {"oidc_issuer": "https://sso.example"},  # without its key set and audience
        {"oidc_group_roles": "g:overlord"},
        {
            "oidc_issuer": "frontdoor",  # our own issuer
            "oidc_jwks_url": "https://sso.example/jwks",
            "oidc_audience": "frontdoor",
        },
    ],
)
def test_malformed_identity_settings_are_refused(settings: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Settings(**settings)  # type: ignore[arg-type]
