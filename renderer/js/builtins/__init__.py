"""kview's built-in JavaScript library.

Importing this package imports every builtins module (each registers its methods in the
``members`` tables at import) and merges their ``GLOBALS`` into ``STATIC_GLOBALS``: the
stateless globals shared by every render (per-render ones are made by ``renderer/realm.py``).
Modules written by other contributors are optional here, so a missing one never breaks the
rest.
"""

from __future__ import annotations

import importlib
from typing import Any

_CORE = (
    "function",
    "error",
    "number",
    "string",
    "array",
    "object",
    "collections",
    "json",
    "uri",
)
_OPTIONAL = ("regexp", "date", "intl", "lodash", "promise", "timers")

STATIC_GLOBALS: dict[str, Any] = {}

for _name in _CORE:
    try:
        _mod = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _e:  # core modules still being written
        if _e.name != f"{__name__}.{_name}":
            raise
        continue
    STATIC_GLOBALS.update(getattr(_mod, "GLOBALS", {}))

for _name in _OPTIONAL:
    try:
        _mod = importlib.import_module(f"{__name__}.{_name}")
    except ImportError:
        continue
    STATIC_GLOBALS.update(getattr(_mod, "GLOBALS", {}))

__all__ = ["STATIC_GLOBALS"]
