"""renderer/js/builtins/lodash/ called directly (no interpreter) and diffed against Node + lodash.

Each case is ``(name, args)`` or ``(name, args, "mut")``: Python calls ``_[name]`` with ``args``
(built here as kview values), Node runs ``_[name](...args)`` on the same values written as
JavaScript literals, and the two results are compared in the oracle's tagged form. ``"mut"``
cases also compare the first argument afterwards (fill, pull, remove, reverse...). Callbacks are
named functions (``F("double")``) defined once in JavaScript and once as NativeFunctions here.
All cases run in ONE node process (tests/support/jsoracle.py). The wider, interpreter-driven lodash
suite is tests/js/cases/cases_lodash.py.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from renderer.js.builtins.lodash import GLOBALS
from renderer.js.values import (
    NAN,
    UNDEFINED,
    JSError,
    JSThrow,
    NativeFunction,
    js_add,
    js_mod,
    number_to_string,
    to_code_units,
    to_number,
    typeof,
)
from tests.support.jsoracle import OracleUnavailable, node_eval_many, tagged_equal
from tests.support.kview_encode import encode_kview_value

_ = GLOBALS["_"]
INF = math.inf


class F:
    """A named callback: ``F.<name>`` in JavaScript, a NativeFunction in Python."""

    def __init__(self, name: str) -> None:
        self.name = name


def _push_while_lt2(this: Any, a: list) -> Any:
    a[0].append(a[1] * 2)
    return a[1] < 2


# name: (JavaScript source, Python implementation)
FUNCS: dict[str, tuple[str, Any]] = {
    "double": ("x => x * 2", lambda this, a: a[0] * 2),
    "isEven": ("n => n % 2 === 0", lambda this, a: js_mod(to_number(a[0]), 2.0) == 0),
    "gt2": ("x => x > 2", lambda this, a: a[0] > 2),
    "add": ("(a, b) => a + b", lambda this, a: js_add(a[0], a[1])),
    "nargs": ("(...a) => a.length", lambda this, a: float(len(a))),
    "keyType": ("(v, k) => typeof k", lambda this, a: typeof(a[1])),
    "index": ("(v, i) => i", lambda this, a: a[1]),
    "floor": ("Math.floor", lambda this, a: float(math.floor(a[0]))),
    "lenEq": ("(a, b) => a.length === b.length", lambda this, a: len(a[0]) == len(a[1])),
    "concatArrays": (
        "(o, s) => Array.isArray(o) ? o.concat(s) : undefined",
        lambda this, a: a[0] + a[1] if isinstance(a[0], list) else UNDEFINED,
    ),
    "pushWhileLt2": ("(acc, v) => { acc.push(v * 2); return v < 2 }", _push_while_lt2),
    "kv": ("(v, k) => k + ':' + v", lambda this, a: js_add(js_add(a[1], ":"), a[0])),
    "throwIt": ("() => { throw new TypeError('nope') }", None),
}


def _throw_it(this: Any, a: list) -> Any:
    raise JSThrow(JSError("TypeError", "nope"))


PY_FUNCS = {name: NativeFunction(name, fn or _throw_it, 1) for name, (_src, fn) in FUNCS.items()}

U = UNDEFINED
CASES: list[tuple] = [
    # objects and paths
    ("get", [{"a": {"b": [1, {"c": 5}]}}, "a.b[1].c"]),
    ("get", [{"a": {"b": None}}, "a.b", "d"]),
    ("get", [{"a": {"b": U}}, ["a", "b"], "d"]),
    ("get", [{"a.b": 1, "a": {"b": 2}}, "a.b"]),
    ("get", [{"a": {"x.y": 3}}, 'a["x.y"]']),
    ("get", [None, "a", "d"]),
    ("get", [[10, 20], 1]),
    ("get", [{"-0": "n", "0": "p"}, -0.0]),
    ("get", ["abc", "length"]),
    ("get", [{"a": 1}, []]),
    ("set", [{}, "a[0].b.c", 1]),
    ("set", [{"a": 5}, ["a", "b"], 1]),
    ("has", [{"a": {"b": 1}}, "a.b"]),
    ("has", [{}, "toString"]),
    ("hasIn", [{}, "toString"]),
    ("unset", [{"a": {"b": 1, "c": 2}}, "a.b"], "mut"),
    ("pick", [{"a": 1, "b": 2, "c": {"d": 3, "e": 4}}, ["a", "c.d"]]),
    ("pickBy", [{"a": 1, "b": None, "c": 0}, U]),
    ("omit", [{"a": 1, "b": 2, "c": {"d": 3, "e": 4}}, "b", "c.d"]),
    ("omitBy", [{"a": 1, "b": "x", "c": 3}, F("isEven")]),
    ("merge", [{"a": [{"b": 2}, {"d": 4}]}, {"a": [{"c": 3}, {"e": 5}]}]),
    ("merge", [{"a": 1, "n": {"x": 1}}, {"a": U, "n": {"y": 2}, "z": U}]),
    ("mergeWith", [{"a": [1], "b": 1}, {"a": [2], "b": 2}, F("concatArrays")]),
    ("assign", [{"a": 1}, {"b": 2}, None, {"a": 3}]),
    ("defaults", [{"a": 1, "b": U}, {"a": 2, "b": 2, "c": 3}]),
    ("defaultsDeep", [{"a": {"b": 2}}, {"a": {"b": 1, "c": 3}}]),
    ("cloneDeep", [{"a": [1, {"b": [2]}], "c": "s"}]),
    ("keys", [{"b": 1, "a": 2, "10": 3, "2": 4}]),
    ("values", ["hi"]),
    ("toPairs", [{"a": 1, "b": 2}]),
    ("fromPairs", [[["a", 1], [2, "two"]]]),
    ("mapValues", [{"a": {"n": 1}, "b": {"n": 2}}, "n"]),
    ("mapValues", [[5, 6], F("keyType")]),
    ("mapKeys", [{"a": 1, "b": 2}, F("kv")]),
    ("invert", [{"a": 1, "b": 2, "c": 1}]),
    ("findKey", [{"x": {"n": 1}, "y": {"n": 2}}, {"n": 2}]),
    ("transform", [[1, 2, 3, 4], F("pushWhileLt2"), []]),
    ("result", [{"a": {"b": 1}}, "a.c", "dflt"]),
    ("at", [{"a": [{"b": 3}, 4]}, ["a[0].b", "a[1]"]]),
    ("toPath", ["a[0]['b.c'].d"]),
    ("size", ["a\U0001f600b"]),
    ("size", [{"a": 1, "b": 2}]),
    # collections
    ("map", [[1, 2, 3], F("double")]),
    ("map", [{"a": 1, "b": 2}, F("kv")]),
    ("map", [[1, 2], F("nargs")]),
    ("map", ["ab", F("index")]),
    ("map", [[{"a": {"b": 1}}, {"a": None}, None], "a.b"]),
    ("map", [[[1, 2], [3, 4]], 1]),
    ("filter", [[{"a": 1, "b": 2}, {"a": 1, "b": 3}, {"a": 2}], {"a": 1}]),
    ("filter", [[{"a": 1}, {"a": "1"}], ["a", 1]]),
    ("filter", [[{"n": NAN}, {"n": 1}], {"n": NAN}]),
    ("filter", [{"x": 1, "y": 2, "z": 4}, F("isEven")]),
    ("reject", [[1, 2, 3, 4], F("isEven")]),
    ("find", [[{"a": 1}, {"a": 2}, {"a": 3}], F("isEven"), 2]),
    ("find", [[1, 2, 3, 4], F("isEven"), 2]),
    ("findLast", [[1, 2, 3, 4], F("isEven")]),
    ("findIndex", [[1, 2, 3, 1], F("gt2"), -3]),
    ("findLastIndex", [[1, 2, 3, 1], F("isEven"), 0]),
    ("reduce", [[1, 2, 3], F("add")]),
    ("reduce", [[], F("add")]),
    ("reduce", [{"a": 1, "b": 2}, F("add"), "s"]),
    ("some", [[1, 3, 4], F("isEven")]),
    ("every", [[{"a": 1}, {"a": 1}], ["a", 1]]),
    ("includes", [{"a": 1, "b": NAN}, NAN]),
    ("includes", ["abcd", "cd", 2]),
    ("groupBy", [[6.1, 4.2, 6.3], F("floor")]),
    ("groupBy", [["one", "two", "three"], "length"]),
    ("keyBy", [[{"id": "a"}, {"id": "b"}], "id"]),
    ("countBy", [[3, 1, 2, 3], F("isEven")]),
    ("partition", [[1, 2, 3, 4], F("isEven")]),
    ("sortBy", [[3, NAN, 1, U, None, 2, -INF]]),
    ("sortBy", [[{"a": 2, "b": "x"}, {"a": 1, "b": "z"}, {"a": 2, "b": "a"}], ["a", "b"]]),
    ("sortBy", [["b", 10, "a", 9, "10"]]),
    ("sortBy", [{"x": 3, "y": 1}]),
    ("orderBy", [[{"a": 2, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "z"}], ["a", "b"], ["desc", "asc"]]),
    ("orderBy", [[2, U, 1, None, NAN, 3], U, "desc"]),
    # arrays
    ("sum", [["1", 2, 3]]),
    ("sumBy", [[{"n": 1}, {"n": U}, {"n": 2}], "n"]),
    ("mean", [[]]),
    ("max", [[1, NAN, 3, None]]),
    ("minBy", [[{"n": 2}, {"n": 1}], "n"]),
    ("nth", [[1, 2, 3], -1]),
    ("take", [[1, 2, 3], 2]),
    ("takeRight", [[1, 2, 3], INF]),
    ("dropWhile", [[1, 2, 3, 1], F("gt2")]),
    ("takeWhile", [[{"a": 1}, {"a": 1}, {"a": 2}], {"a": 1}]),
    ("slice", [[1, 2, 3, 4], -3, -1]),
    ("flattenDepth", [[1, [2, [3, [4]]]], 2]),
    ("chunk", [[1, 2, 3, 4, 5], 2]),
    ("compact", [[0, 1, False, "", None, U, NAN, "a"]]),
    ("concat", [[1], 2, [3, [4]]]),
    ("difference", [[1, NAN, 2, -0.0], [NAN, 0]]),
    ("differenceBy", [[2.1, 1.2], [2.3], F("floor")]),
    ("intersection", [[2, 1, 2], [2, 3], [3, 2]]),
    ("union", [[2], [1, 2], 5]),
    ("uniq", [[1, 2, 1, NAN, NAN, -0.0, 0]]),
    ("uniqBy", [[{"x": 1}, {"x": 2}, {"x": 1}], "x"]),
    ("uniqWith", [["ab", "cd", "e"], F("lenEq")]),
    ("without", [[1, 2, 1, 3], 1]),
    ("xor", [[1, 2], [2, 3]]),
    ("zip", [["a", "b"], [1]]),
    ("unzip", [[["a", 1], ["b", 2]]]),
    ("zipObject", [["a", "b"], [1]]),
    ("range", [0, 1, 0.25]),
    ("range", [5, 0, -2]),
    ("range", [-3]),
    ("times", [3, F("double")]),
    ("indexOf", [[1, NAN, 3], NAN]),
    ("lastIndexOf", [[1, 2, 1], 1, 1]),
    ("join", [[1, None, [2, 3]], "-"]),
    ("fill", [[1, 2, 3, 4], 0, 1, 3], "mut"),
    ("pull", [[1, 2, 3, 1], 1], "mut"),
    ("remove", [[1, 2, 3, 4], F("isEven")], "mut"),
    ("reverse", [[1, 2, 3]], "mut"),
    ("sortedIndex", [[10, 20, 30], 25]),
    ("sortedLastIndex", [[1, 2, 2, 3], 2]),
    # lang
    ("isEmpty", [0]),
    ("isEmpty", [{"length": 0}]),
    ("isEqual", [{"a": [1, {"b": NAN}]}, {"a": [1, {"b": NAN}]}]),
    ("isEqual", [{"a": 1}, {"a": 1, "b": U}]),
    ("isMatch", [{"a": [1, 2, 3], "b": 1}, {"a": [3, 1]}]),
    ("isPlainObject", [[]]),
    ("isInteger", [3.0]),
    ("toNumber", [" 0x1F "]),
    ("toString", [[1, -0.0, None, [2]]]),
    ("toInteger", [-3.9]),
    ("toArray", ["a\U0001f600"]),
    ("castArray", [U]),
    ("clamp", [10, -5, 5]),
    ("inRange", [3, 4, 2]),
    # strings
    ("camelCase", ["__FOO_BAR__ baz-qux XMLHttp a1b"]),
    ("kebabCase", ["fooBar HTML5Parser déjà"]),
    ("snakeCase", ["Foo Bar 2nd place"]),
    ("startCase", ["--foo-bar--"]),
    ("lowerCase", ["fooBar"]),
    ("upperCase", ["foo-bar"]),
    ("capitalize", ["fRED"]),
    ("upperFirst", ["éa"]),
    ("words", ["fooBar, baz & QUX42 12th"]),
    ("truncate", ["hi-diddly-ho there, neighborino", {"length": 24, "separator": " "}]),
    ("truncate", ["hi-diddly-ho there, neighborino"]),
    ("pad", ["abc", 8, "_-"]),
    ("padStart", ["7", 3, "0"]),
    ("padEnd", ["abc", 6]),
    ("trim", ["-_-abc-_-", "_-"]),
    ("trimStart", ["  abc  "]),
    ("trimEnd", ["  abc \n"]),
    ("repeat", ["ab", 3]),
    ("escape", ["<a href=\"x\">'&'</a>"]),
    ("unescape", ["&lt;b&gt; &amp;amp; &#39;"]),
    ("escapeRegExp", ["[lodash](https://x.y/)?"]),
    ("startsWith", ["abc", "b", 1]),
    ("endsWith", ["abc", "b", 2]),
    ("toUpper", ["straße"]),
    ("parseInt", ["08"]),
    ("parseInt", ["ff", 16]),
    ("deburr", ["Ærøskøbing Straße crème"]),
    # math / functions
    ("add", ["6", 4]),
    ("subtract", [6, "4"]),
    ("divide", [6, 0]),
    ("round", [1.005, 2]),
    ("round", [4060, -2]),
    ("floor", [-0.5]),
    ("ceil", [6.004, 2]),
    ("identity", [U]),
    ("memoize", [5]),
    ("once", [None]),
    ("attempt", [F("throwIt")]),
]


def _js_source(v: Any) -> str:
    """A kview value (or F) as a JavaScript expression."""
    if isinstance(v, F):
        return f"F.{v.name}"
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v:
            return "NaN"
        if v in (INF, -INF):
            return "Infinity" if v > 0 else "-Infinity"
        if v == 0 and math.copysign(1.0, v) < 0:
            return "-0"
        return number_to_string(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(_js_source(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_js_source(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {v!r} as JavaScript")


def _py_value(v: Any) -> Any:
    """Test data → kview values: ints become floats, astral chars surrogate pairs, F callbacks."""
    if isinstance(v, F):
        return PY_FUNCS[v.name]
    if isinstance(v, bool) or v is None or v is UNDEFINED:
        return v
    if isinstance(v, int):
        return float(v)
    if isinstance(v, str):
        return to_code_units(v)
    if isinstance(v, list):
        return [_py_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _py_value(x) for k, x in v.items()}
    return v


_PRELUDE = "const F = {" + ", ".join(f"{n}: {src}" for n, (src, _fn) in FUNCS.items()) + "};\n"


def _js_case(case: tuple) -> str:
    name, args = case[0], case[1]
    arglist = ", ".join(_js_source(a) for a in args)
    if len(case) > 2 and case[2] == "mut":
        return _PRELUDE + f"(() => {{ const a = [{arglist}]; const r = _.{name}(...a); return [r, a[0]] }})()"
    return _PRELUDE + f"_.{name}({arglist})"


def _py_case(case: tuple) -> dict:
    name, args = case[0], [_py_value(a) for a in case[1]]
    try:
        r = _[name].call(UNDEFINED, args)
        if len(case) > 2 and case[2] == "mut":
            r = [r, args[0]]
        return {"ok": encode_kview_value(r)}
    except JSThrow as exc:
        err = exc.value
        return {"throw": {"name": err.name, "message": err.message}}


@pytest.fixture(scope="module")
def node_results() -> list[dict]:
    try:
        return node_eval_many([_js_case(c) for c in CASES])
    except OracleUnavailable as exc:  # pragma: no cover - `make install` provides node
        pytest.skip(str(exc))


def test_enough_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_same_as_lodash(i: int, node_results: list[dict]) -> None:
    case = CASES[i]
    expected = node_results[i]
    actual = _py_case(case)
    if "throw" in expected:
        assert actual.get("throw") == expected["throw"], (case, actual, expected)
        return
    assert "ok" in actual, (case, actual, expected)
    assert tagged_equal(actual["ok"], expected["ok"]), (case, actual["ok"], expected["ok"])


# ---------------------------------------------------------------- behaviour Node can't check here

def _call(name: str, *args: Any) -> Any:
    return _[name].call(UNDEFINED, list(args))


def test_numbers_are_floats() -> None:
    assert _call("range", 3.0) == [0.0, 1.0, 2.0]
    assert all(type(x) is float for x in _call("range", 3.0))
    assert type(_call("size", "abc")) is float
    assert type(_call("indexOf", [1.0], 1.0)) is float
    assert type(_call("countBy", [1.0], UNDEFINED)["1"]) is float


def test_debounce_and_throttle_call_through() -> None:
    for name in ("debounce", "throttle"):
        f = _call(name, PY_FUNCS["double"], 100.0)
        assert f.call(UNDEFINED, [4.0]) == 8.0
        assert f.props["flush"].call(UNDEFINED, []) == 8.0
        assert f.props["cancel"].call(UNDEFINED, []) is UNDEFINED


def test_random_shuffle_sample_unique_id() -> None:
    for _i in range(50):
        r = _call("random", 1.0, 3.0)
        assert r in (1.0, 2.0, 3.0)
        f = _call("random", 1.5)
        assert 0.0 <= f <= 1.5
    arr = [1.0, 2.0, 3.0, 4.0]
    assert sorted(_call("shuffle", arr)) == arr
    assert _call("sample", arr) in arr
    assert _call("sample", []) is UNDEFINED
    a, b = _call("uniqueId", "x_"), _call("uniqueId", "x_")
    assert a.startswith("x_") and b.startswith("x_") and a != b


def test_path_cache_does_not_leak_between_objects() -> None:
    assert _call("get", {"a.b": 1.0}, "a.b") == 1.0
    assert _call("get", {"a": {"b": 2.0}}, "a.b") == 2.0


def test_budget_range_error() -> None:
    with pytest.raises(JSThrow) as exc:
        _call("range", 1e12)
    assert exc.value.value.name == "RangeError"
