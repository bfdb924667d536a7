"""POST /api/v1/call-records: the phone system's calls, as CSV."""

import io

from fastapi import APIRouter, Request
from starlette.exceptions import HTTPException

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.metrics import CallImportOut
from domain.metrics.access import require_call_import
from domain.metrics.calls import COLUMNS
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/v1/call-records", tags=["metrics"])

PATH = "/api/v1/call-records"
MAX_BYTES = 20 * 1024 * 1024
CSV_TYPES = ("text/csv", "text/plain")
CSV_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": f"A header line `{','.join(COLUMNS)}`, then one call a line; times in "
        "RFC 3339 with an offset; each call has `answered_at` or `abandoned_at`",
    }
}


@router.post(
    "",
    response_model=CallImportOut,
    responses=problem_responses(400, 401, 403, 413, 415, 422),
    openapi_extra=CSV_BODY,
)
async def import_call_records(
    request: Request, container: ContainerDep, principal: PrincipalDep
) -> CallImportOut:
    """Supervisors and admins load call records (up to 20 MiB; larger files with
    `frontdoor import-calls FILE`). Bad rows are reported with their line numbers and the
    others kept; a call id already stored is left as it was, so a re-import adds nothing."""
    require_call_import(principal)
    media_type = request.headers.get("content-type", "text/csv").split(";")[0].strip().lower()
    if media_type not in CSV_TYPES:
        raise HTTPException(415, "send the call records as text/csv")
    try:
        text = (await request.body()).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed.single("body", "is not UTF-8 text") from None
    result = await container.call_records.import_lines(io.StringIO(text, newline=""))
    return CallImportOut.of(result)
