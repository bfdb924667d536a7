"""What every screen needs to know about this installation, asked before anyone signs in."""

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from api.deps import ContainerDep

router = APIRouter(prefix="/api/v1/site", tags=["site"])


class SiteOut(BaseModel):
    time_zone: str = Field(
        examples=["America/New_York"],
        description="The city's IANA time zone (FRONTDOOR_TIMEZONE): screens show times in it",
    )


@router.get("", response_model=SiteOut)
async def get_site(container: ContainerDep, response: Response) -> SiteOut:
    """The city's settings that screens use, public ones only; no token needed."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return SiteOut(time_zone=container.settings.timezone)
