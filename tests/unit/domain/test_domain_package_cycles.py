"""The domain packages import one way: scripts/domain_cycles.py finds no cycle between them."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "domain_cycles", ROOT / "scripts" / "domain_cycles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(domain_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = load_script().main(["domain_cycles.py", str(domain_dir)])
    return status, capsys.readouterr().out


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "domain" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "domain"


def test_the_domain_packages_form_no_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(ROOT / "domain", capsys)

    assert status == 0, out
    assert "mutual pairs: 0" in out
    assert "cycles (strongly connected components > 1): 0" in out


def test_a_cycle_through_a_relative_import_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    domain = write(
        tmp_path,
        {
            "__init__.py": "",
            "low/__init__.py": "",
            "low/model.py": "from ..high import use_cases\n",
            "high/__init__.py": "",
            "high/use_cases.py": "from domain.low.model import thing\n",
        },
    )

    status, out = run(domain, capsys)

    assert status == 1
    assert "high <-> low" in out
    assert "2 packages: high, low" in out


def test_a_module_beside_the_packages_takes_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    domain = write(
        tmp_path,
        {
            "__init__.py": "",
            "unit_of_work.py": "from domain.feature import ports\n",
            "feature/__init__.py": "",
            "feature/ports.py": "from domain import unit_of_work\n",
        },
    )

    status, out = run(domain, capsys)

    assert status == 1
    assert "feature <-> unit_of_work" in out
