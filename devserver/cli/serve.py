"""``kview serve``: the live gallery of an app folder."""

from __future__ import annotations

import ipaddress
import logging
import signal
import sys
import webbrowser
from pathlib import Path

import click

from ..project import load
from ..web import ServerConfig
from ..web.config import GALLERY_THEMES
from ..web.server import DevServer, PortInUseError
from .common import EXIT_PORT_IN_USE, EXIT_USAGE, budgets, fail, settle_options


@click.command("serve")
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
@click.option("--theme", type=click.Choice(GALLERY_THEMES), default="both", show_default=True,
              help="Which themes the gallery shows by default: both side by side, one, or the OS's "
                   "(system). Each page can switch.")
@click.option("--no-reload", "no_reload", is_flag=True,
              help="Do not watch DIR: no live reload, refresh the page yourself.")
@click.option("--open/--no-open", "open_browser", default=False, show_default=True,
              help="Open the gallery in your web browser once the server is up.")
@settle_options
def command(views_dir: Path, host: str, port: int, allow_hosts: tuple[str, ...], theme: str, no_reload: bool,
              open_browser: bool, settle_time: float | None, settle_renders: int | None) -> None:
    """Serve a live gallery of the app folder DIR: every view of DIR/kviews/*.jsx rendered in
    light and dark, with mock data from DIR/mocks/<view>.json (generated when missing).

    Edits to templates, mocks and components reload open pages in place; errors show on the
    page with their code frame (a broken meta or app JSON file too). Exit status: 2 when DIR
    is missing or holds neither a view nor an app definition, 1 when the port is taken.
    """
    if not views_dir.is_dir():
        fail(f"kview serve: {views_dir} is not a directory")
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
                          budgets=budgets(settle_time, settle_renders))
    try:
        server = DevServer(config, host=host, port=port)
    except PortInUseError as exc:
        fail(f"kview serve: {exc.strerror}", EXIT_PORT_IN_USE)
    except OSError as exc:
        fail(f"kview serve: cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_PORT_IN_USE)

    n = len(views or [])
    reload_note = "live reload" if config.reload else "no reload"
    click.echo(
        click.style("kview", fg="magenta", bold=True)
        + f" · {n} view{'s' * (n != 1)} from {views_dir} at "
        + click.style(server.url, fg="cyan", bold=True)
        + click.style(f"  ({reload_note}; Ctrl+C to stop)", dim=True)
    )
    if not loopback(host):
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


def loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (localhost, 127.0.0.0/8, ::1)."""
    if host.strip("[]").lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: whatever it resolves to, it is meant to be reached by name
