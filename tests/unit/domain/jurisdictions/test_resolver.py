"""The resolver's decisions, one branch at a time, on hand-made area hits.

Places: Montgomery County (served, size 100) holds Rockville (a municipality, refer, size 4);
a state road corridor (refer, size 0.5) runs through Rockville; Maryland (info, size 1000)
holds everything.
"""

import pytest

from domain.jurisdictions.model import (
    AreaHit,
    AreaRef,
    Contact,
    LayerRole,
    Resolution,
    Responsible,
    ResponsibleKind,
    RoutingRule,
)
from domain.jurisdictions.resolver import ServiceFacts, resolve

POTHOLE = ServiceFacts("pothole", "Pothole", "Streets", "transportation", "Transportation")
TRASH = ServiceFacts("trash", "Trash pickup", "Sanitation", "solid-waste", "Solid Waste")

ROCKVILLE_CONTACT = Contact("City of Rockville", "240-314-5000", "https://rockvillemd.gov")
SHA = Contact("State Highway Administration (sample)", email="sha@example.org")
PARKS = Contact("Parks Authority (sample)")


def hit(
    area_id: int,
    layer: str,
    code: str,
    name: str,
    role: LayerRole,
    kind: str,
    size: float,
    contact: Contact | None = None,
) -> AreaHit:
    return AreaHit(AreaRef(area_id, layer, code, name), role, kind, size, contact)


COUNTY = hit(1, "counties", "24031", "Montgomery County", LayerRole.SERVED, "county", 100.0)
ROCKVILLE = hit(
    2,
    "municipalities",
    "2467675",
    "Rockville",
    LayerRole.REFER,
    "municipality",
    4.0,
    ROCKVILLE_CONTACT,
)
ROAD = hit(3, "state-roads", "md-355", "MD 355", LayerRole.REFER, "state road", 0.5, SHA)
STATE = hit(4, "state", "24", "Maryland", LayerRole.INFO, "state", 1000.0, Contact("Maryland"))
DISTRICT = hit(5, "districts", "3", "District 3", LayerRole.INFO, "council district", 20.0)


def department(resolution: Resolution) -> str | None:
    assert resolution.responsible.kind is ResponsibleKind.DEPARTMENT
    return resolution.responsible.department


def referral(resolution: Resolution) -> Contact:
    assert resolution.responsible.kind is ResponsibleKind.REFERRAL, resolution
    assert resolution.responsible.referral is not None
    assert resolution.is_referral
    return resolution.responsible.referral


# --- the default decisions ---------------------------------------------------------------------


def test_inside_a_served_area_the_services_department_handles_it() -> None:
    resolution = resolve([COUNTY, DISTRICT], [], POTHOLE, served_layers_exist=True)
    assert resolution == Resolution(
        [COUNTY.ref, DISTRICT.ref],
        Responsible(ResponsibleKind.DEPARTMENT, department="transportation"),
        "The point lies in Montgomery County (county), which we serve; "
        "Pothole is handled by Transportation.",
        served=True,
    )
    assert not resolution.is_referral


def test_inside_a_served_area_without_a_service_no_department_is_named() -> None:
    resolution = resolve([COUNTY], [], None, served_layers_exist=True)
    assert resolution.responsible == Responsible(ResponsibleKind.DEPARTMENT)
    assert resolution.explanation == (
        "The point lies in Montgomery County (county), which we serve; "
        "name a service to learn which department handles it."
    )
    assert resolution.served


def test_without_served_layers_everyone_is_ours() -> None:
    resolution = resolve([DISTRICT, STATE], [], TRASH, served_layers_exist=False)
    assert department(resolution) == "solid-waste"
    assert resolution.explanation == "We serve here; Trash pickup is handled by Solid Waste."
    assert resolution.served


def test_without_any_layer_or_area_at_all_everyone_is_ours() -> None:
    resolution = resolve([], [], POTHOLE, served_layers_exist=False)
    assert resolution == Resolution(
        [],
        Responsible(ResponsibleKind.DEPARTMENT, department="transportation"),
        "We serve here; Pothole is handled by Transportation.",
        served=True,
    )


def test_without_served_layers_a_refer_area_still_refers() -> None:
    resolution = resolve([ROCKVILLE], [], POTHOLE, served_layers_exist=False)
    assert referral(resolution) == ROCKVILLE_CONTACT


