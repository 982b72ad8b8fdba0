"""The layer contracts of ``make lint`` (import-linter, in pyproject.toml) hold, and they bite;
an import inside a function says why it is there.

A contract that cannot fail proves nothing, so each is also run on a copy of the tree with one
forbidden import added, and must fail there, naming the contract.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a test extra")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )


def _copy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "kview"
    for name in ("renderer", "devserver"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_tree_keeps_every_contract() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("renderer/js/scope.py", "import devserver.cli", "renderer/ does no IO"),
        ("renderer/js/scope.py", "import flask", "renderer/ does no IO"),
        ("renderer/js/scope.py", "import renderer.react.elements", "renderer's layers"),
        ("renderer/html/tables.py", "import renderer.kustomer.records", "renderer's layers"),
        ("renderer/js/scope.py", "import renderer.js.compiler.statements", "no import cycles"),
        ("devserver/project/load.py", "import devserver.web.gallery", "devserver's layers"),
        ("devserver/watch.py", "import devserver.cli", "devserver's layers"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    root = _copy_tree(tmp_path)
    path = root / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # the violation under test\n", encoding="utf-8")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout.split("Broken contracts", 1)[1]
    assert contract in report, result.stdout
    name = Path(module).stem  # the report names the importer (absolute or relative to its package)
    assert f".{name} " in report or f".{name}\n" in report or f"{name} ->" in report, report


SOURCES = sorted([*(ROOT / "renderer").rglob("*.py"), *(ROOT / "devserver").rglob("*.py")])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_function_level_imports_say_why(path: Path) -> None:
    """Imports live at the top; one inside a function has a comment on it (or just above its
    block of imports) giving the reason: a recursion, a heavy optional import."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for fn in ast.walk(ast.parse("\n".join(lines))):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Import | ast.ImportFrom):
                first = node.lineno - 1
                while first > 0 and lines[first - 1].strip().startswith(("import ", "from ")):
                    first -= 1
                near = lines[max(first - 1, 0) : node.lineno]
                assert any("#" in line for line in near), f"{path.name}:{node.lineno}: say why it is imported here"
