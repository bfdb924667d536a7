"""Mapping files: a path, or the name of one that ships in adapters/history/mappings/."""

import json
from importlib import resources
from pathlib import Path

from domain.history.mapping import Mapping, MappingInvalid, parse_mapping

SHIPPED = resources.files("adapters.history") / "mappings"


def shipped_mappings() -> list[str]:
    return sorted(
        p.name.removesuffix(".json") for p in SHIPPED.iterdir() if p.name.endswith(".json")
    )


def load_mapping(name_or_path: str) -> Mapping:
    """`baltimore` reads the shipped mappings/baltimore.json; anything else is a path."""
    shipped = SHIPPED / f"{name_or_path}.json"
    path = Path(name_or_path)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    elif "/" not in name_or_path and shipped.is_file():
        text = shipped.read_text(encoding="utf-8")
    else:
        names = ", ".join(shipped_mappings())
        raise MappingInvalid([f"no mapping file {name_or_path!r} (shipped: {names})"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MappingInvalid([f"{name_or_path}: not JSON ({error})"]) from None
    return parse_mapping(data)
