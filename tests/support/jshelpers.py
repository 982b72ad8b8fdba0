"""Small helpers shared by the tests that drive built-ins through their Python API."""

from __future__ import annotations

import pytest

from renderer.js.members import get_member
from renderer.js.values import JSThrow


def call(obj, name, *args):
    """``obj[name](...args)`` with ``this`` = ``obj``."""
    return get_member(obj, name).call(obj, list(args))


def js_error(fn, *args) -> str:
    """``"Name: message"`` of the JavaScript error ``fn(*args)`` throws (fails if it does not)."""
    with pytest.raises(JSThrow) as info:
        fn(*args)
    err = info.value.value
    return f"{err.name}: {err.message}"
