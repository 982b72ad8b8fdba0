"""kview's renderer: KView templates (JSX programs) + data → HTML, as Kustomer would show them.

Sans-IO: source text and data in, HTML out. See docs/ARCHITECTURE.md.
"""

from .errors import (
    BudgetError,
    KViewError,
    MockDataError,
    RenderError,
    SecurityError,
    TemplateSyntaxError,
    UnknownComponentError,
)
from .js.runtime import Budgets
from .live import LiveResult, LiveSession
from .render import PreparedData, RenderResult, evaluate, prepare_data, render
from .view import CompiledView, ViewCache, compile_view

__all__ = [
    "BudgetError",
    "Budgets",
    "CompiledView",
    "KViewError",
    "LiveResult",
    "LiveSession",
    "MockDataError",
    "PreparedData",
    "RenderError",
    "RenderResult",
    "SecurityError",
    "TemplateSyntaxError",
    "UnknownComponentError",
    "ViewCache",
    "compile_view",
    "evaluate",
    "prepare_data",
    "render",
]
