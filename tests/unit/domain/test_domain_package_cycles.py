"""The domain packages import one way: scripts/domain_cycles.py finds no cycle between them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "domain_cycles.py"


def run(domain_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(domain_dir)],
        capture_output=True,
        text=True,
        check=False,
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "domain" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "domain"


def test_the_domain_packages_form_no_cycle() -> None:
    result = run(ROOT / "domain")

    assert result.returncode == 0, result.stdout
    assert "mutual pairs: 0" in result.stdout
    assert "cycles (strongly connected components > 1): 0" in result.stdout


def test_a_cycle_through_a_relative_import_is_found(tmp_path: Path) -> None:
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

    result = run(domain)

    assert result.returncode == 1
    assert "high <-> low" in result.stdout
    assert "2 packages: high, low" in result.stdout


def test_a_module_beside_the_packages_takes_part(tmp_path: Path) -> None:
    domain = write(
        tmp_path,
        {
            "__init__.py": "",
            "unit_of_work.py": "from domain.feature import ports\n",
            "feature/__init__.py": "",
            "feature/ports.py": "from domain import unit_of_work\n",
        },
    )

    result = run(domain)

    assert result.returncode == 1
    assert "feature <-> unit_of_work" in result.stdout
