from .errors import AppLoadError, FileError, ViewDiagnostic
from .inputs import InputFile, ViewInputs, read_inputs, render_view
from .load import load, load_app, load_definition, load_template
from .model import App, ViewSpec
from .workspace import RENDER_THEMES, Outcome, Project, Refreshed, ViewState, trimmed_traceback

__all__ = [
    "RENDER_THEMES", "App", "AppLoadError", "FileError", "InputFile", "Outcome", "Project", "ViewInputs",
    "Refreshed", "ViewDiagnostic", "ViewSpec", "ViewState", "load", "load_app", "load_definition", "load_template", "read_inputs",
    "render_view", "trimmed_traceback",
]
