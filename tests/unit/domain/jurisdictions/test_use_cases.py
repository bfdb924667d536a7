"""Layer imports, layer and area edits, and routing rules, against the in-memory fakes."""

from dataclasses import replace
from typing import Any

import pytest
from shapely.geometry import box

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import Contact, Layer, LayerRole, RoutingRule
from domain.jurisdictions.use_cases import (
    ImportLayer,
    ImportOutcome,
    check_rule,
    create_rule,
    delete_rule,
    import_layer,
    update_area_contact,
    update_layer,
    update_rule,
)
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from tests.unit.builders import principal
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import context_of

ADMIN = principal(Role.ADMIN)
NOT_ADMINS = [
    principal(Role.SUPERVISOR),
    principal(Role.AGENT),
    principal(Role.STAFF, "transportation", Tier.MANAGER),
    principal(Role.STAFF, "transportation", Tier.EMPLOYEE),
]
POTHOLE = Service("pothole", "Pothole", "transportation", SlaPolicy(12), group="Streets")
SHA = Contact("State Highway Administration (sample)", "410-555-0100")


def area(code: str, repaired: bool = False, x: float = 0.0) -> ParsedArea:
    return ParsedArea(code, f"Area {code}", {"id": code}, box(x, 0, x + 1, 1), repaired)


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("transportation", "Transportation"))
    store.put_service(POTHOLE)
    return FakeUnitOfWorkFactory(store)


def layers(factory: FakeUnitOfWorkFactory) -> dict[str, Layer]:
    return factory.store.jurisdictions.layers


def stored_areas(factory: FakeUnitOfWorkFactory, slug: str) -> list[tuple[int, str]]:
    """(version, code) of every stored area of the layer, old versions included."""
    return [
        (version, parsed.code)
        for s, version, parsed in factory.store.jurisdictions.areas.values()
        if s == slug
    ]


def changes(factory: FakeUnitOfWorkFactory) -> int:
    return factory.store.jurisdictions.changes


def field_errors(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in error.errors]


async def given_layer(
    factory: FakeUnitOfWorkFactory, slug: str = "roads", *codes: str, role: LayerRole | None = None
) -> None:
    command = ImportLayer(slug, [area(c) for c in codes or ("a",)], role)
    await import_layer(context_of(factory), command, ADMIN)


# --- import_layer ------------------------------------------------------------------------------


async def test_a_first_import_creates_version_one_as_an_info_layer(
    factory: FakeUnitOfWorkFactory,
) -> None:
    command = ImportLayer("council-districts", [area("1"), area("2", repaired=True, x=1)])
    outcome = await import_layer(context_of(factory), command, ADMIN)
    assert outcome == ImportOutcome("council-districts", imported=2, replaced=0, repaired=1)
    assert layers(factory) == {
        "council-districts": Layer(
            "council-districts",
            kind="council-districts",
            role=LayerRole.INFO,
            name="council-districts",
            version=1,
            area_count=2,
        )
    }
    assert stored_areas(factory, "council-districts") == [(1, "1"), (1, "2")]
    assert changes(factory) == 1
    assert [unit.committed for unit in factory.units] == [True]


async def test_a_first_import_takes_the_given_role_kind_and_name(
    factory: FakeUnitOfWorkFactory,
) -> None:
    command = ImportLayer("md-counties", [area("24005")], LayerRole.REFER, "county", "Counties")
    await import_layer(context_of(factory), command, ADMIN)
    assert layers(factory)["md-counties"] == Layer(
        "md-counties", "county", LayerRole.REFER, "Counties", version=1, area_count=1
    )


