"""The table modules import one another one way: `base`, then each feature above the features
whose tables its foreign keys name. Only the package's `__init__` imports them all."""

import ast
from pathlib import Path

PACKAGE = "adapters.db.tables"
FOLDER = Path(__file__).parents[3].joinpath(*PACKAGE.split("."))  # read, not imported
MODULES = sorted(path.stem for path in FOLDER.glob("*.py"))

Graph = dict[str, set[str]]


def _absolute(node: ast.ImportFrom) -> str:
    """The module an import from names, with a relative one resolved inside the package."""
    if not node.level:
        return node.module or ""
    parent = PACKAGE.rsplit(".", node.level - 1)[0] if node.level > 1 else PACKAGE
    return f"{parent}.{node.module}" if node.module else parent


def _targets(node: ast.AST) -> set[str]:
    """The package's modules one import statement loads: `__init__` for the package itself."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        module = _absolute(node)
        names = [_submodule_or_self(module, alias.name) for alias in node.names]
    else:
        return set()
    return {_local(name) for name in names if name == PACKAGE or name.startswith(PACKAGE + ".")}


def _submodule_or_self(module: str, name: str) -> str:
    """`from adapters.db.tables import cases` loads the module `cases`; `import metadata`, the
    package."""
    return f"{module}.{name}" if module == PACKAGE and name in MODULES else module


def _local(name: str) -> str:
    return name.removeprefix(PACKAGE).lstrip(".") or "__init__"


def import_graph() -> Graph:
    graph: Graph = {}
    for module in MODULES:
        tree = ast.parse((FOLDER / f"{module}.py").read_text())
        graph[module] = set().union(*(_targets(node) for node in ast.walk(tree))) - {module}
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """A path that comes back to where it started, or None when the graph is acyclic."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str] | None:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return None
        for imported in sorted(graph.get(module, ())):
            cycle = visit(imported, [*path, module])
            if cycle:
                return cycle
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module, [])
        if cycle:
            return cycle
    return None


def test_the_table_modules_import_each_other_without_a_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 10, graph  # the walk found the package's modules
    assert find_cycle(graph) is None


def test_the_metadata_module_imports_no_table_module() -> None:
    assert import_graph()["base"] == set()


def test_the_package_imports_every_table_module_so_the_metadata_is_whole() -> None:
    assert import_graph()["__init__"] == set(MODULES) - {"__init__"}


def test_the_walk_sees_a_cycle_through_the_package() -> None:
    """A feature importing the package's `metadata` would run `__init__`, which imports it."""
    graph = import_graph()
    graph["cases"] = graph["cases"] | {"__init__"}
    assert find_cycle(graph) == ["__init__", "cases", "__init__"]
