"""The ``kview`` command line: ``kview render``, ``serve``, ``check``, ``build``, ``init``, ``mocks``,
``snapshot`` and ``audit``.

Thin on purpose: ``project`` loads the app and gathers a view's inputs (the same way the
server does), ``web`` serves the gallery and writes standalone pages; this module parses
options, prints and picks exit codes.

Exit codes: 0 success, 1 the template or its data failed (the error and its code frame on
stderr), 2 usage errors (bad options, missing files, unknown view).

``web`` is imported inside the commands that use it (``serve``, ``render --page``): it brings
Flask, which would add about 80 ms (a third) to the start-up of every ``kview render``.
"""

from __future__ import annotations

import difflib
import ipaddress
import json
import logging
import os
import signal
import sys
import webbrowser
from collections.abc import Callable
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

import click

from renderer import Budgets, KViewError

from .app_shots import app_shots
from .audit.catalog import RULES as AUDIT_RULES
from .audit.catalog import SEVERITIES as AUDIT_SEVERITIES
from .build import BuildError, build
from .check import check
from .check import report as check_report
from .project import (
    App,
    AppLoadError,
    ViewSpec,
    load,
    read_inputs,
    render_view,
)
from .project.scenarios import UnknownScenario, default_scenario_target, scenario_names
from .scaffold import ScaffoldError, scaffold
from .snapshot import remote
from .snapshot import run as snapshot_run
from .snapshot.chromium import ChromiumNotFound
from .snapshot.shots import select
from .snapshot.store import Store
from .snapshot.tolerance import Tolerance
from .widget_shots import WidgetServer, widget_shots

EXIT_TEMPLATE_ERROR = 1
EXIT_USAGE = 2
THEMES = ("light", "dark", "system")  # --theme of kview render; "system" follows the OS
# --theme of kview serve: web.config.GALLERY_THEMES, written out (importing web costs Flask's import)
SERVE_THEMES = ("both", "light", "dark", "system")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kview")
def main() -> None:
    """kview: preview Kustomer KView templates locally, in light and dark.

    \b
    kview render card.jsx --data customer.json     print a view's HTML
    kview serve sample_views                       live gallery with hot reload
    kview check sample_views                       find mistakes before registering
    kview build sample_views -o app.json           the definition to register
    kview init my_app                              start a new app
    kview snapshot sample_views                    screenshots in light and dark vs baselines
    kview audit sample_views                       contrast and hard-coded colours, light and dark
    """


def _pick_view(app: App, name: str | None, source: Path) -> ViewSpec | None:
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
    listing = "\n".join(_view_lines(app)) if views else f"It defines no views.\n{_inventory(app)}"
    raise click.UsageError(f"{source} has no view named '{name}'.{hint}\n{listing}")


def _view_lines(app: App) -> list[str]:
    lines = [f"  {click.style(v.name, bold=True)}  ({v.resource}, {v.context}{', iframe view' if v.iframe else ''})"
             for v in app.views]
    viewless = [d for d in app.definitions if not d.views]
    if viewless:
        lines.append("Apps without views:")
        lines += [f"  {d.label}: {', '.join(d.contents()) or 'nothing yet'}" for d in viewless]
    return lines


def _list_views(app: App, source: Path) -> None:
    n = len(app.views)
    click.echo(f"{source} defines {n} views; choose one with --view NAME:")
    for line in _view_lines(app):
        click.echo(line)


def _inventory(app: App) -> str:
    """What a folder or definition without views has, app by app."""
    if not app.definitions:
        return "It holds no app definition and no template (put KView templates in kviews/<name>.jsx)."
    lines = ["What it has:"]
    lines += [f"  {d.label}{f' ({d.path})' if d.path else ''}: {', '.join(d.contents()) or 'nothing yet'}"
              for d in app.definitions]
    return "\n".join(lines)


def _report(exc: KViewError) -> None:
    head = click.style(str(exc), fg="red", bold=True)
    click.echo(head, err=True)
    frame = exc.code_frame()
    if frame:
        click.echo(frame, err=True)


