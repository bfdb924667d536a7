"""Each imported row's areas and department, from its point, in process and by the batch.

The points of a batch go through the spatial index in one vectorised query; the resolver
(domain/jurisdictions/resolver.py, the same rules as a new request's) then decides per row.
Its answer depends only on the areas found and the service, so it is worked out once per
(areas, service, home department) and reused: a city's history repeats those few thousand
combinations over and over.

History is the city's own record, so a row is never refused for where it lies: a point
outside the areas we serve (another government's, or none known) keeps the areas it lies in
and its home department; a row without a point has no areas and its home department.
"""

import json
from collections.abc import Sequence

from adapters.geo.live import Loaded
from domain.history.rows import ImportedRequest
from domain.jurisdictions.model import AreaHit, ResponsibleKind, area_refs_to_json
from domain.jurisdictions.resolver import ServiceFacts, resolve

NO_AREAS = "[]"

Placement = tuple[str, str]  # (department code, areas as JSON)


class Locator:
    def __init__(self, loaded: Loaded, services: dict[str, ServiceFacts]) -> None:
        self._loaded = loaded
        self._services = services
        self._known: dict[tuple[tuple[int, ...], str, str], Placement] = {}

    def place(self, rows: Sequence[ImportedRequest]) -> list[Placement]:
        with_point: list[int] = []
        points: list[tuple[float, float]] = []
        for i, row in enumerate(rows):
            if row.lat is not None and row.long is not None:
                with_point.append(i)
                points.append((row.lat, row.long))
        placements = [(row.department_code, NO_AREAS) for row in rows]
        all_hits = self._loaded.index.hits_at_many(points)
        for i, hits in zip(with_point, all_hits, strict=True):
            row = rows[i]
            key = (tuple(hit.ref.id for hit in hits), row.service_code, row.department_code)
            placement = self._known.get(key)
            if placement is None:
                placement = self._known[key] = self._decide(hits, row)
            placements[i] = placement
        return placements

    def _decide(self, hits: list[AreaHit], row: ImportedRequest) -> Placement:
        loaded = self._loaded
        service = self._services[row.service_code]
        if service.department != row.department_code:
            service = ServiceFacts(
                service.code,
                service.name,
                service.group,
                row.department_code,
                loaded.department_names.get(row.department_code, row.department_code),
            )
        resolution = resolve(
            hits, loaded.rules, service, loaded.served_layers_exist, loaded.department_names
        )
        responsible = resolution.responsible
        department = row.department_code
        if responsible.kind is ResponsibleKind.DEPARTMENT and responsible.department:
            department = responsible.department
        return department, json.dumps(area_refs_to_json(resolution.areas))