async def test_a_reimport_is_a_new_version_that_keeps_the_old_one(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await import_layer(
        context_of(factory),
        ImportLayer("districts", [area("1"), area("2")], LayerRole.SERVED, "ward"),
        ADMIN,
    )
    second = await import_layer(
        context_of(factory),
        ImportLayer("districts", [area("1"), area("2"), area("3", True)]),
        ADMIN,
    )
    assert second == ImportOutcome("districts", imported=3, replaced=2, repaired=1)
    third = await import_layer(context_of(factory), ImportLayer("districts", [area("9")]), ADMIN)
    assert third == ImportOutcome("districts", imported=1, replaced=3, repaired=0)
    layer = layers(factory)["districts"]
    # Role and kind stay as they were when a re-import does not name them.
    assert (layer.version, layer.role, layer.kind, layer.area_count) == (
        3,
        LayerRole.SERVED,
        "ward",
        1,
    )
    assert stored_areas(factory, "districts") == [
        (1, "1"),
        (1, "2"),
        (2, "1"),
        (2, "2"),
        (2, "3"),
        (3, "9"),
    ]
    assert changes(factory) == 3


async def test_a_reimport_may_change_the_role_kind_and_name(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await given_layer(factory, "roads", "a")
    await import_layer(
        context_of(factory),
        ImportLayer("roads", [area("b")], LayerRole.REFER, "state road", "Roads"),
        ADMIN,
    )
    assert layers(factory)["roads"] == Layer(
        "roads", "state road", LayerRole.REFER, "Roads", version=2, area_count=1
    )


async def test_layers_are_versioned_independently(factory: FakeUnitOfWorkFactory) -> None:
    await given_layer(factory, "a-layer", "1", "2")
    await given_layer(factory, "b-layer", "1")
    await given_layer(factory, "a-layer", "3")
    assert {slug: layer.version for slug, layer in layers(factory).items()} == {
        "a-layer": 2,
        "b-layer": 1,
    }
    outcome = await import_layer(context_of(factory), ImportLayer("b-layer", [area("x")]), ADMIN)
    assert outcome.replaced == 1


@pytest.mark.parametrize("who", NOT_ADMINS)
async def test_only_admins_import(factory: FakeUnitOfWorkFactory, who: Principal) -> None:
    with pytest.raises(Forbidden):
        await import_layer(context_of(factory), ImportLayer("roads", [area("a")]), who)
    assert layers(factory) == {}
    assert factory.units == []


@pytest.mark.parametrize(
    "slug", ["Council-Districts", "council_districts", "-roads", "roads-", "a--b", "", "x" * 65]
)
async def test_a_layer_slug_must_be_a_lowercase_url_slug(
    factory: FakeUnitOfWorkFactory, slug: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await import_layer(context_of(factory), ImportLayer(slug, [area("a")]), ADMIN)
    assert field_errors(caught.value) == [("layer", "must be a lowercase URL-safe slug")]
    assert layers(factory) == {}


async def test_a_64_character_slug_is_accepted(factory: FakeUnitOfWorkFactory) -> None:
    outcome = await import_layer(context_of(factory), ImportLayer("x" * 64, [area("a")]), ADMIN)
    assert outcome.layer == "x" * 64


# --- layer and area edits ----------------------------------------------------------------------


async def test_update_layer_changes_the_role_and_tells_every_process(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await given_layer(factory, "roads", "a", "b")
    layer = await update_layer(context_of(factory), "roads", ADMIN, role=LayerRole.REFER)
    assert layer == Layer("roads", "roads", LayerRole.REFER, "roads", 1, 2)
    assert layers(factory)["roads"].role is LayerRole.REFER
    assert changes(factory) == 2
    renamed = await update_layer(
        context_of(factory), "roads", ADMIN, kind="state road", name="State roads"
    )
    assert (renamed.role, renamed.kind, renamed.name) == (
        LayerRole.REFER,
        "state road",
        "State roads",
    )


async def test_update_layer_of_an_unknown_layer_is_not_found(
    factory: FakeUnitOfWorkFactory,
) -> None:
    with pytest.raises(NotFound, match="layer roads was not found"):
        await update_layer(context_of(factory), "roads", ADMIN, role=LayerRole.SERVED)
    assert changes(factory) == 0


@pytest.mark.parametrize("who", NOT_ADMINS)
async def test_only_admins_change_layers_and_contacts(
    factory: FakeUnitOfWorkFactory, who: Principal
) -> None:
    await given_layer(factory, "roads", "a")
    with pytest.raises(Forbidden):
        await update_layer(context_of(factory), "roads", who, role=LayerRole.SERVED)
    with pytest.raises(Forbidden):
        await update_area_contact(context_of(factory), 1, SHA, who)
    assert layers(factory)["roads"].role is LayerRole.INFO
    assert factory.store.jurisdictions.contacts == {}


async def test_an_area_contact_is_set_and_an_empty_one_clears_it(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await given_layer(factory, "roads", "a", "b")
    await update_area_contact(context_of(factory), 2, SHA, ADMIN)
    assert factory.store.jurisdictions.contacts == {2: SHA}
    await update_area_contact(context_of(factory), 2, Contact(), ADMIN)
    assert factory.store.jurisdictions.contacts == {2: None}
    await update_area_contact(context_of(factory), 1, SHA, ADMIN)
    await update_area_contact(context_of(factory), 1, None, ADMIN)
    assert factory.store.jurisdictions.contacts == {1: None, 2: None}
    assert changes(factory) == 1 + 4


async def test_the_contact_of_an_unknown_area_is_not_found(
    factory: FakeUnitOfWorkFactory,
) -> None:
    with pytest.raises(NotFound, match="area 7 was not found"):
        await update_area_contact(context_of(factory), 7, SHA, ADMIN)


# --- routing rules -----------------------------------------------------------------------------


def road_rule(**changes: Any) -> RoutingRule:
    rule = RoutingRule(0, 10, service_group="Streets", layer="roads", refer_to_area_contact=True)
    return replace(rule, **changes)


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        (
            RoutingRule(0, 1),
            ("target", "give exactly one of department, referral or refer_to_area_contact"),
        ),
        (
            RoutingRule(0, 1, department="transportation", referral=SHA),
            ("target", "give exactly one of department, referral or refer_to_area_contact"),
        ),
        (
            RoutingRule(0, 1, department="transportation", refer_to_area_contact=True, layer="r"),
            ("target", "give exactly one of department, referral or refer_to_area_contact"),
        ),
        (
            RoutingRule(0, 1, referral=SHA, refer_to_area_contact=True, layer="roads"),
            ("target", "give exactly one of department, referral or refer_to_area_contact"),
        ),
        (
            RoutingRule(0, 1, referral=SHA, service_code="pothole", service_group="Streets"),
            ("service_group", "give a service code or a group, not both"),
        ),
        (
            RoutingRule(0, 1, referral=SHA, layer="roads", area_id=1),
            ("area_id", "give a layer or an area, not both"),
        ),
        (
            RoutingRule(0, 1, refer_to_area_contact=True, service_code="pothole"),
            ("refer_to_area_contact", "needs a layer or an area"),
        ),
        (
            RoutingRule(0, 1, referral=Contact(phone="410-555-0100")),
            ("referral.name", "a referral needs the agency's name"),
        ),
    ],
    ids=[
        "no target",
        "department and referral",
        "department and area contact",
        "referral and area contact",
        "code and group",
        "layer and area",
        "area contact without an area",
        "referral without a name",
    ],
)
def test_check_rule_refuses(rule: RoutingRule, error: tuple[str, str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        check_rule(rule)
    assert field_errors(caught.value) == [error]


@pytest.mark.parametrize(
    "rule",
    [
        RoutingRule(0, 1, department="transportation"),
        RoutingRule(0, 1, referral=Contact("Parks Authority"), service_code="pothole"),
        RoutingRule(0, 1, refer_to_area_contact=True, area_id=3, service_group="Streets"),
        road_rule(),
    ],
)
def test_check_rule_accepts(rule: RoutingRule) -> None:
    check_rule(rule)


async def test_create_rule_stores_it_with_an_id_and_tells_every_process(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await given_layer(factory, "roads", "a")
    stored = await create_rule(context_of(factory), road_rule(description="state roads"), ADMIN)
    assert stored == road_rule(id=stored.id, description="state roads")
    assert stored.id > 0
    assert factory.store.jurisdictions.rules == {stored.id: stored}
    assert changes(factory) == 2


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        (RoutingRule(0, 1, department="parks"), ("department", "is not a known department")),
        (
            RoutingRule(0, 1, department="transportation", service_code="graffiti"),
            ("service_code", "is not a known service"),
        ),
        (road_rule(layer="rivers"), ("layer", "is not a known layer")),
        (road_rule(layer=None, area_id=99), ("area_id", "is not a known area")),
    ],
    ids=["department", "service", "layer", "area"],
)
async def test_a_rule_must_name_things_that_exist(
    factory: FakeUnitOfWorkFactory, rule: RoutingRule, error: tuple[str, str]
) -> None:
    await given_layer(factory, "roads", "a")
    with pytest.raises(ValidationFailed) as caught:
        await create_rule(context_of(factory), rule, ADMIN)
    assert field_errors(caught.value) == [error]
    assert factory.store.jurisdictions.rules == {}


async def test_a_rule_may_name_a_known_area(factory: FakeUnitOfWorkFactory) -> None:
    await given_layer(factory, "roads", "a", "b")
    stored = await create_rule(context_of(factory), road_rule(layer=None, area_id=2), ADMIN)
    assert factory.store.jurisdictions.rules[stored.id].area_id == 2


async def test_update_and_delete_a_rule(factory: FakeUnitOfWorkFactory) -> None:
    await given_layer(factory, "roads", "a")
    stored = await create_rule(context_of(factory), road_rule(), ADMIN)
    changed = await update_rule(
        context_of(factory), stored.id, RoutingRule(0, 3, department="transportation"), ADMIN
    )
    assert changed == RoutingRule(stored.id, 3, department="transportation")
    assert factory.store.jurisdictions.rules == {stored.id: changed}
    await delete_rule(context_of(factory), stored.id, ADMIN)
    assert factory.store.jurisdictions.rules == {}
    assert changes(factory) == 4


async def test_update_checks_the_rule_before_anything_else(
    factory: FakeUnitOfWorkFactory,
) -> None:
    await given_layer(factory, "roads", "a")
    stored = await create_rule(context_of(factory), road_rule(), ADMIN)
    with pytest.raises(ValidationFailed):
        await update_rule(context_of(factory), stored.id, RoutingRule(0, 1), ADMIN)
    with pytest.raises(ValidationFailed):
        await update_rule(context_of(factory), stored.id, road_rule(layer="rivers"), ADMIN)
    assert factory.store.jurisdictions.rules == {stored.id: stored}


async def test_unknown_rules_are_not_found(factory: FakeUnitOfWorkFactory) -> None:
    with pytest.raises(NotFound, match="routing rule 5 was not found"):
        await update_rule(
            context_of(factory), 5, RoutingRule(0, 1, department="transportation"), ADMIN
        )
    with pytest.raises(NotFound, match="routing rule 5 was not found"):
        await delete_rule(context_of(factory), 5, ADMIN)
    assert changes(factory) == 0


@pytest.mark.parametrize("who", NOT_ADMINS)
async def test_only_admins_write_rules(factory: FakeUnitOfWorkFactory, who: Principal) -> None:
    await given_layer(factory, "roads", "a")
    stored = await create_rule(context_of(factory), road_rule(), ADMIN)
    with pytest.raises(Forbidden):
        await create_rule(context_of(factory), road_rule(), who)
    with pytest.raises(Forbidden):
        await update_rule(context_of(factory), stored.id, road_rule(priority=1), who)
    with pytest.raises(Forbidden):
        await delete_rule(context_of(factory), stored.id, who)
    assert factory.store.jurisdictions.rules == {stored.id: stored}
