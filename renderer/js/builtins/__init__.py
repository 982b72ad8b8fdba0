"""kview's built-in JavaScript library: the globals every render shares.

Each module registers its methods in the ``members`` tables when imported and exposes its
stateless globals as ``GLOBALS``; this package imports them all, in the order below (later
modules may replace a method an earlier one registered: ``regexp`` gives ``String.prototype``
its RegExp-aware methods), and merges their ``GLOBALS`` into ``STATIC_GLOBALS``. Per-render
globals are made by ``renderer/realm.py``.
"""

from __future__ import annotations

from typing import Any

from . import (
    array,
    collections,
    date,
    error,
    function,
    intl,
    json,
    lodash,
    number,
    object,
    promise,
    regexp,
    string,
    uri,
)

_MODULES = (function, error, number, string, array, object, collections, json, uri, regexp, date, intl, lodash, promise)

STATIC_GLOBALS: dict[str, Any] = {}
for _mod in _MODULES:
    STATIC_GLOBALS.update(getattr(_mod, "GLOBALS", {}))

__all__ = ["STATIC_GLOBALS"]
