"""No Python exception ever reaches a user: random programs and values through the engine's API.

Programs come from a small grammar of literals, operators, built-in calls (string, array, object,
JSON, Math, lodash, RegExp), classes and loops; values come from random JSON handed in as template
data. Whatever they do, ``evaluate``/``render`` either return or raise a ``KViewError``.
Derandomized and bounded so CI is deterministic and quick.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renderer import KViewError, evaluate, render
from renderer.js.runtime import Budgets

SMALL = Budgets(max_steps=5_000, max_seconds=0.5)

atoms = st.sampled_from([
    "0", "1", "-1", "2 ** 31", "1e21", "NaN", "Infinity", "-0", "''", "'abc'", "'\\ud83d'", "'😀'",
    "null", "undefined", "true", "[]", "[1, [2, [3]]]", "{}", "({a: {b: 1}})", "v", "v.a", "v[0]",
    "/a+/g", "/(?<n>x)|y/u", "new Date(0)", "new Map([[1, 2]])", "new Set('ab')", "(() => 1)",
    "Symbol.iterator", "Object", "_", "JSON", "Math", "this",
])
# Method calls go to receivers that have the method, so the built-ins' own code runs (a method
# looked up on the wrong type only tests "is not a function").
RECEIVERS = {
    "string": ["'abc'", "'a-b-c'", "''", "'😀x'", "' pad '", "String(v)", "JSON.stringify(v)"],
    "array": ["[]", "[1, [2, [3]]]", "[3, 1, 2]", "['b', 'a']", "(Array.isArray(v) ? v : [v])"],
    "number": ["1.5", "-0", "NaN", "2 ** 31", "1e21", "Number(v)"],
}
METHODS = {
    "string": ["toString()", "length", "split('')", "split('-', 2)", "repeat(3)", "padStart(9, '*')",
               "padEnd(4)", "concat(v)", "slice(1)", "at(-1)", "indexOf('b')", "replace(/a/g, '$&$&')",
               "replaceAll('a', 'b')", "match(/./g)", "matchAll(/./g)", "includes('b')", "normalize()",
               "localeCompare('b')", "trim()", "trimStart()", "charCodeAt(0)", "codePointAt(0)",
               "toUpperCase()", "search(/b/)", "startsWith('a')", "substring(2, 1)", "at(0)"],
    "array": ["map(x => x)", "join('-')", "concat(v)", "slice(1)", "flat(Infinity)", "sort()",
              "reverse()", "at(-1)", "indexOf(1)", "includes(v)", "keys()", "entries()", "fill(0)",
              "reduce((a, b) => a + b, 0)", "filter(Boolean)", "find(x => x)", "flatMap(x => [x, x])",
              "toSorted()", "with(0, v)", "findLast(x => x)", "copyWithin(0, 1)", "splice(1, 1)"],
    "number": ["toFixed(2)", "toString(2)", "toPrecision(3)", "toExponential(1)", "toLocaleString()",
               "valueOf()"],
}


@st.composite
def method_call(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(RECEIVERS)))
    return f"({draw(st.sampled_from(RECEIVERS[kind]))}).{draw(st.sampled_from(METHODS[kind]))}"


calls = st.sampled_from([
    "JSON.stringify({})", "JSON.parse({})", "Object.keys({})", "Object.assign({}, {})", "Array.from({})",
    "Math.max({})", "String({})", "Number({})", "_.get({}, 'a.b')", "_.merge({}, {})", "_.isEqual({}, {})",
    "_.cloneDeep({})", "_.flattenDeep({})", "_.groupBy({}, 'a')", "_.sortBy({})", "_.template({})",
    "new RegExp({})", "parseInt({})", "encodeURIComponent({})", "structuredClone({})", "[...{}]",
    "`${{}}${{}}`", "({}) + ({})", "({}) - ({})", "({}) < ({})", "typeof {}", "({}) ?? ({})",
    "new Intl.NumberFormat('en', {{style: 'currency', currency: 'USD'}}).format({})", "new Date({}).toISOString()",
])


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 3 if depth < 3 else 0))
    if kind == 0:
        return draw(atoms)
    if kind == 1:
        return draw(method_call())
    template = draw(calls)
    holes = template.count("{}")
    return template.format(*[draw(expressions(depth + 1)) for _ in range(holes)])


@st.composite
def programs(draw: st.DrawFn) -> str:
    lines = []
    for i in range(draw(st.integers(1, 4))):
        e = draw(expressions())
        shape = draw(st.sampled_from([
            "let x{i} = {e};", "try {{ {e} }} catch (err) {{ String(err) }}", "for (const k of [{e}]) k;",
            "class C{i} {{ static {{ this.v = {e} }} m() {{ return {e} }} }}", "{e};",
            "let s{i} = String({e}); for (let j = 0; j < 3; j++) s{i} += s{i};",
        ]))
        lines.append(shape.format(i=i, e=e))
    return "\n".join(lines)


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=250, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(source=programs(), value=json_values)
def test_only_kview_errors_escape_evaluate(source: str, value: object) -> None:
    try:
        evaluate(source, {"v": value}, budgets=SMALL)
    except KViewError:
        pass


@settings(max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expr=expressions(), value=json_values)
def test_only_kview_errors_escape_render(expr: str, value: object) -> None:
    try:
        render(f"<div title={{String({expr})}}>{{JSON.stringify({expr}) ?? ''}}</div>", {"v": value},
               budgets=SMALL)
    except KViewError:
        pass


@settings(max_examples=100, derandomize=True, deadline=None)
@given(source=st.text(max_size=40))
def test_arbitrary_text_is_a_template_or_a_kview_error(source: str) -> None:
    try:
        evaluate(source, budgets=SMALL)
    except KViewError:
        pass
    try:
        evaluate(json.dumps(source) + ".split('').map(c => c.charCodeAt(0)).join()", budgets=SMALL)
    except KViewError:
        pass