def test_a_refer_area_inside_a_served_area_beats_it() -> None:
    resolution = resolve([COUNTY, ROCKVILLE, STATE], [], POTHOLE, served_layers_exist=True)
    assert referral(resolution) == ROCKVILLE_CONTACT
    assert resolution.explanation == (
        "The point lies in Rockville (municipality), which handles its own requests: "
        "refer the caller to City of Rockville."
    )
    assert resolution.areas == [COUNTY.ref, ROCKVILLE.ref, STATE.ref]
    assert not resolution.served


def test_a_served_city_inside_a_larger_refer_area_keeps_its_own_requests() -> None:
    city = hit(9, "cities", "24510", "Baltimore", LayerRole.SERVED, "city", 0.02)
    state = hit(10, "state", "24", "Maryland", LayerRole.REFER, "state", 3.0, Contact("Maryland"))
    resolution = resolve([state, city], [], POTHOLE, served_layers_exist=True)
    assert department(resolution) == "transportation"
    assert resolution.explanation == (
        "The point lies in Baltimore (city), which we serve; Pothole is handled by Transportation."
    )


def test_the_most_local_served_area_is_named() -> None:
    city = hit(9, "cities", "24510", "Baltimore", LayerRole.SERVED, "city", 0.02)
    resolution = resolve([COUNTY, city, STATE], [], POTHOLE, served_layers_exist=True)
    assert resolution.explanation.startswith("The point lies in Baltimore (city), which we serve")


def test_a_served_and_a_refer_area_of_equal_size_are_decided_by_layer_slug() -> None:
    served = hit(1, "b-served", "1", "Served", LayerRole.SERVED, "x", 1.0)
    refer = hit(2, "a-refer", "1", "Refer", LayerRole.REFER, "x", 1.0, PARKS)
    for hits in ([served, refer], [refer, served]):
        assert referral(resolve(hits, [], POTHOLE, True)) == PARKS
    renamed = hit(2, "c-refer", "1", "Refer", LayerRole.REFER, "x", 1.0, PARKS)
    for hits in ([served, renamed], [renamed, served]):
        assert department(resolve(hits, [], POTHOLE, True)) == "transportation"


def test_the_most_local_refer_area_wins() -> None:
    for order in ([COUNTY, ROCKVILLE, ROAD], [ROAD, ROCKVILLE, COUNTY], [ROCKVILLE, ROAD, COUNTY]):
        resolution = resolve(order, [], POTHOLE, served_layers_exist=True)
        assert referral(resolution) == SHA
        assert resolution.explanation == (
            "The point lies in MD 355 (state road), which handles its own requests: "
            "refer the caller to State Highway Administration (sample)."
        )


def test_a_refer_area_without_a_contact_refers_to_its_own_name() -> None:
    bare = hit(6, "municipalities", "2431175", "Gaithersburg", LayerRole.REFER, "municipality", 3)
    empty = hit(7, "municipalities", "2476650", "Takoma Park", LayerRole.REFER, "x", 1, Contact())
    assert referral(resolve([COUNTY, bare], [], POTHOLE, True)) == Contact(name="Gaithersburg")
    assert referral(resolve([COUNTY, empty], [], POTHOLE, True)) == Contact(name="Takoma Park")


def test_equal_sizes_are_broken_by_layer_then_code_then_id() -> None:
    def refer(area_id: int, layer: str, code: str) -> AreaHit:
        return hit(area_id, layer, code, f"{layer} {code}", LayerRole.REFER, "x", 1.0, None)

    by_layer = [refer(1, "b-layer", "1"), refer(2, "a-layer", "9")]
    by_code = [refer(1, "a-layer", "2"), refer(2, "a-layer", "1")]
    by_id = [refer(9, "a-layer", "1"), refer(3, "a-layer", "1")]
    for hits, winner in ((by_layer, "a-layer 9"), (by_code, "a-layer 1"), (by_id, "a-layer 1")):
        for order in (hits, hits[::-1]):
            assert referral(resolve(order, [], None, True)) == Contact(name=winner)
    assert resolve(by_id, [], None, True).areas == [by_id[1].ref, by_id[0].ref]


