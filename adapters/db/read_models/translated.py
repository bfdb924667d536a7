"""Joins that bring a subject's translation into the same query as the subject itself."""

from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_, func, literal, null

from adapters.db.tables.translations import catalog_translations
from domain.directory.translations import Subject


class Translated:
    """The left join of one kind of subject's translation into `language`; with no language,
    no join at all and the subject's own texts."""

    def __init__(self, kind: Subject, key: ColumnElement[Any], language: str | None) -> None:
        self.kind, self.key, self.language = kind, key, language
        self.table = catalog_translations.alias(f"{kind.value}_text")

    def join(self, onto: FromClause) -> FromClause:
        if self.language is None:
            return onto
        t = self.table.c
        on = and_(
            t.subject == self.kind.value,
            t.subject_key == self.key,
            t.language == literal(self.language),
        )
        return onto.outerjoin(self.table, on)

    @property
    def text(self) -> ColumnElement[Any]:
        """The translation as JSON, or NULL."""
        return null() if self.language is None else self.table.c.text

    def field(self, name: str, fallback: ColumnElement[Any]) -> ColumnElement[Any]:
        """One translated text, else the subject's own (for sorting and showing in SQL)."""
        if self.language is None:
            return fallback
        return func.coalesce(self.table.c.text[name].astext, fallback)
