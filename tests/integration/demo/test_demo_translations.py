"""The demo ships Spanish for all of its catalog: every service with every attribute question,
hint and option, every department, every layer and every referral target."""

import gzip
import json
from typing import Any

from adapters.demo.loader import CATALOG, DEMO_LAYERS, LAYERS, demo_services
from adapters.demo.translations import demo_translations
from domain.directory.translations import (
    ServiceTranslation,
    Subject,
    SubjectRef,
    Translation,
    check_service_translation,
)
from domain.jurisdictions.model import LayerRole

CATALOG_DATA: dict[str, Any] = json.loads(CATALOG.read_text(encoding="utf-8"))


def spanish() -> dict[SubjectRef, Translation]:
    return {ref: text for ref, language, text in demo_translations() if language == "es"}


def test_every_demo_service_is_translated_whole() -> None:
    texts = spanish()
    for service in demo_services(CATALOG_DATA):
        text = texts[SubjectRef(Subject.SERVICE, service.code)]
        assert isinstance(text, ServiceTranslation)
        check_service_translation(service, text)
        assert text.name and text.description and text.group and text.keywords, service.code
        for attribute in service.attributes:
            given = text.attributes[attribute.code]
            assert given.description, (service.code, attribute.code)
            assert bool(given.datatype_description) == bool(attribute.datatype_description)
            assert set(given.values) == {o.key for o in attribute.values}, attribute.code
            assert all(given.values.values())


def test_every_department_and_layer_has_a_spanish_name() -> None:
    names = {(ref.kind, ref.key) for ref in spanish()}
    for department in CATALOG_DATA["departments"]:
        assert (Subject.DEPARTMENT, department["code"]) in names
    for layer in DEMO_LAYERS:
        assert (Subject.LAYER, layer.slug) in names


def test_every_referral_target_of_the_demo_has_a_spanish_name() -> None:
    names = {ref.key for ref in spanish() if ref.kind is Subject.REFERRAL}
    expected = set()
    for layer in DEMO_LAYERS:
        if layer.role is not LayerRole.REFER:
            continue
        with gzip.open(LAYERS / f"{layer.slug}.geojson.gz", "rt", encoding="utf-8") as handle:
            features = json.load(handle)["features"]
        expected |= {f"{layer.slug}/{f['properties'][layer.code_property]}" for f in features}
    assert names == expected
    assert len(expected) == 23 + 156


def test_the_pothole_is_a_bache() -> None:
    text = spanish()[SubjectRef(Subject.SERVICE, "trm-pothole-repair")]
    assert text.name == "Bache"