def test_outside_every_served_area_the_containing_government_is_named() -> None:
    resolution = resolve([DISTRICT, STATE], [], POTHOLE, served_layers_exist=True)
    assert referral(resolution) == Contact("Maryland")
    assert resolution.explanation == (
        "The point lies in Maryland (state), which is outside the areas we serve: "
        "refer the caller to Maryland."
    )


def test_the_most_local_government_with_a_contact_is_named() -> None:
    county = hit(8, "counties", "24005", "Baltimore County", LayerRole.INFO, "county", 50.0, PARKS)
    resolution = resolve([STATE, county, DISTRICT], [], POTHOLE, served_layers_exist=True)
    assert referral(resolution) == PARKS


def test_outside_everything_known_nobody_is_responsible_and_says_so() -> None:
    for hits in ([], [DISTRICT]):
        resolution = resolve(hits, [], POTHOLE, served_layers_exist=True)
        assert resolution == Resolution(
            [h.ref for h in hits],
            Responsible(ResponsibleKind.NONE),
            "This point is outside the areas we serve, and no other government is known for it.",
        )
        assert not resolution.is_referral


# --- routing rules -----------------------------------------------------------------------------


def test_a_rule_by_service_group_and_layer_refers_to_the_areas_contact() -> None:
    road = hit(3, "state-roads", "md-355", "MD 355", LayerRole.INFO, "state road", 0.5, SHA)
    road_rule = RoutingRule(
        7,
        10,
        service_group="Streets",
        layer="state-roads",
        refer_to_area_contact=True,
        description="state roads",
    )
    pothole = resolve([COUNTY, road], [road_rule], POTHOLE, served_layers_exist=True)
    assert referral(pothole) == SHA
    assert pothole.explanation == (
        "By routing rule 7 (state roads), requests in MD 355 (state road) go to "
        "State Highway Administration (sample)."
    )
    assert pothole.areas == [COUNTY.ref, road.ref]
    # Another group on the same road skips the rule: the county serves it.
    assert department(resolve([COUNTY, road], [road_rule], TRASH, True)) == "solid-waste"
    # The rule needs the road: elsewhere in the county, potholes are ours.
    assert department(resolve([COUNTY], [road_rule], POTHOLE, True)) == "transportation"


def test_a_refer_road_refers_every_service_even_without_a_rule() -> None:
    assert referral(resolve([COUNTY, ROAD], [], TRASH, True)) == SHA
    assert referral(resolve([COUNTY, ROAD], [], POTHOLE, True)) == SHA


def test_a_rule_by_service_code_sends_to_a_department() -> None:
    to_parks = RoutingRule(3, 1, service_code="trash", department="recreation-parks")
    names = {"recreation-parks": "Recreation & Parks"}
    trash = resolve([COUNTY], [to_parks], TRASH, True, names)
    assert trash == Resolution(
        [COUNTY.ref],
        Responsible(ResponsibleKind.DEPARTMENT, department="recreation-parks"),
        "By routing rule 3, Trash pickup is handled by Recreation & Parks.",
        served=True,
    )
    assert department(resolve([COUNTY], [to_parks], POTHOLE, True, names)) == "transportation"
    unnamed = resolve([COUNTY], [to_parks], TRASH, True)
    assert unnamed.explanation == "By routing rule 3, Trash pickup is handled by recreation-parks."


def test_a_department_rule_names_its_area_and_overrides_a_refer_area() -> None:
    keep = RoutingRule(4, 5, area_id=ROCKVILLE.ref.id, department="transportation")
    resolution = resolve([COUNTY, ROCKVILLE], [keep], POTHOLE, True, {})
    assert department(resolution) == "transportation"
    assert resolution.explanation == (
        "By routing rule 4, Pothole in Rockville (municipality) is handled by transportation."
    )


def test_a_rule_by_area_matches_that_area_only() -> None:
    refer_rockville = RoutingRule(2, 1, area_id=2, referral=PARKS)
    assert referral(resolve([COUNTY, ROCKVILLE], [refer_rockville], POTHOLE, True)) == PARKS
    elsewhere = resolve([COUNTY], [refer_rockville], POTHOLE, True)
    assert department(elsewhere) == "transportation"


