"""Imports between the packages of `domain/`, their mutual pairs and cycles.

Walks every module under `domain/<package>/`, and each top-level `domain/<module>.py`,
with `ast`, resolves relative imports, and counts each (importing module, imported package)
pair once. Prints the edges, the mutual pairs and every strongly connected component larger
than one package. Exits 1 if there is a cycle, so CI and the unit test can hold the order.

    python scripts/domain_cycles.py [path/to/domain]
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

Graph = dict[str, set[str]]


def module_name(path: Path, domain_dir: Path) -> list[str]:
    parts = list(path.relative_to(domain_dir.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def absolute_targets(node: ast.AST, module: list[str], is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        base = node.module or ""
    else:
        anchor = module if is_package else module[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join(anchor + ([node.module] if node.module else []))
    # `from domain import unit_of_work` names a module: each imported name may be one.
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def imported_packages(path: Path, domain_dir: Path) -> set[str]:
    module = module_name(path, domain_dir)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        for target in absolute_targets(node, module, path.name == "__init__.py"):
            parts = target.split(".")
            if len(parts) >= 2 and parts[0] == domain_dir.name:
                found.add(parts[1])
    return found


def parts(domain_dir: Path) -> dict[str, list[Path]]:
    """Each package under domain/, and each module beside them (such as the unit of work)."""
    found: dict[str, list[Path]] = {}
    for entry in sorted(domain_dir.iterdir()):
        if (entry / "__init__.py").exists():
            found[entry.name] = sorted(entry.rglob("*.py"))
        elif entry.suffix == ".py" and entry.name != "__init__.py":
            found[entry.stem] = [entry]
    return found


def edges(domain_dir: Path) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for name, paths in parts(domain_dir).items():
        for path in paths:
            for target in imported_packages(path, domain_dir):
                if target != name:
                    counts[(name, target)] += 1
    return dict(counts)


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's algorithm; components come out in reverse topological order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def report(domain_dir: Path) -> list[list[str]]:
    counted = edges(domain_dir)
    graph: Graph = defaultdict(set)
    for source, target in counted:
        graph[source].add(target)
        graph.setdefault(target, set())
    print(
        f"imports between packages: {len(counted)} package pairs, {sum(counted.values())} modules"
    )
    for (source, target), modules in sorted(counted.items()):
        print(f"  {source} -> {target} ({modules})")
    mutual = sorted((a, b) for a, b in counted if a < b and (b, a) in counted)
    print(f"mutual pairs: {len(mutual)}")
    for a, b in mutual:
        print(f"  {a} <-> {b}")
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    print(f"cycles (strongly connected components > 1): {len(cycles)}")
    for component in cycles:
        print(f"  {len(component)} packages: {', '.join(component)}")
    return cycles


def main(argv: list[str]) -> int:
    domain_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "domain"
    return 1 if report(domain_dir.resolve()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
