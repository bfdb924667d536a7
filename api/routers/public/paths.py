"""What the portal's read routers share."""

from datetime import date
from typing import Annotated

from fastapi import Query

from api.bootstrap import Container

PREFIX = "/api/v1/public"
SEARCH_LIMIT = 10
MAX_QUERY = 200

SearchWords = Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="What you need")]


def today(container: Container) -> date:
    return container.clock.now().astimezone(container.settings.zone).date()
