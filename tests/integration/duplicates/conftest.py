"""The API fixtures, for the end-to-end check of the labelled pairs."""

from tests.api.conftest import (  # noqa: F401 - fixtures, found by name
    agent,
    app,
    client,
    container,
    database_state,
    login,
    settings,
    token_cache,
)
