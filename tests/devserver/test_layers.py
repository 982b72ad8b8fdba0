"""devserver's layering, checked on the source: imports go cli → web → project (web → watch),
never back; renderer never imports devserver; imports sit at module level unless a comment
next to them says why."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "devserver"

# what each part of devserver may import from devserver
ALLOWED = {
    "cli": {"project", "web"},
    "web": {"project", "watch", "paths", "web"},
    "project": {"project"},
    "snapshot": {"snapshot"},
    "watch": set(),
    "paths": set(),
}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def devserver_imports(path: Path) -> list[tuple[ast.stmt, str]]:
    """(statement, absolute module) for every import of a devserver module in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node, a.name) for a in node.names if a.name.startswith("devserver")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
                names = [target] if node.module else [f"{base}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            out += [(node, n) for n in names if n.startswith("devserver")]
    return out


def part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_layers(path: Path) -> None:
    here = part(module_name(path))
    for node, target in devserver_imports(path):
        if here == "":  # devserver/__init__.py
            pytest.fail(f"devserver/__init__.py imports {target}")
        assert part(target) in ALLOWED[here] | {here}, f"{path.name}:{node.lineno} imports {target}"


def test_renderer_never_imports_devserver() -> None:
    for path in (ROOT / "renderer").rglob("*.py"):
        assert "devserver" not in {n.split(".")[0] for _, n in devserver_imports(path)}, path


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_function_level_imports_say_why(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Import | ast.ImportFrom):
                # a comment on the import's line, or on the line above its block of imports
                first = node.lineno - 1
                while first > 0 and lines[first - 1].strip().startswith(("import ", "from ")):
                    first -= 1
                near = lines[max(first - 1, 0) : node.lineno]
                assert any("#" in line for line in near), f"{path.name}:{node.lineno}: say why it is imported here"


def test_the_layer_check_sees_relative_imports() -> None:
    found = {t for _, t in devserver_imports(PACKAGE / "web" / "server.py")}
    assert {"devserver.watch", "devserver.web.create_app", "devserver.web.config"} <= found
