"""What a provider's groups grant: the mapping's grammar and the strongest grant."""

import pytest

from domain.directory.single_sign_on import Grant, GroupRoles
from domain.directory.users import Role, Tier

MAPPING = GroupRoles.parse(
    "311-agents:agent, 311-supervisors:supervisor,311-admins:admin,"
    "dpw-staff:staff@transportation,dpw-managers:manager@transportation,"
    "water-managers:manager@water,urn:city:groups:ops:supervisor"
)


@pytest.mark.parametrize(
    ("groups", "grant"),
    [
        (("311-agents",), Grant(Role.AGENT)),
        (("311-agents", "311-admins", "311-supervisors"), Grant(Role.ADMIN)),
        (("dpw-staff",), Grant(Role.STAFF, "transportation", Tier.EMPLOYEE)),
        (("dpw-staff", "dpw-managers"), Grant(Role.STAFF, "transportation", Tier.MANAGER)),
        (("dpw-staff", "311-agents"), Grant(Role.AGENT)),
        (("water-managers", "dpw-managers"), Grant(Role.STAFF, "transportation", Tier.MANAGER)),
        (("urn:city:groups:ops",), Grant(Role.SUPERVISOR)),
        (("all-city-staff",), None),
        ((), None),
    ],
)
def test_the_strongest_mapped_group_wins(groups: tuple[str, ...], grant: Grant | None) -> None:
    assert MAPPING.grant_for(groups) == grant


def test_an_empty_mapping_grants_nothing() -> None:
    assert GroupRoles.parse("").grant_for(("311-admins",)) is None


@pytest.mark.parametrize(
    "text",
    [
        "311-agents",  # no grant
        ":agent",  # no group
        "g:overlord",
        "g:staff",  # staff need a department
        "g:manager@",
        "g:agent@transportation",  # call-center roles have no department
    ],
)
def test_a_malformed_mapping_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"group:grant|a grant is"):
        GroupRoles.parse(text)
