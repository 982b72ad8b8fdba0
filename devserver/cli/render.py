"""``kview render``: one view's HTML on stdout."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from renderer import KViewError

from ..project import AppLoadError, load, read_inputs, render_view
from ..project.scenarios import UnknownScenario
from .common import (
    EXIT_TEMPLATE_ERROR,
    EXIT_USAGE,
    budgets,
    inventory,
    pick_view,
    report,
    settle_options,
    view_lines,
)

THEMES = ("light", "dark", "system")  # "system" follows the OS


@click.command("render")
@click.argument("source", type=click.Path(exists=True, dir_okay=True, path_type=Path))
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON object whose top-level keys become the template's globals "
                   "(customer, conversation, kobject, …). `_` is lodash unless DATA overrides it.")
@click.option("--view", "view_name", metavar="NAME",
              help="Which KView of an app definition to render (SOURCE lists them when omitted).")
@click.option("--theme", type=click.Choice(THEMES), default="light", show_default=True,
              help="Theme of the root element (and of the page with --page).")
@click.option("--page", is_flag=True,
              help="Print a standalone HTML page (theme CSS inlined) instead of a fragment.")
@click.option("--requests", "requests_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Mock request table for KustomerRequest: JSON {\"GET /v1/users/current\": {...}, …}.")
@click.option("--no-settle", is_flag=True,
              help="Return the first (loading) render: do not run effects, promises and timers.")
@click.option("--scenario", metavar="NAME",
              help="Which scenario's mock data to use (mocks/<view>/<NAME>.json; default: 'default').")
@settle_options
def command(source: Path, data_path: Path | None, view_name: str | None, theme: str, page: bool,
            requests_path: Path | None, no_settle: bool, scenario: str | None,
            settle_time: float | None, settle_renders: int | None) -> None:
    """Render SOURCE (a .jsx template, an app definition JSON or an app folder) to HTML on stdout.

    Errors go to stderr with a code frame; the exit status is 1 for template or data
    errors and 2 for usage errors. Without --view, an app with several views lists them
    (exit 0); an app with none lists what it has (widgets, settings…) and exits 2. Files of
    the app that cannot be read are warnings unless the view rendered is one of them.
    """
    try:
        app = load(source)
    except AppLoadError as exc:  # SOURCE is not an app definition, or cannot be read
        report(exc)
        sys.exit(EXIT_USAGE)
    except KViewError as exc:
        report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    for problem in app.problems:
        click.echo(click.style(f"warning: {problem}", fg="yellow"), err=True)
    view = pick_view(app, view_name, source)
    if view is None and not app.views:
        click.echo(f"{source} defines no KViews, so there is nothing to render.\n{inventory(app)}", err=True)
        sys.exit(EXIT_USAGE)
    if view is None:
        click.echo(f"{source} defines {len(app.views)} views; choose one with --view NAME:")
        for line in view_lines(app):
            click.echo(line)
        return
    if scenario and data_path:
        raise click.UsageError("--scenario and --data both choose the data: give one")
    try:
        # the app's mocks, request table and components, unless --data / --requests say otherwise
        inputs = read_inputs(app, view, data=data_path, requests=requests_path, tz=os.environ.get("TZ") or None,
                             scenario=scenario)
    except UnknownScenario as exc:
        raise click.UsageError(exc.message) from None
    except KViewError as exc:
        report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    try:
        data = inputs.data_value()
        if data is not None and not isinstance(data, dict):
            raise click.UsageError("--data must hold a JSON object whose keys become globals")
        result = render_view(inputs, theme=theme, settle_jobs=not no_settle,
                             budgets=budgets(settle_time, settle_renders))
    except KViewError as exc:
        report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    for w in result.warnings:
        click.echo(click.style(str(replace(w, file=w.file or inputs.name)), fg="yellow"), err=True)
    if page:
        from ..web.page import standalone_page  # Flask: a page only

        click.echo(standalone_page(result.html, title=view.display_name, theme=theme), nl=False)
    else:
        click.echo(result.html)
