"""The app model: what an app is (``model``), how it is read from files (``load``; an app
definition's JSON by ``definition``), what a view
renders with (``inputs``) and the server's per-folder render state (``workspace``).

Rules: ``load`` is the only module that knows the folder layout; ``read_inputs`` +
``render_view`` are the only way a view is rendered, by ``kview render`` and the server alike.
Nothing here imports ``web`` or ``cli``: the app model does not know it is being served.
Errors are renderer's ``KViewError``s (``AppLoadError``, ``FileError`` here), shown as
``Diagnostic``s.

Named ``project`` for the app folder a developer works in (one ``Project`` per folder served).
"""

from .errors import AppLoadError, DuplicateViewError, FileError
from .inputs import InputFile, ViewInputs, read_inputs, render_view
from .load import load, load_app, load_definition, load_template
from .model import App, Command, Definition, Klass, Setting, ViewSpec, Widget
from .workspace import RENDER_THEMES, Outcome, Project, Refreshed, ViewState, trimmed_traceback

__all__ = [
    "RENDER_THEMES", "App", "AppLoadError", "DuplicateViewError", "Command", "Definition", "FileError", "Klass", "Setting", "Widget", "InputFile", "Outcome", "Project", "ViewInputs",
    "Refreshed", "ViewSpec", "ViewState", "load", "load_app", "load_definition", "load_template", "read_inputs",
    "render_view", "trimmed_traceback",
]