def settle_options(fn: Any) -> Any:
    """``--settle-time`` and ``--settle-renders``: how far settling may go before a view counts
    as running away (``renderer/react/settle.py``), for ``render`` and ``serve``."""
    fn = click.option("--settle-renders", type=click.IntRange(1, 100_000), default=None, metavar="N",
                      help="Renders that timers may cause while settling before the view counts as "
                           "running away (default 300).")(fn)
    return click.option("--settle-time", type=click.FloatRange(0.001, 3600), default=None, metavar="SECONDS",
                        help="Virtual time timers may run while settling (default 60).")(fn)


def _budgets(settle_time: float | None, settle_renders: int | None) -> Budgets | None:
    """The render budgets the settle options ask for; ``None``: the defaults."""
    if settle_time is None and settle_renders is None:
        return None
    budgets = Budgets()
    if settle_time is not None:
        budgets.max_timer_ms = settle_time * 1000
    if settle_renders is not None:
        budgets.max_timer_renders = settle_renders
    return budgets


@main.command("render")
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
def render_cmd(source: Path, data_path: Path | None, view_name: str | None, theme: str, page: bool,
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
        _report(exc)
        sys.exit(EXIT_USAGE)
    except KViewError as exc:
        _report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    for problem in app.problems:
        click.echo(click.style(f"warning: {problem}", fg="yellow"), err=True)
    view = _pick_view(app, view_name, source)
    if view is None and not app.views:
        click.echo(f"{source} defines no KViews, so there is nothing to render.\n{_inventory(app)}", err=True)
        sys.exit(EXIT_USAGE)
    if view is None:
        _list_views(app, source)
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
        _report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    try:
        data = inputs.data_value()
        if data is not None and not isinstance(data, dict):
            raise click.UsageError("--data must hold a JSON object whose keys become globals")
        result = render_view(inputs, theme=theme, settle_jobs=not no_settle,
                             budgets=_budgets(settle_time, settle_renders))
    except KViewError as exc:
        _report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    for w in result.warnings:
        click.echo(click.style(str(replace(w, file=w.file or inputs.name)), fg="yellow"), err=True)
    if page:
        from .web.page import standalone_page  # Flask: see the module docstring

        click.echo(standalone_page(result.html, title=view.display_name, theme=theme), nl=False)
    else:
        click.echo(result.html)


EXIT_PORT_IN_USE = 1


@main.command("serve")
@click.argument("views_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes the server to your network). The server "
                   "answers only requests addressed to localhost, 127.0.0.1, [::1] and this host "
                   "(with 0.0.0.0: this machine's names and IP addresses).")
@click.option("--allow-host", "allow_hosts", metavar="NAME", multiple=True,
              help="Also answer requests addressed to NAME (a host name the server is reached by, "
                   "e.g. behind a proxy or in /etc/hosts); repeatable. Other Host names get 400, "
                   "which stops DNS-rebinding pages from reading the gallery.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on; 0 picks a free port (printed in the banner).")
@click.option("--theme", type=click.Choice(SERVE_THEMES), default="both", show_default=True,
              help="Which themes the gallery shows by default: both side by side, one, or the OS's "
                   "(system). Each page can switch.")
@click.option("--no-reload", "no_reload", is_flag=True,
              help="Do not watch DIR: no live reload, refresh the page yourself.")
@click.option("--open/--no-open", "open_browser", default=False, show_default=True,
              help="Open the gallery in your web browser once the server is up.")
@settle_options
def serve_cmd(views_dir: Path, host: str, port: int, allow_hosts: tuple[str, ...], theme: str, no_reload: bool,
              open_browser: bool, settle_time: float | None, settle_renders: int | None) -> None:
    """Serve a live gallery of the app folder DIR: every view of DIR/kviews/*.jsx rendered in
    light and dark, with mock data from DIR/mocks/<view>.json (generated when missing).

    Edits to templates, mocks and components reload open pages in place; errors show on the
    page with their code frame (a broken meta or app JSON file too). Exit status: 2 when DIR
    is missing or holds neither a view nor an app definition, 1 when the port is taken.
    """
    from .web import ServerConfig  # Flask: see the module docstring
    from .web.server import DevServer, PortInUseError

    if not views_dir.is_dir():
        click.echo(click.style(f"kview serve: {views_dir} is not a directory", fg="red"), err=True)
        sys.exit(EXIT_USAGE)
    app = load(views_dir)  # never raises: a file that cannot be read is shown in the gallery
    for problem in [*app.problems, *(v.problem for v in app.views if v.problem)]:
        click.echo(click.style(f"kview serve: {problem} (shown in the gallery until it is fixed)", fg="yellow"),
                   err=True)
    views = app.views
    if not views and not app.definitions and not app.problems:
        click.echo(click.style(f"kview serve: {views_dir} has no views", fg="red"), err=True)
        click.echo(f"  put KView templates in {views_dir / 'kviews'}/<name>.jsx "
                   f"(mock data in {views_dir / 'mocks'}/<name>.json)", err=True)
        sys.exit(EXIT_USAGE)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    config = ServerConfig(views_dir=views_dir, theme=theme, reload=not no_reload, allow_hosts=allow_hosts,
                          budgets=_budgets(settle_time, settle_renders))
    try:
        server = DevServer(config, host=host, port=port)
    except PortInUseError as exc:
        click.echo(click.style(f"kview serve: {exc.strerror}", fg="red"), err=True)
        sys.exit(EXIT_PORT_IN_USE)
    except OSError as exc:
        click.echo(click.style(f"kview serve: cannot listen on {host}:{port}: {exc.strerror or exc}", fg="red"), err=True)
        sys.exit(EXIT_PORT_IN_USE)

    n = len(views or [])
    reload_note = "live reload" if config.reload else "no reload"
    click.echo(
        click.style("kview", fg="magenta", bold=True)
        + f" · {n} view{'s' * (n != 1)} from {views_dir} at "
        + click.style(server.url, fg="cyan", bold=True)
        + click.style(f"  ({reload_note}; Ctrl+C to stop)", dim=True)
    )
    if not _loopback(host):
        click.echo(click.style(
            f"kview serve: warning: listening on {host or 'every interface'}, so the gallery (your templates, "
            "mock data and app definitions) is reachable from other machines on the network, and from them "
            "\"Save as scenario\" can write files into the app folder. Use --host 127.0.0.1 to keep it to this "
            "machine.", fg="yellow"), err=True)
    with server:
        if open_browser:
            webbrowser.open(server.url)
        # SIGINT and SIGTERM stop it cleanly (socket closed, watcher joined), even when the shell
        # that started it ignores SIGINT: DevServer installs its own handlers for both.
        signum = server.serve_until_signal()
    click.echo(f"\nkview: stopped{f' ({signal.Signals(signum).name})' if signum else ''}")


def _loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (localhost, 127.0.0.0/8, ::1)."""
    if host.strip("[]").lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: whatever it resolves to, it is meant to be reached by name


# ---------------------------------------------------------------------- check, build, init
def _color_output() -> bool:
    """Colour for people at a terminal; plain text in CI, in pipes and with NO_COLOR."""
    return sys.stdout.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")


@main.command("check")
@click.argument("source", metavar="DIR", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["human", "json", "sarif"]), default="human", show_default=True,
              help="human: grouped by file; json: {findings, summary}; sarif: SARIF 2.1.0 for code hosts.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
def check_cmd(source: Path, fmt: str, strict: bool) -> None:
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
        click.echo(check_report.as_sarif(findings, _version()))
    else:
        click.echo(check_report.human(findings, _color_output()))
    failing = [f for f in findings if f.severity == "error" or strict]
    sys.exit(EXIT_TEMPLATE_ERROR if failing else 0)


@main.command("build")
@click.argument("source", metavar="DIR", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the definition here (default: stdout).")
def build_cmd(source: Path, output: Path | None) -> None:
    """Write the app definition Kustomer registers, from the app folder DIR: templates inlined
    into kviews, widgets, settings and i18n from the folder; validated like kview check, the
    same bytes on every run. Exit status: 1 when the definition has errors (listed), 2 usage.
    """
    try:
        text = build(source)
    except BuildError as exc:
        click.echo(check_report.human(exc.findings, _color_output()), err=True)
        sys.exit(EXIT_TEMPLATE_ERROR)
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"kview build: wrote {output}", err=True)


@main.command("init")
@click.argument("target", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--app", "app_name", metavar="ID", help="The app id (default: from DIR's name, snake_case).")
@click.option("--title", help="The app's title (default: from the app id).")
def init_cmd(target: Path, app_name: str | None, title: str | None) -> None:
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


def _version() -> str:
    try:
        return metadata.version("kview")
    except metadata.PackageNotFoundError:
        return "0"


@main.command("mocks")
@click.argument("app_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--view", "view_names", metavar="NAME", multiple=True,
              help="Only this view (repeatable; default: every view).")
@click.option("--write", is_flag=True,
              help="Write each view's data as its default scenario (mocks/<view>/default.json).")
@click.option("--force", is_flag=True, help="With --write, overwrite a default scenario that exists.")
def mocks_cmd(app_dir: Path, view_names: tuple[str, ...], write: bool, force: bool) -> None:
    """List the scenarios of each view of DIR; with --write, write the data a view renders with
    when it has no scenario (fixtures, then generated records) as its default scenario, a
    starting point to edit. An existing default scenario is kept unless --force.
    Exit status: 0 done, 1 a view's data could not be made, 2 usage (unknown view, no views).
    """
    try:
        app = load(app_dir)
    except KViewError as exc:
        _report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    views = list(app.views)
    for name in view_names:
        _pick_view(app, name, app_dir)
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
            _report(exc)
            failed = True
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(f"{view.name}: wrote {target}")
    if failed:
        sys.exit(EXIT_TEMPLATE_ERROR)


# ---------------------------------------------------------------------- snapshot
SNAPSHOT_FORMATS = ("human", "json")
SNAPSHOT_EXTRA = ("playwright", "numpy", "PIL", "pybind11_pixelmatch", "pyspng", "zlib_ng",
                  "axe_playwright_python")  # top-level module names


def _chosen_shots(app_dir: Path, view_pattern: str | None, theme: str, scenario: str | None,
                  widgets: WidgetServer | None = None) -> tuple[App, list[Any], list[Any]]:
    """The app, all its shots and those ``--view``/``--theme``/``--scenario`` choose (snapshot
    and audit); with ``widgets`` (snapshot), the widgets' shots too, taken through that server.
    A load error is reported (exit 1), an empty choice is a usage error (exit 2)."""
    try:
        app = load(app_dir)
    except KViewError as exc:
        _report(exc)
        sys.exit(EXIT_TEMPLATE_ERROR)
    shots = app_shots(app) + (widget_shots(app, widgets) if widgets is not None else [])
    chosen = select(shots, view=view_pattern, theme=theme, scenario=scenario)
    if not chosen:
        what = ("no views" + (" or widgets" if widgets is not None else "") if not shots
                else "no shot matches --view/--theme/--scenario")
        raise click.UsageError(f"{app_dir}: {what}")
    return app, shots, chosen


def _snapshot_progress(total: int, fmt: str) -> Any:
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


@main.command("snapshot")
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
@click.option("--format", "fmt", type=click.Choice(SNAPSHOT_FORMATS), default="human", show_default=True)
def snapshot_cmd(app_dir: Path, update: bool, accept_names: tuple[str, ...], accept_all: bool,
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
    if browser_endpoint:
        try:
            remote.parse(browser_endpoint)
        except remote.BadEndpoint as exc:
            raise click.UsageError(str(exc)) from None
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
        _, shots, chosen = _chosen_shots(app_dir, view_pattern, theme, scenario, widgets=server)
        try:
            result = snapshot_run.run(store, chosen, {s.name for s in shots}, options,
                                      _snapshot_progress(len(chosen), fmt))
        except (ChromiumNotFound, remote.BrowserUnavailable) as exc:
            raise click.UsageError(str(exc)) from None
        except ImportError as exc:  # the snapshot extra (Playwright, numpy, Pillow, pixelmatch, …) is optional
            if exc.name not in SNAPSHOT_EXTRA:
                raise
            raise click.UsageError(f"kview snapshot needs the snapshot extra ({exc.name} is missing): "
                                   "pip install 'kview[snapshot]'") from None
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(_snapshot_summary(result, _color_output()))
    sys.exit(0 if result.ok else EXIT_TEMPLATE_ERROR)


def _snapshot_summary(result: Any, color: bool) -> str:
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


# ---------------------------------------------------------------------- audit
AUDIT_HELP = """Audit every view of DIR in light and dark (each scenario), rendered as `kview snapshot`
renders them in headless Chromium, for text and icons a theme makes hard to see and colours
that do not follow the theme. Writes an HTML report (each finding outlined on the view's
picture). Exit status: 0 no finding at --fail-on or above, 1 some, 2 usage errors.

\b
Rules:
""" + "\n".join(f"  {rule}: {text}" for rule, text in AUDIT_RULES.items()) + """

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


def _audit_sources(app: App) -> dict[str, list[Path]]:
    """Per view, the files a colour of it may be written in: its template, then the app's components."""
    return {v.name: [p for p in (v.path, *app.components) if p is not None] for v in app.views}


def _audit_progress(total: int, fmt: str) -> Callable[[Any], None]:
    show = _snapshot_progress(total, fmt)

    class _Step:
        def __init__(self, taken: Any) -> None:
            self.name = taken.shot.name
            self.status = "error" if taken.error else "measured"
            self.message = (taken.error or "").split("\n", 1)[0]

    return lambda taken: show(_Step(taken))


@main.command("audit", help=AUDIT_HELP)
@click.argument("app_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--view", "view_pattern", metavar="PATTERN", help="Only views whose name matches (a glob).")
@click.option("--theme", type=click.Choice(["both", "light", "dark"]), default="both", show_default=True,
              help="Only this theme (the hard-coded colour rules need both).")
@click.option("--scenario", metavar="NAME", help="Only this scenario.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: per view and theme; json: {shots, seconds, counts, errors, findings}.")
@click.option("--fail-on", type=click.Choice([*AUDIT_SEVERITIES, "never"]), default="error", show_default=True,
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
def audit_cmd(app_dir: Path, view_pattern: str | None, theme: str, scenario: str | None, fmt: str,
              fail_on: str, report_path: Path | None, workers: int | None, axe: bool,
              update_axe_baseline: bool, browser_endpoint: str | None) -> None:
    if update_axe_baseline and not axe:
        raise click.UsageError("--update-axe-baseline needs --axe")
    if browser_endpoint:
        try:
            remote.parse(browser_endpoint)
        except remote.BadEndpoint as exc:
            raise click.UsageError(str(exc)) from None
    app, shots, chosen = _chosen_shots(app_dir, view_pattern, theme, scenario)
    try:
        # Imported here: Playwright, numpy and Pillow (the snapshot extra) only for a run.
        from .audit.report import write_report
        from .audit.run import audit

        result = audit(chosen, _audit_sources(app), app.root, workers=workers or os.cpu_count() or 1,
                       on_taken=_audit_progress(len(chosen), fmt),
                       axe_baseline=app_dir / "__audit__" / "axe-baseline.json" if axe else None,
                       update_baseline=update_axe_baseline, endpoint=browser_endpoint)
    except (ChromiumNotFound, remote.BrowserUnavailable) as exc:
        raise click.UsageError(str(exc)) from None
    except ImportError as exc:
        if exc.name not in SNAPSHOT_EXTRA:
            raise
        raise click.UsageError(f"kview audit needs the snapshot extra ({exc.name} is missing): "
                               "pip install 'kview[snapshot]'") from None
    report = write_report(result, report_path or app_dir / "__audit__" / "report.html")
    ignore = app_dir / "__audit__" / ".gitignore"
    if report_path is None and not ignore.exists():  # the report is output; an axe baseline is kept
        ignore.write_text("report.html\n", encoding="utf-8")
    if fmt == "json":
        click.echo(json.dumps({**result.to_dict(), "report": str(report)}, indent=2))
    else:
        click.echo(_audit_summary(result, report, _color_output()))
    failing = result.at_or_above(fail_on) or (result.errors and fail_on != "never")
    sys.exit(EXIT_TEMPLATE_ERROR if failing else 0)


def _audit_summary(result: Any, report: Path, color: bool) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in AUDIT_SEVERITIES}
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


if __name__ == "__main__":  # pragma: no cover
    main()
