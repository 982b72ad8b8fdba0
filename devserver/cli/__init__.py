"""The ``kview`` command line: ``kview render``, ``serve``, ``check``, ``build``, ``init``, ``mocks``,
``snapshot`` and ``audit``.

Thin on purpose: ``project`` loads the app and gathers a view's inputs (the same way the
server does), ``web`` serves the gallery and writes standalone pages; the command modules here
parse options, print and pick exit codes (``common.py``).

Each command is its own module, imported when it runs (click's lazy-loading pattern): a
command's start-up pays for what it uses only. ``kview serve`` does not import the snapshot,
audit, check and build machinery (jsonschema alone is ~150 ms), and an unchanged ``kview
snapshot`` run does not import Flask.
"""

from __future__ import annotations

import importlib

import click

# command name -> the module defining it (as ``command``)
COMMANDS = {
    "audit": "audit",
    "build": "build",
    "check": "check",
    "init": "init",
    "mocks": "mocks",
    "render": "render",
    "serve": "serve",
    "snapshot": "snapshot",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (listing them for ``--help`` imports all)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module = importlib.import_module(f"{__name__}.{COMMANDS[cmd_name]}")
        command: click.Command = module.command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


if __name__ == "__main__":  # pragma: no cover
    main()
