"""``kview snapshot``: every view and widget in light and dark against its baseline."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from ..snapshot import remote
from ..snapshot import run as snapshot_run
from ..snapshot.chromium import ChromiumNotFound
from ..snapshot.store import Store
from ..snapshot.tolerance import Tolerance
from ..widget_shots import WidgetServer
from .common import EXIT_TEMPLATE_ERROR, color_output
from .shots import check_endpoint, chosen_shots, missing_extra, progress

FORMATS = ("human", "json")


@click.command("snapshot")
@click.argument("app_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--update", is_flag=True, help="Rewrite the baselines of the shots that changed.")
@click.option("--accept", "accept_names", metavar="NAME", multiple=True,
              help="Make the last run's picture of NAME (a glob; repeatable) its baseline, without running again.")
@click.option("--accept-all", is_flag=True, help="Accept every failed shot of the last run.")
@click.option("--view", "view_pattern", metavar="PATTERN",
              help="Only views and widgets whose name matches (a glob; 'widgets/*': the widgets only).")
@click.option("--theme", type=click.Choice(["both", "light", "dark"]), default="both", show_default=True,
              help="Only this theme.")
@click.option("--scenario", metavar="NAME", help="Only this scenario.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Browser pages working in parallel (default: the number of cores).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="How far a pixel's colour may move (YIQ distance, 0-1), as Playwright's.")
@click.option("--max-diff-pixels", type=click.IntRange(0), default=None,
              help="How many pixels may differ (default 0).")
@click.option("--max-diff-pixel-ratio", type=click.FloatRange(0, 1), default=None,
              help="What share of the pixels may differ (0-1).")
@click.option("--mask", "masks", metavar="SELECTOR", multiple=True,
              help="Paint over the elements a CSS selector matches in every shot (repeatable).")
@click.option("--force", is_flag=True, help="Take every shot, even those whose inputs did not change.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path),
              help="Where failed shots, diffs and report.html go (default DIR/__snapshots__/.results).")
@click.option("--browser-endpoint", metavar="URL",
              help="Take the shots in a remote browser: ws://HOST:PORT/… (a Playwright browser server) "
                   "or http://HOST:PORT (a Chromium's DevTools port). See docs/SNAPSHOTS.md.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="human", show_default=True)
def command(app_dir: Path, update: bool, accept_names: tuple[str, ...], accept_all: bool,
                 view_pattern: str | None, theme: str, scenario: str | None, workers: int | None,
                 threshold: float, max_diff_pixels: int | None, max_diff_pixel_ratio: float | None,
                 masks: tuple[str, ...], force: bool, output: Path | None, browser_endpoint: str | None,
                 fmt: str) -> None:
    """Screenshot every view of DIR in light and dark, in each scenario, framed as in the gallery,
    and every widget of DIR in its frame on kview's mock desktop (a dev server is started for
    them), in headless Chromium, and compare each with its baseline in DIR/__snapshots__/
    (widgets: DIR/__snapshots__/widgets/; written on the first run). Shots whose inputs did not
    change are not taken again. A failure writes the actual, expected and diff pictures and
    report.html; --accept makes them baselines.
    Exit status: 0 all pass, 1 a shot failed or a view did not render, 2 usage errors.
    """
    check_endpoint(browser_endpoint)
    store = Store(app_dir, output)
    if accept_names or accept_all:
        if accept_names and accept_all:
            raise click.UsageError("--accept and --accept-all: give one")
        try:
            done = snapshot_run.accept(store, None if accept_all else list(accept_names))
        except snapshot_run.NothingToAccept as exc:
            raise click.UsageError(str(exc)) from None
        click.echo(f"kview snapshot: accepted {len(done)} shot{'' if len(done) == 1 else 's'}"
                   + "".join(f"\n  {n}" for n in done))
        return
    options = snapshot_run.Options(update=update, force=force, workers=workers or os.cpu_count() or 1,
                                   tolerance=Tolerance(threshold, max_diff_pixels, max_diff_pixel_ratio),
                                   masks=masks, endpoint=browser_endpoint)
    # The widgets' dev server starts with the first widget shot taken (none: no server).
    with WidgetServer(app_dir) as server:
        _, shots, chosen = chosen_shots(app_dir, view_pattern, theme, scenario, widgets=server)
        try:
            result = snapshot_run.run(store, chosen, {s.name for s in shots}, options,
                                      progress(len(chosen), fmt))
        except (ChromiumNotFound, remote.BrowserUnavailable) as exc:
            raise click.UsageError(str(exc)) from None
        except ImportError as exc:  # the snapshot extra (Playwright, numpy, Pillow, pixelmatch) is optional
            raise missing_extra("snapshot", exc) from None
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(summary(result, color_output()))
    sys.exit(0 if result.ok else EXIT_TEMPLATE_ERROR)


def summary(result: Any, color: bool) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    counts = ", ".join(f"{n} {status}" for status, n in result.counts().items() if n)
    browser = "" if result.browser else ", no browser needed"
    lines = [f"kview snapshot: {len(result.results)} shots: {counts} ({result.seconds:.2f} s{browser})"]
    for r in result.failed:
        lines.append(style(f"  ✗ {r.name}: {r.message.splitlines()[0] if r.message else r.status}", fg="red"))
    skipped: dict[str, list[str]] = {}
    for r in result.results:
        if r.status == "skipped":
            skipped.setdefault(r.message, []).append(r.name)
    for reason, names in skipped.items():  # one line per reason (a widget: its scenarios × themes)
        what = names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
        lines.append(style(f"  - skipped {what}: {reason}", fg="yellow"))
    if result.report:
        lines.append(f"report: {result.report}")
        lines.append("accept: kview snapshot … --accept NAME, or --accept-all (reads the last run)")
    if result.stale:
        lines.append(style(f"{len(result.stale)} baseline(s) no view produces any more (delete them if so):",
                           fg="yellow"))
        lines += [f"  {name}.png" for name in result.stale]
    return "\n".join(lines)
