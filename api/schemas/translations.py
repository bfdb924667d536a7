"""Bodies of the translation endpoints: one language's texts of a catalog subject."""

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.schemas.directory import Name, Strict, Text
from domain.directory.translations import (
    AttributeTranslation,
    NameTranslation,
    ServiceTranslation,
)

OptionKey = Annotated[str, StringConstraints(min_length=1, max_length=100)]
AttributeCode = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
LEFT_OUT = "left out or empty: shown in the catalog's own language"


class AttributeTranslationBody(Strict):
    description: Text | None = Field(default=None, description=f"The question; {LEFT_OUT}")
    datatype_description: Text | None = None
    values: dict[OptionKey, Name] = Field(
        default_factory=dict, max_length=500, description="Option key → its name"
    )

    @classmethod
    def of(cls, text: AttributeTranslation) -> "AttributeTranslationBody":
        return cls(
            description=text.description,
            datatype_description=text.datatype_description,
            values=dict(text.values),
        )

    def to_domain(self) -> AttributeTranslation:
        return AttributeTranslation(self.description, self.datatype_description, dict(self.values))


class ServiceTranslationBody(Strict):
    name: Name
    description: Text | None = Field(default=None, description=LEFT_OUT)
    group: Short | None = None
    keywords: list[Keyword] | None = Field(
        default=None, max_length=50, description="Replace the keywords in this language"
    )
    attributes: dict[AttributeCode, AttributeTranslationBody] = Field(
        default_factory=dict, max_length=100, description="Attribute code → its texts"
    )

    @classmethod
    def of(cls, text: ServiceTranslation) -> "ServiceTranslationBody":
        return cls(
            name=text.name,
            description=text.description,
            group=text.group,
            keywords=None if text.keywords is None else list(text.keywords),
            attributes={c: AttributeTranslationBody.of(a) for c, a in text.attributes.items()},
        )

    def to_domain(self) -> ServiceTranslation:
        return ServiceTranslation(
            name=self.name,
            description=self.description,
            group=self.group,
            keywords=None if self.keywords is None else tuple(self.keywords),
            attributes={code: a.to_domain() for code, a in self.attributes.items()},
        )


class ServiceTranslationOut(ServiceTranslationBody):
    language: str


class NameTranslationBody(Strict):
    name: Name

    def to_domain(self) -> NameTranslation:
        return NameTranslation(self.name)


class NameTranslationOut(BaseModel):
    language: str
    name: str
