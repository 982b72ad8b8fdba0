"""``kview build``: the app definition Kustomer registers, from the app folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import BuildError, build
from ..check import report as check_report
from .common import EXIT_TEMPLATE_ERROR, color_output


@click.command("build")
@click.argument("source", metavar="DIR", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the definition here (default: stdout).")
def command(source: Path, output: Path | None) -> None:
    """Write the app definition Kustomer registers, from the app folder DIR: templates inlined
    into kviews, widgets, settings and i18n from the folder; validated like kview check, the
    same bytes on every run. Exit status: 1 when the definition has errors (listed), 2 usage.
    """
    try:
        text = build(source)
    except BuildError as exc:
        click.echo(check_report.human(exc.findings, color_output()), err=True)
        sys.exit(EXIT_TEMPLATE_ERROR)
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"kview build: wrote {output}", err=True)
