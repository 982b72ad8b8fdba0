"""The ``reload`` event's payload: what a batch of file changes changed, ready to patch in place.

Per re-rendered view (its default scenario, both themes): the new fragment HTML of each theme,
its status and error, and ``chrome`` (``ViewState.chrome_key``) so that the page can tell whether
patching the previews is enough. reload.js patches with it without asking the server again;
it fetches only what the push does not hold: another scenario, a fragment too big to push
(``fetch: true``), or the whole page when the list of views or a section's chrome changed.
"""

from __future__ import annotations

from typing import Any

from ..project import Refreshed
from ..project.scenarios import DEFAULT

MAX_FRAGMENT = 256 * 1024  # a bigger fragment is fetched by the page (/render?format=json)
MAX_EVENT = 2 * 1024 * 1024  # all fragments of one event together


def reload_payload(done: Refreshed, files: list[str], names: list[str],
                   app_errors: list[dict[str, Any]]) -> dict[str, Any]:
    """``done`` (a refresh) as the ``reload`` event: ``views``/``all``/``errors`` as before, plus
    ``names`` (every view: a page whose list differs reloads it), ``files`` (relative),
    ``app_errors`` (the overlay items of no view), ``changes`` (one entry per view) and ``pages``
    (widgets whose local page files changed: kview-host.js reloads their frames)."""
    budget = MAX_EVENT
    changes: list[dict[str, Any]] = []
    for state in done.states:
        themes: dict[str, dict[str, Any]] = {}
        for theme, out in state.outcomes.items():
            entry: dict[str, Any] = {"ms": round(out.ms, 1)}
            if out.html is not None and len(out.html) <= min(MAX_FRAGMENT, budget):
                entry["html"] = out.html
                budget -= len(out.html)
            elif out.html is not None:
                entry["fetch"] = True
            themes[theme] = entry
        error = state.error
        changes.append({
            "view": state.name,
            "title": state.spec.display_name,
            "scenario": DEFAULT,
            "state": "error" if error else "ok",
            "status": state.status,
            "chrome": state.chrome_key,
            "error": error.to_dict() if error else None,
            "themes": themes,
        })
    return {"views": done.views, "all": done.everything, "errors": len(done.errors), "names": names,
            "files": files, "app_errors": app_errors, "changes": changes, "pages": done.pages}
