"""Use cases on translations of the catalog. Admins write them; everyone signed in reads them."""

from dataclasses import dataclass

from domain.directory.permissions import Principal
from domain.directory.ports import DirectoryUnitOfWork
from domain.directory.translations import (
    ServiceTranslation,
    Subject,
    SubjectRef,
    Translation,
    check_service_translation,
)
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.languages import Languages

WHAT = {
    Subject.SERVICE: "service",
    Subject.DEPARTMENT: "department",
    Subject.LAYER: "layer",
    Subject.REFERRAL: "area",
}


@dataclass(frozen=True)
class TranslationTarget:
    """A subject as the caller names it: a referral target by its area's id."""

    kind: Subject
    key: str
    language: str


async def translate(
    context: Context[DirectoryUnitOfWork],
    target: TranslationTarget,
    text: Translation,
    by: Principal,
    *,
    languages: Languages,
) -> str:
    """Store a language's translation of a subject, replacing the earlier one; returns the
    language as stored ("es-MX" stays "es-mx"). The language must be one the city serves and not
    the catalog's own; a service's translation names only its own attributes and options."""
    by.require_admin()
    language = languages.require_translatable(target.language)
    async with context.uow() as uow:
        ref = await _subject(uow, target, text)
        await uow.translations.save(ref, language, text)
        await uow.commit()
    return language


async def remove_translation(
    context: Context[DirectoryUnitOfWork],
    target: TranslationTarget,
    by: Principal,
    *,
    languages: Languages,
) -> None:
    """The subject is shown in the default language again in that language."""
    by.require_admin()
    language = languages.require_translatable(target.language)
    async with context.uow() as uow:
        ref = await _subject(uow, target)
        if not await uow.translations.delete(ref, language):
            raise NotFound(f"no {language} translation of {WHAT[target.kind]} {target.key}")
        await uow.commit()


async def read_translation(
    context: Context[DirectoryUnitOfWork], target: TranslationTarget, *, languages: Languages
) -> tuple[str, Translation]:
    """The language as stored, and the subject's translation into it."""
    language = languages.require_translatable(target.language)
    async with context.uow() as uow:
        ref = await _subject(uow, target)
        text = await uow.translations.get(ref, language)
    if text is None:
        raise NotFound(f"no {language} translation of {WHAT[target.kind]} {target.key}")
    return language, text


async def _subject(
    uow: DirectoryUnitOfWork, target: TranslationTarget, text: Translation | None = None
) -> SubjectRef:
    if target.kind is Subject.SERVICE:
        service = await uow.services.get(target.key)
        if service is None:
            raise NotFound(f"service {target.key} was not found")
        if text is not None:
            if not isinstance(text, ServiceTranslation):
                raise ValidationFailed.single("body", "a service takes a service translation")
            check_service_translation(service, text)
        return SubjectRef(Subject.SERVICE, service.code)
    ref = await uow.translations.subject(target.kind, target.key)
    if ref is None:
        raise NotFound(f"{WHAT[target.kind]} {target.key} was not found")
    return ref
