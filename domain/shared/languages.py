"""The languages a city serves, and which of them answers a caller who asked for others."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from domain.shared.errors import ValidationFailed

# A BCP 47 language tag as callers write it ("es", "es-MX", "zh-Hant", "en_US"), read loosely.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")


def normalise_tag(tag: str) -> str | None:
    """Lower case with hyphens ("es_MX" -> "es-mx"), or None when it is no language tag."""
    normal = tag.strip().lower().replace("_", "-")
    return normal if LANGUAGE_TAG.match(normal) and len(normal) <= 35 else None


@dataclass(frozen=True)
class Languages:
    """The catalog is written in `default`; `others` are the languages it is translated into."""

    default: str
    others: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (self.default, *self.others)

    def pick(self, wanted: Iterable[str]) -> str:
        """The first wanted tag we serve, itself or its primary language ("es-MX" -> "es");
        the default language when none is served."""
        served = set(self.all)
        for tag in wanted:
            normal = normalise_tag(tag)
            if normal is None:
                continue
            for candidate in (normal, normal.split("-")[0]):
                if candidate in served:
                    return candidate
        return self.default

    def require_translatable(self, language: str) -> str:
        """A language a translation may be written in: served, and not the catalog's own."""
        normal = normalise_tag(language)
        if normal == self.default:
            message = f"{self.default} is the catalog's own language: edit the item itself"
            raise ValidationFailed.single("language", message)
        if normal is None or normal not in self.others:
            served = ", ".join(self.others) or "none"
            message = f"is not a language this city translates into (served: {served})"
            raise ValidationFailed.single("language", message)
        return normal
