"""Kustomer's KView components, written in Python (``registry.py`` holds the decorator and the table).

Importing the package registers every component: layout (Segment, Grid, Column), fields
(Field, BasicField, BasicRow, the details-panel rows, CreateFormRow), display (Images, Pill),
buttons (Button, ButtonGroup) and cards (DynamicCard, Card). ``unknown.py`` makes the
placeholder for a name kview does not know.
"""

from __future__ import annotations

from . import buttons, cards, display, fields, layout
from .registry import (
    COMMON_PROPS,
    COMPONENTS,
    CONTEXTS,
    UnknownComponent,
    component,
    component_globals,
    prop_table_markdown,
)

MODULES = (layout, fields, display, buttons, cards)

__all__ = [
    "COMMON_PROPS",
    "COMPONENTS",
    "CONTEXTS",
    "MODULES",
    "UnknownComponent",
    "component",
    "component_globals",
    "prop_table_markdown",
]
