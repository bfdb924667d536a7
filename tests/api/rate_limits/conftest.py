"""The app with limits and a clock of the test's own (the `serve` fixture of the auth tests)."""

from tests.api.auth.conftest import serve

__all__ = ["serve"]
