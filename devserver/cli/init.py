"""``kview init``: a new app folder that serves and checks cleanly at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..scaffold import ScaffoldError, scaffold


@click.command("init")
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--app", "app_name", metavar="ID", help="The app id (default: from DIR's name, snake_case).")
@click.option("--title", help="The app's title (default: from the app id).")
def command(target: Path, app_name: str | None, title: str | None) -> None:
    """Create a new app folder DIR (empty or new): app.json, a smartbar-card view and an
    expanded-timeline view with their meta, a component and mock data. `kview serve DIR` shows
    it at once and `kview check --strict DIR` passes. Exit status 2 when DIR has files.
    """
    try:
        written = scaffold(target, app_name, title)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"kview init: created {target} ({len(written)} files). Next:")
    click.echo(f"  kview serve {target}          preview in light and dark")
    click.echo(f"  kview check --strict {target} before registering")
    click.echo(f"  kview build {target} -o app.json")
