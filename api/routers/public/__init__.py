"""The residents' portal reads (/api/v1/public): no sign-in, never any personal data, in the
visitor's language (`lang` or Accept-Language). Not rate limited: the portal's own pages need
them on every visit."""

from fastapi import APIRouter

from api.routers.public import answers, catalog, places, requests

router = APIRouter()
for module in (answers, catalog, requests, places):
    router.include_router(module.router)
