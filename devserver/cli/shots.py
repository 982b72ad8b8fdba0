"""What ``kview snapshot`` and ``kview audit`` share: choosing the shots, the progress line, the
remote browser option and the optional snapshot extra."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from ..app_shots import app_shots
from ..project import App
from ..snapshot import remote
from ..snapshot.shots import select
from ..widget_shots import WidgetServer, widget_shots
from .common import load_or_exit

SNAPSHOT_EXTRA = ("playwright", "numpy", "PIL", "pybind11_pixelmatch",  # top-level module names
                  "pyspng", "zlib_ng", "axe_playwright_python")


def check_endpoint(browser_endpoint: str | None) -> None:
    """``--browser-endpoint``: a usage error when it is not a URL a browser can be reached at."""
    if browser_endpoint:
        try:
            remote.parse(browser_endpoint)
        except remote.BadEndpoint as exc:
            raise click.UsageError(str(exc)) from None


def missing_extra(command: str, exc: ImportError) -> click.UsageError:
    """The usage error for a module of the snapshot extra that is not installed; others re-raise."""
    if exc.name not in SNAPSHOT_EXTRA:
        raise exc
    return click.UsageError(f"kview {command} needs the snapshot extra ({exc.name} is missing): "
                            "pip install 'kview[snapshot]'")


def chosen_shots(app_dir: Path, view_pattern: str | None, theme: str, scenario: str | None,
                  widgets: WidgetServer | None = None) -> tuple[App, list[Any], list[Any]]:
    """The app, all its shots and those ``--view``/``--theme``/``--scenario`` choose (snapshot
    and audit); with ``widgets`` (snapshot), the widgets' shots too, taken through that server.
    A load error is reported (exit 1), an empty choice is a usage error (exit 2)."""
    app = load_or_exit(app_dir)
    shots = app_shots(app) + (widget_shots(app, widgets) if widgets is not None else [])
    chosen = select(shots, view=view_pattern, theme=theme, scenario=scenario)
    if not chosen:
        what = ("no views" + (" or widgets" if widgets is not None else "") if not shots
                else "no shot matches --view/--theme/--scenario")
        raise click.UsageError(f"{app_dir}: {what}")
    return app, shots, chosen


def progress(total: int, fmt: str) -> Any:
    """A bar on stderr at a terminal; elsewhere (CI, pipes) one line per shot taken."""
    bar = sys.stderr.isatty() and not os.environ.get("CI")
    seen = [0]

    def show(result: Any) -> None:
        seen[0] += 1
        if bar:
            width = 30
            filled = width * seen[0] // max(total, 1)
            click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {seen[0]}/{total} {result.name[:50]:<50}",
                       err=True, nl=seen[0] == total)
        elif result.status != "unchanged":
            click.echo(f"{result.status:>9}  {result.name}{f'  ({result.message})' if result.message else ''}", err=True)
    return show
