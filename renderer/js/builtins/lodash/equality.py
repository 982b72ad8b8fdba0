"""lodash's baseIsEqual: deep equality of kview values, with the partial and unordered modes
that isMatch and the matches shorthands use."""

from __future__ import annotations

from typing import Any

from renderer.js.limits import DEEP_STEP, charge
from renderer.js.members import get_member, iterate
from renderer.js.values import (
    UNDEFINED,
    loose_equals,
    same_value_zero,
    strict_equals,
    to_number,
    to_string,
)

from .core import _getk, _has_in, _has_own, _is_object_like, _keys, _tag

_PARTIAL = 1
_UNORDERED = 2


def _is_equal(a: Any, b: Any, bitmask: int = 0, stack: dict | None = None) -> bool:
    if a is b:
        return True
    charge(DEEP_STEP)  # every pair compared is work: shared subtrees make the walk exponential
    ta = type(a)
    tb = type(b)
    if ta is float and tb is float:
        return a == b or (a != a and b != b)
    if a is None or a is UNDEFINED or b is None or b is UNDEFINED:
        return False
    if not _is_object_like(a) and not _is_object_like(b):
        return strict_equals(a, b)
    if stack is None:
        stack = {}
    tag_a = _tag(a)
    if tag_a != _tag(b):
        return False
    if tag_a == "Array":
        return _equal_arrays(a, b, bitmask, stack)
    if tag_a == "Object":
        return _equal_objects(a, b, bitmask, stack)
    return _equal_by_tag(a, b, tag_a, bitmask, stack)


def _equal_arrays(a: list, b: list, bitmask: int, stack: dict) -> bool:
    partial = bitmask & _PARTIAL
    n, m = len(a), len(b)
    if n != m and not (partial and m > n):
        return False
    sa = stack.get(id(a))
    sb = stack.get(id(b))
    if sa is not None and sb is not None:
        return sa is b and sb is a
    stack[id(a)] = b
    stack[id(b)] = a
    result = True
    seen: set[int] | None = set() if bitmask & _UNORDERED else None
    for i in range(n):
        av = a[i]
        if seen is not None:
            for j, bv in enumerate(b):
                if j not in seen and _is_equal(av, bv, bitmask, stack):
                    seen.add(j)
                    break
            else:
                result = False
                break
        elif not _is_equal(av, b[i] if i < m else UNDEFINED, bitmask, stack):
            result = False
            break
    stack.pop(id(a), None)
    stack.pop(id(b), None)
    return result


def _equal_objects(a: Any, b: Any, bitmask: int, stack: dict) -> bool:
    partial = bitmask & _PARTIAL
    ka = _keys(a)
    if not partial and len(ka) != len(_keys(b)):
        return False
    for k in reversed(ka):
        if not (_has_in(b, k) if partial else _has_own(b, k)):
            return False
    sa = stack.get(id(a))
    sb = stack.get(id(b))
    if sa is not None and sb is not None:
        return sa is b and sb is a
    stack[id(a)] = b
    stack[id(b)] = a
    result = True
    for k in ka:
        if not _is_equal(_getk(a, k), _getk(b, k), bitmask, stack):
            result = False
            break
    stack.pop(id(a), None)
    stack.pop(id(b), None)
    return result


def _equal_by_tag(a: Any, b: Any, tag: str, bitmask: int, stack: dict) -> bool:
    if tag == "Date":
        return same_value_zero(to_number(a), to_number(b))
    if tag == "Error":
        return loose_equals(get_member(a, "name"), get_member(b, "name")) and loose_equals(
            get_member(a, "message"), get_member(b, "message")
        )
    if tag == "RegExp":
        return to_string(a) == to_string(b)
    if tag in ("Map", "Set"):
        if not (bitmask & _PARTIAL) and not loose_equals(get_member(a, "size"), get_member(b, "size")):
            return False
        st = stack.get(id(a))
        if st is not None:
            return st is b
        stack[id(a)] = b
        result = _equal_arrays(list(iterate(a)), list(iterate(b)), bitmask | _UNORDERED, stack)
        stack.pop(id(a), None)
        return result
    return False
