"""A language's translation of a service, department, layer or referral target.

Admins write (PUT) and remove (DELETE) them; everyone signed in reads them. The catalog's own
language is edited on the item itself, so it has no translation here.
"""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from api.bootstrap import Container
from api.deps import ContainerDep, PrincipalDep
from api.language import LANG_PATTERN
from api.problems import problem_responses
from api.schemas.translations import (
    NameTranslationBody,
    NameTranslationOut,
    ServiceTranslationBody,
    ServiceTranslationOut,
)
from domain.directory.permissions import Principal
from domain.directory.translating import (
    TranslationTarget,
    read_translation,
    remove_translation,
    translate,
)
from domain.directory.translations import NameTranslation, ServiceTranslation, Subject

router = APIRouter(prefix="/api/v1", tags=["translations"])

Language = Annotated[
    str,
    Path(
        max_length=35,
        pattern=LANG_PATTERN,
        description="A language the city translates into (FRONTDOOR_LANGUAGES), e.g. `es`",
    ),
]
Code = Annotated[str, Path(max_length=64)]
AreaId = Annotated[int, Path(ge=1, le=2**63 - 1, description="An area of the referral target")]
SERVICE = "/services/{code}/translations/{language}"
DEPARTMENT = "/departments/{code}/translations/{language}"
LAYER = "/jurisdictions/layers/{slug}/translations/{language}"
REFERRAL = "/jurisdictions/{area_id:int}/translations/{language}"
READ = problem_responses(401, 404, 422)
WRITE = problem_responses(400, 401, 403, 404, 413, 422)
REMOVE = problem_responses(401, 403, 404, 422)


def _service_out(language: str, text: ServiceTranslation) -> ServiceTranslationOut:
    return ServiceTranslationOut(language=language, **ServiceTranslationBody.of(text).model_dump())


def _name_out(language: str, text: NameTranslation) -> NameTranslationOut:
    return NameTranslationOut(language=language, name=text.name)


async def _read_name(container: Container, target: TranslationTarget) -> NameTranslationOut:
    language, text = await read_translation(
        container.context, target, languages=container.languages
    )
    assert isinstance(text, NameTranslation)
    return _name_out(language, text)


async def _write_name(
    container: Container, target: TranslationTarget, body: NameTranslationBody, by: Principal
) -> NameTranslationOut:
    text = body.to_domain()
    stored = await translate(container.context, target, text, by, languages=container.languages)
    return _name_out(stored, text)


async def _remove(container: Container, target: TranslationTarget, by: Principal) -> Response:
    await remove_translation(container.context, target, by, languages=container.languages)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(SERVICE, response_model=ServiceTranslationOut, responses=READ)
async def get_service_translation(
    code: Code, language: Language, container: ContainerDep, _: PrincipalDep
) -> ServiceTranslationOut:
    """Only what is translated: fields left out are shown in the catalog's own language."""
    target = TranslationTarget(Subject.SERVICE, code, language)
    stored, text = await read_translation(container.context, target, languages=container.languages)
    assert isinstance(text, ServiceTranslation)
    return _service_out(stored, text)


@router.put(SERVICE, response_model=ServiceTranslationOut, responses=WRITE)
async def put_service_translation(
    code: Code,
    language: Language,
    body: ServiceTranslationBody,
    container: ContainerDep,
    principal: PrincipalDep,
) -> ServiceTranslationOut:
    """Admins set a service's texts in a language: name, description, group, keywords, and its
    attributes' questions, hints and option names, by attribute code and option key. It
    replaces that language's earlier translation."""
    text = body.to_domain()
    target = TranslationTarget(Subject.SERVICE, code, language)
    languages = container.languages
    stored = await translate(container.context, target, text, principal, languages=languages)
    return _service_out(stored, text)


@router.delete(SERVICE, status_code=204, response_class=Response, responses=REMOVE)
async def delete_service_translation(
    code: Code, language: Language, container: ContainerDep, principal: PrincipalDep
) -> Response:
    target = TranslationTarget(Subject.SERVICE, code, language)
    return await _remove(container, target, principal)


@router.get(DEPARTMENT, response_model=NameTranslationOut, responses=READ)
async def get_department_translation(
    code: Code, language: Language, container: ContainerDep, _: PrincipalDep
) -> NameTranslationOut:
    return await _read_name(container, TranslationTarget(Subject.DEPARTMENT, code, language))


@router.put(DEPARTMENT, response_model=NameTranslationOut, responses=WRITE)
async def put_department_translation(
    code: Code,
    language: Language,
    body: NameTranslationBody,
    container: ContainerDep,
    principal: PrincipalDep,
) -> NameTranslationOut:
    """Admins name a department in a language."""
    target = TranslationTarget(Subject.DEPARTMENT, code, language)
    return await _write_name(container, target, body, principal)


@router.delete(DEPARTMENT, status_code=204, response_class=Response, responses=REMOVE)
async def delete_department_translation(
    code: Code, language: Language, container: ContainerDep, principal: PrincipalDep
) -> Response:
    target = TranslationTarget(Subject.DEPARTMENT, code, language)
    return await _remove(container, target, principal)


@router.get(LAYER, response_model=NameTranslationOut, responses=READ)
async def get_layer_translation(
    slug: Code, language: Language, container: ContainerDep, _: PrincipalDep
) -> NameTranslationOut:
    return await _read_name(container, TranslationTarget(Subject.LAYER, slug, language))


@router.put(LAYER, response_model=NameTranslationOut, responses=WRITE)
async def put_layer_translation(
    slug: Code,
    language: Language,
    body: NameTranslationBody,
    container: ContainerDep,
    principal: PrincipalDep,
) -> NameTranslationOut:
    """Admins name a boundary layer in a language."""
    target = TranslationTarget(Subject.LAYER, slug, language)
    return await _write_name(container, target, body, principal)


@router.delete(LAYER, status_code=204, response_class=Response, responses=REMOVE)
async def delete_layer_translation(
    slug: Code, language: Language, container: ContainerDep, principal: PrincipalDep
) -> Response:
    target = TranslationTarget(Subject.LAYER, slug, language)
    return await _remove(container, target, principal)


@router.get(REFERRAL, response_model=NameTranslationOut, responses=READ)
async def get_referral_translation(
    area_id: AreaId, language: Language, container: ContainerDep, _: PrincipalDep
) -> NameTranslationOut:
    target = TranslationTarget(Subject.REFERRAL, str(area_id), language)
    return await _read_name(container, target)


@router.put(REFERRAL, response_model=NameTranslationOut, responses=WRITE)
async def put_referral_translation(
    area_id: AreaId,
    language: Language,
    body: NameTranslationBody,
    container: ContainerDep,
    principal: PrincipalDep,
) -> NameTranslationOut:
    """Admins name an area's referral target (its contact) in a language. It is kept by the
    area's layer and code, so it stays when the layer is imported again."""
    target = TranslationTarget(Subject.REFERRAL, str(area_id), language)
    return await _write_name(container, target, body, principal)


@router.delete(REFERRAL, status_code=204, response_class=Response, responses=REMOVE)
async def delete_referral_translation(
    area_id: AreaId, language: Language, container: ContainerDep, principal: PrincipalDep
) -> Response:
    target = TranslationTarget(Subject.REFERRAL, str(area_id), language)
    return await _remove(container, target, principal)
