"""Translations of catalog subjects, as one JSON document per subject and language."""

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.directory import departments, services
from adapters.db.tables.jurisdictions import jurisdiction_areas, jurisdiction_layers
from adapters.db.tables.translations import catalog_translations as translations
from domain.directory.translations import (
    AttributeTranslation,
    NameTranslation,
    ServiceTranslation,
    Subject,
    SubjectRef,
    Translation,
)

MAX_AREA_ID = 2**63 - 1
KEY_COLUMNS = {
    Subject.SERVICE: services.c.code,
    Subject.DEPARTMENT: departments.c.code,
    Subject.LAYER: jurisdiction_layers.c.slug,
}


def translation_to_json(text: Translation) -> dict[str, Any]:
    if isinstance(text, NameTranslation):
        return {"name": text.name}
    return {
        "name": text.name,
        "description": text.description,
        "group": text.group,
        "keywords": None if text.keywords is None else list(text.keywords),
        "attributes": {
            code: {
                "description": a.description,
                "datatype_description": a.datatype_description,
                "values": dict(a.values),
            }
            for code, a in text.attributes.items()
        },
    }


def service_translation_from_json(data: dict[str, Any] | None) -> ServiceTranslation | None:
    if not data:
        return None
    keywords = data.get("keywords")
    return ServiceTranslation(
        name=data["name"],
        description=data.get("description"),
        group=data.get("group"),
        keywords=None if keywords is None else tuple(keywords),
        attributes={
            code: AttributeTranslation(
                a.get("description"), a.get("datatype_description"), dict(a.get("values", {}))
            )
            for code, a in data.get("attributes", {}).items()
        },
    )


def name_translation_from_json(data: dict[str, Any] | None) -> NameTranslation | None:
    return NameTranslation(data["name"]) if data else None


def translation_from_json(kind: Subject, data: dict[str, Any]) -> Translation | None:
    if kind is Subject.SERVICE:
        return service_translation_from_json(data)
    return name_translation_from_json(data)


def _matches(ref: SubjectRef, language: str) -> Any:
    return (
        (translations.c.subject == ref.kind.value)
        & (translations.c.subject_key == ref.key)
        & (translations.c.language == language)
    )


class SqlTranslationRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def subject(self, kind: Subject, key: str) -> SubjectRef | None:
        if kind is Subject.REFERRAL:
            return await self._area_target(key)
        column = KEY_COLUMNS[kind]
        found = await self._db.scalar(select(column).where(column == key))
        return None if found is None else SubjectRef(kind, found)

    async def _area_target(self, area_id: str) -> SubjectRef | None:
        if not area_id.isdigit() or int(area_id) > MAX_AREA_ID:
            return None
        a = jurisdiction_areas
        query = select(a.c.layer_slug, a.c.code).where(a.c.id == int(area_id))
        row = (await self._db.execute(query)).first()
        return None if row is None else SubjectRef.referral(row.layer_slug, row.code)

    async def get(self, ref: SubjectRef, language: str) -> Translation | None:
        query = select(translations.c.text).where(_matches(ref, language))
        data = await self._db.scalar(query)
        return None if data is None else translation_from_json(ref.kind, data)

    async def save(self, ref: SubjectRef, language: str, text: Translation) -> None:
        values = {
            "subject": ref.kind.value,
            "subject_key": ref.key,
            "language": language,
            "text": translation_to_json(text),
        }
        statement = insert(translations).values(**values)
        await self._db.execute(
            statement.on_conflict_do_update(
                index_elements=["subject", "subject_key", "language"],
                set_={"text": statement.excluded.text, "updated_at": statement.excluded.updated_at},
            )
        )

    async def delete(self, ref: SubjectRef, language: str) -> bool:
        result = await self._db.execute(delete(translations).where(_matches(ref, language)))
        return bool(result.rowcount)
