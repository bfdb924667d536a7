from uuid import UUID

from fastapi import APIRouter, Response, status

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.api_keys import ApiKeyCreate, ApiKeyCreated, ApiKeyList, ApiKeyOut
from domain.directory.use_cases import CreateApiKey, create_api_key, revoke_api_key
from domain.shared.errors import NotFound

router = APIRouter(prefix="/api/v1/api-keys", tags=["api-keys"])


@router.post(
    "",
    response_model=ApiKeyCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_key(
    body: ApiKeyCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> ApiKeyCreated:
    """Admins create keys for Open311 clients and departments' partner systems. The secret is
    in this answer only: we keep its hash."""
    command = CreateApiKey(body.name, body.role, body.department_code)
    key, secret = await create_api_key(container.context, command, principal)
    response.headers["Location"] = f"/api/v1/api-keys/{key.id}"
    return ApiKeyCreated(**ApiKeyOut.of(key).model_dump(), secret=secret)


@router.get("", response_model=ApiKeyList, responses=problem_responses(401, 403))
async def list_keys(container: ContainerDep, principal: PrincipalDep) -> ApiKeyList:
    principal.require_admin()
    return ApiKeyList(items=[ApiKeyOut.of(k) for k in await container.api_keys.all()])


@router.get("/{key_id}", response_model=ApiKeyOut, responses=problem_responses(401, 403, 404, 422))
async def get_key(key_id: UUID, container: ContainerDep, principal: PrincipalDep) -> ApiKeyOut:
    principal.require_admin()
    key = await container.api_keys.get(key_id)
    if key is None:
        raise NotFound(f"API key {key_id} was not found")
    return ApiKeyOut.of(key)


@router.delete(
    "/{key_id}", response_model=ApiKeyOut, responses=problem_responses(401, 403, 404, 422)
)
async def revoke_key(key_id: UUID, container: ContainerDep, principal: PrincipalDep) -> ApiKeyOut:
    """Revoke at once. The key stays listed, inactive, for the record."""
    return ApiKeyOut.of(await revoke_api_key(container.context, key_id, principal))
