from .load import AppLoadError, ViewSpec, component_files, find_mock, load_json, load_views
from .workspace import RENDER_THEMES, Outcome, Project, ViewState, trimmed_traceback

__all__ = ["RENDER_THEMES", "AppLoadError", "Outcome", "Project", "ViewSpec", "ViewState", "component_files",
           "find_mock", "load_json", "load_views", "trimmed_traceback"]
