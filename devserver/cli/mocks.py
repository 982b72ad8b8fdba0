"""``kview mocks``: each view's scenarios; ``--write`` its data as a default scenario to edit."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

from renderer import KViewError

from ..project import read_inputs
from ..project.scenarios import default_scenario_target, scenario_names
from .common import EXIT_TEMPLATE_ERROR, load_or_exit, pick_view, report


@click.command("mocks")
@click.argument("app_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--view", "view_names", metavar="NAME", multiple=True,
              help="Only this view (repeatable; default: every view).")
@click.option("--write", is_flag=True,
              help="Write each view's data as its default scenario (mocks/<view>/default.json).")
@click.option("--force", is_flag=True, help="With --write, overwrite a default scenario that exists.")
def command(app_dir: Path, view_names: tuple[str, ...], write: bool, force: bool) -> None:
    """List the scenarios of each view of DIR; with --write, write the data a view renders with
    when it has no scenario (fixtures, then generated records) as its default scenario, a
    starting point to edit. An existing default scenario is kept unless --force.
    Exit status: 0 done, 1 a view's data could not be made, 2 usage (unknown view, no views).
    """
    app = load_or_exit(app_dir)
    views = list(app.views)
    for name in view_names:
        pick_view(app, name, app_dir)
    chosen = [v for v in views if not view_names or v.name in view_names
              or (v.path is not None and v.path.stem in view_names)]
    if not chosen:
        raise click.UsageError(f"{app_dir} contains no KView templates")
    failed = False
    for view in chosen:
        names = scenario_names(app, view)
        if not write:
            click.echo(f"{click.style(view.name, bold=True)}: {', '.join(names)}")
            continue
        target = default_scenario_target(app, view)
        if target is None:
            raise click.UsageError(f"{app_dir} is not an app folder: nowhere to write mocks")
        if target.exists() and not force:
            click.echo(f"{view.name}: kept {target} (exists; --force overwrites it)")
            continue
        try:
            inputs = replace(read_inputs(app, view), data=None)  # fixtures and generated only
            data = inputs.composed().data
        except KViewError as exc:
            report(exc)
            failed = True
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(f"{view.name}: wrote {target}")
    if failed:
        sys.exit(EXIT_TEMPLATE_ERROR)
