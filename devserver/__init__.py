"""kview's IO layer: reads app folders, serves the gallery over HTTP, watches files, runs the CLI.

The renderer (``renderer/``) turns source text and data into HTML and does no IO; everything
that touches files, sockets or the terminal lives here. ``devserver`` imports ``renderer``
(through its public names and ``renderer.errors``), never the reverse.

Inside, imports go one way, so each layer can be read and tested without the ones above it::

    cli  →  web  →  project  →  renderer
             ↓
           watch, paths

- ``project``: the app model. The one reader of an app folder or app definition, the one
  gatherer of what a view renders with, and the server's per-folder render state.
- ``web``: the Flask app (gallery, ``/render``, server-sent events), the socket server and
  standalone pages. Pages are Jinja templates in ``web/templates``.
- ``watch``: file events, passed on as soon as each file is complete (leading edge, coalesced). ``paths``: where kview's own static files are.
- ``snapshot``: launching Chromium (browser tests today, ``kview snapshot`` next).
- ``cli``: the ``kview`` command.
"""
