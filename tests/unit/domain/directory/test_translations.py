"""Translations of the catalog: how they overlay a service, what they may name, and the use
cases that write them (against fakes)."""

import pytest

from domain.directory.catalog import (
    AttributeDefinition,
    AttributeOption,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.translating import (
    TranslationTarget,
    read_translation,
    remove_translation,
    translate,
)
from domain.directory.translations import (
    AttributeTranslation,
    NameTranslation,
    ServiceTranslation,
    Subject,
    SubjectRef,
    check_service_translation,
    localize_department,
    localize_service,
)
from domain.directory.users import Role, Tier
from domain.shared.clock import SystemClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.shared.languages import Languages
from domain.unit_of_work import UnitOfWork
from tests.unit.builders import principal
from tests.unit.fakes import FakeUnitOfWorkFactory

SIZE = AttributeDefinition(
    "size",
    Datatype.SINGLE,
    "How big is it?",
    datatype_description="Pick one",
    values=(AttributeOption("small", "Small"), AttributeOption("large", "Large")),
)
DEPTH = AttributeDefinition("depth", Datatype.NUMBER, "How deep?", datatype_description="Inches")
POTHOLE = Service(
    code="pothole",
    name="Pothole",
    department_code="streets",
    sla=SlaPolicy(24),
    description="A hole in the road.",
    group="Streets",
    keywords=["hole"],
    attributes=[SIZE, DEPTH],
)
BACHE = ServiceTranslation(
    name="Bache",
    group="Calles",
    attributes={"size": AttributeTranslation("¿Qué tan grande es?", values={"small": "Chico"})},
)
ADMIN = principal(Role.ADMIN)
SPANISH = Languages("en", ("es",))


def test_a_translation_overlays_only_what_it_gives() -> None:
    shown = localize_service(POTHOLE, BACHE)
    assert (shown.name, shown.group, shown.description, shown.keywords) == (
        "Bache",
        "Calles",
        "A hole in the road.",
        ["hole"],
    )
    size, depth = shown.attributes
    assert (size.description, size.datatype_description) == ("¿Qué tan grande es?", "Pick one")
    assert [(o.key, o.name) for o in size.values] == [("small", "Chico"), ("large", "Large")]
    assert depth == DEPTH
    assert (shown.code, shown.department_code, shown.sla) == ("pothole", "streets", POTHOLE.sla)


def test_no_translation_leaves_the_service_as_it_is() -> None:
    assert localize_service(POTHOLE, None) is POTHOLE
    department = Department("streets", "Streets")
    assert localize_department(department, None) is department
    assert localize_department(department, NameTranslation("Calles")).name == "Calles"


def test_translated_keywords_replace_the_default_ones() -> None:
    shown = localize_service(POTHOLE, ServiceTranslation("Bache", keywords=("hoyo", "bache")))
    assert shown.keywords == ["hoyo", "bache"]


def test_a_translation_names_only_the_services_attributes_and_options() -> None:
    wrong = ServiceTranslation(
        "Bache",
        attributes={
            "colour": AttributeTranslation("¿Color?"),
            "size": AttributeTranslation(values={"huge": "Enorme", "small": "Chico"}),
        },
    )
    with pytest.raises(ValidationFailed) as refused:
        check_service_translation(POTHOLE, wrong)
    assert [e.field for e in refused.value.errors] == [
        "attributes.colour",
        "attributes.size.values.huge",
    ]
    check_service_translation(POTHOLE, BACHE)


def with_pothole() -> tuple[Context[UnitOfWork], FakeUnitOfWorkFactory]:
    factory = FakeUnitOfWorkFactory()
    factory.store.put_service(POTHOLE)
    factory.store.translations.subjects.add(SubjectRef(Subject.DEPARTMENT, "streets"))
    factory.store.translations.areas[7] = SubjectRef.referral("counties", "24005")
    return Context(factory, SystemClock()), factory


async def test_an_admin_translates_and_removes_a_service() -> None:
    context, factory = with_pothole()
    target = TranslationTarget(Subject.SERVICE, "pothole", "ES")
    assert await translate(context, target, BACHE, ADMIN, languages=SPANISH) == "es"
    assert await read_translation(context, target, languages=SPANISH) == ("es", BACHE)
    await remove_translation(context, target, ADMIN, languages=SPANISH)
    assert factory.store.translations.texts == {}
    with pytest.raises(NotFound):
        await remove_translation(context, target, ADMIN, languages=SPANISH)


async def test_a_referral_target_is_kept_by_its_layer_and_area_code() -> None:
    context, factory = with_pothole()
    target = TranslationTarget(Subject.REFERRAL, "7", "es")
    await translate(
        context, target, NameTranslation("Condado de Baltimore"), ADMIN, languages=SPANISH
    )
    key = (SubjectRef(Subject.REFERRAL, "counties/24005"), "es")
    assert factory.store.translations.texts[key] == NameTranslation("Condado de Baltimore")


@pytest.mark.parametrize(
    "by",
    [
        principal(Role.AGENT),
        principal(Role.SUPERVISOR),
        principal(Role.STAFF, "streets", Tier.MANAGER),
    ],
)
async def test_only_admins_write_translations(by: object) -> None:
    context, factory = with_pothole()
    target = TranslationTarget(Subject.SERVICE, "pothole", "es")
    with pytest.raises(Forbidden):
        await translate(context, target, BACHE, by, languages=SPANISH)  # type: ignore[arg-type]
    with pytest.raises(Forbidden):
        await remove_translation(context, target, by, languages=SPANISH)  # type: ignore[arg-type]
    assert factory.units == []


@pytest.mark.parametrize("language", ["en", "fr", "!!"])
async def test_only_served_languages_other_than_the_default_are_written(language: str) -> None:
    context, factory = with_pothole()
    target = TranslationTarget(Subject.SERVICE, "pothole", language)
    with pytest.raises(ValidationFailed):
        await translate(context, target, BACHE, ADMIN, languages=SPANISH)
    assert factory.store.translations.texts == {}


@pytest.mark.parametrize(
    ("kind", "key"),
    [(Subject.SERVICE, "nope"), (Subject.DEPARTMENT, "nope"), (Subject.REFERRAL, "8")],
)
async def test_a_missing_subject_is_not_found(kind: Subject, key: str) -> None:
    context, factory = with_pothole()
    with pytest.raises(NotFound):
        await translate(
            context, TranslationTarget(kind, key, "es"), BACHE, ADMIN, languages=SPANISH
        )
    assert factory.store.translations.texts == {}


async def test_a_bad_service_translation_writes_nothing() -> None:
    context, factory = with_pothole()
    wrong = ServiceTranslation("Bache", attributes={"colour": AttributeTranslation("¿Color?")})
    with pytest.raises(ValidationFailed):
        await translate(
            context,
            TranslationTarget(Subject.SERVICE, "pothole", "es"),
            wrong,
            ADMIN,
            languages=SPANISH,
        )
    assert factory.store.translations.texts == {}
