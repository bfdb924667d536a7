"""The demo referral targets' phone numbers and web addresses (sample content, see
`scripts/derive_demo_referral_contacts.py` and ATTRIBUTION.md)."""

import csv
from pathlib import Path

from sqlalchemy import Text, bindparam, func, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.jurisdictions import jurisdiction_areas

CONTACTS = Path(__file__).with_name("referral_contacts.csv")


def demo_referral_contacts() -> list[dict[str, str]]:
    with CONTACTS.open(encoding="utf-8", newline="") as handle:
        return [
            {"b_layer": r["layer"], "b_code": r["code"], "b_phone": r["phone"], "b_url": r["url"]}
            for r in csv.DictReader(handle)
        ]


async def add_demo_referral_contacts(db: AsyncConnection) -> None:
    """Adds a phone and a web address to the contact each refer area already has."""
    areas = jurisdiction_areas.c
    contact = func.coalesce(areas.contact, func.jsonb_build_object()).op("||")(
        func.jsonb_build_object(
            "phone", bindparam("b_phone", type_=Text), "url", bindparam("b_url", type_=Text)
        )
    )
    statement = (
        update(jurisdiction_areas)
        .where(areas.layer_slug == bindparam("b_layer"), areas.code == bindparam("b_code"))
        .values(contact=contact)
    )
    await db.execute(statement, demo_referral_contacts())
