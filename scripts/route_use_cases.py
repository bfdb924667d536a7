"""The domain use cases each route handler calls: at most one each.

A route handler is a function decorated with `@<router>.get/post/put/patch/delete/...` in
the modules given (by default every module under api/routers and api/open311). Its body is
walked with `ast`, together with every helper it calls that is defined in the same module
or in another `api` module (followed transitively), and each call is classified:

- a call of a name imported from `domain` that is a coroutine function is a use case
  (the domain's own logic is synchronous; what awaits is an operation over ports);
- `container.<field>.<method>(...)`, where the Container field is typed by a domain class
  that is not a Protocol and the method is a coroutine, is a use case too (a domain service's
  method); the use-case context (`container.context`) and the ports handed to a use case as
  keyword arguments (`hours=container.hours`) are arguments, not calls, and do not count;
- `container.<field>(...)`, where the field is typed by a callable domain Protocol (such as
  `AddressCsvImport`), is a container-provided operation and counts as a use case;
- anything else does not count: read-model port queries (`container.requests.page`, the
  fields typed by domain Protocols or adapters), sync domain helpers (`assess`, `seen_by`),
  schema mapping, and FastAPI dependencies (they run before the handler).

Use cases are counted once each by name, wherever and however often they are called. The
script prints every handler with its use cases and exits 1 if any calls more than one.

    python scripts/route_use_cases.py [module.py | directory ...]
"""

import ast
import importlib
import importlib.util
import inspect
import sys
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PLACES = (ROOT / "api" / "routers", ROOT / "api" / "open311")
ROUTE_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "api_route"})
Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class Module:
    path: Path
    functions: dict[str, Function]
    imports: dict[str, tuple[str, str]]  # local name -> (module, attribute)


@dataclass
class Walk:
    use_cases: set[str] = field(default_factory=set)
    seen: set[tuple[Path, str]] = field(default_factory=set)


def parse(path: Path) -> Module:
    tree = ast.parse(path.read_text(), str(path))
    functions = {
        n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    imports: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                imports[alias.asname or alias.name] = (node.module, alias.name)
    return Module(path, functions, imports)


def is_route(function: Function) -> bool:
    for decorator in function.decorator_list:
        call = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(call, ast.Attribute) and call.attr in ROUTE_VERBS:
            return True
    return False


def source_of(module_name: str) -> Path | None:
    spec = importlib.util.find_spec(module_name)
    return Path(spec.origin) if spec and spec.origin and spec.origin.endswith(".py") else None


def imported(module_name: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module_name), name, None)
    except ImportError:
        return None


def container_fields() -> dict[str, Any]:
    from api.bootstrap import Container

    return typing.get_type_hints(Container)


def is_protocol(cls: Any) -> bool:
    return bool(getattr(cls, "_is_protocol", False))


def field_class(hint: Any) -> Any:
    cls = typing.get_origin(hint) or hint
    return cls if inspect.isclass(cls) and cls.__module__.startswith("domain.") else None


def container_field(node: ast.expr) -> str | None:
    """`x` for the expression `container.x`."""
    if not isinstance(node, ast.Attribute) or not isinstance(node.value, ast.Name):
        return None
    return node.attr if node.value.id == "container" else None


def container_use_case(call: ast.Call, fields: dict[str, Any]) -> str | None:
    operation = container_field(call.func)
    if operation is not None:
        cls = field_class(fields.get(operation))
        if cls is not None and is_protocol(cls) and callable_protocol(cls):
            return f"container.{operation}"
        return None
    if not isinstance(call.func, ast.Attribute):
        return None
    owner = container_field(call.func.value)
    cls = field_class(fields.get(owner)) if owner is not None else None
    if cls is None or is_protocol(cls):
        return None
    if inspect.iscoroutinefunction(getattr(cls, call.func.attr, None)):
        return f"{cls.__module__}.{cls.__name__}.{call.func.attr}"
    return None


def callable_protocol(cls: Any) -> bool:
    return inspect.iscoroutinefunction(cls.__dict__.get("__call__"))


def walk(module: Module, function: Function, fields: dict[str, Any], found: Walk) -> None:
    if (module.path, function.name) in found.seen:
        return
    found.seen.add((module.path, function.name))
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        named = container_use_case(node, fields)
        if named:
            found.use_cases.add(named)
        elif isinstance(node.func, ast.Name):
            follow(module, node.func.id, fields, found)


def follow(module: Module, name: str, fields: dict[str, Any], found: Walk) -> None:
    if name in module.functions:
        walk(module, module.functions[name], fields, found)
        return
    if name not in module.imports:
        return
    origin, attribute = module.imports[name]
    if origin.split(".")[0] == "domain":
        if inspect.iscoroutinefunction(imported(origin, attribute)):
            found.use_cases.add(f"{origin}.{attribute}")
    elif origin.split(".")[0] == "api":
        path = source_of(origin)
        if path is not None:
            other = parse(path)
            if attribute in other.functions:
                walk(other, other.functions[attribute], fields, found)


def modules(places: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for place in places:
        paths.extend(sorted(place.rglob("*.py")) if place.is_dir() else [place])
    return paths


def report(places: list[Path]) -> dict[str, list[str]]:
    fields = container_fields()
    handlers: dict[str, list[str]] = {}
    for path in modules(places):
        module = parse(path)
        for function in module.functions.values():
            if is_route(function):
                found = Walk()
                walk(module, function, fields, found)
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                handlers[f"{where}:{function.name}"] = sorted(found.use_cases)
    return handlers


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    places = [Path(a).resolve() for a in argv[1:]] or list(DEFAULT_PLACES)
    handlers = report(places)
    over = {h: u for h, u in handlers.items() if len(u) > 1}
    for handler, use_cases in handlers.items():
        print(f"{handler}: {', '.join(use_cases) or '-'}")
    print(f"handlers: {len(handlers)}")
    print(f"handlers calling one use case: {sum(len(u) == 1 for u in handlers.values())}")
    print(f"handlers calling more than one: {len(over)}")
    for handler, use_cases in over.items():
        print(f"  {handler}: {len(use_cases)}: {', '.join(use_cases)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
