"""The fake of the translation repository: translations staged per unit of work."""

from dataclasses import dataclass, field

from domain.directory.translations import Subject, SubjectRef, Translation

Key = tuple[SubjectRef, str]


@dataclass
class TranslationStore:
    """Committed translations, and the subjects that exist besides services."""

    texts: dict[Key, Translation] = field(default_factory=dict)
    subjects: set[SubjectRef] = field(default_factory=set)
    areas: dict[int, SubjectRef] = field(default_factory=dict)  # area id -> referral target


class FakeTranslationRepository:
    def __init__(self, store: TranslationStore) -> None:
        self._store = store
        self._writes: dict[Key, Translation | None] = {}

    async def subject(self, kind: Subject, key: str) -> SubjectRef | None:
        if kind is Subject.REFERRAL:
            return self._store.areas.get(int(key)) if key.isdigit() else None
        ref = SubjectRef(kind, key)
        return ref if ref in self._store.subjects else None

    async def get(self, ref: SubjectRef, language: str) -> Translation | None:
        key = (ref, language)
        return self._writes[key] if key in self._writes else self._store.texts.get(key)

    async def save(self, ref: SubjectRef, language: str, text: Translation) -> None:
        self._writes[(ref, language)] = text

    async def delete(self, ref: SubjectRef, language: str) -> bool:
        found = await self.get(ref, language) is not None
        self._writes[(ref, language)] = None
        return found

    def apply(self) -> None:
        for key, text in self._writes.items():
            if text is None:
                self._store.texts.pop(key, None)
            else:
                self._store.texts[key] = text
        self._writes = {}

    def discard(self) -> None:
        self._writes = {}
