"""Demo translations: our own Latin American Spanish for the demo catalog, its departments,
the boundary layers and the referral targets of the refer layers (see ATTRIBUTION.md)."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.translations import (
    service_translation_from_json,
    translation_to_json,
)
from adapters.db.tables.translations import catalog_translations
from domain.directory.translations import (
    NameTranslation,
    ServiceTranslation,
    Subject,
    SubjectRef,
    Translation,
)

TRANSLATIONS = [Path(__file__).with_name("translations_es.json")]
NAMED = {"departments": Subject.DEPARTMENT, "layers": Subject.LAYER, "referrals": Subject.REFERRAL}


@cache
def demo_translations() -> list[tuple[SubjectRef, str, Translation]]:
    """Every demo translation: its subject, language and text."""
    found: list[tuple[SubjectRef, str, Translation]] = []
    for path in TRANSLATIONS:
        document = json.loads(path.read_text(encoding="utf-8"))
        language = document["language"]
        for code, data in document["services"].items():
            text: ServiceTranslation | None = service_translation_from_json(data)
            assert text is not None
            found.append((SubjectRef(Subject.SERVICE, code), language, text))
        for section, kind in NAMED.items():
            found += [
                (SubjectRef(kind, key), language, NameTranslation(name))
                for key, name in document[section].items()
            ]
    return found


def _row(ref: SubjectRef, language: str, text: Translation) -> dict[str, Any]:
    return {
        "subject": ref.kind.value,
        "subject_key": ref.key,
        "language": language,
        "text": translation_to_json(text),
    }


async def load_demo_translations(db: AsyncConnection) -> None:
    """A translation already there (an admin's, kept from an earlier catalog) is left as it is."""
    rows = [_row(*entry) for entry in demo_translations()]
    await db.execute(insert(catalog_translations).on_conflict_do_nothing(), rows)
