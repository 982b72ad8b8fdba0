"""axe-core's rules in the audit (``kview audit --axe``): the script ships in the
``axe-playwright-python`` package (the snapshot extra), read as text and evaluated in the page;
a baseline file (``DIR/__audit__/axe-baseline.json``) sorts a run's violations into new and
pre-existing and lists those resolved since."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

BASELINE_VERSION = 1


@cache
def axe_source() -> str:
    """axe.min.js; ``ImportError`` (name ``axe_playwright_python``) without the package."""
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ImportError("axe-core is missing", name="axe_playwright_python") from exc


@cache
def run_js() -> str:
    return (Path(__file__).resolve().parent / "axe.js").read_text(encoding="utf-8")


def baseline_key(finding: Any) -> str:
    """What identifies an axe violation across runs: shot, rule and the node's selector."""
    return f"{finding.view}.{finding.scenario}.{finding.theme} {finding.rule} {finding.key}"


def read_baseline(path: Path) -> set[str] | None:
    """The keys recorded in ``path``, or ``None`` when there is no (readable) baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    keys = data.get("violations") if isinstance(data, dict) else None
    return {str(k) for k in keys} if isinstance(keys, list) else None


def write_baseline(path: Path, keys: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": BASELINE_VERSION, "violations": sorted(set(keys))}, indent=1) + "\n",
                    encoding="utf-8")
