"""Production refuses unsafe configuration; `python -m api` says why and exits."""

import os
import subprocess
import sys

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
