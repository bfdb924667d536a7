"""Admins maintain boundary layers and routing rules; every change reaches all API processes."""

from dataclasses import dataclass, replace

from domain.directory.catalog import is_slug
from domain.directory.permissions import Principal
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import Contact, Layer, LayerRole, RoutingRule
from domain.jurisdictions.ports import JurisdictionsUnitOfWork
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed


@dataclass(frozen=True)
class ImportOutcome:
    layer: str
    imported: int
    replaced: int
    repaired: int


@dataclass(frozen=True)
class ImportLayer:
    slug: str
    areas: list[ParsedArea]
    role: LayerRole | None = None
    kind: str | None = None
    name: str | None = None


async def import_layer(
    context: Context[JurisdictionsUnitOfWork], command: ImportLayer, by: Principal
) -> ImportOutcome:
    """Replace a layer atomically with a new version; the old version is kept for history.

    A new layer is `info` unless a role is given; its kind defaults to its slug.
    """
    by.require_admin()
    if not is_slug(command.slug):
        raise ValidationFailed.single("layer", "must be a lowercase URL-safe slug")
    async with context.uow() as work:
        layer = await work.jurisdictions.lock_layer(command.slug)
        replaced = layer.area_count if layer else 0
        if layer is None:
            layer = Layer(
                command.slug, command.kind or command.slug, command.role or LayerRole.INFO
            )
            layer.name = command.name or command.slug
            layer.version = 0
            await work.jurisdictions.add_layer(layer)
        layer.version += 1
        layer.area_count = len(command.areas)
        layer.role = command.role or layer.role
        layer.kind = command.kind or layer.kind
        layer.name = command.name or layer.name
        await work.jurisdictions.add_areas(layer, command.areas)
        if layer.version > 1:
            await work.jurisdictions.carry_over(layer)
        await work.jurisdictions.save_layer(layer)
        await work.jurisdictions.mark_changed()
        await work.commit()
    repaired = sum(1 for area in command.areas if area.repaired)
    return ImportOutcome(command.slug, len(command.areas), replaced, repaired)


async def update_layer(
    context: Context[JurisdictionsUnitOfWork],
    slug: str,
    by: Principal,
    role: LayerRole | None = None,
    kind: str | None = None,
    name: str | None = None,
) -> Layer:
    by.require_admin()
    async with context.uow() as work:
        layer = await work.jurisdictions.lock_layer(slug)
        if layer is None:
            raise NotFound(f"layer {slug} was not found")
        layer.role = role or layer.role
        layer.kind = kind or layer.kind
        layer.name = name or layer.name
        await work.jurisdictions.save_layer(layer)
        await work.jurisdictions.mark_changed()
        await work.commit()
    return layer


async def update_area_contact(
    context: Context[JurisdictionsUnitOfWork],
    area_id: int,
    contact: Contact | None,
    by: Principal,
) -> None:
    """An empty contact clears it."""
    by.require_admin()
    async with context.uow() as work:
        if await work.jurisdictions.area_layer(area_id) is None:
            raise NotFound(f"area {area_id} was not found")
        cleared = contact is None or contact.is_empty
        await work.jurisdictions.save_area_contact(area_id, None if cleared else contact)
        await work.jurisdictions.mark_changed()
        await work.commit()


def check_rule(rule: RoutingRule) -> None:
    """A rule names exactly one target, and a service or group only once."""
    targets = [rule.department is not None, rule.referral is not None, rule.refer_to_area_contact]
    if sum(targets) != 1:
        raise ValidationFailed.single(
            "target", "give exactly one of department, referral or refer_to_area_contact"
        )
    if rule.service_code is not None and rule.service_group is not None:
        raise ValidationFailed.single("service_group", "give a service code or a group, not both")
    if rule.layer is not None and rule.area_id is not None:
        raise ValidationFailed.single("area_id", "give a layer or an area, not both")
    if rule.refer_to_area_contact and rule.layer is None and rule.area_id is None:
        raise ValidationFailed.single("refer_to_area_contact", "needs a layer or an area")
    if rule.referral is not None and not rule.referral.name:
        raise ValidationFailed.single("referral.name", "a referral needs the agency's name")


async def create_rule(
    context: Context[JurisdictionsUnitOfWork], rule: RoutingRule, by: Principal
) -> RoutingRule:
    by.require_admin()
    check_rule(rule)
    async with context.uow() as work:
        await _check_references(work, rule)
        stored = await work.jurisdictions.add_rule(rule)
        await work.jurisdictions.mark_changed()
        await work.commit()
    return stored


async def update_rule(
    context: Context[JurisdictionsUnitOfWork], rule_id: int, rule: RoutingRule, by: Principal
) -> RoutingRule:
    by.require_admin()
    check_rule(rule)
    async with context.uow() as work:
        if await work.jurisdictions.get_rule(rule_id) is None:
            raise NotFound(f"routing rule {rule_id} was not found")
        await _check_references(work, rule)
        updated = replace(rule, id=rule_id)
        await work.jurisdictions.save_rule(updated)
        await work.jurisdictions.mark_changed()
        await work.commit()
    return updated


async def delete_rule(
    context: Context[JurisdictionsUnitOfWork], rule_id: int, by: Principal
) -> None:
    by.require_admin()
    async with context.uow() as work:
        if await work.jurisdictions.get_rule(rule_id) is None:
            raise NotFound(f"routing rule {rule_id} was not found")
        await work.jurisdictions.delete_rule(rule_id)
        await work.jurisdictions.mark_changed()
        await work.commit()


async def _check_references(uow: JurisdictionsUnitOfWork, rule: RoutingRule) -> None:
    if rule.department is not None and await uow.departments.get(rule.department) is None:
        raise ValidationFailed.single("department", "is not a known department")
    if rule.service_code is not None and await uow.services.get(rule.service_code) is None:
        raise ValidationFailed.single("service_code", "is not a known service")
    if rule.layer is not None and await uow.jurisdictions.lock_layer(rule.layer) is None:
        raise ValidationFailed.single("layer", "is not a known layer")
    if rule.area_id is not None and await uow.jurisdictions.area_layer(rule.area_id) is None:
        raise ValidationFailed.single("area_id", "is not a known area")