def test_a_rule_by_layer_matches_any_area_of_that_layer() -> None:
    district_rule = RoutingRule(1, 1, layer="districts", referral=PARKS)
    assert referral(resolve([COUNTY, DISTRICT], [district_rule], POTHOLE, True)) == PARKS
    assert department(resolve([COUNTY], [district_rule], POTHOLE, True)) == "transportation"


def test_a_rule_without_area_or_service_matches_everywhere() -> None:
    everything = RoutingRule(9, 1, referral=PARKS, description="closed for the holiday")
    for hits in ([], [COUNTY], [COUNTY, ROCKVILLE]):
        resolution = resolve(hits, [everything], None, True)
        assert referral(resolution) == PARKS
        assert resolution.explanation == (
            "By routing rule 9 (closed for the holiday), requests go to Parks Authority (sample)."
        )


def test_a_rule_for_a_service_never_matches_without_a_service() -> None:
    by_code = RoutingRule(1, 1, service_code="pothole", referral=PARKS)
    by_group = RoutingRule(2, 1, service_group="Streets", referral=PARKS)
    resolution = resolve([COUNTY], [by_code, by_group], None, True)
    assert resolution.responsible == Responsible(ResponsibleKind.DEPARTMENT)


def test_a_service_group_rule_skips_other_groups_and_a_code_rule_other_codes() -> None:
    by_group = RoutingRule(1, 1, service_group="Sanitation", referral=PARKS)
    by_code = RoutingRule(2, 1, service_code="trash", referral=PARKS)
    for rules in ([by_group], [by_code]):
        assert department(resolve([COUNTY], rules, POTHOLE, True)) == "transportation"
        assert referral(resolve([COUNTY], rules, TRASH, True)) == PARKS


def test_rules_apply_by_priority_then_id_and_the_first_match_wins() -> None:
    first = Contact("First")
    second = Contact("Second")
    low_number = RoutingRule(20, 1, referral=first)
    high_number = RoutingRule(10, 2, referral=second)
    for rules in ([low_number, high_number], [high_number, low_number]):
        assert referral(resolve([COUNTY], rules, POTHOLE, True)) == first
    same_priority = [RoutingRule(12, 5, referral=second), RoutingRule(11, 5, referral=first)]
    for rules in (same_priority, same_priority[::-1]):
        assert referral(resolve([COUNTY], rules, POTHOLE, True)) == first


def test_a_rule_that_does_not_match_falls_through_to_the_next() -> None:
    rules = [
        RoutingRule(1, 1, layer="nowhere", referral=Contact("Nowhere")),
        RoutingRule(2, 2, service_code="trash", referral=Contact("Trash people")),
        RoutingRule(3, 3, service_group="Streets", layer="counties", department="public-works"),
    ]
    resolution = resolve([COUNTY], rules, POTHOLE, True)
    assert department(resolution) == "public-works"
    assert resolution.explanation == (
        "By routing rule 3, Pothole in Montgomery County (county) is handled by public-works."
    )


def test_refer_to_area_contact_picks_the_most_local_area_of_the_rules_layer() -> None:
    big = hit(10, "roads", "a", "Big road", LayerRole.INFO, "road", 2.0, Contact("Big"))
    small = hit(11, "roads", "b", "Small road", LayerRole.INFO, "road", 1.0, Contact("Small"))
    by_layer = RoutingRule(1, 1, layer="roads", refer_to_area_contact=True)
    for hits in ([COUNTY, big, small], [small, big, COUNTY]):
        assert referral(resolve(hits, [by_layer], POTHOLE, True)) == Contact("Small")


def test_refer_to_area_contact_without_a_contact_uses_the_areas_name() -> None:
    by_layer = RoutingRule(1, 1, layer="districts", refer_to_area_contact=True)
    resolution = resolve([COUNTY, DISTRICT], [by_layer], POTHOLE, True)
    assert referral(resolution) == Contact(name="District 3")


@pytest.mark.parametrize("served_layers_exist", [True, False])
def test_rules_come_before_every_default(served_layers_exist: bool) -> None:
    catch_all = RoutingRule(1, 100, department="solid-waste")
    for hits in ([], [ROCKVILLE], [COUNTY], [STATE]):
        resolution = resolve(hits, [catch_all], POTHOLE, served_layers_exist)
        assert department(resolution) == "solid-waste"
