from collections.abc import Sequence
from typing import Protocol

from domain.directory.catalog import Department, Service
from domain.directory.ports import CatalogUnitOfWork
from domain.directory.translations import SubjectRef
from domain.directory.users import User
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import AreaRecord, Contact, Layer, Resolution, RoutingRule
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


class JurisdictionIndex(JurisdictionResolver, Protocol):
    """The resolver each process holds, over many points at once too (one index look-up)."""

    async def resolve_many(
        self, points: Sequence[tuple[float, float, ServiceFacts | None]]
    ) -> list[Resolution]: ...


class JurisdictionReads(Protocol):
    async def layers(self, language: str | None = None) -> list[Layer]: ...

    async def referral_names(self, refs: set[SubjectRef], language: str) -> dict[SubjectRef, str]:
        """The translated names of these referral targets, in one query."""
        ...

    async def areas(self, layer: str | None, limit: int, offset: int) -> list[AreaRecord]: ...

    async def area(self, area_id: int) -> tuple[AreaRecord, bytes] | None:
        """The area and its shape (WKB)."""
        ...

    async def layer_geometries(self, slug: str) -> list[tuple[AreaRecord, bytes]]: ...

    async def rules(self) -> list[RoutingRule]: ...


class CatalogReads(Protocol):
    """The service catalog, its departments and staff, and the facts routing needs."""

    async def services(
        self, include_inactive: bool = False, language: str | None = None
    ) -> list[Service]: ...

    async def service(self, code: str, language: str | None = None) -> Service | None: ...

    async def service_facts(self, code: str) -> ServiceFacts | None: ...

    async def services_facts(self, codes: set[str]) -> dict[str, ServiceFacts]: ...

    async def departments(self, language: str | None = None) -> list[Department]: ...

    async def users(self) -> list[User]: ...

    async def user(self, user_id: object) -> User | None: ...


class JurisdictionsUnitOfWork(CatalogUnitOfWork, Protocol):
    jurisdictions: JurisdictionRepository
