"""``kview audit``: contrast and colours that do not follow the theme, per view, light and dark."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..audit.catalog import RULES, SEVERITIES
from ..project import App
from ..snapshot import remote
from ..snapshot.chromium import ChromiumNotFound
from .common import EXIT_TEMPLATE_ERROR, color_output
from .shots import check_endpoint, chosen_shots, missing_extra, progress

HELP = """Audit every view of DIR in light and dark (each scenario), rendered as `kview snapshot`
renders them in headless Chromium, for text and icons a theme makes hard to see and colours
that do not follow the theme. Writes an HTML report (each finding outlined on the view's
picture). Exit status: 0 no finding at --fail-on or above, 1 some, 2 usage errors.

\b
Rules:
""" + "\n".join(f"  {rule}: {text}" for rule, text in RULES.items()) + """

\b
Contrast is measured between the text's colour and what is behind it, composited from the
cascade (translucent backgrounds, opacity, overlays), down to the page the theme paints; where
an image or gradient is behind the text, from the pixels under it. APCA Lc is shown alongside.
Hard-coded colours name the template line that writes them, when one does.

\b
--axe runs axe-core's rules too (axe/<rule id>; critical and serious are errors, the others
warnings; axe's own colour-contrast is off). Against DIR/__audit__/axe-baseline.json each is new
or pre-existing (pre-existing ones never fail the run), and the baseline's entries no longer
found are listed as resolved; --update-axe-baseline records this run's.
"""


def sources(app: App) -> dict[str, list[Path]]:
    """Per view, the files a colour of it may be written in: its template, then the app's components."""
    return {v.name: [p for p in (v.path, *app.components) if p is not None] for v in app.views}


def audit_progress(total: int, fmt: str) -> Callable[[Any], None]:
    show = progress(total, fmt)

    class _Step:
        def __init__(self, taken: Any) -> None:
            self.name = taken.shot.name
            self.status = "error" if taken.error else "measured"
            self.message = (taken.error or "").split("\n", 1)[0]

    return lambda taken: show(_Step(taken))


@click.command("audit", help=HELP)
@click.argument("app_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--view", "view_pattern", metavar="PATTERN", help="Only views whose name matches (a glob).")
@click.option("--theme", type=click.Choice(["both", "light", "dark"]), default="both", show_default=True,
              help="Only this theme (the hard-coded colour rules need both).")
@click.option("--scenario", metavar="NAME", help="Only this scenario.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: per view and theme; json: {shots, seconds, counts, errors, findings}.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "never"]), default="error", show_default=True,
              help="Exit 1 when a finding is at this severity or worse.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where the HTML report goes (default DIR/__audit__/report.html).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Browser pages working in parallel (default: the number of cores).")
@click.option("--axe", is_flag=True, help="Run axe-core's rules too, against DIR/__audit__/axe-baseline.json.")
@click.option("--update-axe-baseline", is_flag=True, help="With --axe: record this run's axe violations as the baseline.")
@click.option("--browser-endpoint", metavar="URL",
              help="Audit in a remote browser: ws://HOST:PORT/… (a Playwright browser server) "
                   "or http://HOST:PORT (a Chromium's DevTools port), as kview snapshot's.")
def command(app_dir: Path, view_pattern: str | None, theme: str, scenario: str | None, fmt: str,
              fail_on: str, report_path: Path | None, workers: int | None, axe: bool,
              update_axe_baseline: bool, browser_endpoint: str | None) -> None:
    if update_axe_baseline and not axe:
        raise click.UsageError("--update-axe-baseline needs --axe")
    check_endpoint(browser_endpoint)
    app, shots, chosen = chosen_shots(app_dir, view_pattern, theme, scenario)
    try:
        # Imported here: Playwright, numpy and Pillow (the snapshot extra) only for a run.
        from ..audit.report import write_report
        from ..audit.run import audit

        result = audit(chosen, sources(app), app.root, workers=workers or os.cpu_count() or 1,
                       on_taken=audit_progress(len(chosen), fmt),
                       axe_baseline=app_dir / "__audit__" / "axe-baseline.json" if axe else None,
                       update_baseline=update_axe_baseline, endpoint=browser_endpoint)
    except (ChromiumNotFound, remote.BrowserUnavailable) as exc:
        raise click.UsageError(str(exc)) from None
    except ImportError as exc:
        raise missing_extra("audit", exc) from None
    report = write_report(result, report_path or app_dir / "__audit__" / "report.html")
    ignore = app_dir / "__audit__" / ".gitignore"
    if report_path is None and not ignore.exists():  # the report is output; an axe baseline is kept
        ignore.write_text("report.html\n", encoding="utf-8")
    if fmt == "json":
        click.echo(json.dumps({**result.to_dict(), "report": str(report)}, indent=2))
    else:
        click.echo(summary(result, report, color_output()))
    failing = result.at_or_above(fail_on) or (result.errors and fail_on != "never")
    sys.exit(EXIT_TEMPLATE_ERROR if failing else 0)


def summary(result: Any, report: Path, color: bool) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in SEVERITIES}
    told = ", ".join(f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items() if n) or "no findings"
    lines = [f"kview audit: {len(result.shots)} shots: {told} ({result.seconds:.2f} s)"]
    for name, error in result.errors.items():
        lines.append(style(f"  ✗ {name}: not audited: {error.splitlines()[0] if error else ''}", fg="red"))
    group = None
    for f in result.findings:
        here = (f.view, f.scenario, f.theme)
        if here != group:
            group = here
            theme = "light and dark" if f.theme == "both" else f.theme
            lines.append(style(f"{f.view} ({f.scenario}, {theme})", bold=True))
        mark = style("✗ error  ", fg="red") if f.severity == "error" else style("! warning", fg="yellow")
        text = f' "{f.text}"' if f.text else ""
        numbers = [f"{f.ratio:.2f}:1" if f.ratio is not None else "", f"Lc {f.lc:.0f}" if f.lc is not None else "",
                   f"{f.color} on {f.background}" if f.color and f.background else (f.background or "")]
        status = f" ({f.status})" if f.rule.startswith("axe/") else ""
        lines.append(f"  {mark} {f.rule}{status}  {f.element}{text}")
        lines.append(f"      {f.message}  [{', '.join(n for n in numbers if n)}]  {f.source}")
    if result.resolved:
        lines.append(style(f"{len(result.resolved)} axe violation(s) of the baseline resolved:", fg="green"))
        lines += [f"  {key}" for key in result.resolved]
    lines.append(f"report: {report}")
    return "\n".join(lines)
