"""Who is responsible at a point: pure rules over the areas that contain it.

Order of decision, first match wins:
1. routing rules, by priority (lowest number first), then id;
2. the most local (smallest) area of a `served` or `refer` layer: a served one gives the
   service's department, a refer one the area's own contact. So a town inside a served county
   handles its own requests, and a served city inside a state-wide refer layer keeps its own;
3. no served layer configured at all: the service's department everywhere;
4. any other containing area with a contact: a referral to that government;
5. otherwise nobody, with a message saying so.
Ties between areas are broken by size, then layer slug, code and id, so shared borders and
overlaps always give the same answer.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class ServiceFacts:
    code: str
    name: str
    group: str
    department: str
    department_name: str


def _local_first(hits: list[AreaHit]) -> list[AreaHit]:
    return sorted(hits, key=lambda h: (h.size, h.ref.layer, h.ref.code, h.ref.id))


def _contact_of(hit: AreaHit) -> Contact:
    if hit.contact is not None and not hit.contact.is_empty:
        return hit.contact
    return Contact(name=hit.ref.name)


def _place(hit: AreaHit) -> str:
    return f"{hit.ref.name} ({hit.kind})"


def resolve(
    hits: list[AreaHit],
    rules: list[RoutingRule],
    service: ServiceFacts | None,
    served_layers_exist: bool,
    department_names: dict[str, str] | None = None,
) -> Resolution:
    ordered = _local_first(hits)
    areas = [h.ref for h in sorted(hits, key=lambda h: (h.ref.layer, h.ref.code, h.ref.id))]
    code, group = (service.code, service.group) if service else (None, None)
    for rule in sorted(rules, key=lambda r: (r.priority, r.id)):
        if rule.matches(code, group, ordered):
            return _by_rule(rule, ordered, areas, service, department_names or {})
    deciding = [h for h in ordered if h.role in (LayerRole.SERVED, LayerRole.REFER)]
    if deciding and deciding[0].role is LayerRole.REFER:
        return _referral(areas, deciding[0], "handles its own requests")
    if deciding or not served_layers_exist:
        return _department(areas, deciding[0] if deciding else None, service)
    governed = [h for h in ordered if h.contact is not None and not h.contact.is_empty]
    if governed:
        return _referral(areas, governed[0], "is outside the areas we serve")
    return Resolution(
        areas,
        Responsible(ResponsibleKind.NONE),
        "This point is outside the areas we serve, and no other government is known for it.",
    )


def _referral(areas: list[AreaRef], hit: AreaHit, why: str) -> Resolution:
    contact = _contact_of(hit)
    explanation = (
        f"The point lies in {_place(hit)}, which {why}: refer the caller to {contact.name}."
    )
    responsible = Responsible(ResponsibleKind.REFERRAL, referral=contact, referral_area=hit.ref)
    return Resolution(areas, responsible, explanation)


def _department(
    areas: list[AreaRef], served: AreaHit | None, service: ServiceFacts | None
) -> Resolution:
    where = f"The point lies in {_place(served)}, which we serve" if served else "We serve here"
    if service is None:
        explanation = f"{where}; name a service to learn which department handles it."
        return Resolution(areas, Responsible(ResponsibleKind.DEPARTMENT), explanation, served=True)
    explanation = f"{where}; {service.name} is handled by {service.department_name}."
    responsible = Responsible(ResponsibleKind.DEPARTMENT, department=service.department)
    return Resolution(areas, responsible, explanation, served=True)


def _by_rule(
    rule: RoutingRule,
    hits: list[AreaHit],
    areas: list[AreaRef],
    service: ServiceFacts | None,
    department_names: dict[str, str],
) -> Resolution:
    area = rule.matched_area(hits)
    label = f"routing rule {rule.id}" + (f" ({rule.description})" if rule.description else "")
    where = f" in {_place(area)}" if area else ""
    if rule.department is not None:
        name = department_names.get(rule.department, rule.department)
        what = service.name if service else "this request"
        explanation = f"By {label}, {what}{where} is handled by {name}."
        responsible = Responsible(ResponsibleKind.DEPARTMENT, department=rule.department)
        return Resolution(areas, responsible, explanation, served=True)
    source = area if rule.refer_to_area_contact else None
    contact = _contact_of(source) if source else rule.referral or Contact()
    explanation = f"By {label}, requests{where} go to {contact.name or 'another agency'}."
    source_ref = source.ref if source else None
    responsible = Responsible(ResponsibleKind.REFERRAL, referral=contact, referral_area=source_ref)
    return Resolution(areas, responsible, explanation)
