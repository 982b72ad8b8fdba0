"""What the commands share: exit codes, error and colour output, choosing a view, the settle options."""

from __future__ import annotations

import difflib
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

import click

from renderer import Budgets, KViewError

from ..project import App, ViewSpec, load

EXIT_TEMPLATE_ERROR = 1
EXIT_USAGE = 2
EXIT_PORT_IN_USE = 1


def report(exc: KViewError) -> None:
    """The error on stderr, with its code frame when it has one."""
    click.echo(click.style(str(exc), fg="red", bold=True), err=True)
    frame = exc.code_frame()
    if frame:
        click.echo(frame, err=True)


def load_or_exit(source: Path) -> App:
    """The app at ``source``; an error that stops it loading is reported, exit 1."""
    try:
        return load(source)
    except KViewError as exc:
        report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(click.style(message, fg="red"), err=True)
    sys.exit(code)


def color_output() -> bool:
    """Colour for people at a terminal; plain text in CI, in pipes and with NO_COLOR."""
    return sys.stdout.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")


def version() -> str:
    try:
        return metadata.version("kview")
    except metadata.PackageNotFoundError:
        return "0"


def pick_view(app: App, name: str | None, source: Path) -> ViewSpec | None:
    """The view ``--view`` names (or the only one); ``None``: list them. An unknown name is a
    usage error listing the views, with the closest name."""
    views = list(app.views)
    if name is None:
        return views[0] if len(views) == 1 else None
    for v in views:
        if v.name == name or (v.path is not None and v.path.stem == name and len(views) > 1 and v.path.suffix == ".jsx"):
            return v
    close = difflib.get_close_matches(name, [v.name for v in views], n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    listing = "\n".join(view_lines(app)) if views else f"It defines no views.\n{inventory(app)}"
    raise click.UsageError(f"{source} has no view named '{name}'.{hint}\n{listing}")


def view_lines(app: App) -> list[str]:
    lines = [f"  {click.style(v.name, bold=True)}  ({v.resource}, {v.context}{', iframe view' if v.iframe else ''})"
             for v in app.views]
    viewless = [d for d in app.definitions if not d.views]
    if viewless:
        lines.append("Apps without views:")
        lines += [f"  {d.label}: {', '.join(d.contents()) or 'nothing yet'}" for d in viewless]
    return lines


def inventory(app: App) -> str:
    """What a folder or definition without views has, app by app."""
    if not app.definitions:
        return "It holds no app definition and no template (put KView templates in kviews/<name>.jsx)."
    lines = ["What it has:"]
    lines += [f"  {d.label}{f' ({d.path})' if d.path else ''}: {', '.join(d.contents()) or 'nothing yet'}"
              for d in app.definitions]
    return "\n".join(lines)


def settle_options(fn: Any) -> Any:
    """``--settle-time`` and ``--settle-renders``: how far settling may go before a view counts
    as running away (``renderer/react/settle.py``), for ``render`` and ``serve``."""
    fn = click.option("--settle-renders", type=click.IntRange(1, 100_000), default=None, metavar="N",
                      help="Renders that timers may cause while settling before the view counts as "
                           "running away (default 300).")(fn)
    return click.option("--settle-time", type=click.FloatRange(0.001, 3600), default=None, metavar="SECONDS",
                        help="Virtual time timers may run while settling (default 60).")(fn)


def budgets(settle_time: float | None, settle_renders: int | None) -> Budgets | None:
    """The render budgets the settle options ask for; ``None``: the defaults."""
    if settle_time is None and settle_renders is None:
        return None
    out = Budgets()
    if settle_time is not None:
        out.max_timer_ms = settle_time * 1000
    if settle_renders is not None:
        out.max_timer_renders = settle_renders
    return out
