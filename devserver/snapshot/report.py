"""The HTML report of a run with failures: one file (``report.html`` in the results folder) that
opens from disk with its pictures embedded as data URIs. Each failed view and scenario shows its
light and dark shots together, each as side by side, a slider and an overlay (pure CSS: the
report runs no script), and the ``kview snapshot --accept`` command that makes it the baseline.
"""

from __future__ import annotations

import base64
import shlex
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .store import REPORT, Failure, Store, write_atomic

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class ShownShot:
    name: str
    theme: str
    message: str
    actual: str | None  # data: URIs
    expected: str | None
    diff: str | None
    accept: str | None  # the command that accepts it


@dataclass(frozen=True)
class ShownGroup:
    title: str  # view · scenario
    shots: list[ShownShot]


@cache
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def accept_command(store: Store, name: str | None) -> str:
    """The command that accepts ``name`` (``None``: every failure) from the last run."""
    parts = ["kview", "snapshot", str(store.baselines.parent)]
    if store.results != store.baselines / ".results":
        parts += ["--output", str(store.results)]
    parts += ["--accept", name] if name else ["--accept-all"]
    return shlex.join(parts)


def write_report(store: Store, failures: list[Failure]) -> Path:
    """Write the report of ``failures`` and return its path."""
    groups: dict[str, list[ShownShot]] = {}
    for f in failures:
        stem, _, theme = f.name.rpartition(".")
        groups.setdefault(stem, []).append(ShownShot(
            f.name, theme, f.message, _data_uri(store, f.actual), _data_uri(store, f.expected),
            _data_uri(store, f.diff), accept_command(store, f.name) if f.actual else None))
    shown = [ShownGroup(_title(stem), sorted(shots, key=lambda s: s.theme != "light")) for stem, shots in groups.items()]
    html = _env().get_template("report.html").render(
        groups=shown, count=len(failures), app=str(store.baselines.parent),
        accept_all=accept_command(store, None))
    path = store.results / REPORT
    write_atomic(path, html.encode())
    return path


def _title(stem: str) -> str:
    """``view · scenario``, or ``widget name · scenario`` for ``widgets/name.scenario``."""
    kind, _, rest = stem.rpartition("/")
    title = rest.replace(".", " · ")
    return f"{kind.rstrip('s')} {title}" if kind else title


def _data_uri(store: Store, file: str | None) -> str | None:
    if file is None:
        return None
    try:
        data = (store.results / file).read_bytes()
    except OSError:
        return None
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")
