from uuid import UUID

from fastapi import APIRouter, status

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.directory import UserCreate, UserList, UserOut, UserPatch
from domain.directory.use_cases import CreateUser, UpdateUser, create_user, update_user

router = APIRouter(prefix="/api/v1", tags=["users"])


@router.get("/users", response_model=UserList, responses=problem_responses(401, 403))
async def list_users(container: ContainerDep, principal: PrincipalDep) -> UserList:
    """Every staff role may read the directory (to assign and to transfer)."""
    principal.require_person()
    return UserList(items=[UserOut.of(u) for u in await container.catalog.users()])


@router.post(
    "/users",
    response_model=UserOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def add_user(body: UserCreate, container: ContainerDep, principal: PrincipalDep) -> UserOut:
    command = CreateUser(
        email=body.email,
        display_name=body.display_name,
        password=body.password,
        role=body.role,
        department_code=body.department,
        tier=body.tier,
    )
    return UserOut.of(
        await create_user(container.context, command, principal, hasher=container.hasher)
    )


@router.patch(
    "/users/{user_id}",
    response_model=UserOut,
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def change_user(
    user_id: UUID, body: UserPatch, container: ContainerDep, principal: PrincipalDep
) -> UserOut:
    """Admins change a role or department, deactivate, or reset a password."""
    given = body.model_fields_set
    command = UpdateUser(
        user_id=user_id,
        display_name=body.display_name,
        role=body.role,
        department_code=body.department,
        tier=body.tier,
        active=body.active,
        password=body.password,
        placement_given=bool(given & {"role", "department", "tier"}),
    )
    return UserOut.of(
        await update_user(container.context, command, principal, hasher=container.hasher)
    )
