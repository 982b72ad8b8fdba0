"""``kview check``: the app as Kustomer would check it before registering, file:line:col."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..check import check
from ..check import report as check_report
from .common import EXIT_TEMPLATE_ERROR, color_output, version


@click.command("check")
@click.argument("source", metavar="DIR", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["human", "json", "sarif"]), default="human", show_default=True,
              help="human: grouped by file; json: {findings, summary}; sarif: SARIF 2.1.0 for code hosts.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
def command(source: Path, fmt: str, strict: bool) -> None:
    """Check the app in DIR (or a definition JSON file) as Kustomer would before registering it:
    the definition against its schema (contexts, resources, names, duplicates, i18n, widget
    sizes, command and setting references) and every template (syntax, unknown components and
    props, undefined custom attributes, hard-coded colours). Each finding is file:line:col with
    the fix. Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage errors.
    """
    findings = check(source)
    if fmt == "json":
        click.echo(check_report.as_json(findings))
    elif fmt == "sarif":
        click.echo(check_report.as_sarif(findings, version()))
    else:
        click.echo(check_report.human(findings, color_output()))
    failing = [f for f in findings if f.severity == "error" or strict]
    sys.exit(EXIT_TEMPLATE_ERROR if failing else 0)
