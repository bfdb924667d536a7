"""Answers in the caller's language, where the texts come from more than one place."""

from collections.abc import Sequence

from api.bootstrap import Container
from domain.directory.translations import SubjectRef
from domain.jurisdictions.model import Resolution


def _target(resolution: Resolution) -> SubjectRef | None:
    area = resolution.responsible.referral_area
    return None if area is None else SubjectRef.referral(area.layer, area.code)


async def localized_resolutions(
    container: Container, resolutions: Sequence[Resolution], language: str
) -> list[Resolution]:
    """Referral targets named in `language`, with one query for all of them."""
    targets = {t for t in map(_target, resolutions) if t is not None}
    if language == container.settings.catalog_languages.default or not targets:
        return list(resolutions)
    names = await container.jurisdiction_reads.referral_names(targets, language)
    return [
        r.with_referral_name(names.get(target) if (target := _target(r)) else None)
        for r in resolutions
    ]
