from typing import Protocol

from domain.directory.ports import CatalogUnitOfWork
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import Contact, Layer, Resolution, RoutingRule
from domain.jurisdictions.resolver import ServiceFacts


class JurisdictionRepository(Protocol):
    async def lock_layer(self, slug: str) -> Layer | None:
        """The layer, locked against concurrent imports until the transaction ends."""
        ...

    async def add_layer(self, layer: Layer) -> None: ...
    async def save_layer(self, layer: Layer) -> None: ...

    async def add_areas(self, layer: Layer, areas: list[ParsedArea]) -> None:
        """Store the areas as the layer's version `layer.version`; older versions stay."""
        ...

    async def carry_over(self, layer: Layer) -> None:
        """Move contacts and area-bound rules from the previous version to matching codes."""
        ...

    async def area_layer(self, area_id: int) -> str | None: ...
    async def save_area_contact(self, area_id: int, contact: Contact | None) -> None: ...
    async def add_rule(self, rule: RoutingRule) -> RoutingRule: ...
    async def get_rule(self, rule_id: int) -> RoutingRule | None: ...
    async def save_rule(self, rule: RoutingRule) -> None: ...
    async def delete_rule(self, rule_id: int) -> None: ...

    async def mark_changed(self) -> None:
        """Tell every API process that its spatial index is stale."""
        ...


class JurisdictionResolver(Protocol):
    """Resolves points in memory against the current layers and rules."""

    async def resolve(
        self, lat: float, long: float, service: ServiceFacts | None
    ) -> Resolution: ...


class JurisdictionsUnitOfWork(CatalogUnitOfWork, Protocol):
    jurisdictions: JurisdictionRepository
